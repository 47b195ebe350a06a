// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/BarSchedule.h"

namespace sentinel {

BarSchedule::BarSchedule(std::shared_ptr<const MarketCalendar> calendar, Interval interval)
    : m_calendar(std::move(calendar)),
      m_interval(interval),
      m_lengthMs(std::chrono::milliseconds(intervalLength(interval)).count())
{
}

std::optional<qint64> BarSchedule::nextBarCloseAfter(qint64 nowMs) const
{
    qint64 probe = nowMs;
    // Skip whole closed periods (nights, weekends, holidays) to the next open.
    if (!m_calendar->isOpen(probe)) {
        const auto open = m_calendar->nextOpen(probe);
        if (!open)
            return std::nullopt;
        probe = *open;
    }
    // The bar containing `probe` is the newest one closed by probe + one interval; a session that
    // ends sooner (early close) ends that bar sooner, which newestClosedBar accounts for.
    for (int attempt = 0; attempt < 4; ++attempt) {
        const auto slot = m_calendar->newestClosedBar(m_interval, probe + m_lengthMs);
        if (slot && slot->closeMs > nowMs)
            return slot->closeMs;
        probe += m_lengthMs;
        if (!m_calendar->isOpen(probe)) {
            const auto open = m_calendar->nextOpen(probe);
            if (!open)
                return std::nullopt;
            probe = *open;
        }
    }
    return std::nullopt;
}

} // namespace sentinel
