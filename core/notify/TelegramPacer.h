// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <chrono>
#include <deque>

namespace sentinel {

/// Telegram's documented sending limits (Bot FAQ, "My bot is hitting limits").
struct TelegramLimits {
    std::chrono::milliseconds perChatInterval{1000};
    int perGroupPerMinute = 20;
    int overallPerSecond = 30;
};

/// Keeps sendMessage within Telegram's documented limits (Bot FAQ, "My bot is hitting limits"):
/// about one message a second per chat, 20 a minute per group or channel, 30 a second overall.
/// It only answers "when may the next message to this chat leave?"; the caller schedules it.
class TelegramPacer final
{
public:
    using Limits = TelegramLimits;

    TelegramPacer() = default;
    explicit TelegramPacer(Limits limits) : m_limits(limits) {}

    /// Earliest instant (>= now) at which a message to `chatId` respects every limit.
    [[nodiscard]] QDateTime nextSlot(const QString& chatId, const QDateTime& now) const;
    /// Records that a message to `chatId` left at `when`.
    void record(const QString& chatId, const QDateTime& when);
    /// After a 429 nothing may leave before `until`, whatever the chat.
    void blockUntil(const QDateTime& until);

    /// Group chats have negative ids; channels are addressed as @name. Both get the per-minute cap.
    [[nodiscard]] static bool isGroupChat(const QString& chatId);

    [[nodiscard]] const Limits& limits() const { return m_limits; }

private:
    Limits m_limits;
    QHash<QString, std::deque<qint64>> m_perChat; ///< recent send instants (ms), oldest first
    std::deque<qint64> m_overall;
    qint64 m_blockedUntilMs = 0;
};

} // namespace sentinel
