// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "market/MarketCalendar.h"

#include <QDateTime>

#include <memory>
#include <optional>

namespace sentinel {

/// When an instrument's market can publish its next bar, from the instrument's calendar: the
/// close of the bar forming now, or, while the market is closed, the close of the first bar of
/// the next session. So the engine asks for data exactly when a bar can exist, and never while
/// the market is closed.
class BarSchedule
{
public:
    BarSchedule(std::shared_ptr<const MarketCalendar> calendar, Interval interval);

    /// First bar close strictly after `nowMs`; nullopt beyond the calendar's range.
    [[nodiscard]] std::optional<qint64> nextBarCloseAfter(qint64 nowMs) const;
    [[nodiscard]] bool marketOpenAt(qint64 ms) const { return m_calendar->isOpen(ms); }
    [[nodiscard]] const MarketCalendar& calendar() const { return *m_calendar; }

private:
    std::shared_ptr<const MarketCalendar> m_calendar;
    Interval m_interval;
    qint64 m_lengthMs;
};

} // namespace sentinel
