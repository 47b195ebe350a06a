// SPDX-License-Identifier: GPL-3.0-or-later
#include "control/ControlServer.h"

#include "common/Log.h"

#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QThread>

#include <memory>
#include <mutex>
#include <utility>

namespace sentinel {

namespace {

std::shared_ptr<spdlog::logger> logger()
{
    return log::get("control");
}

Error make(const char16_t* kind, const QString& message, const QString& remedy = {})
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

ControlReply busyReply(int maxConnections)
{
    return ControlReply::failure(make(
        u"control_busy", QStringLiteral("the engine is already answering %1 control connections").arg(maxConnections),
        QStringLiteral("try again in a moment")));
}

} // namespace

/// One client: its request line, the handler's answer, then the end. Owns its socket.
class ControlServer::Connection final : public QObject
{
public:
    /// What a Responder holds of its connection: the pointer is cleared, under the mutex, before
    /// the connection goes, so a reply from another thread either reaches a live connection
    /// (posted to its thread) or nothing.
    struct ReplySlot {
        std::mutex mutex;
        Connection* connection = nullptr;
        bool used = false;
    };

    Connection(ControlServer& server, QLocalSocket* socket)
        : QObject(&server), m_server(server), m_clock(server.m_clock), m_socket(socket),
          m_slot(std::make_shared<ReplySlot>())
    {
        m_slot->connection = this;
        m_socket->setParent(this);
        connect(m_socket, &QLocalSocket::readyRead, this, &Connection::onReadyRead);
        connect(m_socket, &QLocalSocket::disconnected, this, &Connection::end);
        m_timer = m_clock.callAfter(m_server.m_limits.requestTimeout, this, [this] { onRequestTimeout(); });
        if (m_socket->state() != QLocalSocket::ConnectedState) // gone before it was accepted
            QMetaObject::invokeMethod(
                this, [this] { end(); }, Qt::QueuedConnection);
    }

    ~Connection() override
    {
        detach();
        m_clock.cancel(m_timer);
    }

    Q_DISABLE_COPY_MOVE(Connection)

    [[nodiscard]] Responder responder() const
    {
        return [slot = m_slot](const ControlReply& reply) {
            Connection* target = nullptr;
            {
                const std::lock_guard lock(slot->mutex);
                if (slot->used || slot->connection == nullptr)
                    return;
                slot->used = true;
                target = slot->connection;
                if (QThread::currentThread() != target->thread()) {
                    // Posted while the mutex keeps the connection alive; Qt drops the event if
                    // the connection is deleted before it is delivered.
                    QMetaObject::invokeMethod(
                        target, [target, reply] { target->replyAndClose(reply); }, Qt::QueuedConnection);
                    return;
                }
            }
            target->replyAndClose(reply);
        };
    }

    /// Writes the reply line and closes once it is sent; a client that does not take it within
    /// the request timeout is cut off.
    void replyAndClose(const ControlReply& reply)
    {
        if (m_ended || m_replied)
            return;
        m_replied = true;
        detach();
        m_clock.cancel(m_timer);
        QByteArray line = reply.toLine();
        if (line.size() > ControlReply::maxBytes) {
            logger()->warn("control: a reply of {} bytes is over the {}-byte cap; sent an error instead", line.size(),
                           ControlReply::maxBytes);
            line = ControlReply::failure(make(controlError::TooLong, QStringLiteral("the reply was too large to send")))
                       .toLine();
        }
        m_socket->write(line);
        m_socket->disconnectFromServer();
        if (m_socket->state() == QLocalSocket::UnconnectedState) {
            end();
            return;
        }
        m_timer = m_clock.callAfter(m_server.m_limits.requestTimeout, this, [this] {
            logger()->info("control: a client did not take its reply; connection cut");
            end();
        });
    }

    /// The connection is over: out of the server's list, deleted from the event loop.
    void end()
    {
        if (std::exchange(m_ended, true))
            return;
        detach();
        m_clock.cancel(m_timer);
        m_socket->disconnect(this);
        m_socket->abort();
        m_server.finished(this);
        deleteLater();
    }

private:
    void detach()
    {
        const std::lock_guard lock(m_slot->mutex);
        m_slot->connection = nullptr;
    }

    void onReadyRead()
    {
        if (m_dispatched || m_replied) {
            m_socket->readAll(); // one request per connection; what follows it is not read
            return;
        }
        // At most one byte over the cap: enough to know the line is too long.
        m_buffer += m_socket->read(ControlRequest::maxBytes + 1 - m_buffer.size());
        if (!m_buffer.contains('\n') && m_buffer.size() <= ControlRequest::maxBytes)
            return;
        auto request = ControlRequest::fromLine(m_buffer);
        if (!request) {
            logger()->warn("control: refused a request: {}", request.error().toString());
            replyAndClose(ControlReply::failure(request.error()));
            return;
        }
        m_dispatched = true;
        m_clock.cancel(m_timer);
        m_server.dispatch(*this, request.value());
    }

    void onRequestTimeout()
    {
        if (m_dispatched || m_replied || m_ended)
            return;
        const auto seconds = std::chrono::duration<double>(m_server.m_limits.requestTimeout).count();
        const Error error =
            m_buffer.isEmpty() ? make(u"control_request_timeout",
                                      QStringLiteral("no request arrived within %1 s of connecting").arg(seconds),
                                      QStringLiteral("send the request line as soon as the connection is open"))
                               : make(u"control_request_timeout",
                                      QStringLiteral("the request line did not end within %1 s of connecting (%2 bytes "
                                                     "without a newline)")
                                          .arg(seconds)
                                          .arg(m_buffer.size()),
                                      QStringLiteral("end the request line with a newline"));
        logger()->info("control: dropped a client: {}", error.message);
        replyAndClose(ControlReply::failure(error));
    }

    ControlServer& m_server; ///< only used until end(): the server calls it before it goes
    Clock& m_clock;
    QLocalSocket* m_socket;
    std::shared_ptr<ReplySlot> m_slot;
    QByteArray m_buffer;
    TimerId m_timer = 0;
    bool m_dispatched = false;
    bool m_replied = false;
    bool m_ended = false;
};

ControlServer::ControlServer(Clock& clock, Handler handler, QObject* parent)
    : ControlServer(clock, std::move(handler), Limits{}, parent)
{
}

ControlServer::ControlServer(Clock& clock, Handler handler, Limits limits, QObject* parent)
    : QObject(parent), m_clock(clock), m_handler(std::move(handler)), m_limits(limits)
{
    qRegisterMetaType<ControlRequest>();
}

ControlServer::~ControlServer()
{
    close();
}

Status ControlServer::listen(const QString& serverName)
{
    if (isListening())
        return make(controlServerError::ListenFailed, QStringLiteral("already listening on %1").arg(fullServerName()));
    if (serverName.isEmpty())
        return make(controlServerError::ListenFailed, QStringLiteral("no control channel address to listen on"));

    const Error inUse =
        make(controlServerError::InUse,
             QStringLiteral("another Trade Sentinel is serving this journal (control channel %1)").arg(serverName),
             QStringLiteral("use that one (`sentinel control status` talks to it), or close it first; two "
                            "engines must not share a journal"));
#if defined(Q_OS_UNIX)
    // With socket options Qt binds in a private folder and renames the socket into place, which
    // replaces whatever is there, a live engine's socket included: so the address is taken under
    // a lock first. QLockFile knows a lock whose process is gone; age alone never makes one stale.
    auto lock = std::make_unique<QLockFile>(serverName + QStringLiteral(".lock"));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        if (lock->error() == QLockFile::LockFailedError)
            return inUse;
        return make(controlServerError::ListenFailed,
                    QStringLiteral("cannot create the control channel's lock file %1.lock").arg(serverName),
                    QStringLiteral("check that the runtime folder is writable"));
    }
#endif
    // Someone may be listening there already (a program that does not take the lock): ask before
    // taking the address over. A socket file nobody answers on is left over from a crash.
    // (Windows pipes have no file; asking is enough.)
    const QFileInfo existing(serverName);
    const bool hasFile = existing.exists() || existing.isSymLink();
#if defined(Q_OS_WIN)
    const bool ask = true;
#else
    const bool ask = hasFile;
#endif
    if (ask) {
        QLocalSocket probe;
        probe.connectToServer(serverName);
        if (probe.waitForConnected(int(probeTimeout.count()))) {
            probe.abort();
            return inUse;
        }
        switch (probe.error()) {
        case QLocalSocket::ConnectionRefusedError:
        case QLocalSocket::ServerNotFoundError:
            break;
        case QLocalSocket::SocketTimeoutError: // there, but too busy to accept: still someone
            return inUse;
        default:
            return make(controlServerError::ListenFailed,
                        QStringLiteral("cannot check the control channel %1: %2").arg(serverName, probe.errorString()));
        }
        if (hasFile) {
            if (!QLocalServer::removeServer(serverName))
                return make(controlServerError::ListenFailed,
                            QStringLiteral("cannot remove the stale control socket %1").arg(serverName),
                            QStringLiteral("remove it by hand, or check what else is at that path"));
            logger()->info("control: replaced the stale socket {} (nobody answered on it)", serverName);
        }
    }

    auto* server = new QLocalServer(this);
    // The socket file is made 0700 (in a 0700 folder); on Windows the pipe's access list holds
    // only the user. Never AbstractNamespaceOption: any local account may connect there.
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(serverName)) {
        const bool taken = server->serverError() == QAbstractSocket::AddressInUseError;
        const QString reason = server->errorString();
        delete server;
        if (taken)
            return inUse;
        return make(controlServerError::ListenFailed,
                    QStringLiteral("cannot listen on the control channel %1: %2").arg(serverName, reason));
    }
    m_server = server;
#if defined(Q_OS_UNIX)
    m_lock = std::move(lock);
#endif
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::onNewConnection);
    logger()->info("control: listening on {}", m_server->fullServerName());
    return okStatus();
}

void ControlServer::close()
{
    for (Connection* connection : std::exchange(m_connections, {}))
        connection->end();
    if (m_server == nullptr)
        return;
    const QString name = m_server->fullServerName();
    m_server->close();
    delete std::exchange(m_server, nullptr);
    // Qt removes the file on close; this is for a file it did not know to remove.
    if (QFileInfo(name).exists())
        QLocalServer::removeServer(name);
    m_lock.reset(); // the lock goes last: until the socket file is gone, the address is ours
    logger()->info("control: closed {}", name);
}

bool ControlServer::isListening() const
{
    return m_server != nullptr && m_server->isListening();
}

QString ControlServer::fullServerName() const
{
    return m_server != nullptr ? m_server->fullServerName() : QString();
}

void ControlServer::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        if (connectionCount() >= m_limits.maxConnections) {
            logger()->warn("control: {} connections are open; refused another", connectionCount());
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            socket->write(busyReply(m_limits.maxConnections).toLine());
            socket->disconnectFromServer();
            continue;
        }
        m_connections.push_back(new Connection(*this, socket));
    }
}

void ControlServer::dispatch(Connection& connection, const ControlRequest& request)
{
    logger()->info("control: {} from {}{}", controlCommandName(request.command), request.who,
                   request.confirm ? QStringLiteral(" (confirmed)") : QString());
    Q_EMIT requestReceived(request);
    if (!m_handler) {
        connection.replyAndClose(ControlReply::failure(
            make(u"control_no_handler", QStringLiteral("the engine is starting and cannot take commands yet"),
                 QStringLiteral("try again in a moment"))));
        return;
    }
    m_handler(request, connection.responder());
}

void ControlServer::finished(Connection* connection)
{
    const auto before = m_connections.size();
    m_connections.remove(connection);
    if (m_connections.size() != before)
        Q_EMIT connectionClosed();
}

} // namespace sentinel
