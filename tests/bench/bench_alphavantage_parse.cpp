// SPDX-License-Identifier: GPL-3.0-or-later
// Parse time of the Alpha Vantage parser for the two sizes that matter: a full compact intraday
// answer (100 bars) and a 20-year daily answer (~5,000 trading days). Bodies are generated
// here in Alpha Vantage's own layout (newest first, numbers as strings).
#include "providers/AlphaVantageParser.h"

#include <QDateTime>

#include <benchmark/benchmark.h>

namespace {

QByteArray body(int rows, bool intraday)
{
    QByteArray text = intraday
        ? R"json({"Meta Data": {"1. Information": "Intraday (5min) open, high, low, close prices and volume", "2. Symbol": "IBM",
              "3. Last Refreshed": "2024-05-10 16:00:00", "4. Interval": "5min", "5. Output Size": "Compact",
              "6. Time Zone": "US/Eastern"}, "Time Series (5min)": {)json"
        : R"json({"Meta Data": {"1. Information": "Daily Prices (open, high, low, close) and Volumes", "2. Symbol": "IBM",
              "3. Last Refreshed": "2024-05-10", "4. Output Size": "Full size", "5. Time Zone": "US/Eastern"},
              "Time Series (Daily)": {)json";
    QDateTime t(QDate(2024, 5, 10), QTime(16, 0), Qt::UTC);
    int written = 0;
    double price = 170.0;
    while (written < rows) {
        t = intraday ? t.addSecs(-300) : t.addDays(-1);
        if (!intraday && t.date().dayOfWeek() > 5)
            continue;
        const double open = price;
        const double close = price * (1.0 + ((written * 7919) % 200 - 100) / 20000.0);
        const double high = std::max(open, close) * 1.002;
        const double low = std::min(open, close) * 0.998;
        price = open;
        if (written > 0)
            text += ',';
        text += "\n\"" + (intraday ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : t.toString(QStringLiteral("yyyy-MM-dd"))).toLatin1()
                + "\": {\"1. open\": \"" + QByteArray::number(open, 'f', 4) + "\", \"2. high\": \"" + QByteArray::number(high, 'f', 4)
                + "\", \"3. low\": \"" + QByteArray::number(low, 'f', 4) + "\", \"4. close\": \"" + QByteArray::number(close, 'f', 4)
                + "\", \"5. volume\": \"" + QByteArray::number(10000 + written) + "\"}";
        ++written;
    }
    text += "}}";
    return text;
}

void parse(benchmark::State& state, const QByteArray& input, int expectedBars)
{
    sentinel::AlphaVantageParseContext context;
    context.now = QDateTime(QDate(2024, 5, 11), QTime(0, 0), Qt::UTC);
    for (auto _ : state) {
        auto parsed = sentinel::parseAlphaVantage(input, context);
        if (!parsed.ok() || std::get<sentinel::AlphaVantageBars>(parsed.value().payload).bars.size() != qsizetype(expectedBars)) {
            state.SkipWithError("the generated body did not parse to the expected bars");
            break;
        }
        benchmark::DoNotOptimize(parsed);
    }
    state.SetBytesProcessed(state.iterations() * input.size());
    state.counters["bars"] = expectedBars;
}

void intraday100Bars(benchmark::State& state)
{
    static const QByteArray input = body(100, true);
    parse(state, input, 100);
}

void daily20Years(benchmark::State& state)
{
    static const QByteArray input = body(20 * 252, false);
    parse(state, input, 20 * 252);
}

} // namespace

BENCHMARK(intraday100Bars)->Unit(benchmark::kMicrosecond);
BENCHMARK(daily20Years)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
