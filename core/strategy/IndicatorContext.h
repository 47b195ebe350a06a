// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/AdvisorContext.h"
#include "strategy/ContextCache.h"

namespace sentinel {

/// The "indicators" section: the last close, SMA(10), SMA(30), Wilder's RSI(14) and ATR(14) of the
/// closed bars, e.g. `indicators: close 1.0842; sma10 1.0831; sma30 1.081; rsi14 61.2; atr14 0.0021`.
/// Kept in the `indicators` cache under the newest bar (ContextQuestion::lastBarKey), so the same
/// bar asked twice is computed once (ADR 0129).
class IndicatorContext final : public AdvisorContextSource
{
public:
    /// SMA(30) needs thirty closes; RSI and ATR need fifteen.
    static constexpr int kMinimumBars = 30;

    /// `cache` must outlive this source (the CacheRegistry owns it).
    explicit IndicatorContext(ContextTextCache& cache) : m_cache(cache) {}

    [[nodiscard]] QString name() const override;
    void gather(const ContextQuestion& question, Done done) override;

    /// The section's text for `bars` (oldest first), or why there is none: too few bars, or a
    /// price that is not a positive finite number.
    [[nodiscard]] static Result<QString> describe(const Bars& bars);

private:
    ContextTextCache& m_cache;
};

} // namespace sentinel
