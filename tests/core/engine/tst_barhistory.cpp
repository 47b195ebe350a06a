// SPDX-License-Identifier: GPL-3.0-or-later
// The closed bars the engine keeps per instrument: merging the overlapping windows a provider
// answers with (only new bars are added and reported), the size bound, and the daily returns
// the risk gate reads (one close per trading day of the instrument's own calendar).
#include "cache/BarStore.h"
#include "engine/BarHistory.h"
#include "market/TimeText.h"

#include "BuiltInCalendars.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace sentinel;

namespace {

constexpr qint64 minuteMs = 60'000;
// A Tuesday in November 2026 (EST): XNYS opens at 14:30Z.
const qint64 base = *parseUtcInstant(u"2026-11-24T14:30:00Z");

std::shared_ptr<const MarketCalendar> calendar(const char* market)
{
    return test::builtInCalendar(QString::fromLatin1(market));
}

Bar barAt(qint64 openMs, double close)
{
    Bar bar;
    bar.openTime = QDateTime::fromMSecsSinceEpoch(openMs, Qt::UTC);
    bar.open = close - 0.5;
    bar.high = close + 1;
    bar.low = close - 1;
    bar.close = close;
    bar.volume = 1000;
    return bar;
}

Bar barAt(const char* iso, double close)
{
    const auto ms = parseUtcInstant(QString::fromLatin1(iso));
    if (!ms)
        qFatal("bad instant in test: %s", iso);
    return barAt(*ms, close);
}

/// Five-minute bars `minutes` after the base instant; the close names the minute, so a bar's
/// values show which answer it came from.
Bars minuteBars(const QList<int>& minutes, double offset = 0)
{
    Bars bars;
    for (const int minute : minutes)
        bars.append(barAt(base + minute * minuteMs, 100 + minute + offset));
    return bars;
}

QList<int> minutesOf(const Bars& bars)
{
    QList<int> minutes;
    for (const Bar& bar : bars)
        minutes.append(int((bar.openTime.toMSecsSinceEpoch() - base) / minuteMs));
    return minutes;
}

/// One XNYS session of `intervalMinutes` bars from the 09:30 ET open (14:30Z in winter), as
/// many as there are closes; the last close is the day's.
Bars xnysDay(const QDate& day, int intervalMinutes, const QList<double>& closes)
{
    const qint64 open = QDateTime(day, QTime(14, 30), Qt::UTC).toMSecsSinceEpoch();
    Bars bars;
    for (qsizetype i = 0; i < closes.size(); ++i)
        bars.append(barAt(open + i * intervalMinutes * minuteMs, closes.at(i)));
    return bars;
}

/// A full regular XNYS session of `intervalMinutes` bars that all close at `close`.
Bars xnysFullDay(const QDate& day, int intervalMinutes, double close)
{
    const int count = (390 + intervalMinutes - 1) / intervalMinutes;
    return xnysDay(day, intervalMinutes, QList<double>(count, close));
}

bool strictlyIncreasing(const Bars& bars)
{
    for (qsizetype i = 1; i < bars.size(); ++i) {
        if (bars.at(i).openTime <= bars.at(i - 1).openTime)
            return false;
    }
    return true;
}

} // namespace

class TestBarHistory final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void merge_data();
    void merge();
    void aHeldBarIsRevisedButNeverNewAgain();
    void onlyTheNewestBarsAreRevised();
    void anOutOfOrderAnswerNeverBreaksTimeOrder();
    void newestIsTheLatestBarHeld();
    void holdsAtMostMaxBarsKeepingTheNewest();
    void dailyReturns_data();
    void dailyReturns();
    void aDayCompletedOverSeveralAnswersUsesItsLastClose();
    void dailyReturnsCoverABoundedNumberOfRecentDays();
    void oneMarketAtDifferentIntervalsStampsEachDayAlike();
    void aRestartWindowOfTheStoreGivesTheHistoryOfEverything_data();
    void aRestartWindowOfTheStoreGivesTheHistoryOfEverything();
};

void TestBarHistory::merge_data()
{
    QTest::addColumn<QList<int>>("held");
    QTest::addColumn<QList<int>>("incoming");
    QTest::addColumn<QList<int>>("added");
    QTest::addColumn<QList<int>>("after");

    QTest::newRow("into an empty history every bar is new")
        << QList<int>{} << QList<int>{0, 5, 10} << QList<int>{0, 5, 10} << QList<int>{0, 5, 10};
    QTest::newRow("an overlapping window adds only the bars after the newest held")
        << QList<int>{0, 5, 10} << QList<int>{5, 10, 15, 20} << QList<int>{15, 20} << QList<int>{0, 5, 10, 15, 20};
    QTest::newRow("a window of bars already held adds nothing")
        << QList<int>{0, 5, 10} << QList<int>{0, 5, 10} << QList<int>{} << QList<int>{0, 5, 10};
    QTest::newRow("an empty answer adds nothing")
        << QList<int>{0, 5} << QList<int>{} << QList<int>{} << QList<int>{0, 5};
    QTest::newRow("a bar repeated within one answer is added once")
        << QList<int>{} << QList<int>{0, 5, 5, 10} << QList<int>{0, 5, 10} << QList<int>{0, 5, 10};
    QTest::newRow("a bar older than the newest held is not slipped into the past")
        << QList<int>{0, 10} << QList<int>{5, 15} << QList<int>{15} << QList<int>{0, 10, 15};
    QTest::newRow("an answer of only older bars adds nothing")
        << QList<int>{20, 25} << QList<int>{0, 5, 10} << QList<int>{} << QList<int>{20, 25};
    QTest::newRow("an answer after a gap is added whole")
        << QList<int>{0, 5} << QList<int>{60, 65} << QList<int>{60, 65} << QList<int>{0, 5, 60, 65};
}

void TestBarHistory::merge()
{
    QFETCH(QList<int>, held);
    QFETCH(QList<int>, incoming);
    QFETCH(QList<int>, added);
    QFETCH(QList<int>, after);

    const auto xnys = calendar("XNYS");
    BarHistory history;
    QVERIFY(history.isEmpty());
    if (!held.isEmpty())
        QCOMPARE(minutesOf(history.merge(minuteBars(held), *xnys)), held);

    // The second answer's prices differ from the first's, so a re-added bar would show.
    const Bars incomingBars = minuteBars(incoming, 0.25);
    const Bars reported = history.merge(incomingBars, *xnys);
    QCOMPARE(minutesOf(reported), added);
    for (const Bar& bar : reported)
        QVERIFY2(incomingBars.contains(bar), "a reported bar is not the one the provider sent");
    QCOMPARE(minutesOf(history.bars()), after);
    QCOMPARE(history.isEmpty(), after.isEmpty());
    // What was reported is exactly what was appended.
    QCOMPARE(history.bars().mid(history.bars().size() - reported.size()), reported);
}

void TestBarHistory::aHeldBarIsRevisedButNeverNewAgain()
{
    // A streamed bar, then the broker's candle for the same interval (ADR 0120).
    const auto xnys = calendar("XNYS");
    BarHistory history;
    const Bar first = barAt(base, 101);
    (void)history.merge({first}, *xnys);
    Bar revised = first;
    revised.close = 102;
    QVERIFY(history.merge({revised}, *xnys).isEmpty());
    QCOMPARE(history.bars(), Bars{revised});
    QCOMPARE(history.newest().close, 102.0);
}

void TestBarHistory::onlyTheNewestBarsAreRevised()
{
    const auto xnys = calendar("XNYS");
    BarHistory history;
    QList<int> minutes;
    for (int minute = 0; minute < 40; ++minute)
        minutes << minute;
    const Bars held = minuteBars(minutes);
    (void)history.merge(held, *xnys);
    Bars incoming = held;
    for (Bar& bar : incoming)
        bar.close += 1;
    QVERIFY(history.merge(incoming, *xnys).isEmpty());
    const qsizetype firstRevised = held.size() - BarHistory::revisableBars;
    for (qsizetype i = 0; i < held.size(); ++i)
        QCOMPARE(history.bars().at(i).close, i < firstRevised ? held.at(i).close : held.at(i).close + 1);
}

void TestBarHistory::anOutOfOrderAnswerNeverBreaksTimeOrder()
{
    // Providers sanitise order; whatever the history does with a bar out of place, it keeps
    // its bars in time order, reports only what it appended, and loses no bar that was in order.
    const auto xnys = calendar("XNYS");
    BarHistory history;
    const Bars incoming = minuteBars({0, 10, 5, 15, 15, 20});
    const Bars reported = history.merge(incoming, *xnys);
    QVERIFY(strictlyIncreasing(history.bars()));
    QCOMPARE(history.bars(), reported);
    for (const int minute : {0, 10, 15, 20})
        QVERIFY2(minutesOf(history.bars()).contains(minute), qPrintable(QString::number(minute)));
    QCOMPARE(minutesOf({history.newest()}), QList<int>{20});
}

void TestBarHistory::newestIsTheLatestBarHeld()
{
    const auto xnys = calendar("XNYS");
    BarHistory history;
    (void)history.merge(minuteBars({0, 5, 10}), *xnys);
    QCOMPARE(history.newest(), minuteBars({10}).constFirst());
    (void)history.merge(minuteBars({10, 15}), *xnys);
    QCOMPARE(history.newest(), minuteBars({15}).constFirst());
    (void)history.merge(minuteBars({0, 5}), *xnys); // a late, older answer changes nothing
    QCOMPARE(history.newest(), minuteBars({15}).constFirst());
}

void TestBarHistory::holdsAtMostMaxBarsKeepingTheNewest()
{
    const auto crypto = calendar("CRYPTO");
    QList<int> firstHalf;
    QList<int> secondHalf;
    const int total = int(BarHistory::maxBars) + 200;
    for (int i = 0; i < total; ++i)
        (i < total / 2 ? firstHalf : secondHalf).append(i * 5);

    BarHistory history;
    (void)history.merge(minuteBars(firstHalf), *crypto);
    QCOMPARE(history.bars().size(), qsizetype(firstHalf.size()));
    (void)history.merge(minuteBars(secondHalf), *crypto);
    QCOMPARE(history.bars().size(), BarHistory::maxBars);
    QCOMPARE(minutesOf({history.bars().constFirst()}), QList<int>{200 * 5}); // the 200 oldest went
    QCOMPARE(minutesOf({history.newest()}), QList<int>{(total - 1) * 5});
    QVERIFY(strictlyIncreasing(history.bars()));

    BarHistory oneAnswer;
    (void)oneAnswer.merge(minuteBars(firstHalf + secondHalf), *crypto);
    QCOMPARE(oneAnswer.bars(), history.bars());
}

void TestBarHistory::dailyReturns_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<Bars>("bars");
    QTest::addColumn<QList<double>>("returns");

    const QDate mon(2026, 11, 23);
    const QDate tue(2026, 11, 24);
    const QDate wed(2026, 11, 25);
    const QDate fri(2026, 11, 27); // after Thanksgiving, closes 13:00 ET
    const QDate nextMon(2026, 11, 30);

    QTest::newRow("with no bars there are no returns") << QStringLiteral("XNYS") << Bars{} << QList<double>{};
    QTest::newRow("a single day that has not finished gives no return")
        << QStringLiteral("XNYS") << xnysDay(tue, 60, {100, 101, 102}) << QList<double>{};
    QTest::newRow("two days, the second still trading, give no return yet")
        << QStringLiteral("XNYS") << xnysFullDay(mon, 60, 100) + xnysDay(tue, 60, {105, 110}) << QList<double>{};
    QTest::newRow("the second completed day gives the first return")
        << QStringLiteral("XNYS") << xnysFullDay(mon, 60, 100) + xnysFullDay(tue, 60, 110) + xnysDay(wed, 60, {50})
        << QList<double>{0.10};
    QTest::newRow("each day counts its last close, not the moves within it")
        << QStringLiteral("XNYS")
        << xnysDay(mon, 60, {130, 70, 90, 100}) + xnysDay(tue, 60, {200, 10, 88}) + xnysDay(wed, 60, {1, 2})
        << QList<double>{-0.12};
    QTest::newRow("thanksgiving is no day and the early close is a whole one")
        << QStringLiteral("XNYS")
        << xnysFullDay(mon, 60, 100) + xnysFullDay(tue, 60, 110) + xnysFullDay(wed, 60, 99)
               + xnysDay(fri, 60, {120, 115, 111, 108.9}) + xnysDay(nextMon, 60, {70})
        << QList<double>{0.10, -0.10, 0.10};
    QTest::newRow("fx days roll at 17:00 new york, not at midnight utc")
        << QStringLiteral("FX")
        << Bars{barAt("2026-11-23T21:00:00Z", 1.10),  // Monday 16:00 ET: Monday's day
                barAt("2026-11-23T22:00:00Z", 1.20),  // Monday 17:00 ET: Tuesday's day
                barAt("2026-11-24T21:00:00Z", 1.32),  // Tuesday's last hour
                barAt("2026-11-24T22:00:00Z", 1.00)}  // Wednesday's day, still trading
        << QList<double>{0.20};
    QTest::newRow("crypto days are utc days")
        << QStringLiteral("CRYPTO")
        << Bars{barAt("2026-11-28T00:00:00Z", 100), barAt("2026-11-28T23:00:00Z", 80),
                barAt("2026-11-29T00:00:00Z", 50), barAt("2026-11-30T00:00:00Z", 60), barAt("2026-11-30T23:00:00Z", 75),
                barAt("2026-12-01T00:00:00Z", 1)}
        << QList<double>{-0.375, 0.5};
    QTest::newRow("a day that closed at zero gives no return from it")
        << QStringLiteral("CRYPTO")
        << Bars{barAt("2026-11-28T00:00:00Z", 0), barAt("2026-11-29T00:00:00Z", 50), barAt("2026-11-30T00:00:00Z", 60),
                barAt("2026-12-01T00:00:00Z", 1)}
        << QList<double>{0.20};
}

void TestBarHistory::dailyReturns()
{
    QFETCH(QString, market);
    QFETCH(Bars, bars);
    QFETCH(QList<double>, returns);

    BarHistory history;
    (void)history.merge(bars, *test::builtInCalendar(market));

    const ReturnSeries series = history.dailyReturns();
    QCOMPARE(series.returns.size(), returns.size());
    for (qsizetype i = 0; i < returns.size(); ++i)
        QCOMPARE(series.returns.at(i), returns.at(i));
    // What the portfolio VaR needs to align holdings: one increasing stamp per return.
    QCOMPARE(series.closeTimes.size(), series.returns.size());
    for (qsizetype i = 1; i < series.closeTimes.size(); ++i)
        QVERIFY(series.closeTimes.at(i) > series.closeTimes.at(i - 1));
}

void TestBarHistory::aDayCompletedOverSeveralAnswersUsesItsLastClose()
{
    const auto xnys = calendar("XNYS");
    BarHistory history;
    const Bars tuesday = xnysDay(QDate(2026, 11, 24), 60, {101, 102, 103, 104, 105, 106, 120});
    (void)history.merge(xnysFullDay(QDate(2026, 11, 23), 60, 100), *xnys);
    (void)history.merge(tuesday.mid(0, 3), *xnys); // the morning
    (void)history.merge(tuesday.mid(2), *xnys);    // the afternoon, overlapping by one bar
    (void)history.merge(xnysDay(QDate(2026, 11, 25), 60, {90}), *xnys);

    const ReturnSeries series = history.dailyReturns();
    QCOMPARE(series.returns.size(), 1);
    QCOMPARE(series.returns.at(0), 0.20);
}

void TestBarHistory::dailyReturnsCoverABoundedNumberOfRecentDays()
{
    const auto crypto = calendar("CRYPTO");
    const int days = int(BarHistory::maxDailyCloses) + 50;
    const qint64 firstDay = *parseUtcInstant(u"2025-01-01T00:00:00Z");
    Bars bars;
    for (int i = 0; i < days; ++i) // closes 100, 101, 102, ...: day i returns 1/(100 + i - 1)
        bars.append(barAt(firstDay + i * 86'400'000LL, 100 + i));
    BarHistory history;
    (void)history.merge(bars, *crypto);

    const ReturnSeries series = history.dailyReturns();
    // The bound keeps maxDailyCloses closes: the newest is today's, the oldest only a base.
    QCOMPARE(series.returns.size(), BarHistory::maxDailyCloses - 2);
    // The newest completed day is kept, the oldest days are the ones dropped.
    const int newest = days - 2;
    QCOMPARE(series.returns.constLast(), 1.0 / (100 + newest - 1));
    const int oldest = newest - int(series.returns.size()) + 1;
    QCOMPARE(series.returns.constFirst(), 1.0 / (100 + oldest - 1));
}

void TestBarHistory::oneMarketAtDifferentIntervalsStampsEachDayAlike()
{
    // Two stocks on one exchange, one followed at 5 minutes and one hourly, closing at the same
    // prices: the portfolio VaR intersects their return timestamps (ADR 0035), so the same
    // trading day must carry the same stamp whatever the bar interval.
    const auto xnys = calendar("XNYS");
    const QDate mon(2026, 11, 23);
    const QDate tue(2026, 11, 24);
    const QDate wed(2026, 11, 25);
    BarHistory fiveMinute;
    BarHistory hourly;
    (void)fiveMinute.merge(xnysFullDay(mon, 5, 100) + xnysFullDay(tue, 5, 110) + xnysFullDay(wed, 5, 121)
                               + xnysDay(QDate(2026, 11, 27), 5, {1}),
                           *xnys);
    (void)hourly.merge(xnysFullDay(mon, 60, 100) + xnysFullDay(tue, 60, 110) + xnysFullDay(wed, 60, 121)
                           + xnysDay(QDate(2026, 11, 27), 60, {1}),
                       *xnys);

    const ReturnSeries a = fiveMinute.dailyReturns();
    const ReturnSeries b = hourly.dailyReturns();
    QCOMPARE(a.returns.size(), 2);
    QCOMPARE(a.returns, b.returns);
    // Each day is stamped with the opening instant of its last bar (15:55 ET against 15:30 ET)
    // instead of the close of the bar that ends it, so these holdings share no timestamp and
    // the VaR never gets a joint history. Issue 13 reports it.
    QEXPECT_FAIL("", "BarHistory stamps a day with its last bar's open time, which depends on the interval", Continue);
    QCOMPARE(a.closeTimes, b.closeTimes);
}

void TestBarHistory::aRestartWindowOfTheStoreGivesTheHistoryOfEverything_data()
{
    QTest::addColumn<QString>("market");
    QTest::newRow("fx, whose trading day rolls at 17:00 new york") << QStringLiteral("FX");
    QTest::newRow("xnys, with weekends and a holiday") << QStringLiteral("XNYS");
    QTest::newRow("crypto, every day") << QStringLiteral("CRYPTO");
}

void TestBarHistory::aRestartWindowOfTheStoreGivesTheHistoryOfEverything()
{
    // A restart reads the store's newest maxBars bars and one close per older trading day
    // (BarStore::loadRecent, ADR 0106): the engine must end up holding exactly what reading every
    // stored bar gave it, bars and daily returns alike.
    QFETCH(QString, market);
    const auto marketCalendar = calendar(market.toLatin1().constData());
    QVERIFY(marketCalendar);
    Bars stored;
    double price = 100;
    for (qint64 open = *parseUtcInstant(u"2026-09-01T00:00:00Z"); open < *parseUtcInstant(u"2026-12-01T00:00:00Z");
         open += 5 * minuteMs) {
        if (!marketCalendar->isOpen(open))
            continue;
        price *= 1.0 + 0.0004 * std::sin(double(open / (5 * minuteMs)) * 0.37);
        stored.append(barAt(open, price));
    }
    QVERIFY(stored.size() > 4 * BarHistory::maxBars);
    QTemporaryDir dir;
    auto store = BarStore::open(dir.filePath(QStringLiteral("bars.sqlite")));
    QVERIFY(store.ok());
    QVERIFY(store.value()->upsert(QStringLiteral("instrument"), stored).ok());
    const auto window = store.value()->loadRecent(
        QStringLiteral("instrument"),
        BarStore::RecentWindow{BarHistory::maxBars, BarHistory::maxDailyCloses,
                               [&marketCalendar](qint64 ms) { return marketCalendar->tradingDayOf(ms); }});
    QVERIFY(window.ok());
    QVERIFY(window.value().bars.size() < BarHistory::maxBars + 100);

    BarHistory fromEverything;
    fromEverything.merge(stored, *marketCalendar);
    BarHistory fromWindow;
    fromWindow.merge(window.value().bars, *marketCalendar);
    QCOMPARE(fromWindow.bars().size(), fromEverything.bars().size());
    for (qsizetype i = 0; i < fromEverything.bars().size(); ++i)
        QCOMPARE(fromWindow.bars().at(i).openTime, fromEverything.bars().at(i).openTime);
    const ReturnSeries expected = fromEverything.dailyReturns();
    const ReturnSeries actual = fromWindow.dailyReturns();
    QVERIFY(expected.returns.size() > 50);
    QCOMPARE(actual.closeTimes, expected.closeTimes);
    QCOMPARE(actual.returns, expected.returns);
}

QTEST_GUILESS_MAIN(TestBarHistory)
#include "tst_barhistory.moc"
