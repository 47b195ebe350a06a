// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

namespace sentinel {

/// What an inline button asks for.
enum class CallbackAction { Approve, Reject, FlattenConfirm, FlattenCancel };

/// The readable part of a button's callback data: the action and the proposal it is about (for
/// flatten buttons, the id the caller minted for that one /flatten request).
struct CallbackToken {
    CallbackAction action = CallbackAction::Reject;
    QString subjectId;
    friend bool operator==(const CallbackToken&, const CallbackToken&) = default;
};

/// The verdict on a press (ADR 0119).
enum class CallbackVerdict {
    Ok,           ///< signed by us for this chat, on the message recorded for its proposal
    Malformed,    ///< not data we could have made
    Forged,       ///< our shape, but the tag is not ours (another key, an edited action or id)
    WrongChat,    ///< a tag we made for the configured chat, pressed in another chat
    WrongMessage, ///< ours, but not on the message recorded for that proposal, or none is on record
                  ///< (decided, expired, never sent): a replay
};

struct CallbackCheck {
    CallbackVerdict verdict = CallbackVerdict::Malformed;
    CallbackToken token; ///< set from Forged on; empty for Malformed
};

/// Builds and checks `callback_data` (ADR 0119): `<a|r|f|c>:<subject id>:<tag>`, where the tag is
/// the first 128 bits of HMAC-SHA256 over the action, the subject id and the chat id under a
/// per-desk random key, in unpadded base64url (22 characters). A UUID subject makes 61 bytes,
/// within Telegram's 64. The data carries no secret: the key never leaves the desk, and ids are
/// what the message shows anyway. The message id is only known once sendMessage has answered,
/// so it is not in the tag; the caller records it per proposal and `verify` compares it.
class CallbackTokenCodec final
{
public:
    static constexpr int tagBytes = 16;
    static constexpr int tagChars = 22;             ///< base64url of 16 bytes, no padding
    static constexpr int maxSubjectIdLength = 36;   ///< a UUID's text form (TradeProposal::id)
    static constexpr int minKeyBytes = 16;
    static constexpr int keyBytes = 32;
    static constexpr int maxDataBytes = 64;         ///< Telegram's callback_data limit

    /// A fresh random key from the system's CSPRNG, for the caller to store once per desk.
    [[nodiscard]] static QByteArray newKey();
    /// The desk's key derived from the bot token (ADR 0132): nothing to store, nothing that can
    /// leak on its own, and anyone who could forge a button holds the token already.
    [[nodiscard]] static QByteArray deriveKey(const QString& botToken);

    /// Data for a button, or an Error when the key is shorter than minKeyBytes or the subject
    /// id is not 1 to 36 of [A-Za-z0-9-].
    [[nodiscard]] static Result<QString> encode(const QByteArray& key, CallbackAction action, QStringView subjectId,
                                                qint64 chatId);

    /// The action and subject, read without checking the tag (for the caller's look-up).
    [[nodiscard]] static std::optional<CallbackToken> decode(QStringView data);

    /// Looks up the message id recorded for a token's proposal; nothing when none is on record.
    using MessageLookup = std::function<std::optional<qint64>(const CallbackToken&)>;

    /// Checks a press: shape, then the tag for `boundChatId` (compared in constant time), then
    /// that it was pressed in that chat, then on the message recorded for its subject.
    [[nodiscard]] static CallbackCheck verify(const QByteArray& key, QStringView data, qint64 boundChatId,
                                              qint64 pressChatId, qint64 pressMessageId,
                                              const MessageLookup& recordedMessageId);

    [[nodiscard]] static QChar letter(CallbackAction action);
    [[nodiscard]] static QString verdictName(CallbackVerdict verdict);
};

} // namespace sentinel
