// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/FreshnessGate.h"

#include <optional>

namespace sentinel {

class AlertSink;
class Clock;
struct InstrumentRuntime;

/// Judges an instrument's newest bar now, shows the verdict on its watchlist row, and raises one
/// alert when data goes stale and one when it recovers (not one per check). The decision cycle,
/// the watchdog and the re-check at approval all ask it.
class FreshnessMonitor final
{
public:
    FreshnessMonitor(Clock& clock, const FreshnessGate& gate, AlertSink& alerts);

    /// The verdict now; `token` (optional) receives the gate's proof when entries may proceed.
    FreshnessVerdict check(InstrumentRuntime& runtime, std::optional<FreshDataToken>* token);
    /// Exits are never trapped by stale data; this says on what grounds one passes.
    [[nodiscard]] ExitClearance exitClearance(const FreshnessVerdict& verdict) const { return m_gate.allowsExit(verdict); }

private:
    void trackEpisode(InstrumentRuntime& runtime, const FreshnessVerdict& verdict);

    Clock& m_clock;
    const FreshnessGate& m_gate;
    AlertSink& m_alerts;
};

} // namespace sentinel
