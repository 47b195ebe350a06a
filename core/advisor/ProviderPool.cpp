// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/ProviderPool.h"

#include "advisor/AdvisorError.h"
#include "advisor/ProviderFactory.h"

#include <utility>

namespace sentinel::advisor {

struct ProviderPool::Entry {
    Entry(LlmProvider* made, const Clock& clock, BreakerSettings settings) : provider(made), breaker(clock, settings) {}

    LlmProvider* provider;
    ProviderBreaker breaker;
    ProviderStatus status;
    bool checking = false; ///< a health check is in flight: never stack a second on its connection
    TimerId overdueTimer = 0;
    TimerId probeTimer = 0;
};

namespace {

Error notCheckedYet()
{
    return advisorError::make(advisorError::ProviderUnavailable,
                              QStringLiteral("the model server has not answered a health check yet"),
                              QStringLiteral("wait for the first health check"));
}

} // namespace

ProviderPool::ProviderPool(Clock& clock, PoolSettings settings, QObject* parent)
    : QObject(parent), m_clock(clock), m_settings(settings)
{
}

ProviderPool::~ProviderPool()
{
    // The providers are children and go with the pool; their pending callbacks capture `this`,
    // so they must go before the entries do.
    for (const auto& entry : m_entries)
        delete entry->provider;
}

Result<int> ProviderPool::addProvider(const ProviderSettings& settings)
{
    const Result<LlmProvider*> made = makeProvider(settings, this);
    if (!made)
        return made.error();
    auto entry = std::make_unique<Entry>(made.value(), m_clock, m_settings.breaker);
    entry->status.reason = notCheckedYet();
    m_entries.push_back(std::move(entry));
    return size() - 1;
}

void ProviderPool::start()
{
    onHealthTick();
}

LlmProvider* ProviderPool::provider(int index) const
{
    return m_entries.at(std::size_t(index))->provider;
}

ProviderStatus ProviderPool::status(int index) const
{
    ProviderStatus now = m_entries.at(std::size_t(index))->status;
    now.breaker = m_entries.at(std::size_t(index))->breaker.state();
    now.retryAt = m_entries.at(std::size_t(index))->breaker.retryAt();
    return now;
}

QList<int> ProviderPool::availableProviders() const
{
    QList<int> ready;
    for (int i = 0; i < size(); ++i) {
        if (m_entries[std::size_t(i)]->status.available)
            ready.append(i);
    }
    return ready;
}

void ProviderPool::advise(int index, const AdviceRequest& request, LlmProvider::AdviceCallback done)
{
    Entry& entry = *m_entries.at(std::size_t(index));
    if (!entry.status.available) {
        Error refused = entry.status.reason.value_or(notCheckedYet());
        refused.kind = QString::fromUtf16(advisorError::ProviderUnavailable);
        done(AdviceOutcome{refused, {}, {}});
        return;
    }
    entry.provider->advise(request, [this, index, done = std::move(done)](AdviceOutcome outcome) {
        if (outcome.advice.ok() || !isOutage(outcome.advice.error()))
            m_entries[std::size_t(index)]->breaker.recordSuccess(); // it answered, however badly
        else
            recordOutage(index, outcome.advice.error());
        done(std::move(outcome));
    });
}

void ProviderPool::onHealthTick()
{
    // An open breaker is probed by its own timer, so a server that is down costs no checks.
    for (int i = 0; i < size(); ++i) {
        if (m_entries[std::size_t(i)]->breaker.state() == BreakerState::Closed)
            check(i);
    }
    m_tick = m_clock.callAfter(m_settings.checkPeriod(), this, [this] { onHealthTick(); });
}

void ProviderPool::check(int index)
{
    Entry& entry = *m_entries[std::size_t(index)];
    if (entry.checking)
        return; // the overdue timer has already counted it
    entry.checking = true;
    entry.overdueTimer = m_clock.callAfter(m_settings.healthTimeout, this, [this, index] { onHealthOverdue(index); });
    entry.provider->checkHealth([this, index](const Result<ProviderHealth>& health) { onHealthAnswer(index, health); });
}

void ProviderPool::onHealthAnswer(int index, const Result<ProviderHealth>& health)
{
    Entry& entry = *m_entries[std::size_t(index)];
    entry.checking = false;
    m_clock.cancel(entry.overdueTimer);
    entry.overdueTimer = 0;
    if (!health) {
        if (isOutage(health.error())) {
            recordOutage(index, health.error());
        } else {
            entry.breaker.recordSuccess();
            setUnavailable(index, health.error());
        }
        return;
    }
    // A late answer to a check already counted overdue still closes: the server is back.
    entry.breaker.recordSuccess();
    m_clock.cancel(entry.probeTimer);
    entry.probeTimer = 0;
    entry.status.latency = health->latency;
    entry.status.checkedAt = m_clock.now();
    if (!health->modelPresent) {
        setUnavailable(
            index, advisorError::make(
                       advisorError::ModelNotFound,
                       QStringLiteral("the server answers but does not have the model %1").arg(entry.provider->model()),
                       QStringLiteral("install the model on the server or change the provider's model")));
        return;
    }
    entry.status.available = true;
    entry.status.reason.reset();
    publish(index);
}

void ProviderPool::onHealthOverdue(int index)
{
    Entry& entry = *m_entries[std::size_t(index)];
    entry.overdueTimer = 0;
    recordOutage(index,
                 advisorError::make(advisorError::Unreachable,
                                    QStringLiteral("the model server did not answer its health check within %1 ms")
                                        .arg(m_settings.healthTimeout.count()),
                                    QStringLiteral("check the server is running and not stalled")));
}

void ProviderPool::onProbeDue(int index)
{
    Entry& entry = *m_entries[std::size_t(index)];
    entry.probeTimer = 0;
    if (entry.checking) {
        // The last check still hangs: that is the probe's answer, and it failed.
        recordOutage(index, entry.status.reason.value_or(notCheckedYet()));
        return;
    }
    publish(index); // half-open now
    check(index);
}

void ProviderPool::recordOutage(int index, const Error& error)
{
    Entry& entry = *m_entries[std::size_t(index)];
    const bool wasOpen = entry.breaker.state() == BreakerState::Open;
    entry.breaker.recordFailure();
    if (!wasOpen && entry.breaker.state() == BreakerState::Open) {
        m_clock.cancel(entry.probeTimer);
        entry.probeTimer = m_clock.callAt(entry.breaker.retryAt(), this, [this, index] { onProbeDue(index); });
    }
    setUnavailable(index, error);
}

void ProviderPool::setUnavailable(int index, const Error& reason)
{
    Entry& entry = *m_entries[std::size_t(index)];
    entry.status.available = false;
    entry.status.reason = reason;
    publish(index);
}

void ProviderPool::publish(int index)
{
    Q_EMIT statusChanged(index);
}

} // namespace sentinel::advisor
