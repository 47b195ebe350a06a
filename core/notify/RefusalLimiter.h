// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>

#include <chrono>
#include <deque>

namespace sentinel {

class Clock;

struct RefusalLimits {
    int perMinuteOverall = 6;   ///< "not authorised" replies a minute, all strangers together
    int perMinutePerUser = 1;   ///< and for one stranger
    std::chrono::minutes alertWindow{10}; ///< one alert per stranger per window
    int maxTrackedUsers = 4096; ///< beyond this many strangers in a window, new ones are only counted
};

/// The answer for one refused press or command.
struct RefusalDecision {
    bool reply = false; ///< send "not authorised"; otherwise drop it silently (it is counted)
    bool alert = false; ///< raise the coalesced "stranger in the chat" alert now
    int attempts = 0;   ///< this stranger's refused attempts folded into this alert (this one included)
};

/// Keeps refusals from spending the bot's send budget (ADR 0119): a stranger pressing buttons
/// in a loop gets at most one reply a minute, all strangers together a few, and the rest are
/// dropped but counted. The operator is alerted once per stranger per window, with the number
/// of attempts, instead of once per press. Pure: time comes from the Clock (ManualClock in tests).
class RefusalLimiter final
{
public:
    explicit RefusalLimiter(const Clock& clock, RefusalLimits limits = {});

    /// Decides for one refused update from `userId` and records it.
    [[nodiscard]] RefusalDecision admit(qint64 userId);

    [[nodiscard]] qint64 refused() const { return m_refused; } ///< every refusal seen
    [[nodiscard]] qint64 dropped() const { return m_dropped; } ///< refusals not replied to
    [[nodiscard]] int trackedUsers() const { return int(m_users.size()); }

private:
    struct Stranger {
        std::deque<qint64> replies; ///< reply instants (ms) within the last minute
        qint64 alertedAtMs = 0;     ///< start of this stranger's alert window
        int attemptsSinceAlert = 0;
        qint64 lastSeenMs = 0;
    };
    void forgetIdle(qint64 nowMs);

    const Clock& m_clock;
    RefusalLimits m_limits;
    QHash<qint64, Stranger> m_users;
    std::deque<qint64> m_overall; ///< reply instants (ms) within the last minute
    qint64 m_refused = 0;
    qint64 m_dropped = 0;
};

} // namespace sentinel
