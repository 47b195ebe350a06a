// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeOandaStream.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace sentinel::test {

namespace {

QByteArray rfc3339(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000000Z")).toLatin1();
}

QByteArray price(double value)
{
    return QByteArray::number(value, 'f', 5);
}

} // namespace

FakeOandaStream::FakeOandaStream(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeOandaStream::onNewConnection);
}

FakeOandaStream::~FakeOandaStream() = default;

bool FakeOandaStream::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeOandaStream::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
}

int FakeOandaStream::openStreams() const
{
    return int(std::count_if(m_streams.cbegin(), m_streams.cend(), [](const QPointer<QTcpSocket>& socket) {
        return socket && socket->state() == QAbstractSocket::ConnectedState;
    }));
}

void FakeOandaStream::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        ++m_connections;
        auto* head = new QByteArray;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, head] {
            *head += socket->readAll();
            if (!head->contains("\r\n\r\n"))
                return;
            m_lastHead = head->left(head->indexOf("\r\n\r\n"));
            head->clear();
            onReadyRead(socket);
        });
        connect(socket, &QTcpSocket::disconnected, socket, [socket, head] {
            delete head;
            socket->deleteLater();
        });
    }
}

void FakeOandaStream::onReadyRead(QTcpSocket* socket)
{
    if (m_refuseStatus != 0) {
        socket->write("HTTP/1.1 " + QByteArray::number(m_refuseStatus) + " Refused\r\nContent-Type: application/json\r\n"
                      "Content-Length: " + QByteArray::number(m_refuseBody.size()) + "\r\nConnection: close\r\n\r\n" + m_refuseBody);
        socket->disconnectFromHost();
        return;
    }
    // No length: the body runs until the connection closes, as a stream does.
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n");
    socket->flush();
    m_streams.append(socket);
}

void FakeOandaStream::write(const QByteArray& line)
{
    bool delivered = false;
    for (const QPointer<QTcpSocket>& socket : std::as_const(m_streams)) {
        if (socket && socket->state() == QAbstractSocket::ConnectedState) {
            socket->write(line);
            socket->flush();
            delivered = true;
        }
    }
    if (delivered)
        ++m_linesDelivered;
}

void FakeOandaStream::sendPrice(const QString& instrument, const QDateTime& time, double mid)
{
    const double halfSpread = 0.00005;
    write(R"({"type":"PRICE","time":")" + rfc3339(time) + R"(","bids":[{"price":")" + price(mid - halfSpread)
          + R"(","liquidity":10000000}],"asks":[{"price":")" + price(mid + halfSpread)
          + R"(","liquidity":10000000}],"closeoutBid":")" + price(mid - halfSpread) + R"(","closeoutAsk":")"
          + price(mid + halfSpread) + R"(","status":"tradeable","tradeable":true,"instrument":")" + instrument.toLatin1()
          + "\"}\n");
}

void FakeOandaStream::sendHeartbeat(const QDateTime& time)
{
    write(R"({"type":"HEARTBEAT","time":")" + rfc3339(time) + "\"}\n");
}

void FakeOandaStream::sendRaw(const QByteArray& bytes)
{
    write(bytes);
}

void FakeOandaStream::dropAll()
{
    for (const QPointer<QTcpSocket>& socket : std::as_const(m_streams)) {
        if (socket)
            socket->abort();
    }
    m_streams.clear();
}

} // namespace sentinel::test
