// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaJson.h"

#include "brokers/oanda/OandaGranularity.h"
#include "market/BarJson.h"

#include <QJsonArray>

namespace sentinel::oanda {

namespace {

QJsonValue optionalJson(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

/// Prices and heartbeats carry sub-second instants: keep the milliseconds when there are any.
QString instantJson(const QDateTime& instant)
{
    if (!instant.isValid() || instant.time().msec() == 0)
        return isoUtc(instant);
    return instant.toUTC().toString(Qt::ISODateWithMs);
}

QJsonArray levelsJson(const QList<PriceLevel>& levels)
{
    QJsonArray array;
    for (const PriceLevel& level : levels)
        array.append(QJsonObject{{QStringLiteral("price"), level.price}, {QStringLiteral("liquidity"), level.liquidity}});
    return array;
}

QJsonObject priceJson(const Price& price)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("price")},
                       {QStringLiteral("instrument"), price.instrument},
                       {QStringLiteral("time"), instantJson(price.time)},
                       {QStringLiteral("tradeable"), price.tradeable},
                       {QStringLiteral("bids"), levelsJson(price.bids)},
                       {QStringLiteral("asks"), levelsJson(price.asks)},
                       {QStringLiteral("closeout_bid"), optionalJson(price.closeoutBid)},
                       {QStringLiteral("closeout_ask"), optionalJson(price.closeoutAsk)}};
}

QJsonObject sideJson(const PositionSide& side)
{
    return QJsonObject{{QStringLiteral("units"), side.units}, {QStringLiteral("average_price"), optionalJson(side.averagePrice)}};
}

} // namespace

QJsonObject toJson(const Candles& candles)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("bars")},
                       {QStringLiteral("function"), QStringLiteral("oanda_candles")},
                       {QStringLiteral("symbol"), candles.instrument},
                       {QStringLiteral("interval"), intervalName(candles.interval)},
                       {QStringLiteral("granularity"), granularityName(candles.interval)},
                       {QStringLiteral("price"), priceComponentName(candles.component)},
                       {QStringLiteral("time_zone"), QStringLiteral("UTC")},
                       {QStringLiteral("bars"), barsToJson(candles.closed)},
                       {QStringLiteral("live_bar"), candles.live ? QJsonValue(barToJson(*candles.live)) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("issues"), QJsonArray()}};
}

QJsonObject toJson(const StreamMessage& message)
{
    if (const auto* heartbeat = std::get_if<Heartbeat>(&message))
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("heartbeat")}, {QStringLiteral("time"), instantJson(heartbeat->time)}};
    return priceJson(std::get<Price>(message));
}

QJsonObject toJson(const Pricing& pricing)
{
    QJsonArray prices;
    for (const Price& price : pricing.prices)
        prices.append(priceJson(price));
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("pricing")},
                       {QStringLiteral("time"), pricing.time.isValid() ? QJsonValue(instantJson(pricing.time)) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("prices"), prices}};
}

QJsonObject toJson(const OrderAnswer& answer)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("order")},
                       {QStringLiteral("outcome"), orderOutcomeName(answer.outcome)},
                       {QStringLiteral("rejection"), answer.isRejection()},
                       {QStringLiteral("order_id"), answer.orderId},
                       {QStringLiteral("transaction_id"), answer.transactionId},
                       {QStringLiteral("client_order_id"), answer.clientOrderId},
                       {QStringLiteral("instrument"), answer.instrument},
                       {QStringLiteral("units"), optionalJson(answer.units)},
                       {QStringLiteral("price"), optionalJson(answer.price)},
                       {QStringLiteral("trade_id"), answer.tradeId},
                       {QStringLiteral("reason"), answer.reason},
                       {QStringLiteral("error_code"), answer.errorCode},
                       {QStringLiteral("error_message"), answer.errorMessage},
                       {QStringLiteral("last_transaction_id"), answer.lastTransactionId}};
}

QJsonObject toJson(const AccountSummary& summary)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("account_summary")},
                       {QStringLiteral("account_id"), summary.id},
                       {QStringLiteral("currency"), summary.currency},
                       {QStringLiteral("balance"), summary.balance},
                       {QStringLiteral("nav"), summary.nav},
                       {QStringLiteral("unrealized_pl"), summary.unrealizedPl},
                       {QStringLiteral("margin_used"), summary.marginUsed},
                       {QStringLiteral("margin_available"), summary.marginAvailable},
                       {QStringLiteral("open_position_count"), double(summary.openPositionCount)},
                       {QStringLiteral("open_trade_count"), double(summary.openTradeCount)},
                       {QStringLiteral("last_transaction_id"), summary.lastTransactionId}};
}

QJsonObject toJson(const QList<Position>& positions)
{
    QJsonArray array;
    for (const Position& position : positions)
        array.append(QJsonObject{{QStringLiteral("instrument"), position.instrument},
                                 {QStringLiteral("long"), sideJson(position.longSide)},
                                 {QStringLiteral("short"), sideJson(position.shortSide)},
                                 {QStringLiteral("unrealized_pl"), position.unrealizedPl}});
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("positions")}, {QStringLiteral("positions"), array}};
}

} // namespace sentinel::oanda
