// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: oanda::parseCandles must never crash, hang or trip a sanitizer, whatever the
// body; whatever it accepts must keep every bar rule, be strictly oldest first with the live bar
// after the closed ones, and serialise. Its two readers must agree (ADR 0125): whenever the
// scanner answers, with or without a hint, it gives the DOM reader's answer exactly (the same
// candles, or the same error kind, message and remedy). Seeded from tests/data/oanda (scripts/fuzz.sh).
#include "brokers/oanda/OandaJson.h"
#include "market/BarValues.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

namespace {

bool sameError(const sentinel::Error& a, const sentinel::Error& b)
{
    return a.kind == b.kind && a.message == b.message && a.remedy == b.remedy;
}

/// The scanner declines, or answers as the DOM reader does.
void checkReadersAgree(const QByteArray& body, const sentinel::oanda::CandlesContext& context)
{
    using namespace sentinel::oanda;
    const auto scanned = parseCandlesWithScanner(body, context);
    if (!scanned)
        return;
    const auto dom = parseCandlesWithDom(body, context);
    if (dom.ok() != scanned->ok() || (dom.ok() ? !(dom.value() == scanned->value()) : !sameError(dom.error(), scanned->error())))
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace sentinel;
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    checkReadersAgree(body, {});
    checkReadersAgree(body, {Interval::Min5, oanda::PriceComponent::Bid});
    const auto parsed = oanda::parseCandles(body);
    if (!parsed.ok()) {
        if (parsed.error().kind.isEmpty() || parsed.error().message.isEmpty())
            __builtin_trap();
        return 0;
    }
    const oanda::Candles& candles = parsed.value();
    QDateTime previous;
    for (const Bar& bar : candles.closed) {
        if (checkBarValues(QString(), bar) || !bar.openTime.isValid() || (previous.isValid() && bar.openTime <= previous))
            __builtin_trap();
        previous = bar.openTime;
    }
    if (candles.live && (checkBarValues(QString(), *candles.live) || (previous.isValid() && candles.live->openTime <= previous)))
        __builtin_trap();
    (void)QJsonDocument(oanda::toJson(candles)).toJson();
    return 0;
}
