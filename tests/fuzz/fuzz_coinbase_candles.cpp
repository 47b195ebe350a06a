// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: parseCoinbaseCandles must never crash, hang or trip a sanitizer, whatever
// the body, with or without a given granularity. What it accepts must be clean: finite, positive,
// consistent OHLC, strictly ascending starts on the granularity's grid, every closed bar ended by
// `now`, the forming one not. Its two readers must agree (ADR 0125): whenever the scanner answers,
// it gives the DOM reader's answer exactly (the same candles, or the same error kind, message and
// remedy). Seeded from tests/data/coinbase (scripts/fuzz.sh).
#include "brokers/coinbase/CoinbaseCandles.h"

#include <QByteArray>
#include <QDateTime>

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {

bool clean(const sentinel::Bar& bar)
{
    for (const double v : {bar.open, bar.high, bar.low, bar.close, bar.volume}) {
        if (!std::isfinite(v))
            return false;
    }
    return bar.openTime.isValid() && bar.low > 0 && bar.volume >= 0 && bar.high >= bar.low && bar.open >= bar.low
           && bar.open <= bar.high && bar.close >= bar.low && bar.close <= bar.high;
}

void check(const QByteArray& body, std::optional<sentinel::coinbase::Granularity> granularity)
{
    using namespace sentinel::coinbase;
    CandleParseOptions options;
    options.granularity = granularity;
    options.now = QDateTime(QDate(2026, 4, 7), QTime(12, 0), Qt::UTC);
    if (const auto scanned = parseCoinbaseCandlesWithScanner(body, options)) {
        const auto dom = parseCoinbaseCandlesWithDom(body, options);
        const auto sameError = [](const sentinel::Error& a, const sentinel::Error& b) {
            return a.kind == b.kind && a.message == b.message && a.remedy == b.remedy;
        };
        if (dom.ok() != scanned->ok() || (dom.ok() ? !(dom.value() == scanned->value()) : !sameError(dom.error(), scanned->error())))
            __builtin_trap();
    }
    const auto parsed = parseCoinbaseCandles(body, options);
    if (!parsed.ok()) {
        if (parsed.error().kind.isEmpty() || parsed.error().remedy.isEmpty())
            __builtin_trap();
        return;
    }
    const CoinbaseCandles& candles = parsed.value();
    if ((!candles.closed.isEmpty() || candles.forming) && !candles.granularity)
        __builtin_trap();
    const qint64 seconds = candles.granularity ? granularitySeconds(*candles.granularity) : 1;
    const qint64 now = options.now.toSecsSinceEpoch();
    qint64 previous = -1;
    for (const sentinel::Bar& bar : candles.closed) {
        const qint64 start = bar.openTime.toSecsSinceEpoch();
        if (!clean(bar) || start <= previous || start % seconds != 0 || start + seconds > now)
            __builtin_trap();
        previous = start;
    }
    if (candles.forming) {
        const qint64 start = candles.forming->openTime.toSecsSinceEpoch();
        if (!clean(*candles.forming) || start <= previous || start > now || start + seconds <= now)
            __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    check(body, std::nullopt);
    check(body, sentinel::coinbase::Granularity::OneHour);
    return 0;
}
