// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/ModelServerClient.h"

#include "advisor/AdvisorError.h"
#include "advisor/EndpointUrl.h"
#include "common/Log.h"
#include "net/BoundedReply.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace sentinel::advisor {

namespace ae = advisorError;

ModelServerClient::ModelServerClient(ProviderKind kind, QUrl baseUrl, Secret apiKey, std::chrono::milliseconds deadline,
                                     QObject* parent)
    : QObject(parent), m_kind(kind), m_baseUrl(std::move(baseUrl)), m_apiKey(std::move(apiKey)), m_deadline(deadline)
{
}

ModelServerClient::~ModelServerClient() = default;

void ModelServerClient::get(QStringView path, qint64 maxBodyBytes, Callback done)
{
    send(path, nullptr, maxBodyBytes, std::move(done));
}

void ModelServerClient::post(QStringView path, const QByteArray& json, qint64 maxBodyBytes, Callback done)
{
    send(path, &json, maxBodyBytes, std::move(done));
}

void ModelServerClient::send(QStringView path, const QByteArray* json, qint64 maxBodyBytes, Callback done)
{
    // Created here, in the thread that uses it, never in the constructor's (STYLE.md).
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    const QUrl url = endpointUrl(m_baseUrl, path);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("TradeSentinel/" SENTINEL_VERSION));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(m_deadline.count()));
    if (!m_apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_apiKey.reveal().toUtf8());
    log::net()->debug("{} {}", json ? "POST" : "GET", shownUrl(url));
    const auto sent = std::chrono::steady_clock::now();
    QNetworkReply* reply = nullptr;
    if (json) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        reply = m_network->post(request, *json);
    } else {
        reply = m_network->get(request);
    }
    net::BoundedReply::watch(reply, net::Limits{m_deadline, maxBodyBytes});
    ++m_requestsSent;
    // Emitted only when the request needs a new socket: a reused connection never connects.
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this] { ++m_connectionsOpened; });
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done), sent] {
        reply->deleteLater();
        finish(reply, done, sent);
    });
}

void ModelServerClient::finish(QNetworkReply* reply, const Callback& done, std::chrono::steady_clock::time_point sent)
{
    const QString where = shownUrl(reply->url());
    const auto latency = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - sent);
    const net::BoundedReply* guard = net::BoundedReply::of(reply);
    if (guard) {
        if (auto cutOff = guard->error(where)) {
            if (cutOff->kind == QString::fromUtf16(net::BodyTooLarge))
                cutOff->kind = QString::fromUtf16(ae::ResponseTooLarge);
            done(*cutOff);
            return;
        }
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        // No HTTP answer at all: refused, reset, DNS, TLS. Qt's text names the host, not the key.
        done(ae::make(ae::Unreachable, QStringLiteral("%1 at %2 did not answer: %3").arg(providerName(m_kind), where, reply->errorString()),
                      m_kind == ProviderKind::Ollama ? QStringLiteral("start Ollama (`ollama serve`) or check the provider's base_url")
                                                     : QStringLiteral("check the server runs and the provider's base_url")));
        return;
    }
    if (status >= 300 && status <= 399) {
        done(ae::make(ae::Unreachable,
                      QStringLiteral("%1 at %2 answered HTTP %3, a redirect the advisor does not follow").arg(providerName(m_kind), where).arg(status),
                      QStringLiteral("set the provider's base_url to where the server really is")));
        return;
    }
    done(ServerAnswer{status, guard ? guard->body() : reply->readAll(), latency});
}

} // namespace sentinel::advisor
