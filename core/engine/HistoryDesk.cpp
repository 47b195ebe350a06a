// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/HistoryDesk.h"

#include "engine/ViewMapping.h"
#include "journal/Journal.h"
#include "notify/Outbox.h"
#include "report/HistoryExport.h"

#include <algorithm>

namespace sentinel {

HistoryDesk::HistoryDesk(Journal& journal, Outbox* outbox) : m_journal(journal), m_outbox(outbox) {}

HistoryPageView HistoryDesk::page(const HistoryQuery& query) const
{
    HistoryPageView view;
    view.request = query.request;
    const int limit = std::clamp(query.limit, 1, maxPageRows);
    // One row more than asked says whether another page follows without a second query.
    auto rows = m_journal.historyPage(query.filter, query.after, limit + 1);
    if (!rows) {
        view.error = rows.error().toString();
        return view;
    }
    view.rows = std::move(rows).value();
    view.more = view.rows.size() > limit;
    if (view.more)
        view.rows.resize(limit);
    if (!query.after) {
        auto matching = m_journal.historyCount(query.filter);
        auto strategies = m_journal.historyStrategies();
        if (!matching || !strategies) {
            view.rows.clear();
            view.more = false;
            view.error = (!matching ? matching.error() : strategies.error()).toString();
            return view;
        }
        view.matching = matching.value();
        view.strategies = strategies.value();
    }
    return view;
}

HistoryDetailView HistoryDesk::detail(const QString& proposalId) const
{
    HistoryDetailView view;
    view.proposalId = proposalId;
    auto proposal = m_journal.proposal(proposalId);
    if (!proposal) {
        view.error = proposal.error().toString();
        return view;
    }
    if (!proposal.value()) {
        view.error = QStringLiteral("the journal has no proposal %1").arg(proposalId);
        return view;
    }
    view.proposal = toView(*proposal.value());
    if (!m_outbox)
        return view;
    // A proposal's signal carries the proposal's id (notify/TradeSignals).
    auto entry = m_outbox->find(proposalId);
    if (!entry) {
        view.error = entry.error().toString();
        return view;
    }
    if (const std::optional<OutboxEntry>& found = entry.value())
        view.delivery = HistoryDetailView::Delivery{outboxStateName(found->state), found->deliveredBy, found->attempts,
                                                    found->lastError, found->finishedAt};
    return view;
}

HistoryExportResult HistoryDesk::exportTo(const HistoryExportRequest& request) const
{
    HistoryExportResult result;
    result.path = request.path;
    const std::optional<HistoryFormat> format = parseHistoryFormat(request.format);
    if (!format) {
        result.error = QStringLiteral("unknown export format '%1': use csv or json").arg(request.format);
        return result;
    }
    auto written = historyexport::write(m_journal, request.filter, request.path, *format);
    if (!written)
        result.error = written.error().toString();
    else
        result.rows = written.value();
    return result;
}

PerformanceView HistoryDesk::performance(const PerformanceQuery& query) const
{
    auto fills = m_journal.fills(query.window.to);
    if (!fills) {
        PerformanceView view;
        view.request = query.request;
        view.error = fills.error().toString();
        return view;
    }
    PerformanceView view = performanceView(PerformanceReport::build(fills.value(), query.window), PerformanceView::Source::Journal);
    view.request = query.request;
    return view;
}

} // namespace sentinel
