// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaRest.h"

#include "common/JsonBody.h"
#include "common/Log.h"
#include "net/BoundedReply.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

namespace sentinel::oanda {

namespace {

// The same spellings as providers/ProviderError.h, so the engine's retry policy reads them alike.
constexpr char16_t kTimeout[] = u"timeout";
constexpr char16_t kNetworkError[] = u"network_error";
constexpr char16_t kTlsError[] = u"tls_error";

Error make(const char16_t* kind, const QString& message, const QString& remedy)
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

/// A URL a message may show: scheme, host, port and path (no query, never credentials).
QString shown(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

/// TLS errors are logged and never ignored: the reply fails with SslHandshakeFailedError.
void logTlsErrors(QNetworkReply* reply)
{
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            log::net()->error("TLS error for {}: {}", shown(reply->url()), error.errorString());
    });
}

} // namespace

QUrl restBaseUrl(const OandaSettings& settings)
{
    if (!settings.baseUrl.isEmpty())
        return settings.baseUrl;
    return QUrl(settings.environment == BrokerEnvironment::Live ? QStringLiteral("https://api-fxtrade.oanda.com")
                                                                : QStringLiteral("https://api-fxpractice.oanda.com"));
}

QUrl streamBaseUrl(const OandaSettings& settings)
{
    if (!settings.streamUrl.isEmpty())
        return settings.streamUrl;
    return QUrl(settings.environment == BrokerEnvironment::Live ? QStringLiteral("https://stream-fxtrade.oanda.com")
                                                                : QStringLiteral("https://stream-fxpractice.oanda.com"));
}

QString instrumentName(const QString& symbol)
{
    QString name = symbol.toUpper();
    name.replace(u'/', u'_');
    return name;
}

OandaRest::OandaRest(OandaSettings settings, QObject* parent) : QObject(parent), m_settings(std::move(settings))
{
}

OandaRest::~OandaRest() = default;

QString OandaRest::accountPath(const QString& rest) const
{
    return QStringLiteral("/v3/accounts/%1%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_settings.accountId)), rest);
}

QUrl OandaRest::urlFor(QUrl url, const QString& path, const QUrlQuery& query)
{
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path, QUrl::StrictMode);
    url.setQuery(query);
    return url;
}

QNetworkRequest OandaRest::requestFor(const QUrl& url)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_settings.token.reveal().toUtf8());
    request.setRawHeader("Accept-Datetime-Format", "RFC3339");
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("TradeSentinel/" SENTINEL_VERSION));
    // A redirect would carry the bearer token to wherever it points: none is followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

void OandaRest::get(const QString& path, const QUrlQuery& query, AnswerCallback done)
{
    const QNetworkRequest request = requestFor(urlFor(restBaseUrl(m_settings), path, query));
    log::net()->debug("GET {}", shown(request.url()));
    start(m_network->get(request), std::move(done));
}

void OandaRest::send(const QByteArray& verb, const QString& path, const QByteArray& json, AnswerCallback done)
{
    QNetworkRequest request = requestFor(urlFor(restBaseUrl(m_settings), path, {}));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    log::net()->debug("{} {}", verb.constData(), shown(request.url()));
    start(m_network->sendCustomRequest(request, verb, json), std::move(done));
}

QNetworkReply* OandaRest::openStream(const QString& path, const QUrlQuery& query)
{
    QNetworkRequest request = requestFor(urlFor(streamBaseUrl(m_settings), path, query));
    // The answer never ends: no transfer timeout here; the caller watches for silence.
    request.setTransferTimeout(0);
    log::net()->debug("GET {} (stream)", shown(request.url()));
    QNetworkReply* reply = m_network->get(request);
    logTlsErrors(reply);
    return reply;
}

Error OandaRest::streamError(QNetworkReply* reply) const
{
    return transportError(reply);
}

void OandaRest::start(QNetworkReply* reply, AnswerCallback done)
{
    net::BoundedReply::watch(reply, net::Limits{std::chrono::duration_cast<std::chrono::milliseconds>(m_settings.timeout),
                                                maxBodyBytes});
    logTlsErrors(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        const net::BoundedReply* guard = net::BoundedReply::of(reply);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool cutOff = guard && guard->failure() != net::BoundedReply::Failure::None;
        // An HTTP error status is an answer with a body to read; anything below HTTP is not.
        if (cutOff || status == 0 || (reply->error() != QNetworkReply::NoError && reply->error() < QNetworkReply::ContentAccessDenied))
            return done(transportError(reply));
        done(RestAnswer{status, guard ? guard->body() : QByteArray()});
    });
}

Error OandaRest::transportError(QNetworkReply* reply) const
{
    const QString where = shown(reply->url());
    const net::BoundedReply* guard = net::BoundedReply::of(reply);
    if (auto cutOff = guard ? guard->error(where) : std::nullopt) {
        if (cutOff->kind == net::DeadlineExceeded)
            return make(kTimeout, cutOff->message, QStringLiteral("retry later; raise oanda.timeout_s on a slow link"));
        return *cutOff;
    }
    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        return make(kTlsError, QStringLiteral("TLS handshake with %1 failed: %2").arg(where, reply->errorString()),
                    QStringLiteral("check the system clock and certificates; TLS errors are never ignored"));
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 received = guard ? guard->body().size() : 0;
    if (announced.isValid() && received < announced.toLongLong())
        return Error{QString::fromUtf16(jsonBody::TruncatedBody),
                     QStringLiteral("the answer from %1 ended after %2 of %3 bytes").arg(where).arg(received).arg(announced.toLongLong()),
                     QStringLiteral("the connection was cut; retry")};
    return make(kNetworkError, QStringLiteral("request to %1 failed: %2").arg(where, reply->errorString()),
                QStringLiteral("check the network connection and oanda.base_url"));
}

} // namespace sentinel::oanda
