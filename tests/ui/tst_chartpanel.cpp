// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/CandleChart.h"
#include "ui/ChartPanel.h"

#include <QAction>
#include <QLabel>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestChartPanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newBarsAreAppendedWithoutARebuild();
    void theWindowIsCappedAtTheNewestBars();
    void aReplaceUpdateReloadsTheSeries();
    void switchingInstrumentsShowsTheirOwnBarsAndMarkers();
    void zoomingStopsFollowingAndResetZoomResumes();
    void theTimeAxisNamesItsClock();
};

namespace {
const QString aapl = QStringLiteral("XNYS:AAPL:5min");
const QString msft = QStringLiteral("XNAS:MSFT:5min");
const QDateTime t0 = at("2026-11-24T14:30:00Z");
} // namespace

void TestChartPanel::newBarsAreAppendedWithoutARebuild()
{
    ChartPanel panel;
    panel.resize(800, 500);
    panel.show();
    panel.showInstrument(aapl);
    panel.appendBars({aapl, bars(t0, 30), true});
    const int rebuilds = panel.rebuildCount();
    QCOMPARE(panel.candleCount(), 30);
    QCOMPARE(panel.movingAveragePointCount(), 30 - ChartPanel::movingAveragePeriod + 1);
    const Bars more = bars(t0.addSecs(30 * 300), 2, 103);
    panel.appendBars({aapl, {more.at(0)}, false});
    panel.appendBars({aapl, {more.at(1)}, false});
    QCOMPARE(panel.candleCount(), 32);
    QCOMPARE(panel.rebuildCount(), rebuilds);
    // A repeated bar (same opening time) corrects the last candle rather than adding one.
    Bar corrected = more.at(1);
    corrected.close = 99;
    panel.appendBars({aapl, {corrected}, false});
    QCOMPARE(panel.candleCount(), 32);
    // Bars for another instrument do not touch the displayed series.
    panel.appendBars({msft, bars(t0, 5), false});
    QCOMPARE(panel.candleCount(), 32);
    QCOMPARE(panel.rebuildCount(), rebuilds);
}

void TestChartPanel::theTimeAxisNamesItsClock()
{
    ChartPanel panel;
    panel.showInstrument(aapl);
    panel.appendBars({aapl, bars(t0, 30), true});
    const QString zone = t0.addSecs(29 * 300).toLocalTime().timeZoneAbbreviation();
    QVERIFY(!zone.isEmpty());
    QCOMPARE(panel.candleChart()->timeAxisTitle(), QStringLiteral("Time (%1)").arg(zone));
}

void TestChartPanel::theWindowIsCappedAtTheNewestBars()
{
    ChartPanel panel;
    panel.showInstrument(aapl);
    panel.appendBars({aapl, bars(t0, ChartPanel::maxBars), true});
    const Bars later = bars(t0.addSecs(qint64(ChartPanel::maxBars) * 300), 10, 120);
    panel.appendBars({aapl, later, false});
    QCOMPARE(panel.candleCount(), ChartPanel::maxBars);
    // The average needs a full period of bars: the first 19 of the reload have none, the 10 new ones do.
    const int firstLoad = ChartPanel::maxBars - ChartPanel::movingAveragePeriod + 1;
    QCOMPARE(panel.movingAveragePointCount(), firstLoad + 10);
    // The series still start at the oldest kept bar after a switch away and back.
    panel.showInstrument(msft);
    panel.showInstrument(aapl);
    QCOMPARE(panel.candleCount(), ChartPanel::maxBars);
    QCOMPARE(panel.movingAveragePointCount(), firstLoad);
}

void TestChartPanel::aReplaceUpdateReloadsTheSeries()
{
    ChartPanel panel;
    panel.showInstrument(aapl);
    panel.appendBars({aapl, bars(t0, 50), true});
    const int rebuilds = panel.rebuildCount();
    panel.appendBars({aapl, bars(t0, 10), true});
    QCOMPARE(panel.candleCount(), 10);
    QCOMPARE(panel.movingAveragePointCount(), 0);
    QCOMPARE(panel.rebuildCount(), rebuilds + 1);
}

void TestChartPanel::switchingInstrumentsShowsTheirOwnBarsAndMarkers()
{
    ChartPanel panel;
    panel.appendBars({aapl, bars(t0, 40), true});
    panel.appendBars({msft, bars(t0, 25, 300), true});
    panel.addMarker({aapl, ChartMarker::Kind::Proposal, Side::Buy, t0.addSecs(600), 100.5});
    panel.addMarker({aapl, ChartMarker::Kind::Execution, Side::Buy, t0.addSecs(900), 100.6});
    panel.addMarker({msft, ChartMarker::Kind::Proposal, Side::Sell, t0.addSecs(600), 300.5});
    panel.showInstrument(aapl);
    QCOMPARE(panel.candleCount(), 40);
    QCOMPARE(panel.markerCount(), 2);
    panel.showInstrument(msft);
    QCOMPARE(panel.candleCount(), 25);
    QCOMPARE(panel.markerCount(), 1);
    panel.addMarker({msft, ChartMarker::Kind::Execution, Side::Sell, t0.addSecs(900), 300.2});
    QCOMPARE(panel.markerCount(), 2);
    // An instrument without bars yet shows the placeholder, not an empty chart.
    panel.showInstrument(QStringLiteral("XNAS:NVDA:5min"));
    QCOMPARE(panel.candleCount(), 0);
    QCOMPARE(panel.markerCount(), 0);
    auto* placeholder = panel.findChild<QLabel*>(QStringLiteral("chartPlaceholder"));
    QVERIFY(placeholder);
    QVERIFY(!placeholder->isHidden());
    QVERIFY(placeholder->text().contains(u"NVDA"));
    QVERIFY(panel.candleChart()->isHidden());
}

void TestChartPanel::zoomingStopsFollowingAndResetZoomResumes()
{
    ChartPanel panel;
    panel.resize(800, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showInstrument(aapl);
    panel.appendBars({aapl, bars(t0, 100), true});
    QVERIFY(panel.isFollowingLatest());
    panel.zoomTime(2.0);
    QVERIFY(!panel.isFollowingLatest());
    QAction* reset = panel.findChild<QAction*>(QStringLiteral("actionResetZoom"));
    QVERIFY(reset);
    reset->trigger();
    QVERIFY(panel.isFollowingLatest());
}

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
