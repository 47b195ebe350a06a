// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/RoundTrips.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace sentinel {

/// The figures of one set of trades (issue 17's definitions): all of a report, or one strategy's
/// or one instrument's share of it.
struct PerformanceFigures {
    int trades = 0;                     ///< fills
    int closedTrades = 0;               ///< round trips
    int wins = 0;                       ///< closed with pnl > 0
    double pnl = 0;                     ///< realised, account currency, net of fees
    double grossProfit = 0;             ///< sum of winning pnl
    double grossLoss = 0;               ///< sum of losing pnl, as a positive number
    double winRate = 0;                 ///< wins ÷ closed trades, 0..1 (0 without closed trades)
    std::optional<double> profitFactor; ///< gross profit ÷ gross loss; none without a loss
    double averageWin = 0;              ///< 0 without wins
    double averageLoss = 0;             ///< positive; 0 without losses
    double maxDrawdown = 0;             ///< largest fall from an equity peak, a positive fraction
    double sharpe = 0;                  ///< daily returns, annualised by √252, 0 when undefined
    double sortino = 0;                 ///< the same over downside deviation

    /// {"trades", "closed_trades", "win_rate", "profit_factor" (null without a loss), "pnl",
    ///  "max_drawdown", "sharpe", "sortino", "gross_profit", "gross_loss", "average_win", "average_loss"}
    [[nodiscard]] QJsonObject toJson() const;
};

/// Ratios on a series of periodic returns, as quantstats defines them with a zero risk-free rate.
namespace returnstats {

inline constexpr double tradingDaysPerYear = 252.0;

/// mean ÷ sample standard deviation (n − 1) × √252; 0 with fewer than two returns or no deviation.
[[nodiscard]] double sharpe(const QList<double>& returns);
/// mean ÷ downside deviation × √252, where the downside deviation is √(Σ min(r, 0)² ÷ n) over all
/// n returns; 0 with fewer than two returns or no losing period.
[[nodiscard]] double sortino(const QList<double>& returns);
/// Largest fall from a running peak, as a positive fraction of that peak; 0 for a curve that
/// never falls. Peaks at or below zero cannot be measured against and are skipped.
[[nodiscard]] double maxDrawdown(const QList<double>& equity);

} // namespace returnstats

/// The equity a set of closed trades makes from `startingEquity`: at the start of the window,
/// after each trade, and at the end of each UTC day from `firstDayMs`'s day to `lastDayMs`'s.
struct EquityPath {
    QList<double> afterEachTrade; ///< the starting equity first
    QList<double> dailyReturns;   ///< one per UTC day of the window
};

[[nodiscard]] EquityPath equityPath(const QList<ClosedTrade>& closedInWindow, double startingEquity, qint64 firstDayMs,
                                    qint64 lastDayMs);

/// The figures of trades already chosen: `fills` for the count, `closed` for the rest.
[[nodiscard]] PerformanceFigures performanceOf(qsizetype fills, const QList<ClosedTrade>& closed, double startingEquity,
                                               qint64 firstDayMs, qint64 lastDayMs);

} // namespace sentinel
