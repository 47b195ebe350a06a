// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14: several desks on one account share the broker's rate budget through the Redis server
// they share their caches with, so adding a desk never breaks a limit. Two desks, each with its
// own registry, Redis connection and limiter, against a real redis-server on 127.0.0.1.
#include "RedisServerProcess.h"
#include "cache/CacheRegistry.h"
#include "cache/RedisBackend.h"
#include "common/ManualClock.h"
#include "providers/RateLimiter.h"
#include "providers/SharedRateBudget.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

/// The registry's shared budget, counting the questions Redis has not answered yet: the desks'
/// clock moves on only once every answer is in, so a grant is taken at the instant it was asked.
class AnsweredBudget final : public SharedRateBudget
{
public:
    explicit AnsweredBudget(std::shared_ptr<SharedRateBudget> redis) : m_redis(std::move(redis)) {}
    void take(const QByteArray& budget, qint64 nowMs, int limit, qint64 windowMs, Done done) override
    {
        ++unanswered;
        m_redis->take(budget, nowMs, limit, windowMs, [this, done = std::move(done)](const Answer& answer) {
            --unanswered;
            done(answer);
        });
    }
    int unanswered = 0;

private:
    std::shared_ptr<SharedRateBudget> m_redis;
};

/// One engine's share of the setup: its registry (and Redis connection) and a limiter of 5 a minute.
struct Desk {
    Desk(ManualClock& clock, const QString& redisUrl)
        : registry(settingsFor(redisUrl), clock),
          budget(std::make_shared<AnsweredBudget>(registry.sharedRateBudget())),
          limiter(clock, limits())
    {
        registry.start();
        limiter.shareWith(budget, QByteArrayLiteral("oanda:test-account"));
    }
    static CacheSettings settingsFor(const QString& url)
    {
        CacheSettings settings;
        settings.backend = CacheBackend::Redis;
        settings.redisUrl = url;
        return settings;
    }
    static RateLimits limits() { return RateLimits{5, 10'000, "America/New_York", 5, 30s, 900s}; }
    void submit(ManualClock& clock)
    {
        limiter.submit({}, [this, &clock] {
            grants << clock.nowMs();
            limiter.recordSuccess();
        }, [](const Error&) {});
    }

    CacheRegistry registry;
    std::shared_ptr<AnsweredBudget> budget;
    RateLimiter limiter;
    QList<qint64> grants;
};

} // namespace

class TestRedisRateBudget final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void twoDesksTakeFiveAMinuteBetweenThem();
    void withoutRedisEachDeskKeepsItsOwnWindow();

private:
    std::unique_ptr<RedisServerProcess> m_server;
};

void TestRedisRateBudget::init()
{
    if (RedisServerProcess::executable().isEmpty())
        QSKIP("redis-server is not on PATH (Debian: apt-get install redis-server); the CI script installs it");
    m_server = std::make_unique<RedisServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->isAnswering(), 10000);
}

void TestRedisRateBudget::twoDesksTakeFiveAMinuteBetweenThem()
{
    ManualClock clock(utc("2026-11-27T14:00:00Z"));
    Desk first(clock, m_server->url());
    Desk second(clock, m_server->url());
    QTRY_VERIFY_WITH_TIMEOUT(first.registry.sharedBackend()->isAvailable() && second.registry.sharedBackend()->isAvailable(), 10000);
    for (int i = 0; i < 8; ++i) {
        first.submit(clock);
        second.submit(clock);
    }
    // Each step: let Redis answer every question, then move the desks' clock on by a second.
    for (int step = 0; step < 400 && first.grants.size() + second.grants.size() < 16; ++step) {
        QVERIFY(QTest::qWaitFor([&] { return first.budget->unanswered == 0 && second.budget->unanswered == 0; }, 10'000));
        clock.advanceBy(1s);
    }
    QList<qint64> grants = first.grants + second.grants;
    QCOMPARE(grants.size(), 16);
    std::sort(grants.begin(), grants.end());
    for (qsizetype i = 0; i + 5 < grants.size(); ++i)
        QVERIFY2(grants.at(i + 5) - grants.at(i) >= 60'000,
                 qPrintable(QStringLiteral("6 requests within %1 ms").arg(grants.at(i + 5) - grants.at(i))));
    // Alone, each desk would have sent 5 in the first minute: 10 between them.
    const auto firstMinute = std::count_if(grants.cbegin(), grants.cend(), [&](qint64 at) { return at < grants.first() + 60'000; });
    QCOMPARE(firstMinute, 5);
}

void TestRedisRateBudget::withoutRedisEachDeskKeepsItsOwnWindow()
{
    ManualClock clock(utc("2026-11-27T14:00:00Z"));
    Desk first(clock, m_server->url());
    QTRY_VERIFY_WITH_TIMEOUT(first.registry.sharedBackend()->isAvailable(), 10000);
    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!first.registry.sharedBackend()->isAvailable(), 10000);
    for (int i = 0; i < 8; ++i)
        first.submit(clock);
    QTRY_COMPARE(first.grants.size(), 5); // unshared, the desk's own 5 a minute
    clock.advanceBy(60s);
    QTRY_COMPARE(first.grants.size(), 8);
}

QTEST_GUILESS_MAIN(TestRedisRateBudget)
#include "tst_redisratebudget.moc"
