// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace sentinel::test {

/// A request as the fake server received it.
struct RecordedRequest {
    QByteArray method;
    QByteArray path;    ///< path only, without the query
    QUrl url;           ///< path and query, relative to the server
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
};

/// What the fake server answers. `behaviour` lets a test make it misbehave on purpose.
struct CannedResponse {
    enum class Behaviour {
        Normal,       ///< status, headers and full body
        Stall,        ///< accept the request and never answer
        TruncateBody, ///< announce the full Content-Length, send half the body, close
        CloseAbruptly, ///< close the connection without answering
        Trickle,      ///< status and headers at once, then the body one byte every `trickleIntervalMs`
        Flood,        ///< announce `announcedLength` (none when negative: read to close) and send
                      ///< `floodBytes` of filler in 64 KiB chunks, as fast as the client reads;
                      ///< with `chunked`, as chunked transfer encoding (no length at all)
    };
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;
    Behaviour behaviour = Behaviour::Normal;
    int trickleIntervalMs = 2000;
    qint64 announcedLength = -1;
    qint64 floodBytes = 0;
    bool chunked = false;

    static CannedResponse json(const QByteArray& body, int status = 200);
    static CannedResponse fromFile(const QString& path, int status = 200,
                                   const QByteArray& contentType = "application/json");
};

/// A real HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for integration tests.
/// Routes are matched on the request path; a handler may inspect the request (query, body) to
/// choose its answer. Every request is recorded so tests can count and inspect them.
class FakeHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeHttpServer)
public:
    using Handler = std::function<CannedResponse(const RecordedRequest&)>;

    explicit FakeHttpServer(QObject* parent = nullptr);
    ~FakeHttpServer() override;

    /// Listens on 127.0.0.1:0. Returns false (and the test should fail) when it cannot.
    bool start();
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] quint16 port() const;

    void route(const QByteArray& path, Handler handler);
    void route(const QByteArray& path, const CannedResponse& response);
    /// Answers requests whose path has no route (default: 404 JSON).
    void setFallback(Handler handler);

    /// Off: requests are answered and announced (requestReceived) but not kept, so a server
    /// that answers for hours (the soak, tests/soak) does not grow. On by default.
    void setRecording(bool on) { m_recording = on; }

    [[nodiscard]] const QList<RecordedRequest>& requests() const { return m_requests; }
    [[nodiscard]] int requestCount(const QByteArray& path = {}) const;
    void clearRequests() { m_requests.clear(); }
    /// TCP connections accepted so far: a client that keeps its connection alive opens one.
    [[nodiscard]] int connectionCount() const { return m_connections; }
    /// Accepted connections the client has not closed yet.
    [[nodiscard]] int openConnectionCount() const { return m_openConnections; }

Q_SIGNALS:
    void requestReceived(const sentinel::test::RecordedRequest& request);
    /// A Flood answer handed `bytes` of filler to its socket so far (emitted on every refill, in
    /// the server's thread: a test that keeps its own thread busy connects it directly).
    void floodSent(qint64 bytes);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const RecordedRequest& request);
    void trickle(QTcpSocket* socket, const CannedResponse& response);
    void flood(QTcpSocket* socket, const CannedResponse& response);

    QTcpServer* m_server;
    QHash<QByteArray, Handler> m_routes;
    Handler m_fallback;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    bool m_recording = true;
    int m_connections = 0;
    int m_openConnections = 0;
};

} // namespace sentinel::test
