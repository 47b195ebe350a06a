// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Issue.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

namespace sentinel {

struct TelegramReply;

// Kinds of a getUpdates answer that could not be read, beside common/JsonBody.h's body kinds.
namespace telegramUpdate {
inline constexpr char16_t MissingField[] = u"missing_field";
inline constexpr char16_t InvalidField[] = u"invalid_field";
inline constexpr char16_t OutOfOrder[] = u"out_of_order";         ///< update_id not above the one before
inline constexpr char16_t UnexpectedShape[] = u"unexpected_shape"; ///< not the envelope, or two payloads
inline constexpr char16_t TooManyUpdates[] = u"too_many_updates";
inline constexpr char16_t BodyTooLarge[] = u"body_too_large";
} // namespace telegramUpdate

/// A press on an inline button of a message the bot sent (callback_query with `message`).
struct CallbackPress {
    qint64 updateId = 0;
    QString queryId;      ///< callback_query.id: a string, answered with answerCallbackQuery
    qint64 fromUserId = 0;
    QString fromUsername; ///< without '@'; empty when the user has none
    qint64 chatId = 0;    ///< of the message the button is on
    qint64 messageId = 0;
    QString data;         ///< callback_data, 1 to 64 UTF-8 bytes
    friend bool operator==(const CallbackPress&, const CallbackPress&) = default;
};

/// A text message starting with '/' (TelegramCommands::split).
struct CommandMessage {
    qint64 updateId = 0;
    qint64 fromUserId = 0;
    QString fromUsername;
    qint64 chatId = 0;
    qint64 messageId = 0;
    QString command;   ///< the name as written, without '/' and suffix
    QString botSuffix; ///< after '@'; empty when none (TelegramCommands::isAddressedToUs)
    QString args;
    friend bool operator==(const CommandMessage&, const CommandMessage&) = default;
};

/// Any other update (plain text, photos, edits, inline queries, presses on inline-mode
/// messages): not acted on, kept only so the offset moves past it.
struct OtherUpdate {
    qint64 updateId = 0;
    friend bool operator==(const OtherUpdate&, const OtherUpdate&) = default;
};

using TelegramUpdate = std::variant<CallbackPress, CommandMessage, OtherUpdate>;

[[nodiscard]] qint64 updateIdOf(const TelegramUpdate& update);

/// An update that was not understood: never acted on, reported, and (when its update_id could
/// be read) still confirmed by the next offset, so one poisoned update cannot wedge the poller.
struct SkippedUpdate {
    int index = 0;       ///< position in `result`
    qint64 updateId = 0; ///< 0 when update_id itself was missing or invalid
    Error error;         ///< kind and a message naming the path, e.g. result[3].callback_query.from.id
    [[nodiscard]] Issue toIssue() const;
};

/// One getUpdates answer, in the server's order.
struct UpdateBatch {
    QList<TelegramUpdate> updates;
    QList<SkippedUpdate> skipped;
    qint64 lastUpdateId = 0; ///< highest update_id read, accepted or skipped; 0 when none

    /// The offset for the next getUpdates: last update_id + 1, never below `current`.
    [[nodiscard]] qint64 nextOffset(qint64 current) const
    {
        return lastUpdateId > 0 && lastUpdateId >= current ? lastUpdateId + 1 : current;
    }
};

/// Reads getUpdates answers strictly (ADR 0119). The envelope goes through TelegramReply (409
/// conflict, 429 retry_after, ...); a refused or unreadable envelope is an Error for the whole
/// batch and the offset stays where it was. Inside an accepted envelope each update stands
/// alone: a malformed one is skipped with an Error naming its path, and the others are read.
/// update_id must be a whole number in [1, 2^63 - 2] (so the next offset fits int64), strictly
/// above the one before it and not below the offset asked for; one that is not is skipped.
/// Ids are int64: chat ids are negative for groups and need more than 32 bits, user ids up to 52.
class TelegramUpdates final
{
public:
    static constexpr qsizetype maxBodyBytes = qsizetype{8} * 1024 * 1024;
    static constexpr int maxUpdates = 100; ///< getUpdates' own `limit` ceiling
    static constexpr int maxTextLength = 4096; ///< Telegram's message limit (UTF-16 units)
    static constexpr int maxCallbackDataBytes = 64;
    static constexpr int maxQueryIdLength = 128;
    static constexpr qint64 maxIdMagnitude = (qint64(1) << 53) - 1; ///< user and chat ids: 52 bits + sign

    /// `requestedOffset`: the offset the request carried; updates below it were confirmed
    /// already, so one served again is skipped as a replay.
    [[nodiscard]] static Result<UpdateBatch> parse(int httpStatus, const QByteArray& body, qint64 requestedOffset = 0);
    /// The same from a classified answer whose body the caller has already read.
    [[nodiscard]] static Result<UpdateBatch> fromReply(const TelegramReply& reply, qint64 requestedOffset = 0);
    /// One Update object (as in a webhook body, or one recorded update), `path` prefixing errors.
    [[nodiscard]] static Result<TelegramUpdate> parseUpdate(const QByteArray& body);
};

} // namespace sentinel
