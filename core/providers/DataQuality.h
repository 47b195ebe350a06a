// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

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

/// A bar as read from a source, before sanitising. `bar` is only meaningful when `rejection`
/// is empty; a reader that could not even read the row (unparseable number, bad timestamp)
/// fills `rejection` so the sanitiser records it in order with the others.
struct CandidateBar {
    QString label;
    Bar bar;
    std::optional<DataQualityIssue> rejection;
};

struct SanitizedBars {
    Bars bars; ///< oldest first
    QList<DataQualityIssue> issues;
};

/// Which direction a source lists its rows in. Alpha Vantage lists newest first, CSV files
/// oldest first; a row that breaks the order is dropped as out of order.
enum class RowOrder { NewestFirst, OldestFirst, Any };

/// Applies every bar rule: finite and positive prices, high ≥ low, open and close within
/// [low, high], non-negative volume, strictly ordered unique timestamps, none after `now`
/// (skipped when `now` is invalid). Bad rows are dropped with a reason; good rows are returned
/// oldest first. Duplicates with equal values keep one row; duplicates that disagree are both
/// dropped, because nothing tells which one is right.
[[nodiscard]] SanitizedBars sanitizeBars(const QList<CandidateBar>& rowsInSourceOrder, const QDateTime& now,
                                         RowOrder order);

/// Checks one bar's values only (no ordering); returns the first rule it breaks.
[[nodiscard]] std::optional<DataQualityIssue> checkBarValues(const QString& label, const Bar& bar);

/// True when `value` is a finite number (not NaN, not ±inf).
[[nodiscard]] bool isFiniteNumber(double value);

} // namespace sentinel
