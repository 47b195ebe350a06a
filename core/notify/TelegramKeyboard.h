// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "notify/TelegramFormatter.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace sentinel {

/// How a proposal (or a /flatten request) ended, shown under its message once decided.
struct DecisionNote {
    enum class Kind {
        Approved,
        Rejected,
        Expired,
        DecidedOnDesktop, ///< a press after the desktop decided it
        FlattenConfirmed,
        FlattenCancelled,
        Refused,          ///< approved, but the re-check or the platform refused it (`detail` says why)
    };
    struct Fill {
        double quantity = 0;
        double price = 0;
    };
    Kind kind = Kind::Expired;
    QString byUsername;        ///< who pressed (without '@'); empty: shown by user id, or not at all
    qint64 byUserId = 0;
    QDateTime at;              ///< when it was decided; shown as HH:mm:ss UTC
    std::optional<Fill> fill;  ///< for an approval that executed
    QString via{};             ///< when not decided in Telegram: "on the desktop (alice)", "by the engine"
    QString detail{};          ///< for Refused: the reason
};

/// The Bot API bodies of the two-way flow (ADR 0119): the inline keyboards sent with a proposal
/// or a /flatten question, the edit that shows the outcome and removes the buttons, and the
/// answer to a press. Texts use MarkdownV2 like TelegramFormatter, with a plain fallback.
class TelegramKeyboard final
{
public:
    static constexpr int maxAnswerLength = 200; ///< answerCallbackQuery's text limit

    /// `reply_markup` with Approve and Reject, bound to the proposal and chat (CallbackTokenCodec).
    [[nodiscard]] static Result<QJsonObject> proposalMarkup(const QByteArray& key, const QString& proposalId, qint64 chatId);
    /// `reply_markup` with Confirm and Cancel for one /flatten request (its own fresh id).
    [[nodiscard]] static Result<QJsonObject> flattenMarkup(const QByteArray& key, const QString& requestId, qint64 chatId);
    /// `reply_markup` with no buttons (editMessageReplyMarkup after a decision).
    [[nodiscard]] static QJsonObject noButtons();

    /// A sendMessage body: `part` as MarkdownV2 (or plain), with the keyboard.
    [[nodiscard]] static QJsonObject sendMessageBody(qint64 chatId, const TelegramPart& part, const QJsonObject& markup,
                                                     bool plainText = false);

    /// The outcome line: "approved by @user at 14:02:11 UTC — filled 2.0 @ 2,474.1".
    [[nodiscard]] static QString outcomeText(const DecisionNote& note);
    /// An editMessageText body: the original message with the outcome line below it, no buttons.
    /// When the two do not fit Telegram's 4096 characters the outcome replaces the text.
    [[nodiscard]] static QJsonObject editOutcomeBody(qint64 chatId, qint64 messageId, const TelegramPart& original,
                                                     const DecisionNote& note, bool plainText = false);
    /// An editMessageReplyMarkup body that removes the buttons.
    [[nodiscard]] static QJsonObject removeButtonsBody(qint64 chatId, qint64 messageId);
    /// An answerCallbackQuery body; `text` is cut to 200 characters.
    [[nodiscard]] static QJsonObject answerCallbackBody(const QString& queryId, QStringView text, bool showAlert = false);
    /// A plain sendMessage body (command answers, "not authorised").
    [[nodiscard]] static QJsonObject plainMessageBody(qint64 chatId, const QString& text);

    /// 2474.1 → "2,474.1"; 2 → "2.0": the shortest text that reads back as the number.
    [[nodiscard]] static QString number(double value);
};

} // namespace sentinel
