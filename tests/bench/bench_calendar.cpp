// SPDX-License-Identifier: GPL-3.0-or-later
// Calendar lookups sit on every engine cycle for every instrument; the targets are under a
// microsecond per lookup and forty years of sessions built in under 50 ms.
#include "market/CalendarRegistry.h"
#include "market/FreshnessGate.h"
#include "market/TimeText.h"

#include <QCoreApplication>
#include <QFile>

#include <benchmark/benchmark.h>

using namespace sentinel;

namespace {

const CalendarRegistry& registry()
{
    static const CalendarRegistry calendars = CalendarRegistry::builtIn().value();
    return calendars;
}

/// Instants spread over 1990–2027 by a fixed step, so lookups hit all of the table.
qint64 instant(std::size_t i)
{
    static const qint64 start = *parseUtcInstant(u"1990-01-02T00:00:00Z");
    static const qint64 span = *parseUtcInstant(u"2027-12-31T00:00:00Z") - start;
    return start + qint64((i * 7'919'000'003ULL) % std::uint64_t(span));
}

void phaseLookup(benchmark::State& state)
{
    const auto xnys = registry().find(u"XNYS");
    std::size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(xnys->phaseAt(instant(++i)));
}
BENCHMARK(phaseLookup);

void statusWithReasonAndNextOpen(benchmark::State& state)
{
    const auto xnys = registry().find(u"XNYS");
    std::size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(xnys->statusAt(instant(++i)));
}
BENCHMARK(statusWithReasonAndNextOpen);

void expectedBar5min(benchmark::State& state)
{
    const auto xnys = registry().find(u"XNYS");
    std::size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(xnys->newestClosedBar(Interval::Min5, instant(++i)));
}
BENCHMARK(expectedBar5min);

void marketTimeLag(benchmark::State& state)
{
    const auto xnys = registry().find(u"XNYS");
    std::size_t i = 0;
    for (auto _ : state) {
        const qint64 at = instant(++i);
        benchmark::DoNotOptimize(xnys->openTimeBetween(at - 4 * 86'400'000LL, at));
    }
}
BENCHMARK(marketTimeLag);

void freshnessVerdict(benchmark::State& state)
{
    const FreshnessGate gate(registry(), FreshnessPolicy{});
    const Instrument aapl{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5};
    std::size_t i = 0;
    for (auto _ : state) {
        const qint64 at = instant(++i);
        benchmark::DoNotOptimize(gate.evaluate(aapl, at - 3 * 3'600'000LL, at));
    }
}
BENCHMARK(freshnessVerdict);

void buildFortyYearsOfNyseSessions(benchmark::State& state)
{
    const CalendarSpec spec = registry().find(u"XNYS")->spec();
    for (auto _ : state)
        benchmark::DoNotOptimize(MarketCalendar::build(spec, 1990, 2029));
}
BENCHMARK(buildFortyYearsOfNyseSessions)->Unit(benchmark::kMillisecond);

void loadAllBuiltInCalendars1970To2100(benchmark::State& state)
{
    QFile file(CalendarRegistry::builtInPath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the built-in calendars");
    const QByteArray json = file.readAll();
    for (auto _ : state)
        benchmark::DoNotOptimize(CalendarRegistry::fromJson(json, QStringLiteral("bench")));
}
BENCHMARK(loadAllBuiltInCalendars1970To2100)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
