// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/ChartGeometry.h"

#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestChartGeometry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followingPutsTheNewestBarAtTheRightEdge();
    void zoomingKeepsTheBarUnderThePointerInPlace();
    void panningCannotLoseTheChartOffAnEdge();
    void narrowBarsAreGatheredIntoPixelColumns();
    void priceTicksAreRound_data();
    void priceTicksAreRound();
};

namespace {
ChartGeometry geometry(int count, double width = 800)
{
    ChartGeometry g;
    g.setPlot(10, width);
    g.setCount(count);
    g.follow();
    return g;
}
} // namespace

void TestChartGeometry::followingPutsTheNewestBarAtTheRightEdge()
{
    const ChartGeometry many = geometry(5000);
    QCOMPARE(many.lastVisible(), 4999);
    QVERIFY(many.xForIndex(4999) < many.left() + many.width() - ChartGeometry::followPadPx / 2);
    QVERIFY(many.xForIndex(4999) > many.left() + many.width() - ChartGeometry::followPadPx - many.step());
    QVERIFY(many.firstVisible() > 4000); // candles at a readable width, not all 5,000
    const ChartGeometry few = geometry(30);
    QCOMPARE(few.firstVisible(), 0);
    QCOMPARE(few.lastVisible(), 29);
}

void TestChartGeometry::zoomingKeepsTheBarUnderThePointerInPlace()
{
    ChartGeometry g = geometry(5000);
    const int bar = g.lastVisible() - 40;
    const double x = g.xForIndex(bar);
    const double span = g.span();
    g.zoom(2.0, x);
    QCOMPARE(g.span(), span / 2);
    QVERIFY(std::abs(g.xForIndex(bar) - x) < 1e-6);
    g.zoom(1e-6, x);
    QCOMPARE(g.firstVisible(), 0);
    QCOMPARE(g.lastVisible(), 4999);
    g.zoom(1e6, x);
    QCOMPARE(g.span(), ChartGeometry::minSpan);
}

void TestChartGeometry::panningCannotLoseTheChartOffAnEdge()
{
    ChartGeometry g = geometry(1000);
    g.pan(-1e6); // far into the future
    QVERIFY(g.firstVisible() < 1000);
    QVERIFY(g.xForIndex(999) >= g.left() + g.width() / 2 - g.step());
    g.pan(1e7); // far into the past
    QCOMPARE(g.firstVisible(), 0);
    QVERIFY(g.xForIndex(0) <= g.left() + g.width() / 2 + g.step());
}

void TestChartGeometry::narrowBarsAreGatheredIntoPixelColumns()
{
    const Bars series = bars(at("2026-01-05T14:30:00Z"), 10'000, 100, 60);
    ChartGeometry g = geometry(int(series.size()), 800);
    QCOMPARE(g.groupSize(), 1);
    g.zoom(1e-6, 0);
    QVERIFY(g.step() < 1);
    QCOMPARE(g.groupSize(), int(std::ceil(1 / g.step())));
    QList<ChartColumn> columns;
    g.aggregate(series, columns);
    QVERIFY(columns.size() <= 800);
    const ChartColumn& first = columns.at(0);
    QCOMPARE(first.first, 0);
    QCOMPARE(first.last, g.groupSize() - 1);
    QCOMPARE(first.open, series.at(0).open);
    QCOMPARE(first.close, series.at(first.last).close);
    QCOMPARE(first.high, series.at(first.last).high); // the bars rise: the last is the highest
    QCOMPARE(first.low, series.at(0).low);
    QCOMPARE(first.volume, 1000.0 * g.groupSize());
    int covered = 0;
    for (const ChartColumn& column : columns)
        covered += column.last - column.first + 1;
    QCOMPARE(covered, 10'000);
}

void TestChartGeometry::priceTicksAreRound_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("firstTick");
    QTest::newRow("a stock's dollars in halves") << 188.13 << 190.61 << 0.5 << 188.5;
    QTest::newRow("a pair's pips in tens") << 1.08113 << 1.08391 << 0.0005 << 1.0815;
    QTest::newRow("bitcoin in thousands") << 61234.0 << 68990.0 << 2000.0 << 62000.0;
}

void TestChartGeometry::priceTicksAreRound()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, step);
    QFETCH(double, firstTick);
    QList<double> ticks;
    QCOMPARE(niceTicks(low, high, 6, ticks), step);
    QVERIFY(!ticks.isEmpty() && ticks.size() <= 7);
    QVERIFY(std::abs(ticks.constFirst() - firstTick) < step * 1e-6);
    QVERIFY(ticks.constLast() <= high);
}

QTEST_GUILESS_MAIN(TestChartGeometry)
#include "tst_chartgeometry.moc"
