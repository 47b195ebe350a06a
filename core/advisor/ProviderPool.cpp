// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/ProviderPool.h"

#include "advisor/AdvisorError.h"
#include "advisor/EndpointUrl.h"
#include "advisor/ProviderFactory.h"

#include <QScopeGuard>

#include <algorithm>
#include <utility>

namespace sentinel::advisor {

struct ProviderPool::Entry {
    Entry(LlmProvider* made, const Clock& clock, BreakerSettings settings) : provider(made), breaker(clock, settings) {}

    LlmProvider* provider;
    ProviderBreaker breaker;
    ProviderStatus status;
    ProviderCounters counters;
    bool checking = false; ///< a health check is in flight: never stack a second on its connection
    bool everChecked = false; ///< its first check has answered or passed its deadline
    /// Advice asked for before the first check decided: sent (or refused) once it has.
    std::vector<std::function<void()>> awaitingFirstCheck;
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
    // Nothing left on the clock: the schedule, and each server's check deadline and probe.
    m_clock.cancel(m_tick);
    for (const auto& entry : m_entries) {
        m_clock.cancel(entry->overdueTimer);
        m_clock.cancel(entry->probeTimer);
    }
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

const ProviderCounters& ProviderPool::counters(int index) const
{
    return m_entries.at(std::size_t(index))->counters;
}

QString ProviderPool::name(int index) const
{
    const LlmProvider* server = provider(index);
    return QStringLiteral("%1 %2 at %3").arg(modelServerKindName(server->kind()), server->model(), shownUrl(server->baseUrl()));
}

int ProviderPool::checksInFlight() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [](const auto& entry) { return entry->checking; }));
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

bool ProviderPool::firstCheckPending(int index) const
{
    const Entry& entry = *m_entries.at(std::size_t(index));
    return !entry.everChecked && entry.checking;
}

void ProviderPool::advise(int index, const AdviceRequest& request, LlmProvider::AdviceCallback done)
{
    Entry& entry = *m_entries.at(std::size_t(index));
    if (firstCheckPending(index)) {
        // Never sent to an unchecked server, but not refused for being early either: the
        // decision that starts with the engine waits for the check (bounded by its deadline).
        entry.awaitingFirstCheck.emplace_back(
            [this, index, request, done = std::move(done)]() mutable { advise(index, request, std::move(done)); });
        return;
    }
    if (!entry.status.available) {
        Error refused = entry.status.reason.value_or(notCheckedYet());
        refused.kind = QString::fromUtf16(advisorError::ProviderUnavailable);
        done(AdviceOutcome{refused, {}, {}});
        return;
    }
    entry.provider->advise(request, [this, index, done = std::move(done)](AdviceOutcome outcome) {
        ProviderCounters& counters = m_entries[std::size_t(index)]->counters;
        counters.recordAdvice(outcome.latency);
        if (!outcome.advice.ok())
            counters.recordFailure(outcome.advice.error().kind);
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
    const auto answered = qScopeGuard([this, index] {
        releaseEarlyAdvice(index);
        Q_EMIT checkAnswered(index);
    });
    Entry& entry = *m_entries[std::size_t(index)];
    entry.checking = false;
    entry.everChecked = true;
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
    entry.everChecked = true;
    const auto overdue = qScopeGuard([this, index] { releaseEarlyAdvice(index); });
    recordOutage(index,
                 advisorError::make(advisorError::Unreachable,
                                    QStringLiteral("the model server did not answer its health check within %1 ms")
                                        .arg(m_settings.healthTimeout.count()),
                                    QStringLiteral("check the server is running and not stalled")));
}

void ProviderPool::releaseEarlyAdvice(int index)
{
    std::vector<std::function<void()>> waiting;
    waiting.swap(m_entries[std::size_t(index)]->awaitingFirstCheck);
    if (waiting.empty())
        return;
    // Queued: the check's reply is still finishing, and its connection is not free until it
    // has; sent now, the advice would open a second one.
    QMetaObject::invokeMethod(
        this,
        [waiting = std::move(waiting)]() mutable {
            for (auto& ask : waiting)
                ask();
        },
        Qt::QueuedConnection);
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
