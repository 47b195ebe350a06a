// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/StreamWatchdog.h"
#include "brokers/coinbase/CoinbaseWsMessage.h"
#include "common/Clock.h"
#include "common/Error.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <optional>

class QWebSocket;

namespace sentinel::coinbase {

/// Counts the market-data WebSocket keeps, for the panels and /metrics.
struct MarketStreamStats {
    qint64 messages = 0;    ///< messages read, every channel
    qint64 heartbeats = 0;
    qint64 trades = 0;      ///< trades of market_trades updates
    qint64 badMessages = 0; ///< messages the parser refused (logged, skipped)
    qint64 gaps = 0;        ///< sequence numbers that never arrived: messages lost
    qint64 drops = 0;       ///< connections lost: closed, failed, silent or with a gap
    qint64 connects = 0;    ///< connections that went live
};

/// Coinbase's public market-data WebSocket (`coinbase.ws_url`), subscribed to `heartbeats` and
/// `market_trades` for the given products, no JWT (ADR 0124). A connection is live once Coinbase
/// acknowledges the trades subscription; from then on each trade of an update is handed on (the
/// snapshot after subscribing repeats trades from before, and is skipped).
///
/// Coinbase numbers every message of a connection (`sequence_num`) and sends a heartbeat every
/// second, so loss shows: a number skipped (a message lost, or one the parser refused), ten
/// seconds of silence (missed heartbeats), a connection that is not live ten seconds after it
/// was opened, one that closes or fails: each drops the connection, and the next one subscribes
/// afresh after StreamWatchdog's back-off (1 s doubling to 60 s, 1 s again once a connection goes
/// live), on the Clock.
class CoinbaseMarketStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoinbaseMarketStream)
public:
    enum class State { Stopped, Connecting, Live, Waiting };

    /// `productIds` in Coinbase's spelling (BTC-USD); `url` wss://, or ws:// to a loopback host.
    CoinbaseMarketStream(Clock& clock, QUrl url, QStringList productIds, QObject* parent = nullptr);
    ~CoinbaseMarketStream() override;

    void start();
    void stop();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const MarketStreamStats& stats() const { return m_stats; }
    [[nodiscard]] const QStringList& productIds() const { return m_productIds; }

    /// The subscribe message for one channel, as sent (one channel per message, Coinbase's rule).
    [[nodiscard]] static QByteArray subscribeMessage(WsChannel channel, const QStringList& productIds);

Q_SIGNALS:
    void tradeReceived(const sentinel::coinbase::WsTrade& trade);
    /// The trades subscription was acknowledged: trades are watched from `sinceMs` (Clock ms).
    void wentLive(qint64 sinceMs);
    /// The connection was lost; the next try is at `retryAtMs`.
    void dropped(const sentinel::Error& reason, qint64 retryAtMs);

private:
    void connectNow();
    void onConnected();
    void onTextMessage(const QString& text);
    void onDisconnected();
    [[nodiscard]] Error connectionFailed() const;
    void take(const WsMessage& message);
    /// False when `sequenceNum` shows a message was lost (the connection is dropped then).
    bool inSequence(qint64 sequenceNum);
    void goLive();
    void onSilent();
    void drop(const Error& reason);
    void closeSocket();

    Clock& m_clock;
    QUrl m_url;
    QStringList m_productIds;
    QPointer<QWebSocket> m_socket;
    bool m_socketOpen = false; ///< the handshake completed on this connection
    State m_state = State::Stopped;
    MarketStreamStats m_stats;
    std::optional<qint64> m_lastSequence; ///< of this connection
    StreamWatchdog m_watchdog;
};

} // namespace sentinel::coinbase
