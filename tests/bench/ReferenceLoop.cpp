// SPDX-License-Identifier: GPL-3.0-or-later
// The yardstick every benchmark executable carries (linked in by tests/bench/CMakeLists.txt).
// scripts/bench.sh divides each benchmark's time by this one's, measured in the same run, so the
// regression guard compares ratios that hold on a slower or busier machine instead of absolute
// times that do not. Keep it fixed: changing it moves every ratio in tests/bench/baseline.json.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace {

// 512 doubles (4 KB, so both copies stay in the L1 cache) from a fixed linear congruential
// sequence: the same input on every machine. A larger working set made the yardstick itself swing
// 2-5x on a shared machine whenever other work had emptied the caches.
constexpr std::size_t kLength = 512;

std::array<double, kLength> fixedInput()
{
    std::array<double, kLength> values{};
    std::uint64_t state = 0x2545'f491'4f6c'dd1dULL;
    for (double& value : values) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        value = double(state >> 11) * 0x1.0p-53;
    }
    return values;
}

// Copy, sort and sum: memory traffic, unpredictable branches and arithmetic, as in the benchmarks.
void BM_ReferenceLoop(benchmark::State& state)
{
    static const std::array<double, kLength> input = fixedInput();
    std::array<double, kLength> scratch{};
    for (auto _ : state) {
        scratch = input;
        std::sort(scratch.begin(), scratch.end());
        double sum = 0.0;
        for (const double value : scratch)
            sum += value;
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_ReferenceLoop)->Unit(benchmark::kMicrosecond);

} // namespace
