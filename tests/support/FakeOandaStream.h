// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace sentinel::test {

/// A stand-in for OANDA's streaming host on 127.0.0.1: answers GET .../pricing/stream with 200
/// and then writes, line by line, what the test tells it to (PRICE and HEARTBEAT in the recorded
/// format of tests/data/oanda). A test stalls it by writing nothing, drops it with dropAll(), and
/// it accepts the client's next connection as a resumed stream.
class FakeOandaStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeOandaStream)
public:
    explicit FakeOandaStream(QObject* parent = nullptr);
    ~FakeOandaStream() override;

    bool start();
    [[nodiscard]] QUrl baseUrl() const;

    /// Writes one PRICE line (bid and ask one pip apart around `mid`) to every open stream.
    void sendPrice(const QString& instrument, const QDateTime& time, double mid);
    void sendHeartbeat(const QDateTime& time);
    /// Writes raw bytes (a bad line, a partial one).
    void sendRaw(const QByteArray& bytes);
    /// Closes every open stream, as a dropped connection.
    void dropAll();
    /// Answers the next connections with `status` and this JSON body instead of a stream (0: stream).
    void refuseWith(int status, const QByteArray& body) { m_refuseStatus = status; m_refuseBody = body; }

    [[nodiscard]] int connections() const { return m_connections; }
    [[nodiscard]] int openStreams() const;
    /// Lines written to at least one open stream (a line sent while none is open is lost).
    [[nodiscard]] qint64 linesDelivered() const { return m_linesDelivered; }
    /// The request line and headers of the newest stream request.
    [[nodiscard]] const QByteArray& lastRequestHead() const { return m_lastHead; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void write(const QByteArray& line);

    QTcpServer* m_server;
    QList<QPointer<QTcpSocket>> m_streams;
    QByteArray m_lastHead;
    int m_connections = 0;
    qint64 m_linesDelivered = 0;
    int m_refuseStatus = 0;
    QByteArray m_refuseBody;
};

} // namespace sentinel::test
