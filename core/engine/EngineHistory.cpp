// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's answers to the History panel (ADR 0136): each slot asks the HistoryDesk, in the
// engine's thread, and emits what it says; before start() the answer says why there is none.
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

} // namespace sentinel
