// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/ChartSeries.h"

#include <QTest>

#include <ctime>

using namespace sentinel;
using namespace sentinel::test;

class TestChartSeries final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void updatesCorrectTheNewestBarAndIgnoreLateOnes();
    void theOldestBarsGoBeyondTheLimitKeepingTheirAverages();
    void oneLateBarDoesNotMakeEveryStepAGap();
    void dailyBarsSkipWeekendsWithoutAGap();
    void aSessionStartsOnEachNewLocalDay();
    void pricesAreWrittenWithTheirOwnDecimals_data();
    void pricesAreWrittenWithTheirOwnDecimals();
    void aMarkerTimeFindsTheBarWhoseIntervalHoldsIt();
};

void TestChartSeries::initTestCase()
{
    qputenv("TZ", "America/New_York");
    tzset();
}

void TestChartSeries::updatesCorrectTheNewestBarAndIgnoreLateOnes()
{
    const QDateTime t0 = at("2026-11-24T14:30:00Z");
    Bars held = bars(t0, 3);
    Bar corrected = held.at(2);
    corrected.close = 7;
    const Bars update = {held.at(0), corrected, Bar{}, bars(t0.addSecs(900), 1).at(0)};
    const ChartSeries::Merge merged = ChartSeries::merge(held, update, 100);
    QCOMPARE(merged.appended, 1);
    QVERIFY(merged.correctedLast);
    QCOMPARE(merged.dropped, 0);
    QCOMPARE(held.size(), 4);
    QCOMPARE(held.at(2).close, 7.0);
}

void TestChartSeries::theOldestBarsGoBeyondTheLimitKeepingTheirAverages()
{
    const QDateTime t0 = at("2026-11-24T14:30:00Z");
    ChartSeries series(50);
    series.reset(bars(t0, 60)); // the newest 50
    QCOMPARE(series.size(), 50);
    QCOMPARE(series.at(0).openTime, t0.addSecs(10 * 300));
    QCOMPARE(series.averagePointCount(), 50 - ChartSeries::averagePeriod + 1);
    const double average = series.average(30);
    const ChartSeries::Merge merged = series.append(bars(t0.addSecs(60 * 300), 5, 200));
    QCOMPARE(merged.dropped, 5);
    QCOMPARE(series.size(), 50);
    // Bar 30 is bar 25 now, with the average it had; the new bars have theirs.
    QCOMPARE(series.average(25), average);
    QCOMPARE(series.averagePointCount(), 50 - ChartSeries::averagePeriod + 1 + 5);
    QCOMPARE(series.utcMs(49), t0.addSecs(64 * 300).toMSecsSinceEpoch());
}

void TestChartSeries::oneLateBarDoesNotMakeEveryStepAGap()
{
    Bars held = bars(at("2026-11-24T14:30:00Z"), 40);
    held[20].openTime = held.at(20).openTime.addSecs(60); // a bar stamped a minute late
    ChartSeries series;
    series.reset(held);
    QCOMPARE(series.intervalMs(), 300'000);
    QCOMPARE(series.gapCount(), 0);
    QCOMPARE(series.averageRuns().size(), 1);
}

void TestChartSeries::dailyBarsSkipWeekendsWithoutAGap()
{
    // Monday 2 November to Friday 27 November, weekdays only, and then a week missing.
    Bars daily;
    for (QDate day(2026, 11, 2); day <= QDate(2026, 11, 27); day = day.addDays(1)) {
        if (day.dayOfWeek() <= 5)
            daily.append(bars(QDateTime(day, QTime(5, 0), Qt::UTC), 1, 100 + daily.size()).constFirst());
    }
    daily.append(bars(QDateTime(QDate(2026, 12, 7), QTime(5, 0), Qt::UTC), 1, 130).constFirst());
    ChartSeries series;
    series.reset(daily);
    QCOMPARE(series.intervalMs(), qint64(86'400'000));
    QCOMPARE(series.gapCount(), 1);
    QVERIFY(series.gapBefore(series.size() - 1));
    // Daily bars separate months, not days.
    QCOMPARE(series.sessionStarts(), QList<int>{series.size() - 1});
}

void TestChartSeries::aSessionStartsOnEachNewLocalDay()
{
    // Around the clock, hourly, from Tuesday 04:00 UTC: in New York a day begins at 05:00 UTC.
    ChartSeries series;
    series.reset(bars(at("2026-11-24T04:00:00Z"), 48, 1.08, 3600));
    QCOMPARE(series.gapCount(), 0);
    QCOMPARE(series.sessionStarts(), (QList<int>{1, 25}));
    QCOMPARE(series.localMs(1) - series.utcMs(1), qint64(-5 * 3600 * 1000));
}

void TestChartSeries::pricesAreWrittenWithTheirOwnDecimals_data()
{
    QTest::addColumn<double>("price");
    QTest::addColumn<int>("decimals");
    QTest::newRow("a stock in cents has two") << 189.42 << 2;
    QTest::newRow("a whole-number price still has two") << 180.0 << 2;
    QTest::newRow("a pip-quoted pair has five") << 1.08345 << 5;
    QTest::newRow("a yen pair has three") << 151.237 << 3;
}

void TestChartSeries::pricesAreWrittenWithTheirOwnDecimals()
{
    QFETCH(double, price);
    QFETCH(int, decimals);
    ChartSeries series;
    series.reset({Bar{at("2026-11-24T14:30:00Z"), price, price, price, price, 1}});
    QCOMPARE(series.priceDecimals(), decimals);
}

void TestChartSeries::aMarkerTimeFindsTheBarWhoseIntervalHoldsIt()
{
    const QDateTime t0 = at("2026-11-24T14:30:00Z");
    ChartSeries series;
    series.reset(bars(t0, 10));
    QCOMPARE(series.indexAt(t0.addSecs(-1)), -1);
    QCOMPARE(series.indexAt(t0), 0);
    QCOMPARE(series.indexAt(t0.addSecs(7 * 60)), 1);
    QCOMPARE(series.indexAt(t0.addSecs(86'400)), 9);
    QCOMPARE(series.indexOf(t0.addSecs(7 * 60)), -1);
    QCOMPARE(series.indexOf(t0.addSecs(600)), 2);
}

QTEST_GUILESS_MAIN(TestChartSeries)
#include "tst_chartseries.moc"
