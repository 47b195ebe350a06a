// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/FreshnessPolicy.h"

namespace sentinel {

std::chrono::milliseconds FreshnessPolicy::toleranceFor(Interval interval, MarketPhase phase) const
{
    const auto it = perInterval.find(interval);
    const FreshnessTolerances& tolerances = it == perInterval.end() ? defaults : it->second;
    switch (phase) {
    case MarketPhase::Open:
        return tolerances.open;
    case MarketPhase::Weekend:
        return tolerances.weekend;
    default:
        return tolerances.closed;
    }
}

FreshnessPolicy FreshnessPolicy::fromSettings(const FreshnessSettings& settings)
{
    FreshnessPolicy policy;
    policy.defaults.open = settings.marketOpenMaxLag;
    policy.defaults.closed = settings.marketClosedMaxLag;
    policy.defaults.weekend = settings.weekendMaxLag;
    return policy;
}

} // namespace sentinel
