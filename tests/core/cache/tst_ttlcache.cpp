// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/TtlCache.h"
#include "common/ManualClock.h"

#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

using IntCache = TtlCache<QString, int>;

/// A fetcher whose loads the test completes by hand, so "concurrent" requesters can pile up.
struct ManualFetcher {
    QList<IntCache::Resolve> pending;
    int calls = 0;
    IntCache::Fetch fetch()
    {
        return [this](IntCache::Resolve resolve) {
            ++calls;
            pending.append(std::move(resolve));
        };
    }
};

struct Collected {
    QList<int> values;
    QStringList errors;
    IntCache::Done done()
    {
        return [this](const Result<int>& result) {
            if (result.ok())
                values.append(result.value());
            else
                errors.append(result.error().kind);
        };
    }
};

/// A cache at a fixed start instant with a hand-driven fetcher and an answer collector.
struct Rig {
    Rig(const QString& name, std::chrono::milliseconds ttl)
        : clock(utc("2024-03-04T10:00:00Z")), cache(name, clock, ttl, 16)
    {
    }
    ManualClock clock;
    IntCache cache;
    ManualFetcher fetcher;
    Collected collected;
};

} // namespace

class TestTtlCache final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entryValidityFollowsItsTimeToLive_data();
    void entryValidityFollowsItsTimeToLive();
    void putUntilKeepsAValueUntilTheGivenInstant();
    void putUntilAnInstantAlreadyPastStoresNothing();
    void evictsTheLeastRecentlyUsedEntryWhenFull();
    void evictingAnExpiredEntryCountsAsAnExpiration();
    void countsHitsMissesExpirationsAndHitRate();
    void purgeExpiredDropsOnlyExpiredEntries();
    void tenRequestersOfOneKeyShareOneFetch();
    void fetchMayGiveItsOwnValidity();
    void errorsReachEveryWaiterAndAreNotCached();
    void invalidateDuringAFetchAnswersItsWaitersButStoresNothing();
    void aWaiterAskingAgainAfterInvalidationStartsANewFetch();
    void resolvingTwiceHasNoFurtherEffect();
    void aFetchCompletingAfterTheCacheIsGoneIsIgnored();
    void disabledCacheFetchesEveryTimeStoresNothingAndSaysSo();
};

void TestTtlCache::entryValidityFollowsItsTimeToLive_data()
{
    QTest::addColumn<qint64>("ttlMs");
    QTest::addColumn<qint64>("readAfterMs");
    QTest::addColumn<bool>("valid");
    QTest::newRow("an entry read one millisecond before its ttl ends is a hit") << qint64(30'000) << qint64(29'999) << true;
    QTest::newRow("an entry read exactly when its ttl ends has expired") << qint64(30'000) << qint64(30'000) << false;
    QTest::newRow("an entry read a day later has expired") << qint64(30'000) << qint64(86'400'000) << false;
    QTest::newRow("a five minute ttl still holds after four minutes") << qint64(300'000) << qint64(240'000) << true;
}

void TestTtlCache::entryValidityFollowsItsTimeToLive()
{
    QFETCH(qint64, ttlMs);
    QFETCH(qint64, readAfterMs);
    QFETCH(bool, valid);
    ManualClock clock(utc("2024-03-04T10:00:00Z"));
    IntCache cache(QStringLiteral("quote"), clock, std::chrono::milliseconds(ttlMs), 16);
    cache.put(QStringLiteral("AAPL"), 42);
    clock.advanceBy(std::chrono::milliseconds(readAfterMs));
    QCOMPARE(cache.contains(QStringLiteral("AAPL")), valid);
    QCOMPARE(cache.get(QStringLiteral("AAPL")).has_value(), valid);
    const CacheStats stats = cache.stats();
    QCOMPARE(stats.hits, quint64(valid ? 1 : 0));
    QCOMPARE(stats.expirations, quint64(valid ? 0 : 1));
    QCOMPARE(stats.entries, qint64(valid ? 1 : 0));
}

void TestTtlCache::putUntilKeepsAValueUntilTheGivenInstant()
{
    ManualClock clock(utc("2024-03-08T16:00:00Z")); // a Friday close
    IntCache cache(QStringLiteral("bars"), clock, 5min, 16);
    const QDateTime mondayOpenBar = utc("2024-03-11T09:35:00Z");
    cache.putUntil(QStringLiteral("XNYS:AAPL:5min"), 7, mondayOpenBar);
    QCOMPARE(cache.validUntil(QStringLiteral("XNYS:AAPL:5min")), mondayOpenBar);
    clock.advanceTo(utc("2024-03-11T09:34:59Z"));
    QCOMPARE(cache.get(QStringLiteral("XNYS:AAPL:5min")), std::optional<int>(7));
    clock.advanceTo(mondayOpenBar);
    QCOMPARE(cache.get(QStringLiteral("XNYS:AAPL:5min")), std::nullopt);
}

void TestTtlCache::putUntilAnInstantAlreadyPastStoresNothing()
{
    ManualClock clock(utc("2024-03-04T10:00:00Z"));
    IntCache cache(QStringLiteral("bars"), clock, 5min, 16);
    cache.put(QStringLiteral("k"), 1);
    cache.putUntil(QStringLiteral("k"), 2, utc("2024-03-04T09:59:59Z"));
    QCOMPARE(cache.size(), 0);
    cache.putUntil(QStringLiteral("k"), 3, QDateTime());
    QCOMPARE(cache.size(), 0);
}

void TestTtlCache::evictsTheLeastRecentlyUsedEntryWhenFull()
{
    ManualClock clock(utc("2024-03-04T10:00:00Z"));
    IntCache cache(QStringLiteral("indicators"), clock, 5min, 3);
    cache.put(QStringLiteral("a"), 1);
    cache.put(QStringLiteral("b"), 2);
    cache.put(QStringLiteral("c"), 3);
    QVERIFY(cache.get(QStringLiteral("a")).has_value()); // a is now the most recent
    cache.put(QStringLiteral("d"), 4);
    QCOMPARE(cache.size(), 3);
    QVERIFY(!cache.contains(QStringLiteral("b")));
    QVERIFY(cache.contains(QStringLiteral("a")));
    QVERIFY(cache.contains(QStringLiteral("c")));
    QVERIFY(cache.contains(QStringLiteral("d")));
    cache.put(QStringLiteral("c"), 30); // replacing refreshes recency and does not evict
    cache.put(QStringLiteral("e"), 5);
    QVERIFY(!cache.contains(QStringLiteral("a")));
    QCOMPARE(cache.get(QStringLiteral("c")), std::optional<int>(30));
    QCOMPARE(cache.stats().evictions, quint64(2));
    QCOMPARE(cache.stats().capacity, qint64(3));
}

void TestTtlCache::evictingAnExpiredEntryCountsAsAnExpiration()
{
    ManualClock clock(utc("2024-03-04T10:00:00Z"));
    IntCache cache(QStringLiteral("quote"), clock, 30s, 1);
    cache.put(QStringLiteral("a"), 1);
    clock.advanceBy(31s);
    cache.put(QStringLiteral("b"), 2);
    QCOMPARE(cache.stats().evictions, quint64(0));
    QCOMPARE(cache.stats().expirations, quint64(1));
}

void TestTtlCache::countsHitsMissesExpirationsAndHitRate()
{
    ManualClock clock(utc("2024-03-04T10:00:00Z"));
    IntCache cache(QStringLiteral("regime"), clock, 5min, 16);
    QCOMPARE(cache.stats().hitRate(), 0.0);
    cache.put(QStringLiteral("a"), 1);
    for (int i = 0; i < 6; ++i)
        QVERIFY(cache.get(QStringLiteral("a")).has_value());
    QVERIFY(!cache.get(QStringLiteral("b")).has_value());
    clock.advanceBy(5min);
    QVERIFY(!cache.get(QStringLiteral("a")).has_value());
    const CacheStats stats = cache.stats();
    QCOMPARE(stats.name, QStringLiteral("regime"));
    QCOMPARE(stats.hits, quint64(6));
    QCOMPARE(stats.misses, quint64(2));
    QCOMPARE(stats.expirations, quint64(1));
    QCOMPARE(stats.hitRate(), 6.0 / 8.0);
    QVERIFY(stats.enabled);
    QCOMPARE(stats.backend, QStringLiteral("memory"));
}

void TestTtlCache::purgeExpiredDropsOnlyExpiredEntries()
{
    ManualClock clock(utc("2024-03-04T10:00:00Z"));
    IntCache cache(QStringLiteral("macro"), clock, 1min, 16);
    cache.put(QStringLiteral("short"), 1);
    cache.put(QStringLiteral("long"), 2, 10min);
    clock.advanceBy(2min);
    QCOMPARE(cache.purgeExpired(), 1);
    QCOMPARE(cache.size(), 1);
    QVERIFY(cache.contains(QStringLiteral("long")));
    QCOMPARE(cache.stats().expirations, quint64(1));
}

void TestTtlCache::tenRequestersOfOneKeyShareOneFetch()
{
    Rig rig(QStringLiteral("bars"), 5min);
    auto& [clock, cache, fetcher, collected] = rig;
    for (int i = 0; i < 10; ++i)
        cache.getOrFetch(QStringLiteral("series"), fetcher.fetch(), collected.done());
    QCOMPARE(fetcher.calls, 1);
    QVERIFY(cache.isFetching(QStringLiteral("series")));
    QVERIFY(collected.values.isEmpty());
    fetcher.pending.takeFirst()(99, {});
    QCOMPARE(collected.values, QList<int>(10, 99));
    cache.getOrFetch(QStringLiteral("series"), fetcher.fetch(), collected.done());
    QCOMPARE(fetcher.calls, 1);
    QCOMPARE(collected.values.size(), 11); // a hit answers before getOrFetch returns
    const CacheStats stats = cache.stats();
    QCOMPARE(stats.misses, quint64(1));
    QCOMPARE(stats.coalesced, quint64(9));
    QCOMPARE(stats.hits, quint64(1));
    QCOMPARE(stats.loads, quint64(1));
    QCOMPARE(stats.hitRate(), 10.0 / 11.0);
}

void TestTtlCache::fetchMayGiveItsOwnValidity()
{
    ManualClock clock(utc("2024-03-04T10:02:00Z"));
    IntCache cache(QStringLiteral("bars"), clock, 1h, 16);
    ManualFetcher fetcher;
    Collected collected;
    cache.getOrFetch(QStringLiteral("k"), fetcher.fetch(), collected.done());
    fetcher.pending.takeFirst()(1, utc("2024-03-04T10:05:00Z"));
    QCOMPARE(cache.validUntil(QStringLiteral("k")), utc("2024-03-04T10:05:00Z"));
    cache.getOrFetch(QStringLiteral("other"), fetcher.fetch(), collected.done());
    fetcher.pending.takeFirst()(2, {});
    QCOMPARE(cache.validUntil(QStringLiteral("other")), utc("2024-03-04T11:02:00Z"));
}

void TestTtlCache::errorsReachEveryWaiterAndAreNotCached()
{
    Rig rig(QStringLiteral("quote"), 30s);
    auto& [clock, cache, fetcher, collected] = rig;
    for (int i = 0; i < 3; ++i)
        cache.getOrFetch(QStringLiteral("k"), fetcher.fetch(), collected.done());
    fetcher.pending.takeFirst()(Error{QStringLiteral("rate_limited"), QStringLiteral("slow down"), {}}, {});
    QCOMPARE(collected.errors, QStringList(3, QStringLiteral("rate_limited")));
    QVERIFY(!cache.contains(QStringLiteral("k")));
    cache.getOrFetch(QStringLiteral("k"), fetcher.fetch(), collected.done());
    QCOMPARE(fetcher.calls, 2);
    QCOMPARE(cache.stats().loadErrors, quint64(1));
}

void TestTtlCache::invalidateDuringAFetchAnswersItsWaitersButStoresNothing()
{
    Rig rig(QStringLiteral("portfolio"), 60s);
    auto& [clock, cache, fetcher, collected] = rig;
    cache.getOrFetch(QStringLiteral("p"), fetcher.fetch(), collected.done());
    QVERIFY(cache.invalidate(QStringLiteral("p"))); // a fill arrives while the read is under way
    cache.getOrFetch(QStringLiteral("p"), fetcher.fetch(), collected.done());
    QCOMPARE(fetcher.calls, 2); // the read after the fill does not join the read before it
    fetcher.pending.takeFirst()(100, {});
    QCOMPARE(collected.values, QList<int>{100});
    QVERIFY(!cache.contains(QStringLiteral("p")));
    fetcher.pending.takeFirst()(90, {});
    QCOMPARE(collected.values, (QList<int>{100, 90}));
    QCOMPARE(cache.get(QStringLiteral("p")), std::optional<int>(90));
}

void TestTtlCache::aWaiterAskingAgainAfterInvalidationStartsANewFetch()
{
    ManualClock clock(utc("2024-03-04T10:00:00Z"));
    IntCache cache(QStringLiteral("portfolio"), clock, 60s, 16);
    ManualFetcher fetcher;
    Collected again;
    cache.getOrFetch(QStringLiteral("p"), fetcher.fetch(), [&](const Result<int>&) {
        cache.invalidate(QStringLiteral("p"));
        cache.getOrFetch(QStringLiteral("p"), fetcher.fetch(), again.done());
    });
    fetcher.pending.takeFirst()(1, {});
    QCOMPARE(fetcher.calls, 2);
    QVERIFY(cache.isFetching(QStringLiteral("p")));
    fetcher.pending.takeFirst()(2, {});
    QCOMPARE(again.values, QList<int>{2});
}

void TestTtlCache::resolvingTwiceHasNoFurtherEffect()
{
    Rig rig(QStringLiteral("quote"), 30s);
    auto& [clock, cache, fetcher, collected] = rig;
    cache.getOrFetch(QStringLiteral("k"), fetcher.fetch(), collected.done());
    const IntCache::Resolve resolve = fetcher.pending.takeFirst();
    resolve(1, {});
    resolve(2, {});
    QCOMPARE(collected.values, QList<int>{1});
    QCOMPARE(cache.get(QStringLiteral("k")), std::optional<int>(1));
}

void TestTtlCache::aFetchCompletingAfterTheCacheIsGoneIsIgnored()
{
    ManualClock clock(utc("2024-03-04T10:00:00Z"));
    ManualFetcher fetcher;
    Collected collected;
    {
        IntCache cache(QStringLiteral("quote"), clock, 30s, 16);
        cache.getOrFetch(QStringLiteral("k"), fetcher.fetch(), collected.done());
    }
    fetcher.pending.takeFirst()(1, {});
    QVERIFY(collected.values.isEmpty());
}

void TestTtlCache::disabledCacheFetchesEveryTimeStoresNothingAndSaysSo()
{
    ManualClock clock(utc("2024-03-04T10:00:00Z"));
    IntCache cache(QStringLiteral("quote"), clock, 30s, 16, /*enabled=*/false);
    ManualFetcher fetcher;
    Collected collected;
    for (int i = 0; i < 5; ++i)
        cache.getOrFetch(QStringLiteral("k"), fetcher.fetch(), collected.done());
    QCOMPARE(fetcher.calls, 5);
    for (int i = 0; i < 5; ++i)
        fetcher.pending.takeFirst()(i, {});
    QCOMPARE(collected.values, (QList<int>{0, 1, 2, 3, 4}));
    cache.put(QStringLiteral("k"), 9);
    QVERIFY(!cache.get(QStringLiteral("k")).has_value());
    const CacheStats stats = cache.stats();
    QVERIFY(!stats.enabled);
    QCOMPARE(stats.backend, QStringLiteral("none"));
    QCOMPARE(stats.bypassed, quint64(6));
    QCOMPARE(stats.misses, quint64(6));
    QCOMPARE(stats.hits, quint64(0));
    QCOMPARE(stats.entries, qint64(0));
    QCOMPARE(stats.hitRate(), 0.0);
}

QTEST_GUILESS_MAIN(TestTtlCache)
#include "tst_ttlcache.moc"
