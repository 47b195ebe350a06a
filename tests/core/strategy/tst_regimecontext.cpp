// SPDX-License-Identifier: GPL-3.0-or-later
// The advisor's "regime" section: the documented rule (ADR 0129) on bars whose SMA slope and ATR
// are worked out by hand below, and its cache.
#include "BarSeries.h"
#include "ContextTestSupport.h"

#include "common/ManualClock.h"
#include "strategy/RegimeContext.h"

#include <QTest>

#include <chrono>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestRegimeContext final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void regimeOnKnownBars_data();
    void regimeOnKnownBars();
    void fortyBarsAreNeeded();
    void theSameBarAskedTwiceIsOneComputation();
};

namespace {

/// Forty bars closing at 100, the bars from `from` on spanning 100 +/- `halfRange` instead of
/// 100 +/- `earlyHalfRange`.
Bars flatBars(double earlyHalfRange, int from, double halfRange)
{
    Bars bars = barsFromCloses(QList<double>(40, 100.0), earlyHalfRange);
    for (int i = from; i < bars.size(); ++i) {
        bars[i].high = 100 + halfRange;
        bars[i].low = 100 - halfRange;
    }
    return bars;
}

} // namespace

void TestRegimeContext::regimeOnKnownBars_data()
{
    QTest::addColumn<Bars>("bars");
    QTest::addColumn<QString>("expected");

    // Closes 100..139 +/- 0.5: every true range is 1.5, so ATR = 1.5 throughout (ratio 1.00);
    // SMA30 rose from 114.5 to 124.5, 10 / 1.5 = +6.67 ATR.
    QTest::newRow("forty closes rising by one trend up")
        << barsFromCloses(closesInSteps(100, 1, 40))
        << QStringLiteral("regime: trending up, volatility normal (sma30 moved +6.67 atr14 over 10 bars; "
                          "atr14 1.00x its 20-bar mean)");
    QTest::newRow("forty closes falling by one trend down")
        << barsFromCloses(closesInSteps(139, -1, 40))
        << QStringLiteral("regime: trending down, volatility normal (sma30 moved -6.67 atr14 over 10 bars; "
                          "atr14 1.00x its 20-bar mean)");
    // Steps of 0.11 with +/- 0.5 ranges: true range max(1, 0.61, 0.39) = 1, SMA30 moved 1.1:
    // just over the one-ATR line. Steps of 0.09 move it 0.9: just under, so ranging.
    QTest::newRow("a slope of 1.1 atr is a trend")
        << barsFromCloses(closesInSteps(100, 0.11, 40))
        << QStringLiteral("regime: trending up, volatility normal (sma30 moved +1.10 atr14 over 10 bars; "
                          "atr14 1.00x its 20-bar mean)");
    QTest::newRow("a slope of 0.9 atr is ranging")
        << barsFromCloses(closesInSteps(100, 0.09, 40))
        << QStringLiteral("regime: ranging, volatility normal (sma30 moved +0.90 atr14 over 10 bars; "
                          "atr14 1.00x its 20-bar mean)");
    // 100, 101, 100, ...: any thirty consecutive closes hold fifteen of each, SMA30 = 100.5 now and
    // ten bars ago; true ranges 1.5 both ways.
    QList<double> alternating;
    for (int i = 0; i < 40; ++i)
        alternating << (i % 2 == 0 ? 100.0 : 101.0);
    QTest::newRow("closes see-sawing by one are ranging")
        << barsFromCloses(alternating)
        << QStringLiteral("regime: ranging, volatility normal (sma30 moved 0.00 atr14 over 10 bars; "
                          "atr14 1.00x its 20-bar mean)");
    // True range 1 for bars 1..38, then 20 on the last bar: ATR = (13 x 1 + 20) / 14 = 33/14. The
    // ATRs after bars 20..39 are nineteen 1s and 33/14, mean (19 + 33/14) / 20 = 299/280; ratio
    // (33/14) / (299/280) = 660/299 = 2.21.
    QTest::newRow("one wide bar after a quiet spell is high volatility")
        << flatBars(0.5, 39, 10.0)
        << QStringLiteral("regime: ranging, volatility high (sma30 moved 0.00 atr14 over 10 bars; "
                          "atr14 2.21x its 20-bar mean)");
    // True range 10 up to bar 20 (ATR 10 there), then 0: ATR after bar 20 + k = 10 r^k with
    // r = 13/14. Mean of k = 0..19: 10 (1 - r^20) / (20 (1 - r)) = 7 (1 - r^20) = 5.410;
    // ratio 10 r^19 / 5.410 = 2.446 / 5.410 = 0.45.
    QTest::newRow("a market gone quiet is low volatility")
        << flatBars(5.0, 21, 0.0)
        << QStringLiteral("regime: ranging, volatility low (sma30 moved 0.00 atr14 over 10 bars; "
                          "atr14 0.45x its 20-bar mean)");
    // No range at all: nothing to measure a slope against, volatility as its own past.
    QTest::newRow("a market that never moves is ranging at normal volatility")
        << flatBars(0.0, 0, 0.0)
        << QStringLiteral("regime: ranging, volatility normal (sma30 moved 0.00 atr14 over 10 bars; "
                          "atr14 1.00x its 20-bar mean)");
}

void TestRegimeContext::regimeOnKnownBars()
{
    QFETCH(Bars, bars);
    QFETCH(QString, expected);
    const Result<MarketRegime> regime = classifyRegime(bars);
    QVERIFY2(regime.ok(), qPrintable(regime.ok() ? QString() : regime.error().message));
    QCOMPARE(RegimeContext::describe(*regime), expected);
}

void TestRegimeContext::fortyBarsAreNeeded()
{
    const Result<MarketRegime> short39 = classifyRegime(barsFromCloses(closesInSteps(100, 1, 39)));
    QVERIFY(!short39.ok());
    QCOMPARE(short39.error().kind, QString::fromUtf16(contextError::TooFewBars));
    QCOMPARE(short39.error().message, QStringLiteral("40 closed bars are needed for the regime; there are 39"));

    Bars broken = barsFromCloses(closesInSteps(100, 1, 40));
    broken[5].close = -1;
    QCOMPARE(classifyRegime(broken).error().kind, QString::fromUtf16(contextError::UnusableBars));
}

void TestRegimeContext::theSameBarAskedTwiceIsOneComputation()
{
    ManualClock clock(QDateTime(QDate(2024, 3, 4), QTime(18, 0), Qt::UTC));
    ContextTextCache cache(QStringLiteral("regime"), clock, 5min, 64);
    RegimeContext source(cache);
    QCOMPARE(source.name(), QStringLiteral("regime"));
    const ContextQuestion question{Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5},
                                   barsFromCloses(closesInSteps(100, 1, 40))};
    const Result<QString> first = gatherOnce(source, question);
    QVERIFY(presentText(first).startsWith(u"regime: trending up, volatility normal"));
    QCOMPARE(presentText(gatherOnce(source, question)), presentText(first));
    QCOMPARE(cache.stats().loads, 1u);
    QCOMPARE(cache.stats().hits, 1u);

    // Past the cache's lifetime the same bar is worked out again.
    clock.advanceBy(5min);
    QVERIFY(gatherOnce(source, question).ok());
    QCOMPARE(cache.stats().loads, 2u);

    const Result<QString> tooShort = gatherOnce(source, ContextQuestion{question.instrument, barsFromCloses(closesInSteps(1, 1, 12))});
    QCOMPARE(tooShort.error().message, QStringLiteral("40 closed bars are needed for the regime; there are 12"));
    QCOMPARE(cache.stats().lookups(), 3u);
}

QTEST_GUILESS_MAIN(TestRegimeContext)
#include "tst_regimecontext.moc"
