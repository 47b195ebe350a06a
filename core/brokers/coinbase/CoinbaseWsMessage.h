// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/coinbase/CoinbaseDecimal.h"
#include "common/Error.h"
#include "common/Side.h"
#include "market/Bar.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>

#include <variant>

namespace sentinel::coinbase {

/// The market-data channels this module reads (wss://advanced-trade-ws.coinbase.com).
enum class WsChannel { Heartbeats, Candles, Subscriptions, Ticker, MarketTrades };

[[nodiscard]] QString wsChannelName(WsChannel channel);

/// "snapshot" (the first message after subscribing) or "update".
enum class WsEventType { Snapshot, Update };

struct WsHeartbeat {
    QDateTime currentTime; ///< UTC
    qint64 counter = 0;    ///< a number or a string of digits on the wire
};

/// A 5-minute candle of the `candles` channel: the bucket's state so far. The channel says
/// nothing about completeness either; the bucket is closed once start + 5 min has passed.
struct WsCandle {
    QString productId;
    Bar bar;
};

struct WsTicker {
    QString productId;
    Decimal price;
    Decimal volume24h; ///< 24-hour volume only: ticks cannot build bars' volume
    std::optional<Decimal> bestBid;
    std::optional<Decimal> bestBidQuantity;
    std::optional<Decimal> bestAsk;
    std::optional<Decimal> bestAskQuantity;
};

/// One trade of the `market_trades` channel (shape from Coinbase's channel documentation; no
/// recorded message exists in tests/data/coinbase, see its SOURCES.md).
struct WsTrade {
    QString tradeId;
    QString productId;
    Decimal price;
    Decimal size;
    Side side = Side::Buy; ///< as Coinbase labels the trade (the maker's side)
    QDateTime time;        ///< UTC
};

template <typename Item>
struct WsEvent {
    WsEventType type = WsEventType::Update;
    QList<Item> items;
};

/// The `subscriptions` acknowledgement: channel name → product ids now subscribed.
struct WsSubscriptions {
    QMap<QString, QStringList> channels;
};

using WsEvents = std::variant<QList<WsHeartbeat>, QList<WsEvent<WsCandle>>, QList<WsSubscriptions>,
                              QList<WsEvent<WsTicker>>, QList<WsEvent<WsTrade>>>;

/// One message of the market-data WebSocket. `sequenceNum` is kept so the caller can detect a
/// gap (the feed numbers every message of a connection) and resubscribe.
struct WsMessage {
    WsChannel channel = WsChannel::Heartbeats;
    QString clientId;
    QDateTime timestamp; ///< UTC
    qint64 sequenceNum = 0;
    WsEvents events;
};

/// Larger messages are refused unread. The channels read here send a few KiB at most.
inline constexpr qsizetype kMaxWsMessageBytes = qsizetype{1} * 1024 * 1024;

/// Parses one text frame of the market-data feed. An unknown channel, a {"type":"error"}
/// message, a message over kMaxWsMessageBytes and any malformed field are typed errors
/// (coinbase/CoinbaseError.h) naming the field by path ("events[0].candles[2].close").
/// A pure function: no I/O, no clock, no logging.
[[nodiscard]] Result<WsMessage> parseWsMessage(const QByteArray& frame);

} // namespace sentinel::coinbase
