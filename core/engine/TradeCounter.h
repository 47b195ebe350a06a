// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace sentinel {

/// Fills executed on the current UTC day, for the trades-per-day limit.
class TradeCounter
{
public:
    void recordAt(const QDateTime& now)
    {
        const qint64 day = now.date().toJulianDay();
        if (day != m_day) {
            m_day = day;
            m_count = 0;
        }
        ++m_count;
    }
    /// Yesterday's fills do not count today.
    [[nodiscard]] int countOn(const QDateTime& now) const { return now.date().toJulianDay() == m_day ? m_count : 0; }

private:
    qint64 m_day = 0;
    int m_count = 0;
};

} // namespace sentinel
