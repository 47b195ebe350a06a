// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"

#include <QDateTime>

namespace sentinel {

/// What providers and caches may ask about an instrument's market, without knowing who answers
/// (the engine answers from each instrument's calendar and the provider's publication delay).
/// Keeps the rule "no request while the market is closed" in one place instead of in callbacks
/// into the engine.
class MarketSchedule
{
public:
    virtual ~MarketSchedule() = default;

    /// Whether a bar of `instrument` opening at `barOpen` (UTC) falls inside a session.
    [[nodiscard]] virtual bool barInSession(const Instrument& instrument, const QDateTime& barOpen) const = 0;
    /// When the market can next publish a bar of `instrument` after `now`: the close of the bar now
    /// forming (plus the provider's publication delay), or, while the market is closed, of the first
    /// bar of the next session. Invalid when the calendar has no answer.
    [[nodiscard]] virtual QDateTime nextPublication(const Instrument& instrument, const QDateTime& now) const = 0;
    /// Whether a request at `now` could bring a new bar: the market is open, or closed so recently
    /// that its last bar may still be on its way.
    [[nodiscard]] virtual bool canPublishNow(const Instrument& instrument, const QDateTime& now) const = 0;
    /// The trading day an instant belongs to in `instrument`'s market (MarketCalendar::tradingDayOf);
    /// by default its UTC date.
    [[nodiscard]] virtual qint64 tradingDayOf(const Instrument& instrument, qint64 ms) const
    {
        Q_UNUSED(instrument)
        return utcDayOf(ms);
    }
    /// The UTC date of an instant, as a Julian day number.
    [[nodiscard]] static qint64 utcDayOf(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().toJulianDay(); }

protected:
    MarketSchedule() = default;
    MarketSchedule(const MarketSchedule&) = default;
    MarketSchedule& operator=(const MarketSchedule&) = default;
};

} // namespace sentinel
