// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/RealisedToday.h"

#include "common/Log.h"
#include "journal/Journal.h"
#include "report/PerformanceReport.h"

namespace sentinel {

std::optional<double> RealisedToday::at(const QDateTime& now, qint64 executions)
{
    const QDate day = now.toUTC().date();
    if (day == m_day && executions == m_executions)
        return m_value;
    const QDateTime dayStart(day, QTime(0, 0), Qt::UTC);
    const QDateTime dayEnd = dayStart.addDays(1);
    const auto fills = m_journal.fills(dayEnd);
    if (!fills) {
        // Not remembered: the next refresh reads again.
        log::engine()->warn("realised P&L today: {}", fills.error().toString());
        m_day = QDate();
        m_value.reset();
        return std::nullopt;
    }
    m_value = realisedPnl(fills.value(), dayStart, dayEnd);
    m_day = day;
    m_executions = executions;
    return m_value;
}

} // namespace sentinel
