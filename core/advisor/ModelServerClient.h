// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/ProviderKind.h"
#include "common/Error.h"
#include "common/Secret.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace sentinel::advisor {

/// What a model server answered, whatever its status.
struct ServerAnswer {
    int status = 0;
    QByteArray body;
    std::chrono::microseconds latency{0}; ///< from sending to having the whole answer (network time)
};

/// The one HTTP connection to one model server: a single QNetworkAccessManager (so requests reuse
/// its kept-alive connection), created on first use in the thread the client lives in. Every
/// request goes through net::BoundedReply with the provider's deadline and the caller's body cap
/// (ADR 0104); redirects are not followed (a bearer token must not follow one); TLS errors are
/// never ignored. A transport failure is a typed error naming the URL without user info or
/// query: advisor_unreachable, deadline_exceeded, or advisor_response_too_large.
class ModelServerClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelServerClient)
public:
    using Callback = std::function<void(Result<ServerAnswer>)>;

    /// `baseUrl` must have passed checkBaseUrl(); `apiKey`, when not empty, is sent as
    /// `Authorization: Bearer`.
    ModelServerClient(ProviderKind kind, QUrl baseUrl, Secret apiKey, std::chrono::milliseconds deadline,
                      QObject* parent = nullptr);
    ~ModelServerClient() override;

    void get(QStringView path, qint64 maxBodyBytes, Callback done);
    void post(QStringView path, const QByteArray& json, qint64 maxBodyBytes, Callback done);

    [[nodiscard]] const QUrl& baseUrl() const { return m_baseUrl; }
    /// Requests sent so far, and the TCP connections opened for them: the rest reused a kept-alive
    /// one (issue 15: one connection per endpoint, reused for > 95 % of requests).
    [[nodiscard]] qint64 requestsSent() const { return m_requestsSent; }
    [[nodiscard]] qint64 connectionsOpened() const { return m_connectionsOpened; }

private:
    void send(QStringView path, const QByteArray* json, qint64 maxBodyBytes, Callback done);
    void finish(QNetworkReply* reply, const Callback& done, std::chrono::steady_clock::time_point sent);

    ProviderKind m_kind;
    QUrl m_baseUrl;
    Secret m_apiKey;
    std::chrono::milliseconds m_deadline;
    QNetworkAccessManager* m_network = nullptr;
    qint64 m_requestsSent = 0;
    qint64 m_connectionsOpened = 0;
};

} // namespace sentinel::advisor
