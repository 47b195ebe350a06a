// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/PerformanceFigures.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

#include <optional>

namespace sentinel {

/// What a report covers: fills and round trips closed in [from, to), each end open when unset,
/// against an account that held `startingEquity` before the journal's first fill (the journal
/// does not record it; the paper account's default unless the caller knows better).
struct ReportWindow {
    std::optional<QDateTime> from;
    std::optional<QDateTime> to;
    double startingEquity = 100000;
};

/// Issue 17's performance report over a journal's fills: the whole window, and the same figures
/// per strategy and per instrument. Round trips are matched over every fill before the window's
/// end, so a trade opened before the window and closed in it counts, with its whole P&L, in the
/// window; P&L closed before the window moves the equity the window starts from.
struct PerformanceReport {
    ReportWindow window;
    double equityAtStart = 0;                       ///< starting equity plus P&L closed before the window
    PerformanceFigures total;
    QMap<QString, PerformanceFigures> byStrategy;   ///< by the strategy that opened the trade ("unrecorded" before schema 5)
    QMap<QString, PerformanceFigures> byInstrument; ///< by instrument key
    QList<ClosedTrade> closedTrades;                ///< in the window, in closing order

    /// `fills` oldest first, none at or after window.to (journalfills::read gives them so).
    [[nodiscard]] static PerformanceReport build(const QList<FillRecord>& fills, const ReportWindow& window);

    /// The total's figures at the top level, then "by_strategy", "by_instrument", "starting_equity",
    /// "equity_at_start", "from" and "to" (null when open).
    [[nodiscard]] QJsonObject toJson() const;
};

/// Realised P&L (net of fees) of the round trips closed in [from, to), from every fill before `to`.
[[nodiscard]] double realisedPnl(const QList<FillRecord>& fills, const QDateTime& from, const QDateTime& to);

/// The name a strategy is reported under: "" (journalled before schema 5) reads "unrecorded".
[[nodiscard]] QString reportedStrategy(const QString& strategy);

} // namespace sentinel
