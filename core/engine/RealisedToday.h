// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>

#include <optional>

namespace sentinel {

class Journal;

/// Realised P&L of the round trips closed today (UTC), for the Positions panel's totals. Read
/// from the journal again only when a fill was journalled or the day turned, not at every account
/// refresh (matching reads every fill).
class RealisedToday final
{
public:
    explicit RealisedToday(Journal& journal) : m_journal(journal) {}

    /// nullopt when the journal could not be read (the panel says so rather than showing 0).
    /// `executions` is the engine's running count of journalled fills.
    [[nodiscard]] std::optional<double> at(const QDateTime& now, qint64 executions);

private:
    Journal& m_journal;
    QDate m_day;
    qint64 m_executions = -1;
    std::optional<double> m_value;
};

} // namespace sentinel
