// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/RateLimiter.h"

#include "common/Log.h"
#include "providers/ProviderError.h"
#include "providers/SharedRateBudget.h"

#include <QPointer>
#include <QTimeZone>

#include <algorithm>

namespace sentinel {

namespace {
QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}
} // namespace

RateLimiter::RateLimiter(Clock& clock, RateLimits limits, QObject* parent)
    : QObject(parent), m_clock(clock), m_limits(std::move(limits)), m_cooldown(m_limits.breakerCooldown)
{
    m_limits.requestsPerMinute = std::max(1, m_limits.requestsPerMinute);
    m_limits.window = std::max(m_limits.window, std::chrono::milliseconds{1});
    m_limits.requestsPerDay = std::max(1, m_limits.requestsPerDay);
    m_limits.breakerThreshold = std::max(1, m_limits.breakerThreshold);
    if (!QTimeZone::isTimeZoneIdAvailable(m_limits.resetTimeZone))
        m_limits.resetTimeZone = QByteArrayLiteral("UTC");
    m_dayStart = dayStartOf(m_clock.now()).toMSecsSinceEpoch();
}

RateLimiter::~RateLimiter()
{
    if (m_wakeTimer)
        m_clock.cancel(m_wakeTimer);
}

QDateTime RateLimiter::dayStartOf(const QDateTime& instant) const
{
    const QTimeZone zone(m_limits.resetTimeZone);
    const QDate localDate = instant.toTimeZone(zone).date();
    return QDateTime(localDate, QTime(0, 0), zone).toUTC();
}

QDateTime RateLimiter::nextQuotaReset() const
{
    const QTimeZone zone(m_limits.resetTimeZone);
    const QDate localDate = m_clock.now().toTimeZone(zone).date();
    return QDateTime(localDate.addDays(1), QTime(0, 0), zone).toUTC();
}

void RateLimiter::rollDay()
{
    const qint64 start = dayStartOf(m_clock.now()).toMSecsSinceEpoch();
    if (start != m_dayStart) {
        m_dayStart = start;
        m_dayCount = 0;
        m_quotaAlerted = false;
    }
}

int RateLimiter::grantedToday()
{
    rollDay();
    return m_dayCount;
}

RateLimiter::CircuitState RateLimiter::circuitState()
{
    if (m_circuit == CircuitState::Open && m_clock.nowMs() >= m_openUntil)
        m_circuit = CircuitState::HalfOpen;
    return m_circuit;
}

Error RateLimiter::quotaError() const
{
    const QDateTime resumes = nextQuotaReset();
    return providerError::make(providerError::QuotaExhausted,
                               QStringLiteral("the daily quota of %1 requests is used up; requests resume at %2 "
                                              "(midnight %3)")
                                   .arg(m_limits.requestsPerDay)
                                   .arg(resumes.toString(Qt::ISODate), QString::fromLatin1(m_limits.resetTimeZone)),
                               QStringLiteral("wait for the reset, or raise providers.alpha_vantage.requests_per_day "
                                              "if your plan allows more"));
}

void RateLimiter::submit(const QDateTime& dueAt, Start start, Reject reject)
{
    const qint64 due = dueAt.isValid() ? dueAt.toMSecsSinceEpoch() : m_clock.nowMs();
    m_queue.emplace(std::make_pair(due, m_sequence++), Pending{std::move(start), std::move(reject)});
    pump();
}

void RateLimiter::recordSuccess()
{
    m_consecutiveFailures = 0;
    if (m_circuit == CircuitState::HalfOpen) {
        m_circuit = CircuitState::Closed;
        m_cooldown = m_limits.breakerCooldown;
        log::net()->info("circuit breaker closed: the trial request succeeded");
        Q_EMIT circuitClosed();
    }
    m_trialInFlight = false;
    pump();
}

void RateLimiter::recordFailureOf(const QString& kind)
{
    if (providerError::indicatesOutage(kind))
        recordFailure();
    else
        recordSuccess();
}

void RateLimiter::recordFailure()
{
    ++m_consecutiveFailures;
    const bool trialFailed = m_circuit == CircuitState::HalfOpen;
    m_trialInFlight = false;
    if (trialFailed || (m_circuit == CircuitState::Closed && m_consecutiveFailures >= m_limits.breakerThreshold)) {
        if (trialFailed)
            m_cooldown = std::min(m_cooldown * 2, m_limits.breakerMaxCooldown);
        m_circuit = CircuitState::Open;
        m_openUntil = m_clock.nowMs() + std::chrono::duration_cast<std::chrono::milliseconds>(m_cooldown).count();
        log::net()->warn("circuit breaker open after {} consecutive failures; retry at {}", m_consecutiveFailures,
                         iso(m_openUntil));
        Q_EMIT circuitOpened(QDateTime::fromMSecsSinceEpoch(m_openUntil, Qt::UTC));
    }
    pump();
}

void RateLimiter::pauseUntil(const QDateTime& until)
{
    m_pausedUntil = std::max(m_pausedUntil, until.toMSecsSinceEpoch());
    pump();
}

void RateLimiter::markQuotaExhausted()
{
    rollDay();
    m_dayCount = m_limits.requestsPerDay;
    pump();
    if (!m_quotaAlerted) {
        m_quotaAlerted = true;
        Q_EMIT quotaExhausted(nextQuotaReset());
    }
}

void RateLimiter::rejectAll(const Error& error)
{
    // Take the queue first: a reject callback may submit again. A shared grant taken for the
    // head of the queue is given up with it: the next request asks afresh.
    m_sharedGrant = false;
    auto pending = std::move(m_queue);
    m_queue.clear();
    for (auto& [key, request] : pending)
        request.reject(error);
}

void RateLimiter::wakeAt(qint64 ms)
{
    if (m_wakeTimer && m_wakeAt == ms)
        return;
    if (m_wakeTimer)
        m_clock.cancel(m_wakeTimer);
    m_wakeAt = ms;
    m_wakeTimer = m_clock.callAt(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), this, [this] {
        m_wakeTimer = 0;
        pump();
    });
}

void RateLimiter::shareWith(std::shared_ptr<SharedRateBudget> shared, const QByteArray& budget)
{
    m_shared = std::move(shared);
    m_sharedBudget = budget;
}

void RateLimiter::askShared(qint64 now)
{
    m_sharedAsking = true;
    m_shared->take(m_sharedBudget, now, m_limits.requestsPerMinute, m_limits.window.count(),
                   [this, now, alive = QPointer<RateLimiter>(this)](const SharedRateBudget::Answer& answer) {
                       if (!alive)
                           return;
                       m_sharedAsking = false;
                       if (answer.granted)
                           m_sharedGrant = true;
                       else // never longer than a window: another desk's clock may run ahead of ours
                           m_sharedRetryAt = std::min(answer.retryAtMs, now + m_limits.window.count());
                       pump(); // a no-op when answered from inside the pump
                   });
}

int RateLimiter::grantedInWindow() const
{
    const qint64 windowStart = m_clock.nowMs() - m_limits.window.count();
    return int(std::count_if(m_recentGrants.cbegin(), m_recentGrants.cend(), [windowStart](qint64 at) { return at > windowStart; }));
}

void RateLimiter::pump()
{
    if (m_pumping)
        return; // a start/reject callback re-entered: the outer loop carries on
    m_pumping = true;
    while (!m_queue.empty()) {
        rollDay();
        const qint64 now = m_clock.nowMs();
        if (m_dayCount >= m_limits.requestsPerDay) {
            const Error error = quotaError();
            if (!m_quotaAlerted) {
                m_quotaAlerted = true;
                log::net()->warn("{}", error.message);
                Q_EMIT quotaExhausted(nextQuotaReset());
            }
            rejectAll(error);
            continue;
        }
        const CircuitState circuit = circuitState();
        if (circuit == CircuitState::Open) {
            rejectAll(providerError::make(providerError::CircuitOpen,
                                          QStringLiteral("requests are paused after %1 consecutive failures; the next "
                                                         "trial request goes out at %2")
                                              .arg(m_consecutiveFailures)
                                              .arg(iso(m_openUntil)),
                                          QStringLiteral("check the network and the provider's status")));
            continue;
        }
        if (circuit == CircuitState::HalfOpen && m_trialInFlight)
            break; // wait for the trial's outcome
        const qint64 windowMs = m_limits.window.count();
        while (!m_recentGrants.empty() && m_recentGrants.front() + windowMs <= now)
            m_recentGrants.pop_front();
        qint64 readyAt = std::max(m_pausedUntil, m_sharedRetryAt);
        if (int(m_recentGrants.size()) >= m_limits.requestsPerMinute)
            readyAt = std::max(readyAt, m_recentGrants.front() + windowMs);
        if (readyAt > now) {
            wakeAt(readyAt);
            break;
        }
        // Several desks on one account: the shared window must grant it too (ADR 0126).
        if (m_shared && !m_sharedGrant) {
            if (!m_sharedAsking)
                askShared(now); // may answer at once
            if (m_sharedAsking)
                break;    // its answer pumps again
            if (!m_sharedGrant)
                continue; // refused at once: wait for the shared window above
        }
        m_sharedGrant = false;
        auto node = m_queue.extract(m_queue.begin());
        m_recentGrants.push_back(now);
        ++m_dayCount;
        ++m_grantedTotal;
        if (circuit == CircuitState::HalfOpen)
            m_trialInFlight = true;
        node.mapped().start();
    }
    m_pumping = false;
}

} // namespace sentinel
