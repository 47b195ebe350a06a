// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"

#include <QString>

#include <optional>

// The rules one bar's values must keep, whoever read the bar: the providers' sanitiser
// (providers/DataQuality.h) and the broker wire parsers (brokers/) apply the same ones.

namespace sentinel {

/// One row a provider refused, and why. `row` is the row's own label as the source wrote it
/// (a timestamp text, a CSV line number), so an operator can find it in the raw data.
struct DataQualityIssue {
    QString row;
    QString rule;    ///< stable code: "not_finite", "high_below_low", "future_timestamp", ...
    QString message; ///< what is wrong with this row, in a sentence

    [[nodiscard]] QString toString() const { return row + u": " + message + u" [" + rule + u']'; }
    friend bool operator==(const DataQualityIssue&, const DataQualityIssue&) = default;
};

/// Checks one bar's values only (no ordering); returns the first rule it breaks.
[[nodiscard]] std::optional<DataQualityIssue> checkBarValues(const QString& label, const Bar& bar);

/// True when `value` is a finite number (not NaN, not ±inf).
[[nodiscard]] bool isFiniteNumber(double value);

} // namespace sentinel
