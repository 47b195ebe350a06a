// SPDX-License-Identifier: GPL-3.0-or-later
// The advisor's "indicators" section: its text on known bars (worked out by hand below) and its
// cache, where the same bar asked twice is one computation.
#include "BarSeries.h"
#include "ContextTestSupport.h"

#include "common/ManualClock.h"
#include "strategy/IndicatorContext.h"

#include <QTest>

#include <chrono>
#include <limits>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestIndicatorContext final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textOnKnownBars_data();
    void textOnKnownBars();
    void leftOutWithTheReason_data();
    void leftOutWithTheReason();
    void theSameBarAskedTwiceIsOneComputation();
    void aNewBarOrAnotherInstrumentIsComputedAgain();
    void tooFewBarsCostNoLookup();
};

namespace {

Instrument aapl()
{
    return Instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5};
}

} // namespace

void TestIndicatorContext::textOnKnownBars_data()
{
    QTest::addColumn<Bars>("bars");
    QTest::addColumn<QString>("expected");

    // Closes 100..129, each bar close +/- 0.5. SMA10 = (120 + ... + 129) / 10 = 124.5;
    // SMA30 = (100 + ... + 129) / 30 = 114.5; only gains, so RSI = 100. Every true range is
    // max(1, |close + 0.5 - (close - 1)|, |close - 0.5 - (close - 1)|) = 1.5, so ATR = 1.5.
    QTest::newRow("thirty closes rising by one")
        << barsFromCloses(closesInSteps(100, 1, 30))
        << QStringLiteral("indicators: close 129; sma10 124.5; sma30 114.5; rsi14 100.0; atr14 1.5");
    // Closes 50 down to 21: SMA10 = (30 + ... + 21) / 10 = 25.5, SMA30 = (50 + ... + 21) / 30 = 35.5;
    // only losses, so RSI = 0; true ranges max(1, 0.5, 1.5) = 1.5.
    QTest::newRow("thirty closes falling by one")
        << barsFromCloses(closesInSteps(50, -1, 30))
        << QStringLiteral("indicators: close 21; sma10 25.5; sma30 35.5; rsi14 0.0; atr14 1.5");
    // EUR/USD-like: 1.0800 + 0.0001 i, +/- 0.0005. SMA10 = 1.0800 + 0.0001 x 24.5 = 1.08245;
    // SMA30 = 1.0800 + 0.0001 x 14.5 = 1.08145; true range max(0.001, 0.0006, 0.0004) = 0.001.
    QTest::newRow("a currency pair's five-digit prices")
        << barsFromCloses(closesInSteps(1.08, 0.0001, 30), 0.0005)
        << QStringLiteral("indicators: close 1.0829; sma10 1.08245; sma30 1.08145; rsi14 100.0; atr14 0.001");
    // Wilder's 33 textbook closes (BarSeries.h): SMA10 of the last ten = 443.79 / 10 = 44.379,
    // SMA30 of the last thirty = 1357.56 / 30 = 45.252, RSI 37.79 (the textbook's last value,
    // tst_indicators). ATR(14) with +/- 0.5 ranges = 1.1240238, from an independent transcription
    // of Wilder's formula (seed: mean of the first 14 true ranges, then (atr x 13 + tr) / 14).
    QTest::newRow("Wilder's textbook closes")
        << barsFromCloses(wilderExampleCloses())
        << QStringLiteral("indicators: close 43.13; sma10 44.379; sma30 45.252; rsi14 37.8; atr14 1.1240238");
}

void TestIndicatorContext::textOnKnownBars()
{
    QFETCH(Bars, bars);
    QFETCH(QString, expected);
    const Result<QString> text = IndicatorContext::describe(bars);
    QCOMPARE(presentText(text), expected);
}

void TestIndicatorContext::leftOutWithTheReason_data()
{
    QTest::addColumn<Bars>("bars");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");

    QTest::newRow("twenty-nine bars are one too few")
        << barsFromCloses(closesInSteps(100, 1, 29)) << QString::fromUtf16(contextError::TooFewBars)
        << QStringLiteral("30 closed bars are needed for the indicators; there are 29");
    QTest::newRow("no bars at all") << Bars{} << QString::fromUtf16(contextError::TooFewBars)
                                    << QStringLiteral("30 closed bars are needed for the indicators; there are 0");
    Bars nanClose = barsFromCloses(closesInSteps(100, 1, 30));
    nanClose[12].close = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("a close that is not a number gives no number")
        << nanClose << QString::fromUtf16(contextError::UnusableBars)
        << QStringLiteral("a closed bar holds a price that is not a positive finite number");
    Bars infiniteHigh = barsFromCloses(closesInSteps(100, 1, 30));
    infiniteHigh[20].high = std::numeric_limits<double>::infinity();
    QTest::newRow("an infinite high gives no range")
        << infiniteHigh << QString::fromUtf16(contextError::UnusableBars)
        << QStringLiteral("a closed bar holds a price that is not a positive finite number");
}

void TestIndicatorContext::leftOutWithTheReason()
{
    QFETCH(Bars, bars);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const Result<QString> text = IndicatorContext::describe(bars);
    QVERIFY(!text.ok());
    QCOMPARE(text.error().kind, kind);
    QCOMPARE(text.error().message, message);
}

void TestIndicatorContext::theSameBarAskedTwiceIsOneComputation()
{
    ManualClock clock(QDateTime(QDate(2024, 3, 4), QTime(17, 0), Qt::UTC));
    ContextTextCache cache(QStringLiteral("indicators"), clock, 5min, 64);
    IndicatorContext source(cache);
    QCOMPARE(source.name(), QStringLiteral("indicators"));
    const ContextQuestion question{aapl(), barsFromCloses(closesInSteps(100, 1, 30))};

    const Result<QString> first = gatherOnce(source, question);
    const Result<QString> second = gatherOnce(source, question);
    QCOMPARE(presentText(first), QStringLiteral("indicators: close 129; sma10 124.5; sma30 114.5; rsi14 100.0; atr14 1.5"));
    QCOMPARE(presentText(second), presentText(first));
    const CacheStats stats = cache.stats();
    QCOMPARE(stats.loads, 1u);
    QCOMPARE(stats.misses, 1u);
    QCOMPARE(stats.hits, 1u);
    QVERIFY(cache.contains(question.lastBarKey()));
    QCOMPARE(question.lastBarKey(), QStringLiteral("XNYS:AAPL:5min@2024-03-04T16:55:00.000Z"));
}

void TestIndicatorContext::aNewBarOrAnotherInstrumentIsComputedAgain()
{
    ManualClock clock(QDateTime(QDate(2024, 3, 4), QTime(17, 0), Qt::UTC));
    ContextTextCache cache(QStringLiteral("indicators"), clock, 5min, 64);
    IndicatorContext source(cache);
    const Bars thirty = barsFromCloses(closesInSteps(100, 1, 30));
    QVERIFY(gatherOnce(source, ContextQuestion{aapl(), thirty}).ok());
    // One more bar: the newest bar's open names a new entry, with the new close in it.
    const Result<QString> next = gatherOnce(source, ContextQuestion{aapl(), barsFromCloses(closesInSteps(100, 1, 31))});
    QVERIFY(presentText(next).startsWith(u"indicators: close 130;"));
    const Instrument msft{QStringLiteral("MSFT"), QStringLiteral("XNAS"), Interval::Min5};
    QVERIFY(gatherOnce(source, ContextQuestion{msft, thirty}).ok());
    QCOMPARE(cache.stats().loads, 3u);
    QCOMPARE(cache.stats().hits, 0u);
}

void TestIndicatorContext::tooFewBarsCostNoLookup()
{
    ManualClock clock(QDateTime(QDate(2024, 3, 4), QTime(17, 0), Qt::UTC));
    ContextTextCache cache(QStringLiteral("indicators"), clock, 5min, 64);
    IndicatorContext source(cache);
    const Result<QString> text = gatherOnce(source, ContextQuestion{aapl(), barsFromCloses(closesInSteps(100, 1, 10))});
    QVERIFY(!text.ok());
    QCOMPARE(text.error().kind, QString::fromUtf16(contextError::TooFewBars));
    QCOMPARE(cache.stats().lookups(), 0u);
}

QTEST_GUILESS_MAIN(TestIndicatorContext)
#include "tst_indicatorcontext.moc"
