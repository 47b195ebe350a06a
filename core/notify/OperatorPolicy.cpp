// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/OperatorPolicy.h"

#include "notify/TelegramCommands.h"

#include <utility>

namespace sentinel {

OperatorPolicy::OperatorPolicy(qint64 chatId, const QList<qint64>& operators, QString botUsername)
    : m_chatId(chatId), m_botUsername(std::move(botUsername))
{
    for (const qint64 id : operators) {
        if (id > 0)
            m_operators.insert(id);
    }
}

OperatorDecision OperatorPolicy::classify(qint64 chatId, qint64 fromUserId) const
{
    if (m_chatId == 0 || chatId != m_chatId)
        return OperatorDecision::IgnoreOtherChat;
    return isOperator(fromUserId) ? OperatorDecision::Act : OperatorDecision::RefuseNotAuthorised;
}

OperatorDecision OperatorPolicy::classify(const TelegramUpdate& update) const
{
    if (const auto* press = std::get_if<CallbackPress>(&update))
        return classify(press->chatId, press->fromUserId);
    if (const auto* command = std::get_if<CommandMessage>(&update)) {
        // Another chat first: even whether a command names us is not answered there.
        if (m_chatId == 0 || command->chatId != m_chatId)
            return OperatorDecision::IgnoreOtherChat;
        if (!TelegramCommands::isAddressedToUs(command->botSuffix, m_botUsername))
            return OperatorDecision::IgnoreNotOurs;
        return classify(command->chatId, command->fromUserId);
    }
    return OperatorDecision::IgnoreNotOurs;
}

QString OperatorPolicy::decisionName(OperatorDecision decision)
{
    switch (decision) {
    case OperatorDecision::Act:
        return QStringLiteral("act");
    case OperatorDecision::RefuseNotAuthorised:
        return QStringLiteral("refuse_not_authorised");
    case OperatorDecision::IgnoreOtherChat:
        return QStringLiteral("ignore_other_chat");
    case OperatorDecision::IgnoreNotOurs:
        return QStringLiteral("ignore_not_ours");
    }
    return QStringLiteral("ignore_not_ours");
}

} // namespace sentinel
