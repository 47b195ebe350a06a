// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the OANDA answers other than candles and stream lines (order create, account
// summary, open positions, pricing, error bodies, the order lookup and fill transaction read
// back when reconciling). None may crash, hang or trip a sanitizer; a
// fill must carry a positive price, and every accepted answer must serialise. The first byte
// picks the HTTP status the order parser is told. Seeded from tests/data/oanda.
#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaJson.h"
#include "brokers/oanda/OandaOrderLookup.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

namespace {

template <typename T>
void serialise(const sentinel::Result<T>& parsed)
{
    if (parsed.ok())
        (void)QJsonDocument(sentinel::oanda::toJson(parsed.value())).toJson();
    else if (parsed.error().kind.isEmpty() || parsed.error().message.isEmpty())
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace sentinel;
    static constexpr int statuses[] = {0, 200, 201, 400, 401, 404, 429, 503};
    const int status = size > 0 ? statuses[data[0] % 8] : 0;
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto order = oanda::parseOrderCreate(body, status);
    if (order.ok() && order.value().outcome == oanda::OrderOutcome::Filled && !(order.value().price.value_or(0) > 0))
        __builtin_trap();
    serialise(order);
    serialise(oanda::parseAccountSummary(body));
    serialise(oanda::parseOpenPositions(body));
    serialise(oanda::parsePricing(body));
    // Reconciliation: a lookup is an order or "never created"; a fill read back has a positive price.
    const auto lookup = oanda::parseOrderLookup(body, status);
    if (lookup.ok() && lookup.value() && lookup.value()->orderId.isEmpty())
        __builtin_trap();
    if (!lookup.ok() && lookup.error().kind.isEmpty())
        __builtin_trap();
    const auto fill = oanda::parseFillTransaction(body, status);
    if (fill.ok() && (!(fill.value().fill.price.value_or(0) > 0) || !fill.value().time.isValid()))
        __builtin_trap();
    if (!fill.ok() && fill.error().kind.isEmpty())
        __builtin_trap();
    if (oandaError::parseErrorBody(status, body).kind.isEmpty())
        __builtin_trap();
    return 0;
}
