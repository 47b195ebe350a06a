// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18: a 120,000-row watchlist once took minutes because each row was compared with every
// earlier one. Loading is linear now; the two sizes here show it (the larger should take about ten
// times the smaller, not a hundred), and bench.sh holds each against its baseline.
#include "config/ConfigLoader.h"

#include <benchmark/benchmark.h>

using namespace sentinel;

namespace {

QByteArray watchlistOf(int rows)
{
    QByteArray yaml = "watchlist:\n";
    for (int i = 0; i < rows; ++i)
        yaml += "  - {symbol: \"S" + QByteArray::number(i) + "\", market: XNYS, interval: 5min}\n";
    return yaml;
}

void loadWatchlist(benchmark::State& state)
{
    const QByteArray yaml = watchlistOf(int(state.range(0)));
    for (auto _ : state) {
        const auto result = ConfigLoader().loadText(yaml);
        if (!result.ok() || result.config.watchlist.size() != state.range(0))
            state.SkipWithError("the watchlist did not load whole");
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(loadWatchlist)->Arg(2'000)->Arg(20'000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
