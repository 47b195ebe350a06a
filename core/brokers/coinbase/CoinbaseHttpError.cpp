// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseHttpError.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "common/Excerpt.h"
#include "net/NetLimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

constexpr qsizetype kQuoteChars = 200;

/// Coinbase's own words from a JSON error body: "error: message (details)", or the first entry of
/// an "errors" list; empty when the body is no such JSON.
QString jsonReason(const QByteArray& body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    if (root.isEmpty())
        return {};
    QJsonObject entry = root;
    if (root.value(QStringLiteral("errors")).isArray())
        entry = root.value(QStringLiteral("errors")).toArray().first().toObject();
    QString code = entry.value(QStringLiteral("error")).toString();
    if (code.isEmpty())
        code = entry.value(QStringLiteral("id")).toString();
    const QString message = entry.value(QStringLiteral("message")).toString();
    const QString details = entry.value(QStringLiteral("error_details")).toString();
    QString reason = code;
    if (!message.isEmpty())
        reason += (reason.isEmpty() ? QString() : QStringLiteral(": ")) + message;
    if (!details.isEmpty() && details != message)
        reason += QStringLiteral(" (") + details + u')';
    return excerpt(reason, kQuoteChars);
}

/// The body as an error quotes it: Coinbase's JSON reason, an HTML page's mention, or the text.
QString quoteBody(const QByteArray& body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return QStringLiteral("an empty body");
    if (trimmed.startsWith('<'))
        return QStringLiteral("an HTML page");
    if (const QString reason = jsonReason(trimmed); !reason.isEmpty())
        return QLatin1Char('"') + reason + QLatin1Char('"');
    if (trimmed.contains('\0'))
        return QStringLiteral("a binary body");
    return QLatin1Char('"') + excerpt(trimmed, kQuoteChars) + QLatin1Char('"');
}

} // namespace

HttpErrorAnswer classifyHttpError(int status, const QByteArray& body, const QByteArray& retryAfterHeader, const QDateTime& now)
{
    HttpErrorAnswer answer;
    answer.retryAfter = net::parseRetryAfter(retryAfterHeader, now);
    const QString quoted = quoteBody(body);
    const QString said = QStringLiteral("Coinbase answered HTTP %1 with %2").arg(status).arg(quoted);
    switch (status) {
    case 401:
        answer.error = ce::make(ce::Unauthorized, said,
                                QStringLiteral("check coinbase.key_name and coinbase.private_key (an ECDSA CDP key) and the system "
                                               "clock; Coinbase also answers 401 to clients that poll too hard, so back off "
                                               "before calling a key that worked before bad"));
        break;
    case 403:
        answer.error = ce::make(ce::PermissionDenied, said,
                                QStringLiteral("give the API key the permission this call needs (view, trade) in the Coinbase "
                                               "Developer Platform"));
        break;
    case 429:
        answer.error = ce::make(ce::RateLimited, said,
                                answer.retryAfter ? QStringLiteral("wait %1 s (Retry-After) before the next request").arg(answer.retryAfter->count())
                                                  : QStringLiteral("back off before the next request; the documented limits were exceeded"));
        break;
    default:
        answer.error = ce::make(jsonReason(body.trimmed()).isEmpty() ? ce::HttpError : ce::ApiError, said,
                                status >= 500 ? QStringLiteral("Coinbase is failing; retry later")
                                              : QStringLiteral("check the request; retrying the same request will not help"));
        break;
    }
    return answer;
}

} // namespace sentinel::coinbase
