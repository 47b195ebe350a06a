// SPDX-License-Identifier: GPL-3.0-or-later
#include "CacheTestSupport.h"
#include "RedisServerProcess.h"

#include "cache/CacheRegistry.h"
#include "cache/CachedBarSource.h"
#include "cache/RedisBackend.h"
#include "common/ManualClock.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

namespace {

/// What one engine has: its own registry, bar cache, provider and front-end, sharing Redis.
struct Desk {
    Desk(ManualClock& clock, const QString& redisUrl)
        : registry(settingsFor(redisUrl), clock),
          upstream(clock),
          cache(registry.create<QString, BarSeries>(cachenames::bars, 5min, 64, CacheRegistry::Sharing::Shared)),
          source(upstream, cache, &weekdays)
    {
        source.setSharedBackend(registry.sharedBackend());
        registry.start();
    }
    static CacheSettings settingsFor(const QString& url)
    {
        CacheSettings settings;
        settings.backend = CacheBackend::Redis;
        settings.redisUrl = url;
        return settings;
    }
    RedisBackend& backend() const { return *registry.sharedBackend(); }
    void ask(const Instrument& instrument) { source.fetchBars(BarRequest{instrument, {}, {}}, answers.callback()); }

    CacheRegistry registry;
    CountingBarProvider upstream;
    CachedBarSource::Cache& cache;
    CachedBarSource source;
    Answers answers;
};

} // namespace

class TestRedisBackend final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesRedisUrls_data();
    void parsesRedisUrls();
    void theEnvelopeCarriesValidityAndRefusesForeignBytes();
    void credentialsInTheUrlAreASecretAndNeverQuoted();
    void silentServerIsAnOutageWithinTheDeadline();

    void init();
    void cleanup();
    void twoDesksMakeOneFetchPerPublishedBarBetweenThem();
    void aDeskReadsWhatAnotherDeskFetchedWithoutFetching();
    void losingRedisFallsBackToMemoryAndRecoveryRestoresSharing();
    void noRequestIsLostWhenRedisDiesWhileAnotherDeskFetches();

private:
    void startServer();
    bool connectAll(ManualClock& clock, const QList<Desk*>& desks);

    std::unique_ptr<RedisServerProcess> m_server;
};

void TestRedisBackend::parsesRedisUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("database");
    QTest::newRow("a host and a port") << QStringLiteral("redis://127.0.0.1:6380") << true << QStringLiteral("127.0.0.1") << 6380 << 0;
    QTest::newRow("no port means 6379") << QStringLiteral("redis://cache.local") << true << QStringLiteral("cache.local") << 6379 << 0;
    QTest::newRow("a database number after the slash") << QStringLiteral("redis://127.0.0.1:6379/3") << true << QStringLiteral("127.0.0.1") << 6379 << 3;
    QTest::newRow("an http url is not a redis url") << QStringLiteral("http://127.0.0.1:6379") << false << QString() << 0 << 0;
    QTest::newRow("a url without a host") << QStringLiteral("redis://:6379") << false << QString() << 0 << 0;
    QTest::newRow("a database that is not a number") << QStringLiteral("redis://127.0.0.1/zero") << false << QString() << 0 << 0;
}

void TestRedisBackend::parsesRedisUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    const auto endpoint = RedisBackend::parseUrl(url);
    QCOMPARE(endpoint.ok(), valid);
    if (!valid) {
        QCOMPARE(endpoint.error().kind, QStringLiteral("invalid_config"));
        QVERIFY(endpoint.error().message.contains(QStringLiteral("cache.redis_url")));
        QVERIFY(!endpoint.error().remedy.isEmpty());
        return;
    }
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, database);
    QCOMPARE(endpoint.value().host, host);
    QCOMPARE(endpoint.value().port, port);
    QCOMPARE(endpoint.value().database, database);
}

void TestRedisBackend::theEnvelopeCarriesValidityAndRefusesForeignBytes()
{
    const RedisBackend::Entry entry{QByteArray("\x01\x00payload", 9), utc("2024-03-11T09:35:00Z"), false};
    const auto decoded = RedisBackend::decodeEnvelope(RedisBackend::encodeEnvelope(entry));
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->payload, entry.payload);
    QCOMPARE(decoded->validUntil, entry.validUntil);
    QVERIFY(!RedisBackend::decodeEnvelope(QByteArray("SNTL2 123\npayload")).has_value());
    QVERIFY(!RedisBackend::decodeEnvelope(QByteArray("SNTL1 soon\npayload")).has_value());
    QVERIFY(!RedisBackend::decodeEnvelope(QByteArray("SNTL1 123")).has_value());
}

void TestRedisBackend::credentialsInTheUrlAreASecretAndNeverQuoted()
{
    const auto endpoint = RedisBackend::parseUrl(QStringLiteral("redis://desk:open-sesame-42@127.0.0.1:6379/1"));
    QVERIFY(endpoint.ok());
    QCOMPARE(endpoint.value().password.reveal(), QStringLiteral("open-sesame-42"));
    QCOMPARE(endpoint.value().password.toString(), QStringLiteral("***"));
    const auto refused = RedisBackend::parseUrl(QStringLiteral("redis://desk:another-pass-43@127.0.0.1/zero"));
    QVERIFY(!refused.ok());
    QVERIFY2(!refused.error().toString().contains(u"another-pass-43"), qPrintable(refused.error().toString()));
    QVERIFY2(!refused.error().toString().contains(u"desk:"), qPrintable(refused.error().toString()));
}

void TestRedisBackend::silentServerIsAnOutageWithinTheDeadline()
{
    // Accepts the connection and never says a word: the subscription is never confirmed.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket*> held;
    connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket* socket = silent.nextPendingConnection())
            held << socket;
    });
    ManualClock clock(utc("2024-03-11T09:30:00Z"));
    RedisBackend::Endpoint endpoint;
    endpoint.port = silent.serverPort();
    RedisBackend::Options options;
    options.requestDeadline = std::chrono::milliseconds(300);
    RedisBackend backend(endpoint, clock, options);
    QSignalSpy degraded(&backend, &RedisBackend::backendDegraded);
    QElapsedTimer elapsed;
    elapsed.start();
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(degraded.size(), 1, 3000);
    QVERIFY2(elapsed.elapsed() < 2000, QByteArray::number(elapsed.elapsed()).constData());
    QVERIFY(degraded.first().first().toString().contains(u"within 300 ms"));
    QVERIFY(!backend.isAvailable());
}

void TestRedisBackend::init()
{
    const QString function = QString::fromLatin1(QTest::currentTestFunction());
    if (function.startsWith(u"parses") || function.startsWith(u"theEnvelope") || function.startsWith(u"credentials")
        || function.startsWith(u"silent"))
        return;
    if (RedisServerProcess::executable().isEmpty())
        QSKIP("redis-server is not on PATH (Debian: apt-get install redis-server); the CI script installs it");
    m_server = std::make_unique<RedisServerProcess>();
    startServer();
}

void TestRedisBackend::cleanup()
{
    m_server.reset();
}

void TestRedisBackend::startServer()
{
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->isAnswering(), 10000);
}

bool TestRedisBackend::connectAll(ManualClock& clock, const QList<Desk*>& desks)
{
    const auto allConnected = [&desks] {
        return std::all_of(desks.begin(), desks.end(), [](Desk* desk) { return desk->backend().isAvailable(); });
    };
    // Reconnection after an outage is scheduled on the Clock: move it on only when waiting
    // for the connection attempt already under way did not suffice.
    for (int attempt = 0; attempt < 20 && !allConnected(); ++attempt) {
        for (Desk* desk : desks) {
            if (!desk->backend().isAvailable()) {
                QSignalSpy connected(&desk->backend(), &RedisBackend::connected);
                connected.wait(300);
            }
        }
        if (!allConnected())
            clock.advanceBy(31s);
    }
    return allConnected();
}

void TestRedisBackend::twoDesksMakeOneFetchPerPublishedBarBetweenThem()
{
    const QDateTime monday = utc("2024-03-04T08:00:00Z");
    ManualClock clock(monday);
    Desk a(clock, m_server->url());
    Desk b(clock, m_server->url());
    QVERIFY(connectAll(clock, {&a, &b}));
    const Instrument aapl = equity("AAPL");

    int asked = 0;
    int step = 0;
    for (QDateTime t = utc("2024-03-04T08:01:00Z"); t < utc("2024-03-04T17:00:00Z"); t = t.addSecs(60), ++step) {
        clock.advanceTo(t);
        // Both desks' cycles fire on the same bar close; which one asks first varies.
        Desk& first = step % 2 ? a : b;
        Desk& second = step % 2 ? b : a;
        first.ask(aapl);
        second.ask(aapl);
        ++asked;
        QVERIFY(first.answers.waitFor(asked));
        QVERIFY(second.answers.waitFor(asked));
    }

    QCOMPARE(a.answers.ok + b.answers.ok, 2 * asked);
    const int fetches = a.upstream.fetches() + b.upstream.fetches();
    QCOMPARE(fetches, 1 + 78); // the cold start, then one per published bar between the two desks
    QVERIFY(a.upstream.fetches() > 0 || b.upstream.fetches() > 0);
    QList<QDateTime> times = a.upstream.requestTimes + b.upstream.requestTimes;
    std::sort(times.begin(), times.end());
    for (const QDateTime& at : times.mid(1))
        QVERIFY2(isWeekdayBarClose(aapl, at), qPrintable(at.toString(Qt::ISODate)));
    const CacheStats statsA = a.cache.stats();
    const CacheStats statsB = b.cache.stats();
    QCOMPARE(statsA.sharedHits + statsB.sharedHits, quint64(79));
    QCOMPARE(statsA.upstreamFetches() + statsB.upstreamFetches(), quint64(fetches));
    QCOMPARE(statsA.backend, QStringLiteral("redis"));
    QVERIFY(!statsA.degraded);
}

void TestRedisBackend::aDeskReadsWhatAnotherDeskFetchedWithoutFetching()
{
    ManualClock clock(utc("2024-03-08T16:01:00Z")); // Friday after the close
    Desk a(clock, m_server->url());
    QVERIFY(connectAll(clock, {&a}));
    a.ask(equity("MSFT"));
    QVERIFY(a.answers.waitFor(1));
    QCOMPARE(a.upstream.fetches(), 1);

    clock.advanceTo(utc("2024-03-09T11:00:00Z")); // a second desk starts on Saturday
    Desk b(clock, m_server->url());
    QVERIFY(connectAll(clock, {&b}));
    b.ask(equity("MSFT"));
    QVERIFY(b.answers.waitFor(1));
    QCOMPARE(b.upstream.fetches(), 0);
    QCOMPARE(b.cache.stats().sharedHits, quint64(1));
    QCOMPARE(b.cache.validUntil(CachedBarSource::cacheKey(BarRequest{equity("MSFT"), {}, {}})),
             utc("2024-03-11T09:35:00Z"));
}

void TestRedisBackend::losingRedisFallsBackToMemoryAndRecoveryRestoresSharing()
{
    ManualClock clock(utc("2024-03-05T10:00:30Z"));
    Desk a(clock, m_server->url());
    Desk b(clock, m_server->url());
    QVERIFY(connectAll(clock, {&a, &b}));
    QSignalSpy degradedA(&a.registry, &CacheRegistry::backendDegraded);
    QSignalSpy degradedB(&b.registry, &CacheRegistry::backendDegraded);
    QSignalSpy recoveredA(&a.registry, &CacheRegistry::backendRecovered);
    const Instrument ibm = equity("IBM");

    a.ask(ibm);
    QVERIFY(a.answers.waitFor(1));
    b.ask(ibm);
    QVERIFY(b.answers.waitFor(1));
    QCOMPARE(a.upstream.fetches() + b.upstream.fetches(), 1);

    m_server->stop();
    QTRY_COMPARE_WITH_TIMEOUT(degradedA.count(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(degradedB.count(), 1, 10000);
    QVERIFY(a.cache.stats().degraded);
    QVERIFY(!degradedA.constFirst().constFirst().toString().isEmpty());

    // While Redis is away each desk still answers, from its own memory and its own fetches.
    clock.advanceTo(utc("2024-03-05T10:05:00Z"));
    a.ask(ibm);
    b.ask(ibm);
    QVERIFY(a.answers.waitFor(2));
    QVERIFY(b.answers.waitFor(2));
    QCOMPARE(a.answers.errors.size() + b.answers.errors.size(), 0);
    QCOMPARE(a.upstream.fetches() + b.upstream.fetches(), 3);
    a.ask(ibm);
    QVERIFY(a.answers.waitFor(3));
    QCOMPARE(a.upstream.fetches() + b.upstream.fetches(), 3);
    QCOMPARE(degradedA.count(), 1); // one alert per outage, not one per retry

    startServer();
    QVERIFY(connectAll(clock, {&a, &b}));
    QCOMPARE(recoveredA.count(), 1);
    QVERIFY(!a.cache.stats().degraded);

    clock.advanceTo(nextWeekdayBarClose(ibm, clock.now()));
    const int before = a.upstream.fetches() + b.upstream.fetches();
    a.ask(ibm);
    b.ask(ibm);
    QVERIFY(a.answers.waitFor(4));
    QVERIFY(b.answers.waitFor(3));
    QCOMPARE(a.upstream.fetches() + b.upstream.fetches(), before + 1);
}

void TestRedisBackend::noRequestIsLostWhenRedisDiesWhileAnotherDeskFetches()
{
    ManualClock clock(utc("2024-03-05T10:00:30Z"));
    Desk a(clock, m_server->url());
    Desk b(clock, m_server->url());
    QVERIFY(connectAll(clock, {&a, &b}));
    a.upstream.hold = true;
    a.ask(equity("IBM"));
    QTRY_COMPARE_WITH_TIMEOUT(a.upstream.heldCount(), 1, 5000); // a holds the lock and fetches
    b.ask(equity("IBM"));
    QSignalSpy degradedB(&b.registry, &CacheRegistry::backendDegraded);
    m_server->stop();
    QTRY_COMPARE_WITH_TIMEOUT(degradedB.count(), 1, 10000);
    QVERIFY(b.answers.waitFor(1)); // b gave up waiting for a and fetched itself
    QCOMPARE(b.upstream.fetches(), 1);
    a.upstream.releaseHeld();
    QVERIFY(a.answers.waitFor(1));
    QCOMPARE(a.answers.ok + b.answers.ok, 2);
}

QTEST_GUILESS_MAIN(TestRedisBackend)
#include "tst_redisbackend.moc"
