// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "config/Config.h"
#include "engine/EngineOptions.h"
#include "engine/IoMeter.h"
#include "engine/RunStatistics.h"
#include "engine/WorkTracker.h"

namespace sentinel {

/// What every step of one engine shares: its settings, its clock, the run's counters, the work in
/// flight and whether it is running. The Engine owns it; the steps hold a reference, so no step
/// needs to call back into the façade for these.
struct EngineContext {
    EngineContext(const Config& c, const EngineOptions& o, Clock& k) : config(c), options(o), clock(k) {}

    const Config& config;
    const EngineOptions& options;
    Clock& clock;
    RunStatistics stats;
    WorkTracker work;
    IoMeter io;
    bool running = false;
    /// The operator paused the desk: no new entry proposals; exits and alerts go on (ADR 0132).
    bool paused = false;
};

} // namespace sentinel
