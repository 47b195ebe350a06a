// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's answers to the History and Performance panels (ADRs 0136, 0137): each slot asks
// the HistoryDesk, in the engine's thread, and emits what it says; before start() the answer says
// why there is none.
#include "engine/Engine.h"

#include "engine/HistoryDesk.h"

namespace sentinel {

namespace {

QString notRunning()
{
    return QStringLiteral("the engine is not running, so its journal cannot be read: start it, or read the journal "
                          "with sentinel report --journal FILE");
}

} // namespace

void Engine::requestHistoryPage(const HistoryQuery& query)
{
    if (!m_history) {
        HistoryPageView page;
        page.request = query.request;
        page.error = notRunning();
        Q_EMIT historyPageReady(page);
        return;
    }
    Q_EMIT historyPageReady(m_history->page(query));
}

void Engine::requestHistoryDetail(const QString& proposalId)
{
    if (!m_history) {
        HistoryDetailView detail;
        detail.proposalId = proposalId;
        detail.error = notRunning();
        Q_EMIT historyDetailReady(detail);
        return;
    }
    Q_EMIT historyDetailReady(m_history->detail(proposalId));
}

void Engine::exportHistory(const HistoryExportRequest& request)
{
    if (!m_history) {
        Q_EMIT historyExported(HistoryExportResult{request.path, 0, notRunning()});
        return;
    }
    Q_EMIT historyExported(m_history->exportTo(request));
}

void Engine::requestPerformance(const PerformanceQuery& query)
{
    if (!m_history) {
        PerformanceView view;
        view.request = query.request;
        view.error = notRunning();
        Q_EMIT performanceReady(view);
        return;
    }
    // The journal does not know what the account held before its first fill: the paper account's
    // starting balance stands in, as `sentinel report` assumes without --starting-equity.
    PerformanceQuery withStart = query;
    withStart.window.startingEquity = m_config.paper.startingBalance;
    PerformanceView view = m_history->performance(withStart);
    view.currency = m_config.paper.currency;
    Q_EMIT performanceReady(view);
}

void Engine::savePerformance(const PerformanceSaveRequest& request)
{
    const Status saved = sentinel::savePerformance(request);
    Q_EMIT performanceSaved(PerformanceSaveResult{request.path, saved ? QString() : saved.error().toString()});
}

} // namespace sentinel
