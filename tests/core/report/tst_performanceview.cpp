// SPDX-License-Identifier: GPL-3.0-or-later
// The Performance view's data (ADR 0137): the equity curve with its drawdown, worked out from a
// report, and Save… writing the report as JSON or its closed trades as CSV.
#include "report/ClosedTradesCsv.h"
#include "report/PerformanceView.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

namespace {

constexpr qint64 hourMs = 3600 * 1000;

FillRecord fillOf(Side side, double quantity, double price, qint64 atMs)
{
    return FillRecord{QStringLiteral("p%1").arg(atMs), QStringLiteral("FX:EUR/USD:1h"), QStringLiteral("sma_cross"),
                      side, false, quantity, price, 0, atMs};
}

/// From 1,000: +100 (peak 1,100), −220 (880: 20 % below the peak), +330 (1,210: a new peak).
PerformanceReport threeTrades(std::optional<QDateTime> from = std::nullopt)
{
    const QList<FillRecord> fills{
        fillOf(Side::Buy, 100, 10, 1 * hourMs), fillOf(Side::Sell, 100, 11, 2 * hourMs),
        fillOf(Side::Buy, 100, 10, 3 * hourMs), fillOf(Side::Sell, 100, 7.8, 4 * hourMs),
        fillOf(Side::Buy, 100, 10, 5 * hourMs), fillOf(Side::Sell, 100, 13.3, 6 * hourMs),
    };
    return PerformanceReport::build(fills, ReportWindow{from, std::nullopt, 1000});
}

} // namespace

class TestPerformanceView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theCurveStartsAtTheWindowAndFallsFromItsRunningPeak()
    {
        const QList<EquityPoint> curve = equityCurve(threeTrades());
        QCOMPARE(curve.size(), 4);
        // No window start: the curve starts where the first closed trade opened.
        QCOMPARE(curve.at(0), (EquityPoint{1 * hourMs, 1000, 0}));
        QCOMPARE(curve.at(1).atMs, 2 * hourMs);
        QVERIFY(qFuzzyCompare(curve.at(1).equity, 1100.0));
        QCOMPARE(curve.at(1).drawdown, 0.0);
        QVERIFY(qFuzzyCompare(curve.at(2).equity, 880.0));
        QVERIFY(qFuzzyCompare(curve.at(2).drawdown, 0.2));
        QVERIFY(qFuzzyCompare(curve.at(3).equity, 1210.0));
        QCOMPARE(curve.at(3).drawdown, 0.0);
        // The deepest point of the curve is the report's maximum drawdown.
        double deepest = 0;
        for (const EquityPoint& point : curve)
            deepest = std::max(deepest, point.drawdown);
        QVERIFY(qFuzzyCompare(deepest, threeTrades().total.maxDrawdown));

        const QDateTime start = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        QCOMPARE(equityCurve(threeTrades(start)).constFirst().atMs, 0);
    }

    void anEmptyReportIsOnePointAtTheStartingEquity()
    {
        const PerformanceReport empty = PerformanceReport::build({}, ReportWindow{std::nullopt, std::nullopt, 5000});
        const PerformanceView view = performanceView(empty, PerformanceView::Source::Journal);
        QCOMPARE(view.equity.size(), 1);
        QCOMPARE(view.equity.constFirst().equity, 5000.0);
        QVERIFY(view.ok());
    }

    void saveWritesTheReportAsJsonOrItsTradesAsCsv()
    {
        QTemporaryDir dir;
        const PerformanceReport report = threeTrades();
        const QString json = dir.filePath(QStringLiteral("report.json"));
        QVERIFY(savePerformance({json, report}).ok());
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).object(), report.toJson());

        const QString csv = dir.filePath(QStringLiteral("trades.CSV"));
        QVERIFY(savePerformance({csv, report}).ok());
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QCOMPARE(csvFile.readAll(), closedTradesCsv(report.closedTrades));
    }

    void aPathThatCannotBeWrittenNamesItselfAndLeavesNothing()
    {
        QTemporaryDir dir;
        const QString blocked = dir.filePath(QStringLiteral("missing/report.json"));
        const Status saved = savePerformance({blocked, threeTrades()});
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, QStringLiteral("export_failed"));
        QVERIFY2(saved.error().message.contains(blocked), qPrintable(saved.error().message));
        QVERIFY(!saved.error().remedy.isEmpty());
        QVERIFY(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPerformanceView)
#include "tst_performanceview.moc"
