// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Snapshots.h"

namespace sentinel {

void registerSnapshotTypes()
{
    qRegisterMetaType<InstrumentSnapshot>();
    qRegisterMetaType<InstrumentSnapshots>();
    qRegisterMetaType<BarUpdate>();
    qRegisterMetaType<ChartMarker>();
    qRegisterMetaType<CacheReport>();
    qRegisterMetaType<RiskSnapshot>();
    qRegisterMetaType<DeliverySnapshot>();
    qRegisterMetaType<ProposalView>();
    qRegisterMetaType<QList<ProposalView>>();
    qRegisterMetaType<AlertView>();
    qRegisterMetaType<EngineStatus>();
    qRegisterMetaType<PortfolioView>();
    qRegisterMetaType<HistoryQuery>();
    qRegisterMetaType<HistoryPageView>();
    qRegisterMetaType<HistoryDetailView>();
    qRegisterMetaType<HistoryExportRequest>();
    qRegisterMetaType<HistoryExportResult>();
    qRegisterMetaType<PerformanceView>();
    qRegisterMetaType<PerformanceQuery>();
    qRegisterMetaType<PerformanceSaveRequest>();
    qRegisterMetaType<PerformanceSaveResult>();
    qRegisterMetaType<SimulationRequest>();
    qRegisterMetaType<SimulationProgress>();
    qRegisterMetaType<SimulationOutcome>();
}

} // namespace sentinel
