// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "market/Bar.h"
#include "strategy/Signal.h"

#include <functional>
#include <optional>

namespace sentinel {

/// A trading rule over closed bars. Implementations are pure and deterministic: no I/O, no clock,
/// no state carried between calls, so the same bars and position always give the same answer and
/// a restart cannot change a decision. Bars are oldest first and all closed; a strategy returns
/// nothing (rather than a guess) when there are too few bars or a price is not a positive finite number.
class Strategy
{
public:
    virtual ~Strategy() = default;

    /// Registry name, e.g. "sma_cross".
    [[nodiscard]] virtual QString name() const = 0;
    /// Fewest closed bars evaluate() needs to produce a signal.
    [[nodiscard]] virtual int minimumBars() const = 0;
    [[nodiscard]] virtual std::optional<Signal> evaluate(const Instrument& instrument, const Bars& closedBars,
                                                         const PositionState& position) const = 0;

    using SignalCallback = std::function<void(const std::optional<Signal>& signal)>;
    /// How the decision cycle asks. A strategy that must wait for an answer (an advisor awaits a
    /// model) overrides this and calls `done` later, exactly once, so the engine thread never
    /// waits; it must copy what it needs from the arguments. By default: evaluate(), at once.
    virtual void evaluateLater(const Instrument& instrument, const Bars& closedBars, const PositionState& position,
                               // NOLINTNEXTLINE(performance-unnecessary-value-param): an override keeps it
                               SignalCallback done) const
    {
        done(evaluate(instrument, closedBars, position));
    }

protected:
    Strategy() = default;
    Strategy(const Strategy&) = default;
    Strategy& operator=(const Strategy&) = default;
};

} // namespace sentinel
