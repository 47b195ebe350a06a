// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramPacer.h"

#include <algorithm>

namespace sentinel {

QDateTime TelegramPacer::nextSlot(const QString& chatId, const QDateTime& now) const
{
    qint64 slot = std::max(now.toMSecsSinceEpoch(), m_blockedUntilMs);
    const auto chat = m_perChat.constFind(chatId);
    if (chat != m_perChat.cend() && !chat->empty()) {
        slot = std::max(slot, chat->back() + m_limits.perChatInterval.count());
        const auto cap = std::size_t(std::max(1, m_limits.perGroupPerMinute));
        if (isGroupChat(chatId) && chat->size() >= cap)
            slot = std::max(slot, (*chat)[chat->size() - cap] + 60'000);
    }
    const auto overallCap = std::size_t(std::max(1, m_limits.overallPerSecond));
    if (m_overall.size() >= overallCap)
        slot = std::max(slot, m_overall[m_overall.size() - overallCap] + 1000);
    return QDateTime::fromMSecsSinceEpoch(slot, Qt::UTC);
}

void TelegramPacer::record(const QString& chatId, const QDateTime& when)
{
    const qint64 ms = when.toMSecsSinceEpoch();
    auto& chat = m_perChat[chatId];
    chat.push_back(ms);
    while (chat.size() > std::size_t(std::max(1, m_limits.perGroupPerMinute)))
        chat.pop_front();
    m_overall.push_back(ms);
    while (m_overall.size() > std::size_t(std::max(1, m_limits.overallPerSecond)))
        m_overall.pop_front();
}

void TelegramPacer::blockUntil(const QDateTime& until)
{
    m_blockedUntilMs = std::max(m_blockedUntilMs, until.toMSecsSinceEpoch());
}

bool TelegramPacer::isGroupChat(const QString& chatId)
{
    return chatId.startsWith(u'-') || chatId.startsWith(u'@');
}

} // namespace sentinel
