// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Secret.h"
#include "telemetry/HealthReport.h"
#include "telemetry/TelemetryBoard.h"

#include <QHostAddress>
#include <QString>
#include <QThread>

#include <chrono>
#include <memory>

class QHttpServer;
class QHttpServerRequest;

namespace sentinel {

/// Where to listen, parsed from `telemetry.listen` ("HOST:PORT", "[::1]:9464", "localhost:0").
struct ListenAddress {
    QHostAddress host;
    quint16 port = 0; ///< 0: any free port (tests)
};
/// Who may read the endpoint. On a loopback address anyone on this machine may, unless a token is
/// set; any other address needs `allowRemote` and a token, and every request must then carry
/// `Authorization: Bearer <token>` (SECURITY.md).
struct TelemetryAccess {
    bool allowRemote = false;
    Secret bearerToken;
};

/// An empty text means "off" and yields an error of kind "disabled"; otherwise an
/// `invalid_config` error naming telemetry.listen.
[[nodiscard]] Result<ListenAddress> parseListenAddress(const QString& text);

/// The telemetry endpoint: `GET /metrics` answers the board's latest registry text in the
/// Prometheus format, `GET /healthz` its health report as JSON, 200 when healthy and 503 when not.
/// An edition older than `staleAfter` is unhealthy too: its publisher (the engine thread) has
/// stopped publishing, and a probe should say so rather than repeat the last good answer.
/// Anything else is 404.
///
/// It answers from a thread of its own ("telemetry") and reads nothing but the board, so an answer
/// never waits for the publisher to finish what it is doing (ADR 0110). Create, listen and destroy
/// it from one thread; destroying it stops listening and joins its thread.
class MetricsServer final
{
    Q_DISABLE_COPY_MOVE(MetricsServer)
public:
    static constexpr std::chrono::milliseconds kDefaultStaleAfter{30'000};

    explicit MetricsServer(std::shared_ptr<const TelemetryBoard> board,
                           std::chrono::milliseconds staleAfter = kDefaultStaleAfter);
    ~MetricsServer();

    /// Starts listening on `telemetry.listen`. Empty text: stays off and succeeds. An address
    /// in use, or one that is not loopback without `access` allowing it, is an error naming the
    /// key and what to do.
    Status listen(const QString& listenText, const TelemetryAccess& access = {});
    [[nodiscard]] bool isListening() const { return m_port != 0; }
    /// The bound port (the chosen one when the configuration asked for port 0); 0 when off.
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QHostAddress address() const { return m_address; }

private:
    // Called in the telemetry thread; they read only members set before it started.
    [[nodiscard]] bool authorised(const QHttpServerRequest& request) const;
    [[nodiscard]] HealthReport currentHealth() const;
    /// Stops the server in its thread and joins the thread (idempotent).
    void stop();

    const std::shared_ptr<const TelemetryBoard> m_board;
    const std::chrono::milliseconds m_staleAfter;
    QByteArray m_expectedAuthorization; ///< empty: no token asked for
    QThread m_thread;
    QObject* m_threadContext = nullptr;     ///< lives in m_thread; the server is created and destroyed through it
    std::unique_ptr<QHttpServer> m_server; ///< lives in m_thread
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace sentinel
