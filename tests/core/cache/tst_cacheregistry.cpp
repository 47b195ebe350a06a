// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CacheRegistry.h"
#include "common/ManualClock.h"

#include <QJsonObject>
#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

QDateTime start()
{
    return QDateTime::fromString(QStringLiteral("2024-03-04T14:00:00Z"), Qt::ISODate);
}

CacheSettings customSettings()
{
    CacheSettings settings;
    settings.ttl.portfolio = 61s;
    settings.ttl.quote = 31s;
    settings.ttl.indicators = 301s;
    settings.ttl.sentiment = 1801s;
    settings.ttl.macro = 86'401s;
    settings.ttl.regime = 302s;
    return settings;
}

} // namespace

class TestCacheRegistry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachNamedCacheTakesItsConfiguredTtl_data();
    void eachNamedCacheTakesItsConfiguredTtl();
    void anUnconfiguredNameFallsBackToTheDefaultTtl();
    void theDefaultTtlsAreTheDocumentedOnes();
    void snapshotReportsEveryCacheInCreationOrder();
    void disabledCachingMakesEveryCacheABypass();
    void statsBecomeTheRunSummaryObject();
    void cacheStatsCanCrossThreads();
    void aRedisUrlThatIsNotOneIsAConfigurationIssue();
    void sharedCachesAreLabelledWithTheirBackend();
};

void TestCacheRegistry::eachNamedCacheTakesItsConfiguredTtl_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("portfolio uses cache.ttl.portfolio") << QStringLiteral("portfolio") << qint64(61'000);
    QTest::newRow("quote uses cache.ttl.quote") << QStringLiteral("quote") << qint64(31'000);
    QTest::newRow("indicators uses cache.ttl.indicators") << QStringLiteral("indicators") << qint64(301'000);
    QTest::newRow("sentiment uses cache.ttl.sentiment") << QStringLiteral("sentiment") << qint64(1'801'000);
    QTest::newRow("macro uses cache.ttl.macro") << QStringLiteral("macro") << qint64(86'401'000);
    QTest::newRow("regime uses cache.ttl.regime") << QStringLiteral("regime") << qint64(302'000);
}

void TestCacheRegistry::eachNamedCacheTakesItsConfiguredTtl()
{
    QFETCH(QString, name);
    QFETCH(qint64, expectedMs);
    ManualClock clock(start());
    CacheRegistry registry(customSettings(), clock);
    auto& cache = registry.create<QString, double>(name);
    QCOMPARE(qint64(cache.defaultTtl().count()), expectedMs);
    cache.put(QStringLiteral("k"), 1.0);
    clock.advanceBy(std::chrono::milliseconds(expectedMs - 1));
    QVERIFY(cache.contains(QStringLiteral("k")));
    clock.advanceBy(1ms);
    QVERIFY(!cache.contains(QStringLiteral("k")));
}

void TestCacheRegistry::anUnconfiguredNameFallsBackToTheDefaultTtl()
{
    ManualClock clock(start());
    CacheRegistry registry(CacheSettings{}, clock);
    auto& news = registry.create<QString, int>(u"news");
    QCOMPARE(news.defaultTtl(), CacheRegistry::kFallbackTtl);
    QCOMPARE(CacheRegistry::configuredTtl(CacheTtls{}, u"news"), std::nullopt);
}

void TestCacheRegistry::theDefaultTtlsAreTheDocumentedOnes()
{
    const CacheTtls defaults;
    QCOMPARE(CacheRegistry::configuredTtl(defaults, cachenames::portfolio), std::optional(std::chrono::milliseconds(60s)));
    QCOMPARE(CacheRegistry::configuredTtl(defaults, cachenames::quote), std::optional(std::chrono::milliseconds(30s)));
    QCOMPARE(CacheRegistry::configuredTtl(defaults, cachenames::indicators), std::optional(std::chrono::milliseconds(5min)));
    QCOMPARE(CacheRegistry::configuredTtl(defaults, cachenames::sentiment), std::optional(std::chrono::milliseconds(30min)));
    QCOMPARE(CacheRegistry::configuredTtl(defaults, cachenames::macro), std::optional(std::chrono::milliseconds(24h)));
    QCOMPARE(CacheRegistry::configuredTtl(defaults, cachenames::regime), std::optional(std::chrono::milliseconds(5min)));
}

void TestCacheRegistry::snapshotReportsEveryCacheInCreationOrder()
{
    ManualClock clock(start());
    CacheRegistry registry(CacheSettings{}, clock);
    auto& quotes = registry.create<QString, double>(cachenames::quote);
    auto& portfolio = registry.create<quint64, int>(cachenames::portfolio, 2);
    quotes.put(QStringLiteral("AAPL"), 170.0);
    QVERIFY(quotes.get(QStringLiteral("AAPL")).has_value());
    QVERIFY(!quotes.get(QStringLiteral("MSFT")).has_value());
    QVERIFY(!portfolio.get(1).has_value());
    const CacheStatsList snapshot = registry.snapshot();
    QCOMPARE(snapshot.size(), 2);
    QCOMPARE(snapshot.at(0).name, QStringLiteral("quote"));
    QCOMPARE(snapshot.at(0).hits, quint64(1));
    QCOMPARE(snapshot.at(0).misses, quint64(1));
    QCOMPARE(snapshot.at(0).entries, qint64(1));
    QCOMPARE(snapshot.at(1).name, QStringLiteral("portfolio"));
    QCOMPARE(snapshot.at(1).capacity, qint64(2));
    QCOMPARE(registry.find(u"quote"), &quotes);
    QCOMPARE(registry.find(u"sentiment"), nullptr);
    registry.clearAll();
    QCOMPARE(registry.snapshot().at(0).entries, qint64(0));
}

void TestCacheRegistry::disabledCachingMakesEveryCacheABypass()
{
    ManualClock clock(start());
    CacheSettings settings;
    settings.enabled = false;
    settings.backend = CacheBackend::Redis; // the rollback switch wins over the backend
    CacheRegistry registry(settings, clock);
    QCOMPARE(registry.sharedBackend(), nullptr);
    auto& quotes = registry.create<QString, double>(cachenames::quote);
    registry.create<QString, int>(cachenames::bars, 5min, 16, CacheRegistry::Sharing::Shared);
    quotes.put(QStringLiteral("AAPL"), 1.0);
    QVERIFY(!quotes.get(QStringLiteral("AAPL")).has_value());
    for (const CacheStats& stats : registry.snapshot()) {
        QVERIFY(!stats.enabled);
        QCOMPARE(stats.backend, QStringLiteral("none"));
    }
    QCOMPARE(registry.snapshot().at(0).bypassed, quint64(1));
}

void TestCacheRegistry::statsBecomeTheRunSummaryObject()
{
    ManualClock clock(start());
    CacheRegistry registry(CacheSettings{}, clock);
    auto& quotes = registry.create<QString, double>(cachenames::quote);
    quotes.put(QStringLiteral("AAPL"), 170.0);
    for (int i = 0; i < 3; ++i)
        QVERIFY(quotes.get(QStringLiteral("AAPL")).has_value());
    QVERIFY(!quotes.get(QStringLiteral("MSFT")).has_value());
    const QJsonObject json = cacheStatsJson(registry.snapshot());
    const QJsonObject quote = json.value(QStringLiteral("quote")).toObject();
    QCOMPARE(quote.value(QStringLiteral("hits")).toInteger(), 3);
    QCOMPARE(quote.value(QStringLiteral("misses")).toInteger(), 1);
    QCOMPARE(quote.value(QStringLiteral("hit_rate")).toDouble(), 0.75);
    QCOMPARE(quote.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(quote.value(QStringLiteral("backend")).toString(), QStringLiteral("memory"));
}

void TestCacheRegistry::cacheStatsCanCrossThreads()
{
    CacheStats stats;
    stats.name = QStringLiteral("quote");
    stats.hits = 5;
    const QVariant variant = QVariant::fromValue(stats);
    QVERIFY(variant.metaType().isValid());
    QCOMPARE(variant.value<CacheStats>().hits, quint64(5));
    QCOMPARE(variant.value<CacheStats>().name, QStringLiteral("quote"));
}

void TestCacheRegistry::aRedisUrlThatIsNotOneIsAConfigurationIssue()
{
    ManualClock clock(start());
    CacheSettings settings;
    settings.backend = CacheBackend::Redis;
    settings.redisUrl = QStringLiteral("http://user:hunter2@127.0.0.1:6379");
    CacheRegistry registry(settings, clock);
    QCOMPARE(registry.sharedBackend(), nullptr);
    QCOMPARE(registry.issues().size(), 1);
#if SENTINEL_WITH_REDIS
    QCOMPARE(registry.issues().constFirst().location, QStringLiteral("cache.redis_url"));
    QVERIFY(!registry.issues().constFirst().toString().contains(QStringLiteral("hunter2")));
#else
    QCOMPARE(registry.issues().constFirst().location, QStringLiteral("cache.backend"));
#endif
    auto& bars = registry.create<QString, int>(cachenames::bars, 5min, 16, CacheRegistry::Sharing::Shared);
    QVERIFY(bars.stats().degraded);
}

void TestCacheRegistry::sharedCachesAreLabelledWithTheirBackend()
{
    ManualClock clock(start());
    CacheSettings settings;
    settings.backend = CacheBackend::Redis;
    settings.redisUrl = QStringLiteral("redis://127.0.0.1:1"); // never started: nothing listens
    CacheRegistry registry(settings, clock);
    auto& bars = registry.create<QString, int>(cachenames::bars, 5min, 16, CacheRegistry::Sharing::Shared);
    auto& quotes = registry.create<QString, int>(cachenames::quote);
    QCOMPARE(bars.stats().backend, QStringLiteral("redis"));
    QCOMPARE(quotes.stats().backend, QStringLiteral("memory"));
#if !SENTINEL_WITH_REDIS
    QVERIFY(bars.stats().degraded);
#endif
}

QTEST_GUILESS_MAIN(TestCacheRegistry)
#include "tst_cacheregistry.moc"
