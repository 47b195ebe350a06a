// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/StreamBarBuilder.h"

#include <QTest>

using namespace sentinel;

namespace {

constexpr qint64 minute = 60'000;
/// 2026-11-24T10:00:00Z, a multiple of every intraday interval.
constexpr qint64 t0 = 1'795'514'400'000;

} // namespace

class TestStreamBarBuilder final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pricesOfOneIntervalMakeOneBar();
    void aBarWatchedOnlyInPartIsNeverHandedOut();
    void theClockClosesABarWithoutANewPrice();
    void aBarClosesOnce();
    void latePricesAreIgnoredAndCounted();
    void tradesOutOfOrderMakeTheBarOfTheirTimesWithTheirSizesAsVolume();
    void aDropLosesTheFormingBar();
    void alignmentFollowsTheInterval();
};

void TestStreamBarBuilder::pricesOfOneIntervalMakeOneBar()
{
    StreamBarBuilder builder(Interval::Min5);
    builder.watchFrom(t0 - minute);
    QVERIFY(!builder.addPrice(t0 + 1'000, 1.10));
    QVERIFY(!builder.addPrice(t0 + 2 * minute, 1.12));
    QVERIFY(!builder.addPrice(t0 + 3 * minute, 1.09));
    QVERIFY(!builder.addPrice(t0 + 5 * minute - 1, 1.11));
    const std::optional<Bar> bar = builder.addPrice(t0 + 5 * minute, 1.13); // opens the next bar
    QVERIFY(bar);
    QCOMPARE(bar->openTime.toMSecsSinceEpoch(), t0);
    QCOMPARE(bar->open, 1.10);
    QCOMPARE(bar->high, 1.12);
    QCOMPARE(bar->low, 1.09);
    QCOMPARE(bar->close, 1.11);
    QCOMPARE(bar->volume, 4.0);
    QCOMPARE(builder.formingBarEndMs(), std::optional<qint64>(t0 + 10 * minute));
}

void TestStreamBarBuilder::aBarWatchedOnlyInPartIsNeverHandedOut()
{
    StreamBarBuilder builder(Interval::Min5);
    builder.watchFrom(t0 + minute); // connected a minute into the bar
    QVERIFY(!builder.addPrice(t0 + 2 * minute, 1.10));
    QVERIFY(!builder.addPrice(t0 + 5 * minute, 1.11)); // closes the partial bar: not handed out
    const std::optional<Bar> next = builder.closeUpTo(t0 + 10 * minute);
    QVERIFY(next);
    QCOMPARE(next->openTime.toMSecsSinceEpoch(), t0 + 5 * minute);
}

void TestStreamBarBuilder::theClockClosesABarWithoutANewPrice()
{
    StreamBarBuilder builder(Interval::Min1);
    builder.watchFrom(t0);
    QVERIFY(!builder.addPrice(t0 + 10'000, 1.10));
    QVERIFY(!builder.closeUpTo(t0 + minute - 1));
    const std::optional<Bar> bar = builder.closeUpTo(t0 + minute);
    QVERIFY(bar);
    QCOMPARE(bar->close, 1.10);
    QVERIFY(!builder.formingBarEndMs());
}

void TestStreamBarBuilder::aBarClosesOnce()
{
    StreamBarBuilder builder(Interval::Min1);
    builder.watchFrom(t0);
    QVERIFY(!builder.addPrice(t0 + 10'000, 1.10));
    QVERIFY(builder.closeUpTo(t0 + minute));
    QVERIFY(!builder.closeUpTo(t0 + minute));
    QVERIFY(!builder.addPrice(t0 + 20'000, 1.20)); // its interval has closed
    QVERIFY(!builder.closeUpTo(t0 + 2 * minute));
}

void TestStreamBarBuilder::latePricesAreIgnoredAndCounted()
{
    StreamBarBuilder builder(Interval::Min1);
    builder.watchFrom(t0);
    QVERIFY(!builder.addPrice(t0 + 61'000, 1.10));
    QVERIFY(!builder.addPrice(t0 + 59'000, 1.50)); // older than the forming bar
    QCOMPARE(builder.latePrices(), qint64{1});
    const std::optional<Bar> bar = builder.closeUpTo(t0 + 2 * minute);
    QVERIFY(bar);
    QCOMPARE(bar->high, 1.10);
}

void TestStreamBarBuilder::tradesOutOfOrderMakeTheBarOfTheirTimesWithTheirSizesAsVolume()
{
    // A Coinbase trades message may list its trades newest first: open and close follow the
    // trades' times, not their order of arrival; volume sums their sizes.
    StreamBarBuilder builder(Interval::Min1);
    builder.watchFrom(t0);
    QVERIFY(!builder.addPrice(t0 + 30'000, 101.0, 0.5));
    QVERIFY(!builder.addPrice(t0 + 50'000, 104.0, 0.25)); // the latest: the close
    QVERIFY(!builder.addPrice(t0 + 10'000, 100.0, 1.0));  // the earliest: the open
    QVERIFY(!builder.addPrice(t0 + 40'000, 99.0, 0.125));
    const std::optional<Bar> bar = builder.closeUpTo(t0 + minute);
    QVERIFY(bar);
    QCOMPARE(bar->open, 100.0);
    QCOMPARE(bar->high, 104.0);
    QCOMPARE(bar->low, 99.0);
    QCOMPARE(bar->close, 104.0);
    QCOMPARE(bar->volume, 1.875);
}

void TestStreamBarBuilder::aDropLosesTheFormingBar()
{
    StreamBarBuilder builder(Interval::Min1);
    builder.watchFrom(t0);
    QVERIFY(!builder.addPrice(t0 + 1'000, 1.10));
    builder.stopWatching();
    QVERIFY(!builder.closeUpTo(t0 + minute));
    QVERIFY(!builder.addPrice(t0 + minute + 1'000, 1.10)); // not watching: nothing forms
    builder.watchFrom(t0 + 90'000);
    QVERIFY(!builder.addPrice(t0 + 100'000, 1.10));
    QVERIFY(!builder.closeUpTo(t0 + 2 * minute)); // resumed mid-bar: partial
    QVERIFY(!builder.addPrice(t0 + 2 * minute, 1.11));
    QVERIFY(builder.closeUpTo(t0 + 3 * minute));
}

void TestStreamBarBuilder::alignmentFollowsTheInterval()
{
    StreamBarBuilder hourly(Interval::Min60);
    QCOMPARE(hourly.alignedOpenMs(t0 + 59 * minute), t0);
    QCOMPARE(hourly.alignedOpenMs(t0 + 60 * minute), t0 + 60 * minute);
    StreamBarBuilder fifteen(Interval::Min15);
    QCOMPARE(fifteen.alignedOpenMs(t0 + 29 * minute), t0 + 15 * minute);
    QCOMPARE(fifteen.alignedOpenMs(-1), -15 * minute);
}

QTEST_GUILESS_MAIN(TestStreamBarBuilder)
#include "tst_streambarbuilder.moc"
