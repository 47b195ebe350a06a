// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/PerformanceView.h"

#include "report/ClosedTradesCsv.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace sentinel {

QList<EquityPoint> equityCurve(const PerformanceReport& report)
{
    QList<EquityPoint> curve;
    curve.reserve(report.closedTrades.size() + 1);
    qint64 startMs = 0;
    if (report.window.from)
        startMs = report.window.from->toMSecsSinceEpoch();
    else if (!report.closedTrades.isEmpty())
        startMs = report.closedTrades.first().openedAtMs;
    double equity = report.equityAtStart;
    double peak = equity;
    const auto drawdownAt = [&peak](double value) { return peak > 0 ? std::max(0.0, (peak - value) / peak) : 0.0; };
    curve.append({startMs, equity, 0});
    for (const ClosedTrade& trade : report.closedTrades) {
        equity += trade.pnl;
        peak = std::max(peak, equity);
        curve.append({std::max(trade.closedAtMs, startMs), equity, drawdownAt(equity)});
    }
    return curve;
}

PerformanceView performanceView(PerformanceReport report, PerformanceView::Source source, const QString& description)
{
    PerformanceView view;
    view.source = source;
    view.description = description;
    view.equity = equityCurve(report);
    view.report = std::move(report);
    return view;
}

Status savePerformance(const PerformanceSaveRequest& request)
{
    const auto failed = [&request](const QString& why) {
        return Error(QStringLiteral("export_failed"),
                     QStringLiteral("could not save the performance report to %1: %2").arg(request.path, why),
                     QStringLiteral("choose a folder you can write to, with room for the file"));
    };
    const bool csv = request.path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive);
    const QByteArray content = csv ? closedTradesCsv(request.report.closedTrades)
                                   : QJsonDocument(request.report.toJson()).toJson(QJsonDocument::Indented);
    QSaveFile file(request.path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    if (file.write(content) != content.size() || !file.commit())
        return failed(file.errorString());
    return okStatus();
}

} // namespace sentinel
