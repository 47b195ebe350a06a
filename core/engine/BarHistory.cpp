// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/BarHistory.h"

#include <algorithm>

namespace sentinel {

Bars BarHistory::merge(const Bars& incoming, const MarketCalendar& calendar)
{
    Bars added;
    const qint64 newestHeld = m_bars.isEmpty() ? std::numeric_limits<qint64>::min()
                                               : m_bars.constLast().openTime.toMSecsSinceEpoch();
    for (const Bar& bar : incoming) {
        const qint64 openMs = bar.openTime.toMSecsSinceEpoch();
        if (openMs <= newestHeld) {
            revise(bar, openMs);
            continue; // already held: decided on once, only its values may be revised
        }
        if (!added.isEmpty() && openMs <= added.constLast().openTime.toMSecsSinceEpoch())
            continue; // providers sanitise order; never trust it twice
        added.append(bar);
    }
    m_bars += added;
    if (m_bars.size() > maxBars)
        m_bars.remove(0, m_bars.size() - maxBars);

    for (const Bar& bar : std::as_const(added)) {
        const qint64 openMs = bar.openTime.toMSecsSinceEpoch();
        const qint64 day = calendar.tradingDayOf(openMs);
        if (day == m_lastTradingDay && !m_dailyCloses.isEmpty())
            m_dailyCloses.last() = {openMs, bar.close}; // the day's close so far
        else
            m_dailyCloses.append({openMs, bar.close});
        m_lastTradingDay = day;
    }
    if (m_dailyCloses.size() > maxDailyCloses)
        m_dailyCloses.remove(0, m_dailyCloses.size() - maxDailyCloses);
    return added;
}

void BarHistory::revise(const Bar& bar, qint64 openMs)
{
    // A streamed bar is revised by the broker's candle within a few bars of its close.
    const qsizetype oldest = std::max<qsizetype>(0, m_bars.size() - revisableBars);
    for (qsizetype i = m_bars.size() - 1; i >= oldest; --i) {
        const qint64 heldMs = m_bars.at(i).openTime.toMSecsSinceEpoch();
        if (heldMs < openMs)
            return;
        if (heldMs == openMs) {
            m_bars[i] = bar;
            if (!m_dailyCloses.isEmpty() && m_dailyCloses.constLast().first == openMs)
                m_dailyCloses.last().second = bar.close; // it was the day's close so far
            return;
        }
    }
}

ReturnSeries BarHistory::dailyReturns() const
{
    ReturnSeries series;
    // The last entry is today's close so far: only completed days count.
    for (qsizetype i = 1; i + 1 < m_dailyCloses.size(); ++i) {
        const double previous = m_dailyCloses.at(i - 1).second;
        if (previous <= 0)
            continue;
        series.closeTimes.append(m_dailyCloses.at(i).first);
        series.returns.append(m_dailyCloses.at(i).second / previous - 1.0);
    }
    return series;
}

} // namespace sentinel
