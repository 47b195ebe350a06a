// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaRest.h"

#include "common/Log.h"
#include "net/HttpAnswer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace sentinel::oanda {

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
    log::net()->debug("GET {}", net::shownUrl(request.url()));
    start(m_network->get(request), std::move(done));
}

void OandaRest::send(const QByteArray& verb, const QString& path, const QByteArray& json, AnswerCallback done)
{
    QNetworkRequest request = requestFor(urlFor(restBaseUrl(m_settings), path, {}));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    log::net()->debug("{} {}", verb.constData(), net::shownUrl(request.url()));
    start(m_network->sendCustomRequest(request, verb, json), std::move(done));
}

QNetworkReply* OandaRest::openStream(const QString& path, const QUrlQuery& query)
{
    QNetworkRequest request = requestFor(urlFor(streamBaseUrl(m_settings), path, query));
    // The answer never ends: no transfer timeout here; the caller watches for silence.
    request.setTransferTimeout(0);
    log::net()->debug("GET {} (stream)", net::shownUrl(request.url()));
    QNetworkReply* reply = m_network->get(request);
    net::logTlsErrors(reply);
    return reply;
}

Error OandaRest::streamError(QNetworkReply* reply) const
{
    return net::transportError(reply, QStringLiteral("oanda"));
}

void OandaRest::start(QNetworkReply* reply, AnswerCallback done)
{
    const net::Limits limits{std::chrono::duration_cast<std::chrono::milliseconds>(m_settings.timeout), maxBodyBytes};
    net::collectAnswer(reply, limits, this, QStringLiteral("oanda"), [done = std::move(done)](const Result<net::HttpAnswer>& answer) {
        if (!answer)
            return done(answer.error());
        done(RestAnswer{answer->status, answer->body});
    });
}

} // namespace sentinel::oanda
