// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "report/PerformanceView.h"

namespace sentinel {

class Journal;
class Outbox;

/// Answers the History panel (issue 17, ADR 0136) from the engine's journal and outbox, in the
/// engine's thread: pages of proposals, one proposal's detail, and exports to a file. A page is one
/// indexed query, so a long journal costs the engine no more per page than a short one.
class HistoryDesk final
{
public:
    /// `outbox` may be null (no outbox was built).
    HistoryDesk(Journal& journal, Outbox* outbox);

    [[nodiscard]] HistoryPageView page(const HistoryQuery& query) const;
    [[nodiscard]] HistoryDetailView detail(const QString& proposalId) const;
    [[nodiscard]] HistoryExportResult exportTo(const HistoryExportRequest& request) const;
    /// The journal's performance over `query.window` (ADR 0137): every fill before its end is read
    /// (round trips opened earlier count), then reduced to figures and a curve.
    [[nodiscard]] PerformanceView performance(const PerformanceQuery& query) const;

    /// Rows a page may hold at most, whatever a query asks for.
    static constexpr int maxPageRows = 1000;

private:
    Journal& m_journal;
    Outbox* m_outbox;
};

} // namespace sentinel
