// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "config/Config.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;
class QNetworkReply;

namespace sentinel::oanda {

/// The REST host of the settings' environment (api-fxpractice / api-fxtrade), or `base_url`.
[[nodiscard]] QUrl restBaseUrl(const OandaSettings& settings);
/// The streaming host (stream-fxpractice / stream-fxtrade), or `stream_url`.
[[nodiscard]] QUrl streamBaseUrl(const OandaSettings& settings);
/// "EUR/USD" → "EUR_USD", OANDA's name for the pair.
[[nodiscard]] QString instrumentName(const QString& symbol);

/// An HTTP answer from OANDA: any status, its body read within the bounds. Error statuses are
/// answers too: the caller's parser decides (a 400 with an `orderRejectTransaction` is a
/// rejection, not a transport failure).
struct RestAnswer {
    int status = 0;
    QByteArray body;
};

/// One connection set to OANDA's REST host for one account: a network manager created once (in
/// this object's thread, on first use) and reused, the bearer token on every request and in no
/// log, a total deadline and a body cap on every answer (net::BoundedReply), TLS errors never
/// ignored. Transport failures come back typed with the provider kinds' spelling (`timeout`,
/// `network_error`, `tls_error`, `body_too_large`, `truncated_body`). Rate limits are the
/// callers' (each keeps a RateLimiter on its own requests).
class OandaRest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OandaRest)
public:
    using AnswerCallback = std::function<void(const Result<RestAnswer>&)>;

    explicit OandaRest(OandaSettings settings, QObject* parent = nullptr);
    ~OandaRest() override;

    /// GET `path` (under /v3/) with `query`. `done` runs later, once.
    void get(const QString& path, const QUrlQuery& query, AnswerCallback done);
    /// POST or PUT a JSON body.
    void send(const QByteArray& verb, const QString& path, const QByteArray& json, AnswerCallback done);

    /// Opens GET `path` on the streaming host (stream-fxpractice / stream_url) with the same
    /// headers and TLS rules, without a deadline or a body cap: the caller reads it line by
    /// line, bounds each line and owns (and deletes) the reply.
    [[nodiscard]] QNetworkReply* openStream(const QString& path, const QUrlQuery& query);
    /// A failed stream's transport error, typed as every other answer's.
    [[nodiscard]] Error streamError(QNetworkReply* reply) const;

    [[nodiscard]] const OandaSettings& settings() const { return m_settings; }
    /// "/v3/accounts/<id>" + `rest`, the account's own paths.
    [[nodiscard]] QString accountPath(const QString& rest) const;

    /// The largest answer read: 5,000 candles are about 1.3 MB.
    static constexpr qint64 maxBodyBytes = qint64{4} * 1024 * 1024;

private:
    void start(QNetworkReply* reply, AnswerCallback done);
    [[nodiscard]] static QUrl urlFor(QUrl url, const QString& path, const QUrlQuery& query);
    /// The request every call sends: bearer token, instants as RFC 3339, no redirects followed.
    [[nodiscard]] QNetworkRequest requestFor(const QUrl& url);

    OandaSettings m_settings;
    QNetworkAccessManager* m_network = nullptr;
};

} // namespace sentinel::oanda
