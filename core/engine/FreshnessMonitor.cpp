// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/FreshnessMonitor.h"

#include "common/AlertKinds.h"
#include "engine/AlertSink.h"
#include "engine/InstrumentBook.h"

namespace sentinel {

FreshnessMonitor::FreshnessMonitor(Clock& clock, const FreshnessGate& gate, AlertSink& alerts)
    : m_clock(clock), m_gate(gate), m_alerts(alerts)
{
}

FreshnessVerdict FreshnessMonitor::check(InstrumentRuntime& runtime, std::optional<FreshDataToken>* token)
{
    const std::optional<qint64> newest = runtime.history.isEmpty()
        ? std::nullopt
        : std::optional<qint64>(runtime.history.newest().openTime.toMSecsSinceEpoch());
    FreshnessVerdict verdict;
    auto check = m_gate.evaluate(runtime.instrument, newest, m_clock.nowMs());
    if (check) {
        verdict = check->verdict;
        if (token && check->token)
            *token = check->token;
    } else {
        verdict.status = Freshness::Stale;
        verdict.instrumentKey = runtime.instrument.key();
        verdict.reason = check.error().toString();
    }
    InstrumentSnapshot& snapshot = runtime.snapshot;
    snapshot.marketOpen = verdict.phase == MarketPhase::Open;
    snapshot.marketState = verdict.marketReason.isEmpty() ? marketPhaseName(verdict.phase) : verdict.marketReason;
    snapshot.freshness = verdict.status;
    snapshot.lagSeconds = verdict.lagMs / 1000;
    snapshot.toleranceSeconds = verdict.toleranceMs / 1000;
    snapshot.freshnessReason = verdict.reason;
    trackEpisode(runtime, verdict);
    return verdict;
}

void FreshnessMonitor::trackEpisode(InstrumentRuntime& runtime, const FreshnessVerdict& verdict)
{
    switch (runtime.tracker.observe(verdict)) {
    case EpisodeEvent::None:
        break;
    case EpisodeEvent::RaiseAlert:
        m_alerts.raise(Alert::Severity::Warning, alertkind::staleData, runtime.instrument.key(),
                       QStringLiteral("%1: stale data, no new entries: %2").arg(runtime.instrument.symbol, verdict.reason));
        break;
    case EpisodeEvent::Recovered:
        m_alerts.raise(Alert::Severity::Info, alertkind::recovered, runtime.instrument.key(),
                       QStringLiteral("%1: fresh data again (%2)").arg(runtime.instrument.symbol, verdict.reason));
        break;
    }
}

} // namespace sentinel
