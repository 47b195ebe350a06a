// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/ProviderBreaker.h"

#include "advisor/AdvisorError.h"
#include "net/NetLimits.h"

#include <algorithm>

namespace sentinel::advisor {

bool isOutage(const Error& error)
{
    // A model that answers badly, a missing model or a wrong key is not helped by waiting; the
    // breaker is for servers that do not answer at all or fail as a whole (ADR 0128).
    static const QString kinds[] = {
        QString::fromUtf16(advisorError::Unreachable), QString::fromUtf16(net::DeadlineExceeded),
        QString::fromUtf16(advisorError::Overloaded),  QString::fromUtf16(advisorError::ServerError),
        QString::fromUtf16(advisorError::StreamError),
    };
    return std::find(std::begin(kinds), std::end(kinds), error.kind) != std::end(kinds);
}

ProviderBreaker::ProviderBreaker(const Clock& clock, BreakerSettings settings)
    : m_clock(clock), m_settings(settings), m_cooldown(settings.cooldown)
{
    m_settings.threshold = std::max(1, m_settings.threshold);
    m_settings.maxCooldown = std::max(m_settings.maxCooldown, m_settings.cooldown);
}

BreakerState ProviderBreaker::state() const
{
    if (!m_open)
        return BreakerState::Closed;
    return m_clock.nowMs() >= m_openUntilMs ? BreakerState::HalfOpen : BreakerState::Open;
}

void ProviderBreaker::recordSuccess()
{
    if (m_open)
        m_cooldown = m_settings.cooldown;
    m_open = false;
    m_failures = 0;
}

void ProviderBreaker::recordFailure()
{
    ++m_failures;
    const BreakerState now = state();
    if (now == BreakerState::HalfOpen) {
        m_cooldown = std::min(m_cooldown * 2, m_settings.maxCooldown);
        open();
    } else if (now == BreakerState::Closed && m_failures >= m_settings.threshold) {
        open();
    }
    // Open: a late answer to a request sent before it opened changes nothing.
}

QDateTime ProviderBreaker::retryAt() const
{
    return m_open ? QDateTime::fromMSecsSinceEpoch(m_openUntilMs, Qt::UTC) : QDateTime();
}

void ProviderBreaker::open()
{
    m_open = true;
    m_openUntilMs = m_clock.nowMs() + m_cooldown.count();
}

} // namespace sentinel::advisor
