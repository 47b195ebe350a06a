// SPDX-License-Identifier: GPL-3.0-or-later
// Cost of the cache's hot paths: lookups, inserts that evict, and single flight under many
// requesters of one key. Not a timed test; run from a Release build.
#include "cache/BarCodec.h"
#include "cache/TtlCache.h"
#include "common/ManualClock.h"

#include <benchmark/benchmark.h>

#include <QStringList>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

using BenchCache = TtlCache<QString, double>;

QDateTime start()
{
    return QDateTime::fromString(QStringLiteral("2024-03-04T14:00:00Z"), Qt::ISODate);
}

QStringList makeKeys(qsizetype count, const char* prefix)
{
    QStringList keys;
    keys.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        keys << QStringLiteral("%1:SYM%2:5min").arg(QLatin1StringView(prefix)).arg(i);
    return keys;
}

void lookupHit(benchmark::State& state)
{
    const qsizetype size = state.range(0);
    ManualClock clock(start());
    BenchCache cache(QStringLiteral("bench"), clock, 5min, size);
    const QStringList keys = makeKeys(size, "XNYS");
    for (const QString& key : keys)
        cache.put(key, 1.0);
    qsizetype i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(cache.get(keys[i]));
        i = (i + 1) % size;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(lookupHit)->Arg(1'000)->Arg(100'000);

void lookupMiss(benchmark::State& state)
{
    const qsizetype size = state.range(0);
    ManualClock clock(start());
    BenchCache cache(QStringLiteral("bench"), clock, 5min, size);
    for (const QString& key : makeKeys(size, "XNYS"))
        cache.put(key, 1.0);
    const QStringList absent = makeKeys(1'000, "XNAS");
    qsizetype i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(cache.get(absent[i]));
        i = (i + 1) % absent.size();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(lookupMiss)->Arg(1'000)->Arg(100'000);

void insertWithEviction(benchmark::State& state)
{
    const qsizetype capacity = state.range(0);
    ManualClock clock(start());
    BenchCache cache(QStringLiteral("bench"), clock, 5min, capacity);
    // Twice the capacity, cycled: once warm, every insert evicts the least recently used.
    const QStringList keys = makeKeys(capacity * 2, "FX");
    for (qsizetype i = 0; i < capacity; ++i)
        cache.put(keys[i], 1.0);
    qsizetype i = capacity;
    for (auto _ : state) {
        cache.put(keys[i], 2.0);
        i = (i + 1) % keys.size();
    }
    state.counters["evictions"] = double(cache.stats().evictions);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(insertWithEviction)->Arg(1'000)->Arg(100'000);

void singleFlight(benchmark::State& state)
{
    const int requesters = int(state.range(0));
    ManualClock clock(start());
    BenchCache cache(QStringLiteral("bench"), clock, 5min, 16);
    const QString key = QStringLiteral("XNYS:AAPL:5min");
    quint64 fetches = 0;
    quint64 answered = 0;
    for (auto _ : state) {
        BenchCache::Resolve pending;
        for (int r = 0; r < requesters; ++r) {
            cache.getOrFetch(
                key,
                [&](BenchCache::Resolve resolve) {
                    ++fetches;
                    pending = std::move(resolve);
                },
                [&](const Result<double>&) { ++answered; });
        }
        pending(170.25, {}); // the one fetch completes and answers every requester
        state.PauseTiming();
        cache.invalidate(key);
        state.ResumeTiming();
    }
    state.counters["fetches_per_round"] = double(fetches) / double(state.iterations());
    state.counters["answers_per_round"] = double(answered) / double(state.iterations());
    state.SetItemsProcessed(state.iterations() * requesters);
}
BENCHMARK(singleFlight)->Arg(10)->Arg(1'000);

void encodeAndDecodeBars(benchmark::State& state)
{
    Bars bars;
    for (int i = 0; i < 100; ++i)
        bars.append(Bar{start().addSecs(300 * i), 100.0 + i, 101.0 + i, 99.0 + i, 100.5 + i, 1e6});
    for (auto _ : state) {
        const QByteArray bytes = encodeBars(bars);
        benchmark::DoNotOptimize(decodeBars(bytes));
    }
    state.SetItemsProcessed(state.iterations() * bars.size());
}
BENCHMARK(encodeAndDecodeBars);

} // namespace

BENCHMARK_MAIN();
