// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramReply.h"

#include "common/Redactor.h"
#include "net/NetLimits.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace sentinel {

namespace {

int retryAfterFromDescription(const QString& description)
{
    static const QRegularExpression pattern(QStringLiteral("retry after (\\d+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(description);
    if (!match.hasMatch())
        return 0;
    bool ok = false;
    const qint64 seconds = match.captured(1).toLongLong(&ok);
    // Digits too many for a qint64 are still a (very) long wait.
    return int(ok ? net::clampServerWait(seconds).count() : net::maxServerWait.count());
}

/// Telegram's `parameters.retry_after`, clamped: a server must not park us for decades.
int retryAfterFromParameter(const QJsonValue& value)
{
    return int(net::clampServerWait(value.toDouble()).count());
}

using Kind = TelegramReply::Kind;

/// A non-5xx answer without Telegram's JSON envelope.
Kind kindWithoutEnvelope(int status)
{
    // A 2xx we cannot read is not a confirmation; a 4xx without the envelope is still a refusal.
    if (status == 401 || status == 404)
        return Kind::Unauthorized;
    if (status == 429)
        return Kind::RetryAfter;
    if (status == 409)
        return Kind::Conflict;
    return (status >= 400 && status < 500) ? Kind::BadRequest : Kind::Malformed;
}

/// A refusal that is neither a rate limit nor a chat migration: by status, then by description.
Kind refusalKind(int status, const QString& description)
{
    const QString lower = description.toLower();
    if (status == 401 || status == 404)
        return Kind::Unauthorized;
    if (status == 403)
        return Kind::Forbidden;
    if (status == 409)
        return Kind::Conflict;
    if (lower.contains(u"can't parse entities") || lower.contains(u"can't find end of"))
        return Kind::ParseError;
    if (lower.contains(u"chat not found"))
        return Kind::ChatNotFound;
    if (lower.contains(u"too long"))
        return Kind::TooLong;
    return Kind::BadRequest;
}

} // namespace

TelegramReply TelegramReply::classify(int httpStatus, const QByteArray& body)
{
    TelegramReply reply;
    reply.httpStatus = httpStatus;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject json = document.object();
    const bool readable = parseError.error == QJsonParseError::NoError && document.isObject()
        && json.value(u"ok").isBool();
    if (readable) {
        // Server text: an error description may echo the request path, token included.
        reply.description = Redactor::instance().redact(json.value(u"description").toString());
        reply.result = json.value(u"result");
        // error_code describes a refusal. An answer that says ok keeps its HTTP status, so a body
        // cannot turn a 5xx into a delivery.
        if (!json.value(u"ok").toBool() && json.value(u"error_code").isDouble())
            reply.httpStatus = json.value(u"error_code").toInt();
    }
    const int status = reply.httpStatus;

    if (readable && json.value(u"ok").toBool() && status >= 200 && status < 300) {
        reply.kind = Kind::Ok;
        return reply;
    }
    if (status >= 500) {
        reply.kind = Kind::ServerError;
        return reply;
    }
    if (!readable) {
        reply.kind = kindWithoutEnvelope(status);
        return reply;
    }

    const QJsonObject parameters = json.value(u"parameters").toObject();
    if (status == 429) {
        reply.kind = Kind::RetryAfter;
        reply.retryAfterSeconds = parameters.value(u"retry_after").isDouble()
            ? retryAfterFromParameter(parameters.value(u"retry_after"))
            : retryAfterFromDescription(reply.description);
        return reply;
    }
    // Only a whole, non-zero number is a chat to resend to; anything else read as 0 (a string, a
    // fraction, an out-of-range number) and would have sent the message to chat "0".
    if (const qint64 newChat = parameters.value(u"migrate_to_chat_id").toInteger(); newChat != 0) {
        reply.kind = Kind::ChatMigrated;
        reply.migrateToChatId = QString::number(newChat);
        return reply;
    }
    reply.kind = refusalKind(status, reply.description);
    return reply;
}

QString TelegramReply::summary() const
{
    return QStringLiteral("Telegram answered %1: %2")
        .arg(httpStatus)
        .arg(description.isEmpty() ? QStringLiteral("(no description)") : description);
}

} // namespace sentinel
