// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/RefusalLimiter.h"

#include "common/Clock.h"

namespace sentinel {

namespace {

constexpr qint64 minuteMs = 60'000;

void dropOlderThan(std::deque<qint64>& instants, qint64 cutoffMs)
{
    while (!instants.empty() && instants.front() <= cutoffMs)
        instants.pop_front();
}

} // namespace

RefusalLimiter::RefusalLimiter(const Clock& clock, RefusalLimits limits) : m_clock(clock), m_limits(limits) {}

void RefusalLimiter::forgetIdle(qint64 nowMs)
{
    // A stranger whose alert window has passed and who has not been heard of since is forgotten,
    // so the table holds at most the strangers of one window.
    const qint64 windowMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_limits.alertWindow).count();
    for (auto it = m_users.begin(); it != m_users.end();) {
        if (nowMs - it->lastSeenMs >= windowMs && nowMs - it->alertedAtMs >= windowMs)
            it = m_users.erase(it);
        else
            ++it;
    }
}

RefusalDecision RefusalLimiter::admit(qint64 userId)
{
    const qint64 nowMs = m_clock.nowMs();
    const qint64 windowMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_limits.alertWindow).count();
    ++m_refused;
    dropOlderThan(m_overall, nowMs - minuteMs);

    auto it = m_users.find(userId);
    if (it == m_users.end()) {
        if (m_users.size() >= m_limits.maxTrackedUsers)
            forgetIdle(nowMs);
        if (m_users.size() >= m_limits.maxTrackedUsers) {
            // A crowd of strangers: no reply and no alert each; the counters still show it.
            ++m_dropped;
            return {};
        }
        it = m_users.insert(userId, Stranger{{}, nowMs - windowMs, 0, nowMs});
    }
    Stranger& stranger = *it;
    stranger.lastSeenMs = nowMs;
    ++stranger.attemptsSinceAlert;

    RefusalDecision decision;
    if (nowMs - stranger.alertedAtMs >= windowMs) {
        decision.alert = true;
        decision.attempts = stranger.attemptsSinceAlert;
        stranger.alertedAtMs = nowMs;
        stranger.attemptsSinceAlert = 0;
    }
    dropOlderThan(stranger.replies, nowMs - minuteMs);
    if (int(stranger.replies.size()) < m_limits.perMinutePerUser && int(m_overall.size()) < m_limits.perMinuteOverall) {
        decision.reply = true;
        stranger.replies.push_back(nowMs);
        m_overall.push_back(nowMs);
    } else {
        ++m_dropped;
    }
    return decision;
}

} // namespace sentinel
