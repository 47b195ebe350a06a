// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramReply.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sentinel {

namespace {

int retryAfterFromDescription(const QString& description)
{
    static const QRegularExpression pattern(QStringLiteral("retry after (\\d+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(description);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
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
        reply.description = json.value(u"description").toString();
        reply.result = json.value(u"result");
        if (json.value(u"error_code").isDouble())
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
        // A 2xx we cannot read is not a confirmation; a 4xx without the envelope is still a refusal.
        reply.kind = (status >= 400 && status < 500) ? Kind::BadRequest : Kind::Malformed;
        if (status == 401 || status == 404)
            reply.kind = Kind::Unauthorized;
        if (status == 429)
            reply.kind = Kind::RetryAfter;
        return reply;
    }

    const QJsonObject parameters = json.value(u"parameters").toObject();
    const QString lower = reply.description.toLower();
    if (status == 429) {
        reply.kind = Kind::RetryAfter;
        reply.retryAfterSeconds = parameters.value(u"retry_after").isDouble()
            ? parameters.value(u"retry_after").toInt()
            : retryAfterFromDescription(reply.description);
        return reply;
    }
    if (parameters.contains(u"migrate_to_chat_id")) {
        reply.kind = Kind::ChatMigrated;
        reply.migrateToChatId = QString::number(parameters.value(u"migrate_to_chat_id").toInteger());
        return reply;
    }
    if (status == 401 || status == 404) {
        reply.kind = Kind::Unauthorized;
    } else if (status == 403) {
        reply.kind = Kind::Forbidden;
    } else if (lower.contains(u"can't parse entities") || lower.contains(u"can't find end of")) {
        reply.kind = Kind::ParseError;
    } else if (lower.contains(u"chat not found")) {
        reply.kind = Kind::ChatNotFound;
    } else if (lower.contains(u"too long")) {
        reply.kind = Kind::TooLong;
    } else {
        reply.kind = Kind::BadRequest;
    }
    return reply;
}

} // namespace sentinel
