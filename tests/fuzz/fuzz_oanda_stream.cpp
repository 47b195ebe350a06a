// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input is a pricing stream chunk, split into lines as the stream reader
// will split it; oanda::parseStreamLine must never crash, hang or trip a sanitizer on any line,
// and every price it accepts must have positive prices and serialise. Seeded from tests/data/oanda.
#include "brokers/oanda/OandaJson.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace sentinel;
    const QByteArray chunk(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const QByteArray& line : chunk.split('\n')) {
        const auto parsed = oanda::parseStreamLine(line);
        if (!parsed.ok()) {
            if (parsed.error().kind.isEmpty() || parsed.error().message.isEmpty())
                __builtin_trap();
            continue;
        }
        if (const auto* price = std::get_if<oanda::Price>(&parsed.value())) {
            if (price->instrument.isEmpty() || !price->time.isValid())
                __builtin_trap();
            for (const auto* side : {&price->bids, &price->asks}) {
                for (const oanda::PriceLevel& level : *side) {
                    if (!(level.price > 0) || !(level.liquidity >= 0))
                        __builtin_trap();
                }
            }
        }
        (void)QJsonDocument(oanda::toJson(parsed.value())).toJson();
    }
    return 0;
}
