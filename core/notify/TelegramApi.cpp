// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramApi.h"

#include "net/BoundedReply.h"

#include <QNetworkReply>

namespace sentinel::telegramApi {

QUrl methodUrl(const QUrl& baseUrl, const QString& tokenText, const QString& method)
{
    QUrl url = baseUrl;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/bot" + tokenText + u'/' + method);
    return url;
}

TelegramReply readReply(QNetworkReply* reply, const QString& loggableUrl, std::optional<Error>* transportError)
{
    const net::BoundedReply* guard = net::BoundedReply::of(reply);
    if (guard) {
        if (auto cutOff = guard->error(loggableUrl)) {
            *transportError = std::move(cutOff);
            return {};
        }
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        // No HTTP answer at all (refused, reset, timeout, TLS). The error text names the URL;
        // Error masks the token in it.
        *transportError = Error{QStringLiteral("network_error"),
                                QStringLiteral("cannot reach Telegram: %1").arg(reply->errorString()),
                                QStringLiteral("check the network connection and telegram.api_base_url")};
        return {};
    }
    return TelegramReply::classify(status.toInt(), guard ? guard->body() : reply->readAll());
}

} // namespace sentinel::telegramApi
