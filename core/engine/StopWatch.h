// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "common/PositionState.h"
#include "engine/PositionOrigins.h"
#include "market/Bar.h"
#include "strategy/Signal.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace sentinel {

class FreshDataToken;

/// Watches each open position's protective stop (ADR 0140): a long whose last close is at or below
/// its stop, or a short at or above it, becomes an exit Signal that the decision cycle proposes
/// like a strategy's exit (risk gate, operator, journal, delivery); the watch itself trades nothing.
///
/// Once per crossing: after the desk took the exit, the same position and stop stay quiet while
/// the price stays beyond the stop, so an exit the operator rejected or let expire is not asked
/// again at every bar. The price coming back to the safe side, a new position or a new stop makes
/// the next crossing a new one. Only a fresh close is judged: the caller holds the freshness
/// gate's token for the bar, because stale data lets exits through (ADR 0012) and must not make one.
class StopWatch final
{
public:
    /// The exit to propose for `position` in `instrument` at `lastBar`'s close, guarded by
    /// `origin`'s stop; nullopt when there is none, the stop is not crossed, this crossing was
    /// proposed already, or `fresh` is not the gate's token for this instrument and bar.
    [[nodiscard]] std::optional<Signal> check(const Instrument& instrument, const PositionState& position,
                                              const std::optional<PositionOrigin>& origin, const Bar& lastBar,
                                              const FreshDataToken& fresh);
    /// The desk took the exit check() last returned for `instrumentKey`: that crossing is answered.
    void proposed(const QString& instrumentKey);

private:
    struct Crossing {
        QDateTime openedAt; ///< which position
        double stop = 0;    ///< and which stop
        bool proposed = false;
    };
    QHash<QString, Crossing> m_crossings; ///< by instrument key, while its stop is crossed
};

} // namespace sentinel
