// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/PerformanceFigures.h"

#include <QJsonValue>

#include <cmath>
#include <numeric>

namespace sentinel {

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

qint64 dayOf(qint64 ms)
{
    // Floor, not truncation: instants before 1970 belong to the day they fall in.
    return ms >= 0 ? ms / msPerDay : -((-ms + msPerDay - 1) / msPerDay);
}

double mean(const QList<double>& values)
{
    return std::accumulate(values.cbegin(), values.cend(), 0.0) / static_cast<double>(values.size());
}

/// A ratio that is not a finite number says nothing: reported as 0, never NaN or infinity.
double finiteOrZero(double value)
{
    return std::isfinite(value) ? value : 0.0;
}

} // namespace

QJsonObject PerformanceFigures::toJson() const
{
    return QJsonObject{
        {QStringLiteral("trades"), trades},
        {QStringLiteral("closed_trades"), closedTrades},
        {QStringLiteral("win_rate"), winRate},
        {QStringLiteral("profit_factor"), profitFactor ? QJsonValue(*profitFactor) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("pnl"), pnl},
        {QStringLiteral("max_drawdown"), maxDrawdown},
        {QStringLiteral("sharpe"), sharpe},
        {QStringLiteral("sortino"), sortino},
        {QStringLiteral("gross_profit"), grossProfit},
        {QStringLiteral("gross_loss"), grossLoss},
        {QStringLiteral("average_win"), averageWin},
        {QStringLiteral("average_loss"), averageLoss},
    };
}

namespace returnstats {

double sharpe(const QList<double>& returns)
{
    if (returns.size() < 2)
        return 0.0;
    const double average = mean(returns);
    double squares = 0;
    for (const double value : returns)
        squares += (value - average) * (value - average);
    const double deviation = std::sqrt(squares / static_cast<double>(returns.size() - 1));
    if (!(deviation > 0))
        return 0.0;
    return finiteOrZero(average / deviation * std::sqrt(tradingDaysPerYear));
}

double sortino(const QList<double>& returns)
{
    if (returns.size() < 2)
        return 0.0;
    double downsideSquares = 0;
    for (const double value : returns) {
        if (value < 0)
            downsideSquares += value * value;
    }
    const double downside = std::sqrt(downsideSquares / static_cast<double>(returns.size()));
    if (!(downside > 0))
        return 0.0;
    return finiteOrZero(mean(returns) / downside * std::sqrt(tradingDaysPerYear));
}

double maxDrawdown(const QList<double>& equity)
{
    double peak = 0;
    double deepest = 0;
    for (const double value : equity) {
        if (value > peak)
            peak = value;
        else if (peak > 0)
            deepest = std::max(deepest, (peak - value) / peak);
    }
    return finiteOrZero(deepest);
}

} // namespace returnstats

EquityPath equityPath(const QList<ClosedTrade>& closedInWindow, double startingEquity, qint64 firstDayMs, qint64 lastDayMs)
{
    EquityPath path;
    path.afterEachTrade << startingEquity;
    double equity = startingEquity;
    for (const ClosedTrade& trade : closedInWindow) {
        equity += trade.pnl;
        path.afterEachTrade << equity;
    }
    // End-of-day equity for every UTC day of the window, trades or not: a quiet day is a 0 return.
    const qint64 firstDay = dayOf(firstDayMs);
    const qint64 lastDay = dayOf(lastDayMs);
    double previous = startingEquity;
    qsizetype next = 0;
    for (qint64 day = firstDay; day <= lastDay; ++day) {
        double close = previous;
        while (next < closedInWindow.size() && dayOf(closedInWindow.at(next).closedAtMs) <= day)
            close += closedInWindow.at(next++).pnl;
        // An account at or below zero has no return to speak of; counted as flat rather than dividing by it.
        path.dailyReturns << (previous > 0 ? close / previous - 1.0 : 0.0);
        previous = close;
    }
    return path;
}

PerformanceFigures performanceOf(qsizetype fills, const QList<ClosedTrade>& closed, double startingEquity, qint64 firstDayMs,
                                 qint64 lastDayMs)
{
    PerformanceFigures figures;
    figures.trades = static_cast<int>(fills);
    figures.closedTrades = static_cast<int>(closed.size());
    int losses = 0;
    for (const ClosedTrade& trade : closed) {
        figures.pnl += trade.pnl;
        if (trade.pnl > 0) {
            ++figures.wins;
            figures.grossProfit += trade.pnl;
        } else if (trade.pnl < 0) {
            ++losses;
            figures.grossLoss -= trade.pnl;
        }
    }
    if (figures.closedTrades > 0)
        figures.winRate = static_cast<double>(figures.wins) / figures.closedTrades;
    if (figures.grossLoss > 0)
        figures.profitFactor = figures.grossProfit / figures.grossLoss;
    if (figures.wins > 0)
        figures.averageWin = figures.grossProfit / figures.wins;
    if (losses > 0)
        figures.averageLoss = figures.grossLoss / losses;
    const EquityPath path = equityPath(closed, startingEquity, firstDayMs, lastDayMs);
    figures.maxDrawdown = returnstats::maxDrawdown(path.afterEachTrade);
    figures.sharpe = returnstats::sharpe(path.dailyReturns);
    figures.sortino = returnstats::sortino(path.dailyReturns);
    return figures;
}

} // namespace sentinel
