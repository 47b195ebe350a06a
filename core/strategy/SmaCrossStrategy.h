// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/Strategy.h"

namespace sentinel {

/// Moving-average crossover, long only: a buy when the fast SMA crosses above the slow one while
/// flat; an exit (sell) when it crosses back below while long, or a buy-to-cover exit when the
/// position is short. A cross is a change of sign of (fast - slow) between the last two closed bars.
class SmaCrossStrategy final : public Strategy
{
public:
    struct Parameters {
        int fastPeriod = 10;
        int slowPeriod = 30;
        int atrPeriod = 14;
        double stopAtrMultiple = 2.0;
    };

    SmaCrossStrategy() = default;
    explicit SmaCrossStrategy(Parameters parameters);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] int minimumBars() const override;
    [[nodiscard]] std::optional<Signal> evaluate(const Instrument& instrument, const Bars& closedBars,
                                                 const PositionState& position) const override;
    [[nodiscard]] const Parameters& parameters() const { return m_parameters; }

private:
    Parameters m_parameters;
};

} // namespace sentinel
