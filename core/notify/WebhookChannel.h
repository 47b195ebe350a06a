// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "config/Config.h"
#include "net/NetLimits.h"
#include "notify/DeliveryChannel.h"

#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace sentinel {

/// Delivers signals as a JSON POST to `webhook.url`. Every request carries
///   Idempotency-Key: <UUIDv5 of the signal id>  (the same on every retry and after a restart)
///   X-Sentinel-Timestamp: <unix seconds>        (also in the body as "sent_at")
///   X-Sentinel-Signature: sha256=<hex HMAC-SHA256 of the exact body with webhook.secret>
/// 2xx is delivered; 5xx and network errors are retried; 4xx is never retried, except 408 and
/// 429, which the receiver uses to say "later" (ADR 0043).
class WebhookChannel final : public DeliveryChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookChannel)
public:
    WebhookChannel(const WebhookSettings& settings, Clock& clock, QObject* parent = nullptr);
    ~WebhookChannel() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("webhook"); }
    void deliver(const DeliveryAttempt& attempt, PartCallback partDelivered, DoneCallback done) override;

    /// The exact bytes POSTed for `signal` at `sentAt`.
    [[nodiscard]] static QByteArray body(const SignalMessage& signal, const QDateTime& sentAt);
    /// Lower-case hex HMAC-SHA256 of `body` keyed with `secret`.
    [[nodiscard]] static QByteArray signature(const QByteArray& body, const QByteArray& secret);

    /// Each POST: total deadline and the largest answer read (docs/adr/0104); a receiver's
    /// answer body is not used, so a small cap is plenty.
    static constexpr net::Limits defaultLimits{std::chrono::seconds(20), qint64{64} * 1024};
    void setRequestLimits(const net::Limits& limits) { m_limits = limits; }

private:
    void onReply(QNetworkReply* reply, const DoneCallback& done);

    WebhookSettings m_settings;
    Clock& m_clock;
    net::Limits m_limits = defaultLimits;
    QNetworkAccessManager* m_network = nullptr;
    QPointer<QNetworkReply> m_inFlight;
};

} // namespace sentinel
