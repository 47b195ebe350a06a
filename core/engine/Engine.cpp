// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Engine.h"

#include "common/Log.h"
#include "common/SystemClock.h"
#include "providers/SimulatedProvider.h"

namespace sentinel {

namespace {
/// The instant the bar after the newest closed one closes, aligned to the interval.
QDateTime nextBarClose(const Instrument& instrument, const QDateTime& now)
{
    const qint64 lengthMs = std::chrono::milliseconds(intervalLength(instrument.interval)).count();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch((nowMs / lengthMs + 1) * lengthMs, Qt::UTC);
}
} // namespace

Engine::Engine(Config config, Clock* clock, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock)
{
    registerSnapshotTypes();
}

Engine::~Engine() = default;

InstrumentSnapshots Engine::snapshots() const
{
    InstrumentSnapshots all;
    for (const Instrument& instrument : m_config.watchlist)
        all.append(m_snapshots.value(instrument.key()));
    return all;
}

void Engine::start()
{
    if (m_running)
        return;
    if (!m_clock) {
        m_ownedClock = std::make_unique<SystemClock>();
        m_clock = m_ownedClock.get();
    }
    m_provider = new SimulatedProvider(*m_clock, 20261122, this);
    m_running = true;
    log::engine()->info("engine started: {} instruments, provider {}, mode {}", m_config.watchlist.size(),
                        m_provider->name(), tradingModeName(m_config.mode));
    for (const Instrument& instrument : m_config.watchlist) {
        InstrumentSnapshot snapshot;
        snapshot.instrument = instrument;
        m_snapshots.insert(instrument.key(), snapshot);
        runCycle(instrument); // first history load now, then on the bar schedule
    }
    Q_EMIT statusChanged(status());
}

void Engine::stop()
{
    if (!m_running)
        return;
    m_running = false;
    for (const TimerId id : std::as_const(m_cycleTimers))
        m_clock->cancel(id);
    m_cycleTimers.clear();
    Q_EMIT statusChanged(status());
    Q_EMIT stopped();
}

void Engine::scheduleNextCycle(const Instrument& instrument)
{
    const QDateTime due = nextBarClose(instrument, m_clock->now());
    m_cycleTimers.insert(instrument.key(), m_clock->callAt(due, this, [this, instrument] { runCycle(instrument); }));
}

void Engine::runCycle(const Instrument& instrument)
{
    if (!m_running)
        return;
    ++m_stats.cycles;
    const QString key = instrument.key();
    BarRequest request;
    request.instrument = instrument;
    request.since = m_snapshots.value(key).lastBarOpen;
    request.dueAt = m_clock->now();
    ++m_inFlight;
    ++m_stats.apiCalls[m_provider->name()];
    m_provider->fetchBars(request, [this, instrument, key](const Result<BarSeries>& result) {
        if (--m_inFlight == 0)
            Q_EMIT idle();
        if (!m_running)
            return;
        InstrumentSnapshot& snapshot = m_snapshots[key];
        snapshot.updatedAt = m_clock->now();
        if (!result) {
            snapshot.lastError = result.error().toString();
            log::engine()->warn("{}: fetch failed: {}", key, snapshot.lastError);
        } else if (!result->bars.isEmpty()) {
            const Bar& newest = result->bars.constLast();
            snapshot.lastError.clear();
            snapshot.lastPrice = newest.close;
            snapshot.lastBarOpen = newest.openTime;
            snapshot.barCount += int(result->bars.size());
        }
        markChanged(key);
    });
    scheduleNextCycle(instrument);
}

void Engine::markChanged(const QString& key)
{
    if (!m_dirty.contains(key))
        m_dirty.append(key);
    if (m_publishScheduled)
        return;
    m_publishScheduled = true;
    m_clock->callAfter(uiCoalescing, this, [this] { publish(); });
}

void Engine::publish()
{
    m_publishScheduled = false;
    InstrumentSnapshots changed;
    for (const QString& key : std::as_const(m_dirty))
        changed.append(m_snapshots.value(key));
    m_dirty.clear();
    if (!changed.isEmpty())
        Q_EMIT snapshotsChanged(changed);
    Q_EMIT statusChanged(status());
}

RunStatistics Engine::statistics() const
{
    return m_stats;
}

EngineStatus Engine::status() const
{
    EngineStatus status;
    status.state = m_running ? QStringLiteral("running") : QStringLiteral("stopped");
    status.mode = tradingModeName(m_config.mode);
    status.provider = m_provider ? m_provider->name() : providerKindName(m_config.provider);
    status.cycles = m_stats.cycles;
    status.clockTime = m_clock ? m_clock->now() : QDateTime();
    return status;
}

} // namespace sentinel

namespace sentinel {

// Walking skeleton: proposals, alerts and delivery arrive with the decision cycle (issue 8).
void Engine::approveProposal(const QString& proposalId)
{
    log::engine()->warn("approve {}: no proposals exist yet in the walking skeleton", proposalId);
}

void Engine::rejectProposal(const QString& proposalId, const QString& reason)
{
    log::engine()->warn("reject {} ({}): no proposals exist yet in the walking skeleton", proposalId, reason);
}

void Engine::acknowledgeAlert(const QString& alertId)
{
    log::engine()->info("alert {} acknowledged", alertId);
}

void Engine::sendTestMessage()
{
    log::engine()->warn("test message requested: signal dispatch is not wired into the engine yet");
}

} // namespace sentinel
