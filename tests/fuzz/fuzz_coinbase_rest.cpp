// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Coinbase REST answer parsers (POST /orders, historical order and batch,
// fills, accounts) and the HTTP error classifier must never crash, hang or trip a sanitizer,
// whatever the body; every refusal is typed. Each input goes through all of them. Seeded from
// tests/data/coinbase (scripts/fuzz.sh).
#include "brokers/coinbase/CoinbaseAccounts.h"
#include "brokers/coinbase/CoinbaseFills.h"
#include "brokers/coinbase/CoinbaseHttpError.h"
#include "brokers/coinbase/CoinbaseOrders.h"
#include "net/NetLimits.h"

#include <QByteArray>
#include <QDateTime>

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {

template <typename T>
void requireTyped(const sentinel::Result<T>& result)
{
    if (!result.ok() && (result.error().kind.isEmpty() || result.error().remedy.isEmpty()))
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace sentinel::coinbase;
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));

    const auto created = parseCreateOrderAnswer(body);
    requireTyped(created);
    if (created.ok() && created->accepted() && created->orderId.isEmpty())
        __builtin_trap(); // an accepted order always has Coinbase's id
    requireTyped(parseHistoricalOrder(body));
    requireTyped(parseHistoricalOrders(body));
    const auto fills = parseFills(body);
    requireTyped(fills);
    if (fills.ok()) {
        for (const CoinbaseFill& fill : fills->fills) {
            if (!std::isfinite(fill.price.value) || fill.price.value <= 0 || !fill.tradeTime.isValid())
                __builtin_trap();
        }
    }
    const auto accounts = parseAccounts(body);
    requireTyped(accounts);
    if (accounts.ok()) {
        for (const CoinbaseAccount& account : accounts->accounts) {
            if (account.available.value < 0 || account.hold.value < 0)
                __builtin_trap();
        }
    }
    // The first bytes double as a Retry-After header: whatever it says, the wait stays clamped.
    const QDateTime now(QDate(2026, 4, 7), QTime(12, 0), Qt::UTC);
    for (const int status : {401, 403, 429, 500}) {
        const HttpErrorAnswer answer = classifyHttpError(status, body, body.left(32), now);
        if (answer.error.kind.isEmpty() || (answer.retryAfter && (answer.retryAfter->count() < 0
                                                                  || *answer.retryAfter > sentinel::net::maxServerWait)))
            __builtin_trap();
    }
    return 0;
}
