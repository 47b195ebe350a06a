// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Secret.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;

namespace sentinel {

class MetricsRegistry;

/// One named health check, e.g. {"engine", true, "last cycle 2 s ago"}.
struct HealthCheck {
    QString name;
    bool ok = true;
    QString detail;
};

/// What `/healthz` reports: healthy when every check is ok.
struct HealthReport {
    QList<HealthCheck> checks;
    [[nodiscard]] bool healthy() const;
    /// {"status": "ok"|"degraded", "checks": {name: {"status": "ok"|"failing", "detail": ...}}}
    [[nodiscard]] QByteArray toJson() const;
};

using HealthProbe = std::function<HealthReport()>;

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

/// The telemetry endpoint: `GET /metrics` renders the registry in the Prometheus text format,
/// `GET /healthz` answers the probe's report as JSON with 200 when healthy and 503 when not.
/// Anything else is 404.
///
/// Create it in the engine thread, next to the registry it reads (the registry is not
/// synchronised: requests are served in the thread that owns this object). Both the registry
/// and the probe must outlive it. Stops listening when destroyed.
class MetricsServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsServer)
public:
    MetricsServer(const MetricsRegistry& registry, HealthProbe probe, QObject* parent = nullptr);
    ~MetricsServer() override;

    /// Called before each `/metrics` answer, so a feeder can bring the registry up to date only
    /// when someone asks (optional).
    void setBeforeScrape(std::function<void()> refresh) { m_beforeScrape = std::move(refresh); }

    /// Starts listening on `telemetry.listen`. Empty text: stays off and succeeds. An address
    /// in use, or one that is not loopback without `access` allowing it, is an error naming the
    /// key and what to do.
    Status listen(const QString& listenText, const TelemetryAccess& access = {});
    [[nodiscard]] bool isListening() const;
    /// The bound port (the chosen one when the configuration asked for port 0); 0 when off.
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QHostAddress address() const { return m_address; }

private:
    [[nodiscard]] bool authorised(const QHttpServerRequest& request) const;

    const MetricsRegistry& m_registry;
    HealthProbe m_probe;
    std::function<void()> m_beforeScrape;
    QByteArray m_expectedAuthorization; ///< empty: no token asked for
    std::unique_ptr<QHttpServer> m_server;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace sentinel
