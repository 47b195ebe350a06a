// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/CandleChart.h"
#include "ui/Theme.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <ctime>

using namespace sentinel;
using namespace sentinel::test;

class TestCandleChart final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aClosedPeriodTakesNoSpaceOnTheAxis_data();
    void aClosedPeriodTakesNoSpaceOnTheAxis();
    void theAverageIsNotDrawnAcrossAClosedPeriod_data();
    void theAverageIsNotDrawnAcrossAClosedPeriod();
    void tenThousandBarsAreDrawnAsPixelColumns();
    void hoverNamesTheBarInLocalTime();
    void zoomingAndPanningStopFollowingAndResetResumes();
    void aDragPansAndARightClickFollowsAgain();
    void aRepeatedOpeningTimeCorrectsTheLastBar();
    void theCandlesArePaintedInBothPalettes_data();
    void theCandlesArePaintedInBothPalettes();
};

namespace {

/// Hourly FX bars: Friday until the 22:00 UTC close, then from Sunday's 22:00 UTC open on.
Bars fxAcrossAWeekend(int fridayBars = 22, int sundayBars = 26)
{
    const QDateTime friday = at("2026-11-20T00:00:00Z");
    Bars out = bars(friday, fridayBars, 1.08, 3600);
    out.append(bars(at("2026-11-22T22:00:00Z"), sundayBars, 1.09, 3600));
    return out;
}

/// Five-minute NYSE bars (14:30 to 21:00 UTC) on Thursday, Friday and Monday: two nights and a weekend.
Bars stockAcrossAWeekend()
{
    Bars out;
    for (const char* day : {"2026-11-19T14:30:00Z", "2026-11-20T14:30:00Z", "2026-11-23T14:30:00Z"})
        out.append(bars(at(day), 78, 100 + out.size() * 0.1));
    return out;
}

/// Pixels of the chart's candle area painted in `colour`.
int pixelsOf(const QImage& image, const QRect& area, const QColor& colour)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += image.pixelColor(x, y).rgb() == colour.rgb() ? 1 : 0;
    }
    return count;
}

} // namespace

void TestCandleChart::initTestCase()
{
    // A zone that is neither UTC nor the bars' own, so "local time" is not UTC by accident.
    qputenv("TZ", "Europe/Berlin");
    tzset();
}

void TestCandleChart::aClosedPeriodTakesNoSpaceOnTheAxis_data()
{
    QTest::addColumn<Bars>("series");
    QTest::addColumn<QDateTime>("lastBeforeClose");
    QTest::addColumn<QDateTime>("firstAfterOpen");
    QTest::addColumn<int>("gaps");
    QTest::newRow("fx: friday's last hour sits next to sunday evening's first")
        << fxAcrossAWeekend() << at("2026-11-20T21:00:00Z") << at("2026-11-22T22:00:00Z") << 1;
    QTest::newRow("stocks: friday's close sits next to monday's open, nights take no space either")
        << stockAcrossAWeekend() << at("2026-11-20T20:55:00Z") << at("2026-11-23T14:30:00Z") << 2;
}

void TestCandleChart::aClosedPeriodTakesNoSpaceOnTheAxis()
{
    QFETCH(Bars, series);
    QFETCH(QDateTime, lastBeforeClose);
    QFETCH(QDateTime, firstAfterOpen);
    QFETCH(int, gaps);
    CandleChart chart;
    chart.resize(900, 500);
    chart.setBars(series);
    chart.zoomBy(0.001, 0); // everything on view
    QCOMPARE(chart.firstVisibleIndex(), 0);
    QCOMPARE(chart.lastVisibleIndex(), int(series.size()) - 1);
    const double before = chart.xForTime(lastBeforeClose);
    const double after = chart.xForTime(firstAfterOpen);
    QVERIFY(std::isfinite(before) && std::isfinite(after));
    const double step = chart.xForIndex(1) - chart.xForIndex(0);
    QVERIFY(step > 0);
    // One candle step across the closed period, not a weekend's worth.
    QCOMPARE(after - before, step);
    QVERIFY(std::isnan(chart.xForTime(lastBeforeClose.addSecs(1800))));
    QCOMPARE(chart.gapCount(), gaps);
    const int monday = chart.series().indexOf(firstAfterOpen);
    QVERIFY(chart.series().gapBefore(monday));
    QVERIFY(chart.sessionStarts().contains(monday));
}

void TestCandleChart::theAverageIsNotDrawnAcrossAClosedPeriod_data()
{
    QTest::addColumn<Bars>("series");
    QTest::addColumn<int>("segments");
    QTest::newRow("a weekend breaks the line in two") << fxAcrossAWeekend(30, 30) << 2;
    QTest::newRow("bars without a closed period make one line") << bars(at("2026-11-20T00:00:00Z"), 60, 1.08, 3600) << 1;
}

void TestCandleChart::theAverageIsNotDrawnAcrossAClosedPeriod()
{
    QFETCH(Bars, series);
    QFETCH(int, segments);
    CandleChart chart;
    chart.resize(900, 500);
    chart.setBars(series);
    chart.zoomBy(0.001, 0);
    // The average runs on across the weekend (the mean of the last 20 closes); only the line breaks.
    QCOMPARE(chart.movingAveragePointCount(), int(series.size()) - ChartSeries::averagePeriod + 1);
    QCOMPARE(chart.movingAverageSegmentCount(), segments);
    for (const auto& [first, last] : chart.series().averageRuns()) {
        for (int i = first + 1; i <= last; ++i)
            QVERIFY2(!chart.series().gapBefore(i), qPrintable(QStringLiteral("the line crosses the gap before bar %1").arg(i)));
    }
    (void)chart.grab();
    QCOMPARE(chart.paintedAverageSegments(), segments);
}

void TestCandleChart::tenThousandBarsAreDrawnAsPixelColumns()
{
    CandleChart chart;
    chart.resize(800, 500);
    chart.setBars(stockAcrossAWeekend()); // replaced below: a reload is a reset, not an append
    chart.setBars(bars(at("2026-01-05T14:30:00Z"), 10'000, 100, 60));
    QCOMPARE(chart.barCount(), 10'000);
    chart.zoomBy(0.0001, 400);
    QCOMPARE(chart.firstVisibleIndex(), 0);
    QCOMPARE(chart.lastVisibleIndex(), 9'999);
    (void)chart.grab();
    const int width = chart.pricePane().width();
    QVERIFY2(chart.paintedColumnCount() <= width,
             qPrintable(QStringLiteral("%1 columns in %2 px").arg(chart.paintedColumnCount()).arg(width)));
    QVERIFY(chart.paintedColumnCount() > width / 2);
    // Zoomed back in, every visible bar is a candle of its own.
    chart.resetZoom();
    (void)chart.grab();
    QCOMPARE(chart.lastVisibleIndex(), 9'999);
    QCOMPARE(chart.paintedColumnCount(), chart.lastVisibleIndex() - chart.firstVisibleIndex() + 1);
    QVERIFY(chart.paintedColumnCount() < 200);
}

void TestCandleChart::hoverNamesTheBarInLocalTime()
{
    CandleChart chart;
    chart.setLocale(QLocale::c());
    chart.resize(900, 500);
    chart.setBars(stockAcrossAWeekend());
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCOMPARE(chart.hoverText(), QString());
    const int index = chart.lastVisibleIndex() - 3;
    const Bar bar = chart.series().at(index);
    QTest::mouseMove(&chart, QPoint(int(chart.xForIndex(index)), chart.pricePane().center().y()));
    QTRY_COMPARE(chart.hoverIndex(), index);
    const QString text = chart.hoverText();
    for (const double price : {bar.open, bar.high, bar.low, bar.close})
        QVERIFY2(text.contains(QString::number(price, 'f', 2)), qPrintable(text));
    QVERIFY2(text.contains(u"Open") && text.contains(u"High") && text.contains(u"Low") && text.contains(u"Close"), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Volume 1000")), qPrintable(text));
    // Berlin: the 21:55 UTC bar opened at 22:55 CET.
    const QDateTime local = bar.openTime.toLocalTime();
    QVERIFY(local.time() != bar.openTime.time());
    QVERIFY2(text.contains(local.toString(QStringLiteral("HH:mm"))), qPrintable(text));
    QVERIFY2(text.contains(local.timeZoneAbbreviation()), qPrintable(text));
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(&chart, &leave);
    QCOMPARE(chart.hoverText(), QString());
}

void TestCandleChart::zoomingAndPanningStopFollowingAndResetResumes()
{
    CandleChart chart;
    chart.resize(900, 500);
    chart.setBars(bars(at("2026-11-23T14:30:00Z"), 500, 100, 60));
    QSignalSpy moved(&chart, &CandleChart::userMovedView);
    QVERIFY(chart.isFollowingLatest());
    QCOMPARE(chart.lastVisibleIndex(), 499);
    chart.appendBars(bars(at("2026-11-23T14:30:00Z").addSecs(500 * 60), 1, 110, 60));
    QCOMPARE(chart.lastVisibleIndex(), 500); // following: the new bar is on view

    chart.zoomBy(2.0, chart.pricePane().center().x());
    QVERIFY(!chart.isFollowingLatest());
    QCOMPARE(moved.count(), 1);
    const int first = chart.firstVisibleIndex();
    const int last = chart.lastVisibleIndex();
    QVERIFY(last < 500);
    chart.appendBars(bars(at("2026-11-23T14:30:00Z").addSecs(501 * 60), 5, 110, 60));
    QCOMPARE(chart.firstVisibleIndex(), first); // the view stays where the operator put it
    QCOMPARE(chart.lastVisibleIndex(), last);

    chart.panBy(200);
    QVERIFY(chart.firstVisibleIndex() < first);
    QCOMPARE(moved.count(), 2);

    QWheelEvent wheel(QPointF(300, 200), chart.mapToGlobal(QPointF(300, 200)), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    const int before = chart.lastVisibleIndex() - chart.firstVisibleIndex();
    QCoreApplication::sendEvent(&chart, &wheel);
    QVERIFY(chart.lastVisibleIndex() - chart.firstVisibleIndex() < before);

    chart.resetZoom();
    QVERIFY(chart.isFollowingLatest());
    QCOMPARE(chart.lastVisibleIndex(), 505);
}

void TestCandleChart::aDragPansAndARightClickFollowsAgain()
{
    CandleChart chart;
    chart.resize(900, 500);
    chart.setBars(bars(at("2026-11-23T14:30:00Z"), 1000, 100, 60));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const int first = chart.firstVisibleIndex();
    const QPoint from = chart.pricePane().center();
    QTest::mousePress(&chart, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(&chart, from + QPoint(150, 0));
    QTest::mouseRelease(&chart, Qt::LeftButton, Qt::NoModifier, from + QPoint(150, 0));
    QVERIFY(!chart.isFollowingLatest());
    QVERIFY(chart.firstVisibleIndex() < first);
    QTest::mouseClick(&chart, Qt::RightButton, Qt::NoModifier, from);
    QVERIFY(chart.isFollowingLatest());
    QCOMPARE(chart.firstVisibleIndex(), first);
}

void TestCandleChart::aRepeatedOpeningTimeCorrectsTheLastBar()
{
    CandleChart chart;
    const QDateTime t0 = at("2026-11-24T14:30:00Z");
    chart.setBars(bars(t0, 30));
    Bar corrected = chart.series().at(29);
    corrected.close = 99;
    Bar late = chart.series().at(10);
    late.close = 1;
    chart.appendBars({corrected, late});
    QCOMPARE(chart.barCount(), 30);
    QCOMPARE(chart.series().at(29).close, 99.0);
    QCOMPARE(chart.series().at(10).close, bars(t0, 30).at(10).close);
    chart.appendBars(bars(t0.addSecs(30 * 300), 2));
    QCOMPARE(chart.barCount(), 32);
    QCOMPARE(chart.movingAveragePointCount(), 32 - ChartSeries::averagePeriod + 1);
}

void TestCandleChart::theCandlesArePaintedInBothPalettes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light palette") << false;
    QTest::newRow("dark palette") << true;
}

void TestCandleChart::theCandlesArePaintedInBothPalettes()
{
    QFETCH(bool, dark);
    CandleChart chart;
    chart.resize(900, 500);
    chart.setPalette(dark ? Theme::darkPalette() : Theme::lightPalette());
    Bars series = stockAcrossAWeekend();
    for (int i = 0; i < int(series.size()); i += 3)
        std::swap(series[i].open, series[i].close); // some falling candles too
    chart.setBars(series);
    chart.addMarker({QStringLiteral("XNYS:AAPL:5min"), ChartMarker::Kind::Proposal, Side::Buy, series.constLast().openTime, 110});
    chart.addMarker({QStringLiteral("XNYS:AAPL:5min"), ChartMarker::Kind::Proposal, Side::Buy, QDateTime(), 110});
    QCOMPARE(chart.markerCount(), 1);
    const QImage image = chart.grab().toImage();
    const QPalette palette = chart.palette();
    QCOMPARE(image.pixelColor(chart.pricePane().topLeft() + QPoint(1, 1)).rgb(), palette.color(QPalette::Base).rgb());
    const QRect candles = chart.pricePane();
    QVERIFY(pixelsOf(image, candles, Theme::positiveColor(palette)) > 50);
    QVERIFY(pixelsOf(image, candles, Theme::negativeColor(palette)) > 50);
}

QTEST_MAIN(TestCandleChart)
#include "tst_candlechart.moc"
