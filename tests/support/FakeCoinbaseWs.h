// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QWebSocket;
class QWebSocketServer;

namespace sentinel::test {

/// A stand-in for Coinbase's market-data WebSocket on 127.0.0.1 (ws://, no TLS). It answers each
/// subscribe message with a `subscriptions` acknowledgement listing what the connection has
/// subscribed to, and then sends, to every open connection, what the test tells it to:
/// heartbeats and market_trades updates in the recorded envelope of tests/data/coinbase, each
/// numbered per connection as Coinbase numbers them. A test stalls it by sending nothing, skips a
/// sequence number, drops every connection, or refuses new ones.
class FakeCoinbaseWs final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeCoinbaseWs)
public:
    explicit FakeCoinbaseWs(QObject* parent = nullptr);
    ~FakeCoinbaseWs() override;

    bool start();
    [[nodiscard]] QUrl url() const;

    void sendHeartbeat(const QDateTime& time);
    /// One market_trades update holding one trade.
    void sendTrade(const QString& productId, const QDateTime& time, double price, double size);
    /// One market_trades update holding these trades in the order given.
    struct Trade {
        QDateTime time;
        double price = 0;
        double size = 0;
    };
    void sendTrades(const QString& productId, const QList<Trade>& trades);
    /// A market_trades snapshot (what Coinbase sends right after the subscription).
    void sendSnapshot(const QString& productId, const QList<Trade>& trades);
    /// Sends raw text; it is numbered only if the test wrote a sequence_num into it.
    void sendRaw(const QByteArray& text);
    /// The next message to each open connection carries a number one higher than it should: one
    /// message was "lost".
    void skipSequenceNumber();
    /// Closes every open connection, as a dropped one.
    void dropAll();
    /// While set, subscribe messages are not acknowledged.
    void setAcknowledging(bool acknowledging) { m_acknowledging = acknowledging; }
    /// Stops listening (new connections are refused) or listens again on the same port.
    void setRefusing(bool refusing);

    [[nodiscard]] int connections() const { return m_connections; }
    [[nodiscard]] int openConnections() const;
    /// Open connections whose client has asked for market_trades (acknowledged or not).
    [[nodiscard]] int subscribedConnections() const;
    /// Messages written, once for each open connection written to (acknowledgements too; one
    /// sent while none is open is lost).
    [[nodiscard]] qint64 messagesDelivered() const { return m_messagesDelivered; }
    /// Every text message the clients sent, oldest first.
    [[nodiscard]] const QList<QByteArray>& received() const { return m_received; }

private:
    struct Client {
        QPointer<QWebSocket> socket;
        qint64 nextSequence = 0;
        QStringList channels;
        QStringList products;
    };

    void onNewConnection();
    void onClientMessage(QWebSocket* socket, const QString& text);
    void send(const QByteArray& channel, const QByteArray& events);
    void sendTo(Client& client, const QByteArray& channel, const QByteArray& events);
    QByteArray tradesEvent(const char* type, const QString& productId, const QList<Trade>& trades);

    QWebSocketServer* m_server;
    QList<Client> m_clients;
    QList<QByteArray> m_received;
    quint16 m_port = 0;
    int m_connections = 0;
    qint64 m_messagesDelivered = 0;
    qint64 m_nextTradeId = 1;
    qint64 m_heartbeatCounter = 0;
    bool m_acknowledging = true;
};

} // namespace sentinel::test
