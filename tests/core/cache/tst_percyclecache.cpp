// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/PerCycleCache.h"
#include "common/ManualClock.h"

#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

struct Portfolio {
    double cash = 0;
};

using Cache = TtlCache<quint64, Portfolio>;

/// Stands in for the trading platform: answers with the current cash when told to.
struct FakePlatform {
    double cash = 100'000;
    int calls = 0;
    QList<Cache::Resolve> pending;
    Cache::Fetch fetch()
    {
        return [this](Cache::Resolve resolve) {
            ++calls;
            pending.append(std::move(resolve));
        };
    }
    void answerAll()
    {
        const auto answers = std::exchange(pending, {});
        for (const auto& resolve : answers)
            resolve(Portfolio{cash}, {});
    }
};

} // namespace

class TestPerCycleCache final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eightReadsInOneCycleCostOneFetch();
    void aFillInvalidatesSoTheNextReadFetches();
    void aNewCycleFetchesAfresh();
    void aCycleLongerThanTheTtlFetchesAgain();
};

static QDateTime start()
{
    return QDateTime::fromString(QStringLiteral("2024-03-04T14:00:00Z"), Qt::ISODate);
}

void TestPerCycleCache::eightReadsInOneCycleCostOneFetch()
{
    ManualClock clock(start());
    Cache cache(QStringLiteral("portfolio"), clock, 60s, 4);
    PerCycleCache<Portfolio> portfolio(cache);
    FakePlatform platform;
    QList<double> seen;
    const auto read = [&] {
        portfolio.get(7, platform.fetch(), [&](const Result<Portfolio>& r) { seen.append(r.value().cash); });
    };
    for (int i = 0; i < 3; ++i) // risk, sizing and the UI ask before the first answer
        read();
    platform.answerAll();
    for (int i = 0; i < 5; ++i)
        read();
    QCOMPARE(platform.calls, 1);
    QCOMPARE(seen, QList<double>(8, 100'000));
    QCOMPARE(cache.stats().hitRate(), 7.0 / 8.0);
}

void TestPerCycleCache::aFillInvalidatesSoTheNextReadFetches()
{
    ManualClock clock(start());
    Cache cache(QStringLiteral("portfolio"), clock, 60s, 4);
    PerCycleCache<Portfolio> portfolio(cache);
    FakePlatform platform;
    double last = 0;
    const auto read = [&] {
        portfolio.get(1, platform.fetch(), [&](const Result<Portfolio>& r) { last = r.value().cash; });
        platform.answerAll();
    };
    read();
    read();
    QCOMPARE(platform.calls, 1);
    platform.cash = 95'000; // an order fills
    portfolio.invalidate();
    read();
    QCOMPARE(platform.calls, 2);
    QCOMPARE(last, 95'000.0);
    read();
    QCOMPARE(platform.calls, 2);
}

void TestPerCycleCache::aNewCycleFetchesAfresh()
{
    ManualClock clock(start());
    Cache cache(QStringLiteral("portfolio"), clock, 60s, 4);
    PerCycleCache<Portfolio> portfolio(cache);
    FakePlatform platform;
    for (quint64 cycle = 1; cycle <= 4; ++cycle) {
        for (int i = 0; i < 8; ++i)
            portfolio.get(cycle, platform.fetch(), [](const Result<Portfolio>&) {});
        platform.answerAll();
        clock.advanceBy(5s);
    }
    QCOMPARE(platform.calls, 4);
    QCOMPARE(cache.size(), 1); // earlier cycles' snapshots are dropped
    QCOMPARE(cache.stats().evictions, quint64(0));
}

void TestPerCycleCache::aCycleLongerThanTheTtlFetchesAgain()
{
    ManualClock clock(start());
    Cache cache(QStringLiteral("portfolio"), clock, 60s, 4);
    PerCycleCache<Portfolio> portfolio(cache);
    FakePlatform platform;
    portfolio.get(1, platform.fetch(), [](const Result<Portfolio>&) {});
    platform.answerAll();
    clock.advanceBy(61s);
    portfolio.get(1, platform.fetch(), [](const Result<Portfolio>&) {});
    QCOMPARE(platform.calls, 2);
}

QTEST_GUILESS_MAIN(TestPerCycleCache)
#include "tst_percyclecache.moc"
