// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Interval.h"
#include "config/Config.h"
#include "market/MarketCalendar.h"

#include <chrono>
#include <map>

namespace sentinel {

/// How much market-time lag each market state tolerates (docs/adr/0012).
struct FreshnessTolerances {
    std::chrono::milliseconds open{std::chrono::hours(2)};
    std::chrono::milliseconds closed{std::chrono::hours(24)};
    std::chrono::milliseconds weekend{std::chrono::hours(72)};
};

/// The freshness gate's settings: tolerances per market state, optionally per interval, the
/// warn band, and how far in the future a bar may claim to be before it counts as a bad
/// timestamp or clock skew.
struct FreshnessPolicy {
    FreshnessTolerances defaults;
    std::map<Interval, FreshnessTolerances> perInterval;
    /// A lag above this fraction of the tolerance is a warning (still fresh).
    double warnFraction = 0.5;
    std::chrono::milliseconds futureSkew{std::chrono::seconds(60)};

    /// The tolerance for an interval in a phase: the open tolerance while open, the weekend
    /// tolerance on weekends, the closed tolerance otherwise.
    [[nodiscard]] std::chrono::milliseconds toleranceFor(Interval interval, MarketPhase phase) const;

    /// The policy the `freshness` configuration keys describe.
    [[nodiscard]] static FreshnessPolicy fromSettings(const FreshnessSettings& settings);
};

} // namespace sentinel
