// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaErrors.h"

#include "common/Excerpt.h"

#include <QJsonDocument>

namespace sentinel::oandaError {

namespace {

/// OANDA's messages run to a sentence or two.
constexpr qsizetype kMessageExcerptChars = 300;

struct StatusKind {
    const char16_t* kind;
    const char* remedy;
};

StatusKind kindOfStatus(int status)
{
    switch (status) {
    case 400:
    case 405:
        return {InvalidRequest, "the request was refused as sent; correct it, retrying will not help"};
    case 401:
        return {Unauthorized, "check oanda.token: it may be wrong, revoked, or for the other environment "
                              "(practice tokens work only on api-fxpractice, live ones on api-fxtrade)"};
    case 403:
        return {Forbidden, "check oanda.account_id belongs to the token's user"};
    case 404:
        return {NotFound, "check oanda.account_id, the instrument name and the environment"};
    case 429:
        return {RateLimited, "back off; OANDA allows about 120 requests a second per connection"};
    default:
        break;
    }
    if (status >= 500 && status <= 599)
        return {ServerError, "OANDA is failing; retry later"};
    return {BrokerError, "read OANDA's message; the request was not carried out"};
}

} // namespace

Error fromErrorAnswer(int httpStatus, const QJsonObject& root)
{
    const StatusKind kind = kindOfStatus(httpStatus);
    const QString message = root.value(QStringLiteral("errorMessage")).toString();
    const QString code = root.value(QStringLiteral("errorCode")).toString();
    QString text = httpStatus > 0 ? QStringLiteral("OANDA answered %1").arg(httpStatus) : QStringLiteral("OANDA answered with an error");
    if (!message.isEmpty())
        text += u": " + excerpt(message, kMessageExcerptChars);
    if (!code.isEmpty())
        text += u" [" + excerpt(code) + u']';
    return make(kind.kind, text, QString::fromLatin1(kind.remedy));
}

Error parseErrorBody(int httpStatus, const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return fromErrorAnswer(httpStatus, document.isObject() ? document.object() : QJsonObject());
}

} // namespace sentinel::oandaError
