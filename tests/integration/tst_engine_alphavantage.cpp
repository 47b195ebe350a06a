// SPDX-License-Identifier: GPL-3.0-or-later
// What the caches save, measured where it costs: requests reaching a fake Alpha Vantage on
// 127.0.0.1, made by the real engine over simulated time (ManualClock + SimulationDriver).
#include "FakeAlphaVantage.h"
#include "RedisServerProcess.h"
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "engine/SimulationDriver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <spdlog/spdlog.h>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

/// The engine asks for a bar one minute after it closes (Alpha Vantage's publication delay).
constexpr qint64 publicationDelayMs = 60'000;

const QList<Instrument> watchlist = {
    Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5},
    Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5},
    Instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5},
};

Config alphaVantageConfig(const QUrl& baseUrl, bool cacheEnabled, const QString& redisUrl = {})
{
    Config config = ConfigLoader().loadDemoProfile().config;
    config.provider = ProviderKind::AlphaVantage;
    config.alphaVantage.apiKey = Secret(QStringLiteral("TESTKEY-engine-av"));
    config.alphaVantage.baseUrl = baseUrl;
    config.alphaVantage.requestsPerMinute = 1200; // a premium key: the limiter is not what is measured
    config.alphaVantage.requestsPerDay = 1'000'000;
    config.watchlist = watchlist;
    config.cache.enabled = cacheEnabled;
    if (!redisUrl.isEmpty()) {
        config.cache.backend = CacheBackend::Redis;
        config.cache.redisUrl = redisUrl;
    }
    return config;
}

EngineOptions simulationOptions(const QTemporaryDir& dir, const QString& name)
{
    EngineOptions options;
    options.offline = true;
    options.autoApprove = true; // trades happen, so the portfolio cache is invalidated for real
    options.journalPath = dir.filePath(name);
    return options;
}

/// Runs the engines on one clock from its current time to `end`, as `sentinel run --simulate` does.
bool simulate(ManualClock& clock, const QList<Engine*>& engines, const QDateTime& end)
{
    SimulationDriver driver(clock, end, [&engines] {
        return std::any_of(engines.cbegin(), engines.cend(), [](const Engine* engine) { return engine->busy(); });
    });
    QSignalSpy finished(&driver, &SimulationDriver::finished);
    QSignalSpy failed(engines.first(), &Engine::startFailed);
    for (Engine* engine : engines) {
        QObject::connect(engine, &Engine::idle, &driver, &SimulationDriver::notifyIdle);
        engine->start();
    }
    QElapsedTimer wall;
    wall.start();
    driver.start();
    const bool done = finished.wait(240'000);
    qInfo("simulated up to %s in %lld ms of wall time", qPrintable(end.toString(Qt::ISODate)), wall.elapsed());
    for (Engine* engine : engines)
        engine->stop();
    return done && failed.isEmpty();
}

/// Bars of `instrument` the fake published (closed and past the publication delay) in [from, to).
int barsPublished(const FakeAlphaVantage& alphaVantage, const Instrument& instrument, const QDateTime& from, const QDateTime& to)
{
    return alphaVantage.barsClosedBetween(instrument, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch() - publicationDelayMs);
}

double hitRate(const RunStatistics::CacheCounts& counts)
{
    const qint64 lookups = counts.hits + counts.misses;
    return lookups > 0 ? 100.0 * double(counts.hits) / double(lookups) : 0.0;
}

} // namespace

class TestEngineAlphaVantage final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Thousands of fills and risk refusals: their log lines would drown the test's own report.
    void initTestCase() { spdlog::set_level(spdlog::level::err); }
    void aWeekCostsOneRequestPerPublishedBarAndNoneWhileClosed();
    void withCachesSwitchedOffTheSameDayCostsManyTimesMore();
    void twoDesksSharingRedisMakeOneRequestPerPublishedBar();
};

void TestEngineAlphaVantage::aWeekCostsOneRequestPerPublishedBarAndNoneWhileClosed()
{
    // Thanksgiving week: XNYS closed on the 26th, closing at 13:00 on the 27th; FX shut for the
    // weekend; crypto never closes.
    const QDateTime from = utc("2026-11-23T00:00:00Z");
    const QDateTime to = utc("2026-11-30T00:00:00Z");

    ManualClock clock(from);
    FakeAlphaVantage alphaVantage(clock);
    QVERIFY(alphaVantage.start());
    QTemporaryDir dir;
    Engine engine(alphaVantageConfig(alphaVantage.baseUrl(), true), &clock, simulationOptions(dir, QStringLiteral("cached.sqlite")));
    QVERIFY(simulate(clock, {&engine}, to));
    const RunStatistics stats = engine.statistics();
    QVERIFY2(alphaVantage.unanswerable().isEmpty(), qPrintable(alphaVantage.unanswerable().join(u'\n')));

    int published = 0;
    for (const Instrument& instrument : watchlist) {
        const QList<qint64> times = alphaVantage.requestTimes(instrument);
        QVERIFY2(!times.isEmpty(), qPrintable(instrument.key()));
        QCOMPARE(times.first(), from.toMSecsSinceEpoch()); // the history load at start-up
        // Every later request is for a bar that has just closed, never while the market sleeps.
        for (qsizetype i = 1; i < times.size(); ++i) {
            QVERIFY2(alphaVantage.isOpen(instrument, times[i] - publicationDelayMs - 1),
                     qPrintable(QStringLiteral("%1 asked at %2, while its market was closed")
                                    .arg(instrument.key(), QDateTime::fromMSecsSinceEpoch(times[i], Qt::UTC).toString(Qt::ISODate))));
        }
        const int bars = barsPublished(alphaVantage, instrument, from, to);
        qInfo("%s: %d bars published, %d requests", qPrintable(instrument.key()), bars, int(times.size()));
        QCOMPARE(times.size(), bars + 1);
        published += bars;
    }
    QCOMPARE(stats.apiCallsWhileClosed, 0);
    QVERIFY(stats.portfolioCalls > 0);
    QVERIFY2(stats.portfolioCalls <= stats.cycles,
             qPrintable(QStringLiteral("%1 portfolio calls in %2 cycles").arg(stats.portfolioCalls).arg(stats.cycles)));
    QVERIFY(stats.executions > 0);

    for (auto it = stats.caches.cbegin(); it != stats.caches.cend(); ++it)
        qInfo("cache %s: %lld hits, %lld misses, hit rate %.1f %%", qPrintable(it.key()), it->hits, it->misses, hitRate(*it));
    qInfo("%d requests for %d bars published; %lld portfolio calls in %lld cycles", alphaVantage.requestCount(), published,
          stats.portfolioCalls, stats.cycles);
}

void TestEngineAlphaVantage::withCachesSwitchedOffTheSameDayCostsManyTimesMore()
{
    // The rollback switch (cache.enabled: false) gives the baseline. One day, not the week:
    // without caches every lookup is a request, and the week would take minutes of parsing.
    const QDateTime from = utc("2026-11-24T00:00:00Z");
    const QDateTime to = utc("2026-11-25T00:00:00Z");
    QTemporaryDir dir;
    struct Outcome {
        int requests = 0;
        int closedRequests = 0; ///< after the history load, at an instant its market could not publish
        int published = 0;
        RunStatistics statistics;
    };
    const auto runDay = [&](bool cacheEnabled) {
        ManualClock clock(from);
        FakeAlphaVantage alphaVantage(clock);
        Outcome outcome;
        if (!alphaVantage.start())
            return outcome;
        Engine engine(alphaVantageConfig(alphaVantage.baseUrl(), cacheEnabled), &clock,
                      simulationOptions(dir, cacheEnabled ? QStringLiteral("cached.sqlite") : QStringLiteral("uncached.sqlite")));
        if (simulate(clock, {&engine}, to) && alphaVantage.unanswerable().isEmpty()) {
            outcome.requests = alphaVantage.requestCount();
            outcome.statistics = engine.statistics();
        }
        for (const Instrument& instrument : watchlist) {
            outcome.published += barsPublished(alphaVantage, instrument, from, to);
            const QList<qint64> times = alphaVantage.requestTimes(instrument);
            outcome.closedRequests += int(std::count_if(times.cbegin(), times.cend(), [&](qint64 t) {
                return t > from.toMSecsSinceEpoch() && !alphaVantage.isOpen(instrument, t - publicationDelayMs - 1)
                    && !alphaVantage.isOpen(instrument, t);
            }));
        }
        return outcome;
    };
    const Outcome cached = runDay(true);
    const Outcome uncached = runDay(false);
    QVERIFY(cached.requests > 0);
    QVERIFY(uncached.requests > 0);

    const int published = cached.published;
    QCOMPARE(cached.requests, published + int(watchlist.size())); // plus one history load each
    QVERIFY2(uncached.requests > 2 * cached.requests, qPrintable(QStringLiteral("%1 requests without caches, %2 with")
                                                                     .arg(uncached.requests).arg(cached.requests)));
    for (auto it = uncached.statistics.caches.cbegin(); it != uncached.statistics.caches.cend(); ++it)
        QCOMPARE(it->hits, 0); // a bypassed cache never answers
    // Each bars miss is one request, counted once, with caches or without.
    QCOMPARE(cached.statistics.caches.value(QStringLiteral("bars")).misses, qint64(cached.requests));
    QCOMPARE(uncached.statistics.caches.value(QStringLiteral("bars")).misses, qint64(uncached.requests));
    // The rollback switch polls like a cache-less engine, but still never while a market is closed.
    QCOMPARE(uncached.statistics.apiCallsWhileClosed, 0);
    QCOMPARE(uncached.closedRequests, 0);
    QVERIFY(uncached.statistics.portfolioCalls >= cached.statistics.portfolioCalls);
    qInfo("one day, %d bars published: %d requests with caches, %d with cache.enabled: false (%.1f x, %.1f %% saved); "
          "portfolio calls %lld with, %lld without",
          published, cached.requests, uncached.requests, double(uncached.requests) / cached.requests,
          100.0 * (1.0 - double(cached.requests) / uncached.requests), cached.statistics.portfolioCalls,
          uncached.statistics.portfolioCalls);
}

void TestEngineAlphaVantage::twoDesksSharingRedisMakeOneRequestPerPublishedBar()
{
    RedisServerProcess redis;
    if (RedisServerProcess::executable().isEmpty())
        QSKIP("redis-server is not installed (scripts/install-deps.sh installs it)");
    QString error;
    QVERIFY2(redis.start(&error), qPrintable(error));
    QTRY_VERIFY(redis.isAnswering());

    // One trading day for all three markets (Tuesday before Thanksgiving).
    const QDateTime from = utc("2026-11-24T00:00:00Z");
    const QDateTime to = utc("2026-11-25T00:00:00Z");
    ManualClock clock(from);
    FakeAlphaVantage alphaVantage(clock);
    QVERIFY(alphaVantage.start());
    QTemporaryDir dir;
    Engine first(alphaVantageConfig(alphaVantage.baseUrl(), true, redis.url()), &clock, simulationOptions(dir, QStringLiteral("desk1.sqlite")));
    Engine second(alphaVantageConfig(alphaVantage.baseUrl(), true, redis.url()), &clock, simulationOptions(dir, QStringLiteral("desk2.sqlite")));
    QVERIFY(simulate(clock, {&first, &second}, to));
    QVERIFY(alphaVantage.unanswerable().isEmpty());

    for (const Instrument& instrument : watchlist) {
        const QList<qint64> times = alphaVantage.requestTimes(instrument);
        const auto afterStart = std::count_if(times.cbegin(), times.cend(), [&](qint64 t) { return t > from.toMSecsSinceEpoch(); });
        const int bars = barsPublished(alphaVantage, instrument, from, to);
        qInfo("%s: %d bars published, two desks made %lld requests after start-up (%d in all)", qPrintable(instrument.key()), bars,
              qint64(afterStart), int(times.size()));
        QCOMPARE(afterStart, qint64(bars));
        QVERIFY(times.size() <= bars + 2); // at most one history load per desk
    }
    QCOMPARE(first.statistics().apiCallsWhileClosed + second.statistics().apiCallsWhileClosed, 0);
}

QTEST_GUILESS_MAIN(TestEngineAlphaVantage)
#include "tst_engine_alphavantage.moc"
