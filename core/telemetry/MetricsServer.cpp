// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/MetricsServer.h"

#include "common/ConstantTime.h"
#include "common/Log.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QRegularExpression>

namespace sentinel {

namespace {

Error listenError(const QString& message, const QString& remedy)
{
    return Error{QStringLiteral("invalid_config"), QStringLiteral("telemetry.listen: ") + message, remedy};
}

QHttpServerResponse unauthorised()
{
    QHttpServerResponse response(QByteArrayLiteral("text/plain"), QByteArrayLiteral("bearer token required\n"),
                                 QHttpServerResponse::StatusCode::Unauthorized);
    response.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"trade-sentinel\""));
    return response;
}

} // namespace

Result<ListenAddress> parseListenAddress(const QString& text)
{
    if (text.isEmpty())
        return Error{QStringLiteral("disabled"), QStringLiteral("telemetry.listen is empty: the endpoint is off"), {}};
    static const QRegularExpression hostPort(QStringLiteral(R"(^(\[[^\]]+\]|[^:\[\]]+):(\d{1,5})$)"));
    const auto match = hostPort.match(text);
    const int port = match.hasMatch() ? match.captured(2).toInt() : -1;
    if (port < 0 || port > 65535) {
        return listenError(QStringLiteral("'%1' is not HOST:PORT").arg(text),
                           QStringLiteral("write e.g. 127.0.0.1:9464 or [::1]:9464, or an empty string to turn it off"));
    }
    QString host = match.captured(1);
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    ListenAddress address;
    address.port = quint16(port);
    if (host == u"localhost")
        address.host = QHostAddress(QHostAddress::LocalHost);
    else if (!address.host.setAddress(host))
        return listenError(QStringLiteral("'%1' is not an IP address").arg(host),
                           QStringLiteral("write an address such as 127.0.0.1, 0.0.0.0 or [::1] (host names are not resolved)"));
    return address;
}

MetricsServer::MetricsServer(std::shared_ptr<const TelemetryBoard> board, std::chrono::milliseconds staleAfter)
    : m_board(std::move(board)), m_staleAfter(staleAfter)
{
    m_thread.setObjectName(QStringLiteral("telemetry"));
}

MetricsServer::~MetricsServer()
{
    stop();
}

Status MetricsServer::listen(const QString& listenText, const TelemetryAccess& access)
{
    if (listenText.isEmpty()) {
        log::get("telemetry")->info("telemetry endpoint off (telemetry.listen is empty)");
        return okStatus();
    }
    const Result<ListenAddress> address = parseListenAddress(listenText);
    if (!address)
        return address.error();
    if (!address->host.isLoopback() && (!access.allowRemote || access.bearerToken.isEmpty())) {
        return listenError(QStringLiteral("%1 is not a loopback address").arg(address->host.toString()),
                           QStringLiteral("bind to 127.0.0.1, or set telemetry.allow_remote: true and a telemetry.bearer_token"));
    }
    stop(); // a second listen() replaces the first
    m_expectedAuthorization = access.bearerToken.isEmpty()
        ? QByteArray()
        : QByteArrayLiteral("Bearer ") + access.bearerToken.reveal().toUtf8();

    // Everything the routes read is set above, before the thread starts.
    m_thread.start();
    m_threadContext = new QObject;
    m_threadContext->moveToThread(&m_thread);
    quint16 bound = 0;
    QMetaObject::invokeMethod(
        m_threadContext,
        [this, &address, &bound] {
            auto server = std::make_unique<QHttpServer>();
            server->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, [this](const QHttpServerRequest& request) {
                if (!authorised(request))
                    return unauthorised();
                const std::shared_ptr<const TelemetryBoard::Edition> edition = m_board->latest();
                if (!edition)
                    return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("no figures published yet\n"),
                                               QHttpServerResponse::StatusCode::ServiceUnavailable);
                return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), edition->metrics);
            });
            server->route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [this](const QHttpServerRequest& request) {
                if (!authorised(request))
                    return unauthorised();
                const HealthReport report = currentHealth();
                return QHttpServerResponse(QByteArrayLiteral("application/json"), report.toJson(),
                                           report.healthy() ? QHttpServerResponse::StatusCode::Ok
                                                            : QHttpServerResponse::StatusCode::ServiceUnavailable);
            });
            bound = server->listen(address->host, address->port);
            if (bound != 0)
                m_server = std::move(server);
        },
        Qt::BlockingQueuedConnection);
    if (bound == 0) {
        stop();
        return listenError(QStringLiteral("cannot listen on %1").arg(listenText),
                           QStringLiteral("another program may use the port: choose another port, or an empty string to turn the endpoint off"));
    }
    m_address = address->host;
    m_port = bound;
    log::get("telemetry")->info("serving /metrics and /healthz on {}:{}", m_address.toString(), m_port);
    return okStatus();
}

void MetricsServer::stop()
{
    if (!m_thread.isRunning())
        return;
    // The server was made in the telemetry thread and is destroyed there, with its sockets.
    QMetaObject::invokeMethod(m_threadContext, [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_threadContext; // its thread has finished: safe from here
    m_threadContext = nullptr;
    m_port = 0;
    m_address.clear();
}

HealthReport MetricsServer::currentHealth() const
{
    const std::shared_ptr<const TelemetryBoard::Edition> edition = m_board->latest();
    if (!edition)
        return HealthReport{{{QStringLiteral("figures_current"), false, QStringLiteral("nothing published yet")}}};
    HealthReport report = edition->health;
    const auto age = std::chrono::duration_cast<std::chrono::milliseconds>(TelemetryBoard::Clock::now() - edition->publishedAt);
    if (age > m_staleAfter)
        report.checks.append({QStringLiteral("figures_current"), false,
                              QStringLiteral("the figures are %1 s old, more than the %2 s allowed: their publisher (the engine "
                                             "thread) has stopped publishing")
                                  .arg(age.count() / 1000)
                                  .arg(m_staleAfter.count() / 1000)});
    return report;
}

bool MetricsServer::authorised(const QHttpServerRequest& request) const
{
    return m_expectedAuthorization.isEmpty()
        || equalInConstantTime(request.value(QByteArrayLiteral("Authorization")), m_expectedAuthorization);
}

} // namespace sentinel
