// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace sentinel {

/// A Bot API answer, classified from its HTTP status and JSON body (`ok`, `error_code`,
/// `description`, `parameters`). Pure, so every recorded error body can be checked in a table.
struct TelegramReply {
    enum class Kind {
        Ok,
        ParseError,   ///< 400 "can't parse entities": resend once as plain text
        ChatMigrated, ///< 400 with parameters.migrate_to_chat_id: resend to the new chat
        RetryAfter,   ///< 429: wait retryAfterSeconds (clamped to net::maxServerWait)
        Unauthorized, ///< 401 (or 404: no such bot): the token is wrong; no retry
        ChatNotFound, ///< 400 chat not found: permanent for this chat
        Forbidden,    ///< 403 blocked, kicked, not a member: permanent for this chat
        TooLong,      ///< 400 message is too long
        Conflict,     ///< 409: another getUpdates poller or a webhook holds this token (ADR 0119)
        BadRequest,   ///< any other 4xx: this message is refused
        ServerError,  ///< 5xx: transient
        Malformed,    ///< unreadable body: treated as transient, never as delivered
    };
    Kind kind = Kind::Malformed;
    int httpStatus = 0;
    QString description;
    int retryAfterSeconds = 0;
    QString migrateToChatId;
    QJsonValue result;

    [[nodiscard]] static TelegramReply classify(int httpStatus, const QByteArray& body);

    /// "Telegram answered 409: Conflict: terminated by other getUpdates request; ..." (redacted).
    [[nodiscard]] QString summary() const;
};

} // namespace sentinel
