// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/HttpAnswer.h"

#include "common/JsonBody.h"
#include "common/Log.h"
#include "net/BoundedReply.h"

#include <QNetworkReply>
#include <QSslError>

namespace sentinel::net {

namespace {

// The same spellings as providers/ProviderError.h, so the engine's retry policy reads them alike.
constexpr char16_t kTimeout[] = u"timeout";
constexpr char16_t kNetworkError[] = u"network_error";
constexpr char16_t kTlsError[] = u"tls_error";

} // namespace

QString shownUrl(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

void logTlsErrors(QNetworkReply* reply)
{
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            log::net()->error("TLS error for {}: {}", shownUrl(reply->url()), error.errorString());
    });
}

Error transportError(const QNetworkReply* reply, const QString& settingsKey)
{
    const QString where = shownUrl(reply->url());
    const BoundedReply* guard = BoundedReply::of(reply);
    if (auto cutOff = guard ? guard->error(where) : std::nullopt) {
        if (cutOff->kind == DeadlineExceeded)
            return Error{QString::fromUtf16(kTimeout), cutOff->message,
                         QStringLiteral("retry later; raise %1.timeout_s on a slow link").arg(settingsKey)};
        return *cutOff;
    }
    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        return Error{QString::fromUtf16(kTlsError), QStringLiteral("TLS handshake with %1 failed: %2").arg(where, reply->errorString()),
                     QStringLiteral("check the system clock and certificates; TLS errors are never ignored")};
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 received = guard ? guard->body().size() : 0;
    if (announced.isValid() && received < announced.toLongLong())
        return Error{QString::fromUtf16(jsonBody::TruncatedBody),
                     QStringLiteral("the answer from %1 ended after %2 of %3 bytes").arg(where).arg(received).arg(announced.toLongLong()),
                     QStringLiteral("the connection was cut; retry")};
    return Error{QString::fromUtf16(kNetworkError), QStringLiteral("request to %1 failed: %2").arg(where, reply->errorString()),
                 QStringLiteral("check the network connection and %1.base_url").arg(settingsKey)};
}


void collectAnswer(QNetworkReply* reply, const Limits& limits, QObject* context, const QString& settingsKey,
                   std::function<void(const Result<HttpAnswer>&)> done)
{
    BoundedReply::watch(reply, limits);
    logTlsErrors(reply);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, settingsKey, done = std::move(done)] {
        reply->deleteLater();
        const BoundedReply* guard = BoundedReply::of(reply);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool cutOff = guard && guard->failure() != BoundedReply::Failure::None;
        // An HTTP error status is an answer with a body to read; anything below HTTP is not.
        if (cutOff || status == 0 || (reply->error() != QNetworkReply::NoError && reply->error() < QNetworkReply::ContentAccessDenied))
            return done(transportError(reply, settingsKey));
        done(HttpAnswer{status, guard ? guard->body() : QByteArray(), reply->rawHeader("Retry-After")});
    });
}

} // namespace sentinel::net
