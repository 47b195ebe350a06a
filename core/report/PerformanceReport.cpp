// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/PerformanceReport.h"

#include <QJsonValue>

namespace sentinel {

namespace {

bool inWindow(qint64 atMs, const ReportWindow& window)
{
    return (!window.from || atMs >= window.from->toMSecsSinceEpoch()) && (!window.to || atMs < window.to->toMSecsSinceEpoch());
}

QJsonValue instant(const std::optional<QDateTime>& at)
{
    return at ? QJsonValue(at->toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

/// A group's fills and round trips, gathered before its figures are computed.
struct Group {
    qsizetype fills = 0;
    QList<ClosedTrade> closed;
};

} // namespace

QString reportedStrategy(const QString& strategy)
{
    return strategy.isEmpty() ? QStringLiteral("unrecorded") : strategy;
}

PerformanceReport PerformanceReport::build(const QList<FillRecord>& fills, const ReportWindow& window)
{
    PerformanceReport report;
    report.window = window;
    report.equityAtStart = window.startingEquity;
    QMap<QString, Group> strategies;
    QMap<QString, Group> instruments;
    qsizetype fillsInWindow = 0;
    std::optional<qint64> first;
    std::optional<qint64> last;
    for (const FillRecord& fill : fills) {
        if (!inWindow(fill.atMs, window))
            continue;
        ++fillsInWindow;
        ++strategies[reportedStrategy(fill.strategy)].fills;
        ++instruments[fill.instrumentKey].fills;
        first = first ? std::min(*first, fill.atMs) : fill.atMs;
        last = last ? std::max(*last, fill.atMs) : fill.atMs;
    }
    for (const ClosedTrade& trade : matchRoundTrips(fills)) {
        if (window.from && trade.closedAtMs < window.from->toMSecsSinceEpoch()) {
            report.equityAtStart += trade.pnl;
            continue;
        }
        if (!inWindow(trade.closedAtMs, window))
            continue;
        report.closedTrades << trade;
        strategies[reportedStrategy(trade.strategy)].closed << trade;
        instruments[trade.instrumentKey].closed << trade;
    }
    // The days the returns run over: the window's own ends where given, else its first and last
    // fill; a window without fills and without ends has none.
    const qint64 lastDayMs = window.to ? window.to->toMSecsSinceEpoch() - 1 : last.value_or(0);
    const qint64 firstDayMs = window.from ? window.from->toMSecsSinceEpoch() : first.value_or(lastDayMs);
    const auto figuresOf = [&](const Group& group) {
        return performanceOf(group.fills, group.closed, report.equityAtStart, firstDayMs, lastDayMs);
    };
    report.total = performanceOf(fillsInWindow, report.closedTrades, report.equityAtStart, firstDayMs, lastDayMs);
    for (auto it = strategies.cbegin(); it != strategies.cend(); ++it)
        report.byStrategy.insert(it.key(), figuresOf(it.value()));
    for (auto it = instruments.cbegin(); it != instruments.cend(); ++it)
        report.byInstrument.insert(it.key(), figuresOf(it.value()));
    return report;
}

QJsonObject PerformanceReport::toJson() const
{
    QJsonObject json = total.toJson();
    const auto groups = [](const QMap<QString, PerformanceFigures>& figures) {
        QJsonObject object;
        for (auto it = figures.cbegin(); it != figures.cend(); ++it)
            object.insert(it.key(), it.value().toJson());
        return object;
    };
    json.insert(QStringLiteral("by_strategy"), groups(byStrategy));
    json.insert(QStringLiteral("by_instrument"), groups(byInstrument));
    json.insert(QStringLiteral("starting_equity"), window.startingEquity);
    json.insert(QStringLiteral("equity_at_start"), equityAtStart);
    json.insert(QStringLiteral("from"), instant(window.from));
    json.insert(QStringLiteral("to"), instant(window.to));
    return json;
}

double realisedPnl(const QList<FillRecord>& fills, const QDateTime& from, const QDateTime& to)
{
    double pnl = 0;
    for (const ClosedTrade& trade : matchRoundTrips(fills)) {
        if (trade.closedAtMs >= from.toMSecsSinceEpoch() && trade.closedAtMs < to.toMSecsSinceEpoch())
            pnl += trade.pnl;
    }
    return pnl;
}

} // namespace sentinel
