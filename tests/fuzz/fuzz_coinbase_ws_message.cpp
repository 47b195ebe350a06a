// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: parseWsMessage must never crash, hang or trip a sanitizer, whatever the
// frame; every refusal is typed, every accepted candle is a clean bar and every accepted price
// finite. Seeded from tests/data/coinbase (scripts/fuzz.sh).
#include "brokers/coinbase/CoinbaseWsMessage.h"

#include <QByteArray>

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {

void requireFinite(const sentinel::coinbase::Decimal& d)
{
    if (!std::isfinite(d.value) || d.text.isEmpty())
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace sentinel::coinbase;
    const QByteArray frame(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto parsed = parseWsMessage(frame);
    if (!parsed.ok()) {
        if (parsed.error().kind.isEmpty() || parsed.error().remedy.isEmpty())
            __builtin_trap();
        return 0;
    }
    if (parsed->sequenceNum < 0 || wsChannelName(parsed->channel).isEmpty())
        __builtin_trap();
    if (const auto* candles = std::get_if<QList<WsEvent<WsCandle>>>(&parsed->events)) {
        for (const auto& event : *candles) {
            for (const WsCandle& c : event.items) {
                const sentinel::Bar& b = c.bar;
                if (!std::isfinite(b.open + b.high + b.low + b.close + b.volume) || b.low <= 0 || b.high < b.low
                    || b.open < b.low || b.open > b.high || b.close < b.low || b.close > b.high || !b.openTime.isValid())
                    __builtin_trap();
            }
        }
    } else if (const auto* trades = std::get_if<QList<WsEvent<WsTrade>>>(&parsed->events)) {
        for (const auto& event : *trades) {
            for (const WsTrade& t : event.items) {
                requireFinite(t.price);
                requireFinite(t.size);
                if (!t.time.isValid() || t.price.value <= 0)
                    __builtin_trap();
            }
        }
    } else if (const auto* tickers = std::get_if<QList<WsEvent<WsTicker>>>(&parsed->events)) {
        for (const auto& event : *tickers) {
            for (const WsTicker& t : event.items)
                requireFinite(t.price);
        }
    }
    return 0;
}
