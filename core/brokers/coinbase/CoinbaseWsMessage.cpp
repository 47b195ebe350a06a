// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseWsMessage.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "brokers/coinbase/CoinbaseFields.h"
#include "common/Excerpt.h"
#include "market/BarValues.h"

#include <QTimeZone>

#include <array>

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

constexpr std::array<std::pair<WsChannel, const char16_t*>, 5> kChannels{{
    {WsChannel::Heartbeats, u"heartbeats"},
    {WsChannel::Candles, u"candles"},
    {WsChannel::Subscriptions, u"subscriptions"},
    {WsChannel::Ticker, u"ticker"},
    {WsChannel::MarketTrades, u"market_trades"},
}};

WsEventType eventType(FieldReader& reader)
{
    const QString type = reader.string(u"type");
    if (reader.ok() && type != u"snapshot" && type != u"update")
        reader.fail(ce::make(ce::UnexpectedShape, QStringLiteral("%1 '%2' is neither snapshot nor update").arg(reader.path(u"type"), excerpt(type)),
                             QStringLiteral("report this message")));
    return type == u"snapshot" ? WsEventType::Snapshot : WsEventType::Update;
}

WsHeartbeat readHeartbeat(FieldReader& reader)
{
    WsHeartbeat heartbeat;
    // "2026-04-07 14:30:10.000000000+00:00": a space for the 'T', nanoseconds, an offset.
    heartbeat.currentTime = reader.time(u"current_time");
    heartbeat.counter = reader.counter(u"heartbeat_counter");
    return heartbeat;
}

WsCandle readCandle(FieldReader& reader)
{
    WsCandle candle;
    candle.productId = reader.string(u"product_id");
    const qint64 start = reader.unixSeconds(u"start");
    const Decimal values[] = {reader.decimal(u"open"), reader.decimal(u"high"), reader.decimal(u"low"),
                              reader.decimal(u"close"), reader.decimal(u"volume")};
    if (!reader.ok())
        return candle;
    for (const Decimal& value : values) {
        if (!value.fitsDouble()) {
            reader.fail(ce::make(ce::InvalidNumber, QStringLiteral("%1: '%2' has more significant digits than a bar holds exactly")
                                                        .arg(reader.where(), value.text),
                                 QStringLiteral("report this message")));
            return candle;
        }
    }
    candle.bar = Bar{QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc()), values[0].value, values[1].value,
                     values[2].value, values[3].value, values[4].value, false};
    if (const auto issue = checkBarValues(reader.where(), candle.bar))
        reader.fail(ce::make(ce::InvalidBar, issue->row + u": " + issue->message,
                             QStringLiteral("report this message; the candle cannot be used")));
    return candle;
}

WsTicker readTicker(FieldReader& reader)
{
    WsTicker ticker;
    ticker.productId = reader.string(u"product_id");
    ticker.price = reader.decimal(u"price");
    ticker.volume24h = reader.decimal(u"volume_24_h");
    ticker.bestBid = reader.optionalDecimal(u"best_bid");
    ticker.bestBidQuantity = reader.optionalDecimal(u"best_bid_quantity");
    ticker.bestAsk = reader.optionalDecimal(u"best_ask");
    ticker.bestAskQuantity = reader.optionalDecimal(u"best_ask_quantity");
    if (reader.ok() && ticker.price.value <= 0)
        reader.fail(ce::make(ce::InvalidNumber, QStringLiteral("%1 is %2; a price is above zero").arg(reader.path(u"price"), ticker.price.text),
                             QStringLiteral("report this message")));
    return ticker;
}

WsTrade readTrade(FieldReader& reader)
{
    WsTrade trade;
    trade.tradeId = reader.string(u"trade_id");
    trade.productId = reader.string(u"product_id");
    trade.price = reader.decimal(u"price");
    trade.size = reader.decimal(u"size");
    trade.side = reader.side(u"side");
    trade.time = reader.time(u"time");
    if (reader.ok() && (trade.price.value <= 0 || trade.size.value <= 0))
        reader.fail(ce::make(ce::InvalidNumber, QStringLiteral("%1: price %2 and size %3 must be above zero")
                                                    .arg(reader.where(), trade.price.text, trade.size.text),
                             QStringLiteral("report this message")));
    return trade;
}

WsSubscriptions readSubscriptions(FieldReader& reader)
{
    WsSubscriptions subscriptions;
    const QJsonObject channels = reader.object(u"subscriptions");
    for (auto it = channels.begin(); it != channels.end() && reader.ok(); ++it) {
        QStringList products;
        const QJsonArray array = it.value().toArray();
        bool strings = it.value().isArray();
        for (const auto& product : array) {
            strings = strings && product.isString();
            products.append(product.toString());
        }
        if (!strings) {
            reader.fail(ce::make(ce::WrongType, QStringLiteral("%1 is not a list of product ids").arg(reader.path(QString(u"subscriptions." + it.key()))),
                                 QStringLiteral("report this message")));
            break;
        }
        subscriptions.channels.insert(it.key(), products);
    }
    return subscriptions;
}

/// Events whose items sit in a named array beside a snapshot/update type.
template <typename Item, typename Read>
QList<WsEvent<Item>> readTypedEvents(FieldReader& reader, const QJsonArray& events, QStringView itemsKey, Read read)
{
    return readEach<WsEvent<Item>>(reader, events, QStringLiteral("events"), [&](FieldReader& eventReader) {
        WsEvent<Item> event;
        event.type = eventType(eventReader);
        const QJsonArray items = eventReader.array(itemsKey);
        if (eventReader.ok())
            event.items = readEach<Item>(eventReader, items, eventReader.path(itemsKey), read);
        return event;
    });
}

WsEvents readEvents(WsChannel channel, FieldReader& reader, const QJsonArray& events)
{
    switch (channel) {
    case WsChannel::Heartbeats: return readEach<WsHeartbeat>(reader, events, QStringLiteral("events"), readHeartbeat);
    case WsChannel::Candles: return readTypedEvents<WsCandle>(reader, events, u"candles", readCandle);
    case WsChannel::Subscriptions:
        return readEach<WsSubscriptions>(reader, events, QStringLiteral("events"), readSubscriptions);
    case WsChannel::Ticker: return readTypedEvents<WsTicker>(reader, events, u"tickers", readTicker);
    case WsChannel::MarketTrades: return readTypedEvents<WsTrade>(reader, events, u"trades", readTrade);
    }
    return {};
}

} // namespace

QString wsChannelName(WsChannel channel)
{
    for (const auto& [known, name] : kChannels) {
        if (known == channel)
            return QString::fromUtf16(name);
    }
    return {};
}

Result<WsMessage> parseWsMessage(const QByteArray& frame)
{
    if (frame.size() > kMaxWsMessageBytes)
        return ce::make(ce::MessageTooLarge,
                        QStringLiteral("a WebSocket message of %1 bytes; at most %2 are read").arg(frame.size()).arg(kMaxWsMessageBytes),
                        QStringLiteral("subscribe to fewer products or channels per connection"));
    Result<QJsonObject> root = parseObjectBody(frame, kMaxWsMessageBytes, QStringLiteral("the WebSocket message"));
    if (!root)
        return root.error();
    if (root->value(QStringLiteral("type")).toString() == u"error")
        return ce::make(ce::WsError,
                        QStringLiteral("the Coinbase feed reported an error: %1")
                            .arg(excerpt(root->value(QStringLiteral("message")).toString(), 300)),
                        QStringLiteral("check the subscribe message (channel, product ids, JWT); then resubscribe"));
    FieldReader reader(*root, QStringLiteral("message"));
    const QString channelName = reader.string(u"channel");
    if (!reader.ok())
        return reader.error();
    std::optional<WsChannel> channel;
    for (const auto& [known, name] : kChannels) {
        if (channelName == QStringView(name))
            channel = known;
    }
    if (!channel)
        return ce::make(ce::UnknownChannel, QStringLiteral("a message on channel '%1', which is not read here").arg(excerpt(channelName)),
                        QStringLiteral("subscribe only to heartbeats, candles, ticker and market_trades"));
    WsMessage message;
    message.channel = *channel;
    message.clientId = reader.optionalString(u"client_id");
    message.timestamp = reader.time(u"timestamp");
    message.sequenceNum = reader.counter(u"sequence_num");
    const QJsonArray events = reader.array(u"events");
    if (reader.ok())
        message.events = readEvents(*channel, reader, events);
    if (!reader.ok())
        return reader.error();
    return message;
}

} // namespace sentinel::coinbase
