// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseRest.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "brokers/coinbase/CoinbaseHttpError.h"
#include "common/Log.h"
#include "net/HttpAnswer.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

constexpr char16_t kApiPrefix[] = u"/api/v3/brokerage";

/// https, or http to this machine only (the test stand-ins): the configuration refuses anything
/// else already; this keeps a Config built in code from sending a JWT in clear.
Status checkTransport(const QUrl& url)
{
    const bool loopback = url.host() == u"127.0.0.1" || url.host() == u"localhost" || url.host() == u"::1";
    if (url.scheme() == u"https" || (url.scheme() == u"http" && loopback))
        return okStatus();
    return Error{QStringLiteral("invalid_config"), QStringLiteral("coinbase.base_url %1 is neither https nor http to this machine").arg(net::shownUrl(url)),
                 QStringLiteral("use https://api.coinbase.com (http:// is allowed only for 127.0.0.1 or localhost)")};
}

} // namespace

CoinbaseRest::CoinbaseRest(CoinbaseSettings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)), m_key(SigningKey::fromPem(m_settings.privateKey))
{
}

CoinbaseRest::~CoinbaseRest() = default;

bool CoinbaseRest::isPublicPath(const QString& path)
{
    return path.startsWith(u"/market/");
}

Status CoinbaseRest::keyStatus() const
{
    if (m_settings.keyName.isEmpty())
        return ce::make(ce::InvalidKey, QStringLiteral("coinbase.key_name is empty"),
                        QStringLiteral("write key_name: \"${COINBASE_KEY_NAME}\" and export the CDP API key's name"));
    if (!m_key)
        return m_key.error();
    return okStatus();
}

QUrl CoinbaseRest::urlFor(const QString& path, const QUrlQuery& query) const
{
    QUrl url = m_settings.baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + QString::fromUtf16(kApiPrefix) + path, QUrl::StrictMode);
    url.setQuery(query);
    return url;
}

Result<QByteArray> CoinbaseRest::bearerFor(const QByteArray& verb, const QUrl& url) const
{
    if (const Status usable = keyStatus(); !usable)
        return usable.error();
    // The claim names the host as the request does (with a port only when the URL has one) and
    // the path without its query (AUTH.md). The JWT's own clock is the wall clock: Coinbase
    // compares nbf and exp with real time, whatever the engine's simulated clock says.
    const QString host = url.port() < 0 ? url.host() : QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
    return mintJwt(m_key.value(), JwtRequest{m_settings.keyName.reveal(), requestUri(verb, host, url.path()),
                                             QDateTime::currentSecsSinceEpoch()});
}

void CoinbaseRest::get(const QString& path, const QUrlQuery& query, ReplyCallback done)
{
    send("GET", path, query, {}, std::move(done));
}

void CoinbaseRest::post(const QString& path, const QByteArray& json, ReplyCallback done)
{
    send("POST", path, {}, json, std::move(done));
}

void CoinbaseRest::send(const QByteArray& verb, const QString& path, const QUrlQuery& query, const QByteArray& json, ReplyCallback done)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(urlFor(path, query));
    const bool signedRequest = !isPublicPath(path) || verb != "GET";
    auto refuse = [this, &done](const Error& error) {
        // The caller hears why from the event loop, as for any answer.
        QMetaObject::invokeMethod(this, [done = std::move(done), error] { done(RestReply{error, std::nullopt}); }, Qt::QueuedConnection);
    };
    if (const Status transport = checkTransport(request.url()); !transport)
        return refuse(transport.error());
    if (signedRequest) {
        const Result<QByteArray> jwt = bearerFor(verb, request.url());
        if (!jwt)
            return refuse(jwt.error()); // never sent unsigned
        request.setRawHeader("Authorization", "Bearer " + jwt.value());
    }
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("TradeSentinel/" SENTINEL_VERSION));
    // A redirect would carry the JWT to wherever it points: none is followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!json.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    log::net()->debug("{} {}{}", verb.constData(), net::shownUrl(request.url()), signedRequest ? " (signed)" : "");
    QNetworkReply* reply = verb == "GET" ? m_network->get(request) : m_network->sendCustomRequest(request, verb, json);
    const net::Limits limits{std::chrono::duration_cast<std::chrono::milliseconds>(m_settings.timeout), maxBodyBytes};
    net::collectAnswer(reply, limits, this, QStringLiteral("coinbase"),
                       [this, signedRequest, done = std::move(done)](const Result<net::HttpAnswer>& answer) {
                           if (!answer)
                               return done(RestReply{answer.error(), std::nullopt});
                           done(readAnswer(answer->status, answer->body, answer->retryAfter, signedRequest));
                       });
}

std::chrono::seconds CoinbaseRest::nextBackoff()
{
    m_backoff = m_backoff.count() == 0 ? firstBackoff : std::min(m_backoff * 2, lastBackoff);
    return m_backoff;
}

RestReply CoinbaseRest::readAnswer(int status, const QByteArray& body, const QByteArray& retryAfter, bool signedRequest)
{
    if (status >= 200 && status < 300) {
        m_backoff = std::chrono::seconds{0};
        if (signedRequest) {
            m_keyAccepted = true;
            m_disguisedThrottles = 0;
        }
        return RestReply{RestAnswer{status, body}, std::nullopt};
    }
    HttpErrorAnswer classified = classifyHttpError(status, body, retryAfter, QDateTime::currentDateTimeUtc());
    Error& error = classified.error;
    if (status == 401) {
        // The same bare "Unauthorized" means a bad key and "slow down" (coinbase-advanced-py #60).
        const bool throttled = !signedRequest || (m_keyAccepted && m_disguisedThrottles < maxDisguisedThrottles);
        if (throttled) {
            ++m_disguisedThrottles;
            const std::chrono::seconds wait = classified.retryAfter.value_or(nextBackoff());
            error = ce::make(ce::RateLimited,
                             signedRequest ? QStringLiteral("%1; the key was accepted before, so this is read as throttling").arg(error.message)
                                           : QStringLiteral("%1 to a public request, which carries no key: throttling").arg(error.message),
                             QStringLiteral("wait %1 s before the next request; if this repeats, check the key and the system clock").arg(wait.count()));
            return RestReply{error, wait};
        }
        return RestReply{error, std::nullopt};
    }
    if (status == 429)
        return RestReply{error, classified.retryAfter.value_or(nextBackoff())};
    if (status >= 500)
        error.kind = QString::fromUtf16(ce::ServerError);
    return RestReply{error, classified.retryAfter};
}

} // namespace sentinel::coinbase
