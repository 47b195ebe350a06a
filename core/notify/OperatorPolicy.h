// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/TelegramUpdates.h"

#include <QList>
#include <QSet>
#include <QString>

namespace sentinel {

/// What to do with an update from Telegram (ADR 0119).
enum class OperatorDecision {
    Act,                 ///< a configured operator in the configured chat
    RefuseNotAuthorised, ///< someone else in the configured chat: answer "not authorised" (rate-limited)
    IgnoreOtherChat,     ///< any other chat: no reply at all, so the bot cannot be used as an oracle
    IgnoreNotOurs,       ///< not a press or command for this bot (plain text, /cmd@OtherBot, ...)
};

/// Who may act through Telegram: the configured chat and the operators' user ids
/// (`telegram.chat_id`, `telegram.operators`). With no operators configured nobody may act:
/// two-way control fails closed. Pure.
class OperatorPolicy final
{
public:
    /// `chatId` 0 (an @channel name, or none configured) matches no chat. `botUsername` (from
    /// getMe, '@' optional) decides which `/cmd@Name` forms are ours.
    OperatorPolicy(qint64 chatId, const QList<qint64>& operators, QString botUsername);

    [[nodiscard]] OperatorDecision classify(const TelegramUpdate& update) const;
    [[nodiscard]] OperatorDecision classify(qint64 chatId, qint64 fromUserId) const;

    [[nodiscard]] bool isOperator(qint64 userId) const { return m_operators.contains(userId); }
    [[nodiscard]] qint64 chatId() const { return m_chatId; }

    [[nodiscard]] static QString decisionName(OperatorDecision decision);

private:
    qint64 m_chatId = 0;
    QSet<qint64> m_operators;
    QString m_botUsername;
};

} // namespace sentinel
