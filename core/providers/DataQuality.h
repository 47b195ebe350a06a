// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"
#include "market/BarValues.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace sentinel {

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

} // namespace sentinel
