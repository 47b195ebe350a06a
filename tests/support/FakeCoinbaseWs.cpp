// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeCoinbaseWs.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace sentinel::test {

namespace {

QByteArray rfc3339(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000000Z")).toLatin1();
}

QByteArray number(double value, int decimals)
{
    return QByteArray::number(value, 'f', decimals);
}

} // namespace

FakeCoinbaseWs::FakeCoinbaseWs(QObject* parent)
    : QObject(parent), m_server(new QWebSocketServer(QStringLiteral("fake-coinbase"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &FakeCoinbaseWs::onNewConnection);
}

FakeCoinbaseWs::~FakeCoinbaseWs() = default;

bool FakeCoinbaseWs::start()
{
    if (!m_server->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server->serverPort();
    return true;
}

QUrl FakeCoinbaseWs::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port));
}

void FakeCoinbaseWs::setRefusing(bool refusing)
{
    if (refusing)
        m_server->close();
    else if (!m_server->isListening())
        m_server->listen(QHostAddress::LocalHost, m_port);
}

int FakeCoinbaseWs::openConnections() const
{
    return int(std::count_if(m_clients.cbegin(), m_clients.cend(), [](const Client& client) {
        return client.socket && client.socket->state() == QAbstractSocket::ConnectedState;
    }));
}

int FakeCoinbaseWs::subscribedConnections() const
{
    return int(std::count_if(m_clients.cbegin(), m_clients.cend(), [](const Client& client) {
        return client.socket && client.socket->state() == QAbstractSocket::ConnectedState
               && client.channels.contains(QStringLiteral("market_trades"));
    }));
}

void FakeCoinbaseWs::onNewConnection()
{
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        ++m_connections;
        m_clients.append(Client{socket, 0, {}, {}});
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString& text) { onClientMessage(socket, text); });
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeCoinbaseWs::onClientMessage(QWebSocket* socket, const QString& text)
{
    m_received.append(text.toUtf8());
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.value(QStringLiteral("type")).toString() != u"subscribe")
        return;
    for (Client& client : m_clients) {
        if (client.socket != socket)
            continue;
        client.channels.append(message.value(QStringLiteral("channel")).toString());
        for (const auto& product : message.value(QStringLiteral("product_ids")).toArray()) {
            if (!client.products.contains(product.toString()))
                client.products.append(product.toString());
        }
        if (!m_acknowledging)
            return;
        QJsonObject subscriptions;
        for (const QString& channel : std::as_const(client.channels))
            subscriptions.insert(channel, channel == u"heartbeats" ? QJsonArray() : QJsonArray::fromStringList(client.products));
        const QByteArray event = QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("subscriptions"), subscriptions}}}).toJson(QJsonDocument::Compact);
        sendTo(client, "subscriptions", event);
    }
}

void FakeCoinbaseWs::sendTo(Client& client, const QByteArray& channel, const QByteArray& events)
{
    const QByteArray message = R"({"channel":")" + channel + R"(","client_id":"","timestamp":")"
                               + rfc3339(QDateTime::currentDateTimeUtc()) + R"(","sequence_num":)"
                               + QByteArray::number(client.nextSequence++) + R"(,"events":)" + events + "}";
    client.socket->sendTextMessage(QString::fromUtf8(message));
    client.socket->flush();
    ++m_messagesDelivered;
}

void FakeCoinbaseWs::send(const QByteArray& channel, const QByteArray& events)
{
    for (Client& client : m_clients) {
        if (client.socket && client.socket->state() == QAbstractSocket::ConnectedState)
            sendTo(client, channel, events);
    }
}

void FakeCoinbaseWs::sendHeartbeat(const QDateTime& time)
{
    const QByteArray currentTime = time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz000000+00:00")).toLatin1();
    send("heartbeats", R"([{"current_time":")" + currentTime + R"(","heartbeat_counter":)" + QByteArray::number(m_heartbeatCounter++) + "}]");
}

QByteArray FakeCoinbaseWs::tradesEvent(const char* type, const QString& productId, const QList<Trade>& trades)
{
    QByteArray items;
    for (const Trade& trade : trades) {
        if (!items.isEmpty())
            items += ',';
        items += R"({"trade_id":")" + QByteArray::number(m_nextTradeId++) + R"(","product_id":")" + productId.toLatin1()
                 + R"(","price":")" + number(trade.price, 2) + R"(","size":")" + number(trade.size, 8)
                 + R"(","side":"BUY","time":")" + rfc3339(trade.time) + "\"}";
    }
    return R"([{"type":")" + QByteArray(type) + R"(","trades":[)" + items + "]}]";
}

void FakeCoinbaseWs::sendTrade(const QString& productId, const QDateTime& time, double price, double size)
{
    sendTrades(productId, {Trade{time, price, size}});
}

void FakeCoinbaseWs::sendTrades(const QString& productId, const QList<Trade>& trades)
{
    send("market_trades", tradesEvent("update", productId, trades));
}

void FakeCoinbaseWs::sendSnapshot(const QString& productId, const QList<Trade>& trades)
{
    send("market_trades", tradesEvent("snapshot", productId, trades));
}

void FakeCoinbaseWs::sendRaw(const QByteArray& text)
{
    for (const Client& client : std::as_const(m_clients)) {
        if (client.socket && client.socket->state() == QAbstractSocket::ConnectedState) {
            client.socket->sendTextMessage(QString::fromUtf8(text));
            ++m_messagesDelivered;
        }
    }
}

void FakeCoinbaseWs::skipSequenceNumber()
{
    for (Client& client : m_clients)
        ++client.nextSequence;
}

void FakeCoinbaseWs::dropAll()
{
    for (const Client& client : std::as_const(m_clients)) {
        if (client.socket)
            client.socket->abort();
    }
    m_clients.clear();
}

} // namespace sentinel::test
