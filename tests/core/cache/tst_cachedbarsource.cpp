// SPDX-License-Identifier: GPL-3.0-or-later
#include "CacheTestSupport.h"

#include "cache/BarStore.h"
#include "cache/CachedBarSource.h"
#include "common/ManualClock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

namespace {

/// A front-end over a counting provider on the stand-in weekday schedule.
struct Rig {
    Rig(const QDateTime& start, bool enabled)
        : clock(start), upstream(clock), cache(QStringLiteral("bars"), clock, 5min, 64, enabled),
          source(upstream, cache, &weekdays)
    {
    }
    ManualClock clock;
    CountingBarProvider upstream;
    CachedBarSource::Cache cache;
    CachedBarSource source;
    Answers answers;
};

} // namespace

class TestCachedBarSource final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aWeekOfRequestsCostsOneFetchPerPublishedBar_data();
    void aWeekOfRequestsCostsOneFetchPerPublishedBar();
    void tenPanelsAskingForOneSeriesCostOneRequest();
    void aHitIsAnsweredLaterNotInsideFetchBars();
    void anUpstreamErrorReachesEveryWaiterAndTheNextRequestRetries();
    void aDisabledCacheFetchesEveryRequest();
    void requestsWithSinceAreCachedApartFromFullHistory();
    void withoutANextBarFunctionASeriesLastsOneInterval();
    void fetchedBarsArePersistedAndWarmARestart_data();
    void fetchedBarsArePersistedAndWarmARestart();
    void aBarStillFormingWhenStoredDoesNotWarm();
};

void TestCachedBarSource::aWeekOfRequestsCostsOneFetchPerPublishedBar_data()
{
    QTest::addColumn<Interval>("interval");
    QTest::addColumn<int>("barsPerSession");
    // A 09:30-16:00 session has 390 minutes.
    QTest::newRow("five minute bars: 78 a session") << Interval::Min5 << 78;
    QTest::newRow("fifteen minute bars: 26 a session") << Interval::Min15 << 26;
    QTest::newRow("hourly bars: 6 closing inside the session") << Interval::Min60 << 6;
}

void TestCachedBarSource::aWeekOfRequestsCostsOneFetchPerPublishedBar()
{
    QFETCH(Interval, interval);
    QFETCH(int, barsPerSession);
    const QDateTime monday = utc("2024-03-04T00:00:00Z");
    ManualClock clock(monday);
    CountingBarProvider upstream(clock);
    CachedBarSource::Cache cache(QStringLiteral("bars"), clock, 5min, 64);
    CachedBarSource source(upstream, cache, &weekdays);
    const Instrument aapl = equity("AAPL", interval);
    Answers answers;

    int asked = 0;
    for (QDateTime t = monday; t < monday.addDays(7); t = t.addSecs(60)) {
        clock.advanceTo(t);
        for (int panel = 0; panel < 3; ++panel) // chart, freshness and strategy each ask
            source.fetchBars(BarRequest{aapl, {}, {}}, answers.callback());
        asked += 3;
        QVERIFY(answers.waitFor(asked));
    }

    QCOMPARE(answers.ok, asked);
    // One cold fetch at the start, then one per bar published, none at any other time.
    QCOMPARE(upstream.fetches(), 1 + 5 * barsPerSession);
    QCOMPARE(upstream.requestTimes.constFirst(), monday);
    int whileClosed = 0;
    for (const QDateTime& at : upstream.requestTimes.mid(1)) {
        if (!isWeekdayBarClose(aapl, at))
            ++whileClosed;
    }
    QCOMPARE(whileClosed, 0);
    QCOMPARE(source.upstreamFetches(), quint64(upstream.fetches()));
    const CacheStats stats = cache.stats();
    QCOMPARE(stats.misses, quint64(upstream.fetches()));
    QCOMPARE(stats.hits + stats.coalesced + stats.misses, quint64(asked));
    QVERIFY(stats.hitRate() > 0.85);
}

void TestCachedBarSource::tenPanelsAskingForOneSeriesCostOneRequest()
{
    Rig rig(utc("2024-03-05T14:02:00Z"), true);
    auto& [clock, upstream, cache, source, answers] = rig;
    upstream.hold = true;
    for (int i = 0; i < 10; ++i)
        source.fetchBars(BarRequest{equity("MSFT"), {}, {}}, answers.callback());
    QCOMPARE(upstream.fetches(), 1);
    QCOMPARE(upstream.heldCount(), 1);
    upstream.releaseHeld();
    QVERIFY(answers.waitFor(10));
    QCOMPARE(answers.ok, 10);
    QCOMPARE(upstream.fetches(), 1);
    QCOMPARE(cache.stats().coalesced, quint64(9));
    QCOMPARE(cache.validUntil(CachedBarSource::cacheKey(BarRequest{equity("MSFT"), {}, {}})),
             utc("2024-03-05T14:05:00Z"));
}

void TestCachedBarSource::aHitIsAnsweredLaterNotInsideFetchBars()
{
    Rig rig(utc("2024-03-05T14:02:00Z"), true);
    auto& [clock, upstream, cache, source, answers] = rig;
    source.fetchBars(BarRequest{equity("MSFT"), {}, {}}, answers.callback());
    QVERIFY(answers.waitFor(1));
    source.fetchBars(BarRequest{equity("MSFT"), {}, {}}, answers.callback());
    QCOMPARE(answers.count(), 1);
    QVERIFY(answers.waitFor(2));
    QCOMPARE(cache.stats().hits, quint64(1));
}

void TestCachedBarSource::anUpstreamErrorReachesEveryWaiterAndTheNextRequestRetries()
{
    Rig rig(utc("2024-03-05T14:02:00Z"), true);
    auto& [clock, upstream, cache, source, answers] = rig;
    upstream.failWith = Error{QStringLiteral("rate_limited"), QStringLiteral("quota spent"), {}};
    for (int i = 0; i < 4; ++i)
        source.fetchBars(BarRequest{equity("IBM"), {}, {}}, answers.callback());
    QVERIFY(answers.waitFor(4));
    QCOMPARE(answers.errors.size(), 4);
    QCOMPARE(answers.errors.constFirst().kind, QStringLiteral("rate_limited"));
    QCOMPARE(upstream.fetches(), 1);
    upstream.failWith.reset();
    source.fetchBars(BarRequest{equity("IBM"), {}, {}}, answers.callback());
    QVERIFY(answers.waitFor(5));
    QCOMPARE(answers.ok, 1);
    QCOMPARE(upstream.fetches(), 2);
}

void TestCachedBarSource::aDisabledCacheFetchesEveryRequest()
{
    Rig rig(utc("2024-03-09T12:00:00Z"), false); // Saturday: nothing would be fetched if enabled
    auto& [clock, upstream, cache, source, answers] = rig;
    for (int i = 0; i < 6; ++i)
        source.fetchBars(BarRequest{equity("IBM"), {}, {}}, answers.callback());
    QVERIFY(answers.waitFor(6));
    QCOMPARE(upstream.fetches(), 6);
    QVERIFY(!cache.stats().enabled);
    QCOMPARE(cache.stats().bypassed, quint64(6));
}

void TestCachedBarSource::requestsWithSinceAreCachedApartFromFullHistory()
{
    Rig rig(utc("2024-03-05T14:02:00Z"), true);
    auto& [clock, upstream, cache, source, answers] = rig;
    const BarRequest recent{equity("IBM"), utc("2024-03-05T13:00:00Z"), {}};
    const BarRequest full{equity("IBM"), {}, {}};
    QVERIFY(CachedBarSource::cacheKey(recent) != CachedBarSource::cacheKey(full));
    source.fetchBars(recent, answers.callback());
    source.fetchBars(full, answers.callback());
    source.fetchBars(recent, answers.callback());
    QVERIFY(answers.waitFor(3));
    QCOMPARE(upstream.fetches(), 2);
}

void TestCachedBarSource::withoutANextBarFunctionASeriesLastsOneInterval()
{
    ManualClock clock(utc("2024-03-09T12:00:00Z"));
    CountingBarProvider upstream(clock);
    CachedBarSource::Cache cache(QStringLiteral("bars"), clock, 1h, 64);
    CachedBarSource source(upstream, cache, {});
    Answers answers;
    source.fetchBars(BarRequest{equity("IBM", Interval::Min15), {}, {}}, answers.callback());
    QVERIFY(answers.waitFor(1));
    QCOMPARE(cache.validUntil(CachedBarSource::cacheKey(BarRequest{equity("IBM", Interval::Min15), {}, {}})),
             utc("2024-03-09T12:15:00Z"));
}

void TestCachedBarSource::fetchedBarsArePersistedAndWarmARestart_data()
{
    QTest::addColumn<QDateTime>("restartAt");
    QTest::addColumn<int>("warmed");
    QTest::addColumn<int>("fetchesAfterRestart");
    QTest::newRow("a restart over the weekend fetches nothing") << utc("2024-03-10T20:00:00Z") << 1 << 0;
    QTest::newRow("a restart just before monday's first bar closes fetches nothing")
        << utc("2024-03-11T09:34:59Z") << 1 << 0;
    QTest::newRow("a restart after monday's first bar closed fetches once") << utc("2024-03-11T09:35:00Z") << 0 << 1;
}

void TestCachedBarSource::fetchedBarsArePersistedAndWarmARestart()
{
    QFETCH(QDateTime, restartAt);
    QFETCH(int, warmed);
    QFETCH(int, fetchesAfterRestart);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bars.sqlite"));
    const Instrument aapl = equity("AAPL");
    const Bars friday{Bar{utc("2024-03-08T15:50:00Z"), 170, 171, 169.5, 170.5, 1000},
                      Bar{utc("2024-03-08T15:55:00Z"), 170.5, 172, 170, 171.8, 2500}};

    ManualClock clock(utc("2024-03-08T16:00:30Z")); // Friday, just after the close
    {
        auto store = BarStore::open(path);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        CountingBarProvider upstream(clock);
        upstream.bars = friday;
        CachedBarSource::Cache cache(QStringLiteral("bars"), clock, 5min, 64);
        CachedBarSource source(upstream, cache, &weekdays);
        source.setBarStore(store.value().get());
        Answers answers;
        source.fetchBars(BarRequest{aapl, {}, {}}, answers.callback());
        QVERIFY(answers.waitFor(1));
        QCOMPARE(upstream.fetches(), 1);
    }

    clock.advanceTo(restartAt);
    auto store = BarStore::open(path);
    QVERIFY(store.ok());
    CountingBarProvider upstream(clock);
    upstream.bars = friday;
    CachedBarSource::Cache cache(QStringLiteral("bars"), clock, 5min, 64);
    CachedBarSource source(upstream, cache, &weekdays);
    source.setBarStore(store.value().get());
    QCOMPARE(source.warmFromStore({aapl, equity("MSFT")}, 1000, 400), warmed);
    Answers answers;
    source.fetchBars(BarRequest{aapl, {}, {}}, answers.callback());
    QVERIFY(answers.waitFor(1));
    QCOMPARE(upstream.fetches(), fetchesAfterRestart);
}

void TestCachedBarSource::aBarStillFormingWhenStoredDoesNotWarm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ManualClock clock(utc("2024-03-05T14:02:00Z"));
    auto store = BarStore::open(dir.filePath(QStringLiteral("bars.sqlite")));
    QVERIFY(store.ok());
    QVERIFY(store.value()->upsert(equity("AAPL").key(), {Bar{utc("2024-03-05T14:00:00Z"), 1, 2, 1, 2, 5}}).ok());
    CountingBarProvider upstream(clock);
    CachedBarSource::Cache cache(QStringLiteral("bars"), clock, 5min, 64);
    CachedBarSource source(upstream, cache, &weekdays);
    source.setBarStore(store.value().get());
    QCOMPARE(source.warmFromStore({equity("AAPL")}, 1000, 400), 0);
}

QTEST_GUILESS_MAIN(TestCachedBarSource)
#include "tst_cachedbarsource.moc"
