// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/Strategy.h"

namespace sentinel {

/// Mean reversion on Wilder's RSI, long only. Flat: a buy on the bar where RSI falls below the
/// oversold level (entering the zone, so a long oversold stretch yields one signal, not one per
/// bar). Long: an exit (sell) on every bar RSI stands above the overbought level, since an exit
/// the operator declined should be offered again. Short: a buy-to-cover exit below oversold.
class RsiReversionStrategy final : public Strategy
{
public:
    struct Parameters {
        int period = 14;
        double oversold = 30;
        double overbought = 70;
        int atrPeriod = 14;
        double stopAtrMultiple = 2.0;
    };

    RsiReversionStrategy() = default;
    explicit RsiReversionStrategy(Parameters parameters);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] int minimumBars() const override;
    [[nodiscard]] std::optional<Signal> evaluate(const Instrument& instrument, const Bars& closedBars,
                                                 const PositionState& position) const override;
    [[nodiscard]] const Parameters& parameters() const { return m_parameters; }

private:
    Parameters m_parameters;
};

} // namespace sentinel
