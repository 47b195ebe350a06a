// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/AdvisorContext.h"
#include "strategy/ContextCache.h"
#include "strategy/MarketRegime.h"

namespace sentinel {

/// The "regime" section: trending up, trending down or ranging, and low, normal or high
/// volatility (classifyRegime, ADR 0129), with the two numbers behind it, e.g. `regime: trending
/// up, volatility normal (sma30 moved +1.40 atr14 over 10 bars; atr14 1.02x its 20-bar mean)`.
/// Kept in the `regime` cache under the newest bar, like the indicators.
class RegimeContext final : public AdvisorContextSource
{
public:
    /// `cache` must outlive this source (the CacheRegistry owns it).
    explicit RegimeContext(ContextTextCache& cache) : m_cache(cache) {}

    [[nodiscard]] QString name() const override;
    void gather(const ContextQuestion& question, Done done) override;

    [[nodiscard]] static QString describe(const MarketRegime& market);

private:
    ContextTextCache& m_cache;
};

} // namespace sentinel
