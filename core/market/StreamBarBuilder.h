// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Interval.h"
#include "market/Bar.h"

#include <limits>
#include <optional>

namespace sentinel {

/// Turns a price stream into bars of one interval, aligned to the interval on the UTC clock (as
/// OANDA's M1..H1 candles are). A bar closes when a price of a later interval arrives or when
/// the clock passes its end (closeUpTo), whichever comes first; it closes once. A bar is
/// provisional: the broker's own candle for the same interval replaces it later.
///
/// A bar is `whole` only when prices were watched for its whole interval: the builder was
/// started (or resumed after a gap) at or before the bar opened. A partial bar is never handed
/// out as closed; the caller fills that interval from the broker's candles. Volume is what each
/// price brings: 1 for a quote (OANDA counts ticks in a candle's volume), the size for a trade
/// (Coinbase sums trade sizes). Within a bar the open is the earliest price and the close the
/// latest, in whatever order they arrive (a trades message may list them newest first). Daily
/// bars are not built here: a broker's day is its own (17:00 New York for OANDA), so they come
/// from candles only.
class StreamBarBuilder
{
public:
    /// Intraday intervals only (Min1..Min60).
    explicit StreamBarBuilder(Interval interval);

    /// Prices are watched from `ms` on (a new connection); a bar opening before it is partial.
    void watchFrom(qint64 ms);
    /// The stream stopped: the forming bar is dropped (partial), nothing is watched.
    void stopWatching();

    /// Adds a price at `ms` that brings `volume` to its bar; returns the bar it closed, if it
    /// opened a later interval and the closed bar was whole. A price older than the forming bar
    /// is late and ignored.
    std::optional<Bar> addPrice(qint64 ms, double price, double volume = 1);
    /// Closes the forming bar if its interval ended by `nowMs`; returns it when whole.
    std::optional<Bar> closeUpTo(qint64 nowMs);

    /// The end of the forming bar's interval (its close instant); nullopt when none is forming.
    [[nodiscard]] std::optional<qint64> formingBarEndMs() const;
    [[nodiscard]] qint64 lengthMs() const { return m_lengthMs; }
    [[nodiscard]] qint64 alignedOpenMs(qint64 ms) const;
    /// Prices that came after their bar had closed (ignored; the broker's candle has them).
    [[nodiscard]] qint64 latePrices() const { return m_late; }

private:
    std::optional<Bar> closeForming();

    qint64 m_lengthMs;
    std::optional<qint64> m_watchedFromMs;
    std::optional<Bar> m_forming;
    qint64 m_formingOpenMs = 0;
    qint64 m_formingFirstMs = 0; ///< the instant of the forming bar's open price
    qint64 m_formingLastMs = 0;  ///< the instant of its close price
    qint64 m_lastClosedOpenMs = std::numeric_limits<qint64>::min();
    qint64 m_late = 0;
};

} // namespace sentinel
