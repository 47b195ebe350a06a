// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeHttpServer.h"

#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace sentinel::test {

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

/// The status line and Content-Type header of `response`, each ending in CRLF.
QByteArray headStart(const CannedResponse& response)
{
    return "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n"
        + "Content-Type: " + response.contentType + "\r\n";
}
} // namespace

CannedResponse CannedResponse::json(const QByteArray& body, int status)
{
    CannedResponse response;
    response.status = status;
    response.body = body;
    return response;
}

CannedResponse CannedResponse::fromFile(const QString& path, int status, const QByteArray& contentType)
{
    QFile file(path);
    CannedResponse response;
    response.status = status;
    response.contentType = contentType;
    if (file.open(QIODevice::ReadOnly)) {
        response.body = file.readAll();
    } else {
        // Make a missing fixture loud rather than silently serving an empty body.
        response.status = 599;
        response.body = "fixture not found: " + path.toUtf8();
    }
    return response;
}

FakeHttpServer::FakeHttpServer(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
{
    m_fallback = [](const RecordedRequest&) {
        return CannedResponse::json(R"({"error":"no route"})", 404);
    };
    connect(m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

quint16 FakeHttpServer::port() const
{
    return m_server->serverPort();
}

void FakeHttpServer::route(const QByteArray& path, Handler handler)
{
    m_routes.insert(path, std::move(handler));
}

void FakeHttpServer::route(const QByteArray& path, const CannedResponse& response)
{
    route(path, [response](const RecordedRequest&) { return response; });
}

void FakeHttpServer::setFallback(Handler handler)
{
    m_fallback = std::move(handler);
}

int FakeHttpServer::requestCount(const QByteArray& path) const
{
    if (path.isEmpty())
        return int(m_requests.size());
    int count = 0;
    for (const RecordedRequest& request : m_requests)
        count += request.path == path ? 1 : 0;
    return count;
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        ++m_connections;
        ++m_openConnections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --m_openConnections;
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    // Serve every complete request in the buffer (keep-alive clients may pipeline).
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        RecordedRequest request;
        request.method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        request.url = QUrl::fromEncoded(target);
        request.path = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype contentLength = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headerEnd + 4 + contentLength)
            return;
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, headerEnd + 4 + contentLength);
        if (m_recording)
            m_requests.append(request);
        Q_EMIT requestReceived(request);
        respond(socket, request);
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void FakeHttpServer::respond(QTcpSocket* socket, const RecordedRequest& request)
{
    const auto handler = m_routes.value(request.path, m_fallback);
    const CannedResponse response = handler(request);
    switch (response.behaviour) {
    case CannedResponse::Behaviour::Stall:
        return;
    case CannedResponse::Behaviour::CloseAbruptly:
        socket->abort();
        return;
    case CannedResponse::Behaviour::Trickle:
        trickle(socket, response);
        return;
    case CannedResponse::Behaviour::Flood:
        flood(socket, response);
        return;
    case CannedResponse::Behaviour::Normal:
    case CannedResponse::Behaviour::TruncateBody:
        break;
    }
    QByteArray head = headStart(response);
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (auto it = response.headers.cbegin(); it != response.headers.cend(); ++it)
        head += it.key() + ": " + it.value() + "\r\n";
    if (response.behaviour == CannedResponse::Behaviour::TruncateBody) {
        head += "Connection: close\r\n\r\n";
        socket->write(head + response.body.left(response.body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    head += "\r\n";
    socket->write(head + response.body);
}

void FakeHttpServer::trickle(QTcpSocket* socket, const CannedResponse& response)
{
    QByteArray head = headStart(response);
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    socket->write(head);
    auto* timer = new QTimer(socket); // dies with the connection
    auto sent = std::make_shared<qsizetype>(0);
    connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body = response.body] {
        if (*sent >= body.size()) {
            timer->stop();
            return;
        }
        socket->write(body.mid(*sent, 1));
        ++*sent;
    });
    timer->start(response.trickleIntervalMs);
}

void FakeHttpServer::flood(QTcpSocket* socket, const CannedResponse& response)
{
    QByteArray head = headStart(response);
    if (response.chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else if (response.announcedLength >= 0)
        head += "Content-Length: " + QByteArray::number(response.announcedLength) + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    // Refill whenever the kernel took the last chunk, so the server never holds more than a
    // chunk or two in memory however much it "sends".
    auto left = std::make_shared<qint64>(response.floodBytes);
    auto refill = [this, socket, left, total = response.floodBytes, chunked = response.chunked] {
        static const QByteArray chunk(64 * 1024, 'x');
        if (*left <= 0) {
            socket->disconnectFromHost();
            return;
        }
        if (socket->bytesToWrite() > 2 * chunk.size())
            return;
        const qint64 n = std::min<qint64>(*left, chunk.size());
        if (chunked)
            socket->write(QByteArray::number(n, 16) + "\r\n");
        socket->write(chunk.constData(), n);
        *left -= n;
        if (chunked) // the chunk's CRLF, and after the last one the zero-length chunk that ends the body
            socket->write(*left > 0 ? "\r\n" : "\r\n0\r\n\r\n");
        Q_EMIT floodSent(total - *left);
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, refill);
    refill();
}

} // namespace sentinel::test
