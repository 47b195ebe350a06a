// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/WebhookChannel.h"

#include "common/Log.h"
#include "net/BoundedReply.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace sentinel {

namespace {

QString loggable(const QUrl& url)
{
    // Receivers sometimes put a token in the query; it is never needed in a log line.
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
}

} // namespace

WebhookChannel::WebhookChannel(const WebhookSettings& settings, Clock& clock, QObject* parent)
    : DeliveryChannel(parent), m_settings(settings), m_clock(clock)
{
}

WebhookChannel::~WebhookChannel()
{
    // Aborting emits finished() at once; the owner being destroyed must not hear about it.
    if (m_inFlight) {
        m_inFlight->disconnect(this);
        m_inFlight->abort();
    }
}

QByteArray WebhookChannel::body(const SignalMessage& signal, const QDateTime& sentAt)
{
    QJsonObject json = signal.toJson();
    json.insert(QStringLiteral("idempotency_key"), signal.idempotencyKey());
    json.insert(QStringLiteral("sent_at"), sentAt.toUTC().toString(Qt::ISODateWithMs));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QByteArray WebhookChannel::signature(const QByteArray& body, const QByteArray& secret)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

void WebhookChannel::deliver(const DeliveryAttempt& attempt, PartCallback /*partDelivered*/, DoneCallback done)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    const QDateTime now = m_clock.now();
    const QByteArray payload = body(attempt.signal, now);
    QNetworkRequest request(m_settings.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Idempotency-Key", attempt.signal.idempotencyKey().toLatin1());
    request.setRawHeader("X-Sentinel-Timestamp", QByteArray::number(now.toSecsSinceEpoch()));
    request.setRawHeader("X-Sentinel-Signature",
                         "sha256=" + signature(payload, m_settings.secret.reveal().toUtf8()));
    request.setTransferTimeout(int(m_limits.deadline.count()));
    log::notify()->debug("webhook: POST {} signal {}", loggable(m_settings.url), attempt.signal.id);
    Q_EMIT requestStarted(QStringLiteral("POST"));
    QNetworkReply* reply = m_network->post(request, payload);
    net::BoundedReply::watch(reply, m_limits);
    m_inFlight = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, done = std::move(done)] { onReply(reply, done); });
}

void WebhookChannel::onReply(QNetworkReply* reply, const DoneCallback& done)
{
    reply->deleteLater();
    m_inFlight = nullptr;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QString target = loggable(m_settings.url);
    DeliveryOutcome outcome;
    if (const net::BoundedReply* guard = net::BoundedReply::of(reply)) {
        if (auto cutOff = guard->error(target)) {
            log::notify()->warn("webhook: POST {} cut off: {}", target, cutOff->message);
            outcome.error = std::move(*cutOff);
            done(outcome);
            return;
        }
    }
    if (!statusAttribute.isValid()) {
        // The error text may name the URL; Error masks any credential in it.
        outcome.error = Error{QStringLiteral("network_error"),
                              QStringLiteral("cannot reach the webhook: %1").arg(reply->errorString()),
                              QStringLiteral("check webhook.url and that the receiver is running")};
        log::notify()->warn("webhook: POST {} failed: {}", target, outcome.error.message);
        done(outcome);
        return;
    }
    const int status = statusAttribute.toInt();
    if (status >= 200 && status < 300) {
        log::notify()->info("webhook: delivered to {} ({})", target, status);
        done(DeliveryOutcome::delivered());
        return;
    }
    const QString message = QStringLiteral("webhook %1 answered HTTP %2").arg(target).arg(status);
    log::notify()->warn("webhook: {}", message);
    if (status >= 500 || status == 408 || status == 429) {
        outcome.error = Error{QStringLiteral("server_error"), message,
                              QStringLiteral("the receiver is failing or busy; delivery is retried with back-off")};
        if (status == 429 || status == 503) {
            // Seconds or an HTTP-date, clamped: a receiver cannot park the channel for years.
            const auto wait = net::parseRetryAfter(reply->rawHeader("Retry-After"), m_clock.now());
            if (wait && wait->count() > 0)
                outcome.retryAt = m_clock.now().addSecs(wait->count());
        }
    } else if (status == 401 || status == 403) {
        outcome.status = DeliveryOutcome::Status::ChannelUnavailable;
        outcome.configKey = QStringLiteral("webhook.secret");
        outcome.error = Error{QStringLiteral("invalid_config"), message,
                              QStringLiteral("the receiver refused the signature: set webhook.secret to the receiver's shared secret")};
    } else if (status == 404 || status == 405 || status == 410) {
        outcome.status = DeliveryOutcome::Status::ChannelUnavailable;
        outcome.configKey = QStringLiteral("webhook.url");
        outcome.error = Error{QStringLiteral("invalid_config"), message,
                              QStringLiteral("check webhook.url: the receiver has no such endpoint")};
    } else {
        outcome.status = DeliveryOutcome::Status::Rejected;
        outcome.error = Error{QStringLiteral("rejected"), message,
                              QStringLiteral("the receiver refuses this signal; it is not retried there")};
    }
    done(outcome);
}

} // namespace sentinel
