// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "control/ControlProtocol.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <list>
#include <memory>

class QLocalServer;
class QLockFile;

namespace sentinel {

// Error kinds of ControlServer::listen.
namespace controlServerError {
inline constexpr char16_t InUse[] = u"control_in_use"; ///< another engine answers on this journal's channel
inline constexpr char16_t ListenFailed[] = u"control_listen_failed";
} // namespace controlServerError

/// The engine's side of the local control channel (ADR 0133): a QLocalServer on the journal's
/// address (ControlEndpoint), reachable only by the user (QLocalServer::UserAccessOption: the
/// socket file is 0700 inside a 0700 folder; on Windows the pipe's access list names the user).
///
/// Each connection carries one request line and gets one reply line, then it is closed. A
/// malformed request is answered with an error without reaching the handler. Limits, so a
/// stuck or hostile client cannot hold the channel: a request line of at most 4 KiB, which
/// must have arrived within 5 s of connecting (idle or trickling clients are dropped with an
/// error reply), and at most 8 connections at once (the ninth is answered "busy" and closed).
///
/// The handler answers through `reply`, at once or later. A reply for a connection that is gone
/// by then (the client gave up, the server closed) is dropped; a second reply is ignored.
/// `reply` may be called from any thread: it is carried to the server's thread.
///
/// Lives in one thread. Time comes from the Clock (a SystemClock in the app, a ManualClock in
/// tests); the control channel's timeouts are wall time, so a simulation passes its own
/// SystemClock, not the simulated one.
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)
public:
    using Responder = std::function<void(const ControlReply&)>;
    using Handler = std::function<void(const ControlRequest& request, Responder reply)>;

    /// The request line's size cap is the protocol's (ControlRequest::maxBytes).
    struct Limits {
        /// From connecting to the request's newline; also, once the reply is written, for the
        /// client to take it before the connection is cut.
        std::chrono::milliseconds requestTimeout{5000};
        int maxConnections = 8;
    };

    ControlServer(Clock& clock, Handler handler, QObject* parent = nullptr);
    ControlServer(Clock& clock, Handler handler, Limits limits, QObject* parent = nullptr);
    /// Closes: drops every connection and removes the socket file.
    ~ControlServer() override;

    /// Listens on `serverName` (ControlEndpoint::serverName). Refuses with
    /// controlServerError::InUse ("another Trade Sentinel is serving this journal") when a live
    /// process holds the address's lock file (`<serverName>.lock`, Unix) or when something
    /// answers on its socket file, and then leaves both alone. A socket file nobody answers on,
    /// or a lock of a process that is gone, is left over from a crash and is replaced. Blocks
    /// for at most `probeTimeout` while asking (a local connect, answered by the kernel).
    [[nodiscard]] Status listen(const QString& serverName);
    /// Stops listening, drops every connection (pending replies are then dropped) and removes
    /// the socket file. Safe to call twice.
    void close();

    [[nodiscard]] bool isListening() const;
    /// The full socket path (Unix) or pipe name (Windows) listened on; empty when not listening.
    [[nodiscard]] QString fullServerName() const;
    /// Connections open now (busy refusals not counted).
    [[nodiscard]] int connectionCount() const { return int(m_connections.size()); }

    static constexpr std::chrono::milliseconds probeTimeout{1000};

Q_SIGNALS:
    /// A well-formed request was handed to the handler.
    void requestReceived(const sentinel::ControlRequest& request);
    /// A connection ended (answered, dropped, or gone); connectionCount() is already lower.
    void connectionClosed();

private:
    class Connection;
    friend class Connection;

    void onNewConnection();
    void dispatch(Connection& connection, const ControlRequest& request);
    void finished(Connection* connection);

    Clock& m_clock;
    Handler m_handler;
    Limits m_limits;
    QLocalServer* m_server = nullptr;
    std::unique_ptr<QLockFile> m_lock; ///< held while listening (Unix)
    std::list<Connection*> m_connections;
};

} // namespace sentinel
