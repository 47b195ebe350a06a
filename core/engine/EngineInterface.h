// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "report/PerformanceView.h"

#include <QObject>
#include <QStringList>

namespace sentinel {

/// The engine as the operator's window sees it: the snapshots it publishes and the decisions it
/// takes back, and nothing of the services behind it. The UI depends on this header and on
/// Snapshots.h only; the engine lives in its own thread, so every connection to it is queued.
class EngineInterface : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineInterface)
public:
    ~EngineInterface() override = default;

public Q_SLOTS:
    /// The operator's decisions. The engine re-checks freshness and risk before executing.
    virtual void approveProposal(const QString& proposalId) = 0;
    virtual void rejectProposal(const QString& proposalId, const QString& reason) = 0;
    virtual void acknowledgeAlert(const QString& alertId) = 0;
    /// Sends one test message through every enabled channel (the Delivery panel's action).
    virtual void sendTestMessage() = 0;
    /// The operator's controls (ADR 0132), from the desktop: each is journalled with who and when.
    /// Pause stops new proposals (exits and alerts go on) and survives a restart.
    virtual void pauseTrading() = 0;
    virtual void resumeTrading() = 0;
    /// Closes every open position through the platform; the window confirmed the list first.
    virtual void flattenAll() = 0;
    /// Pause, reject every pending proposal, then flatten: one keystroke, after a confirmation.
    virtual void activateKillSwitch() = 0;
    virtual void closePosition(const QString& instrumentKey) = 0;
    /// The History panel's questions (ADR 0136), answered by historyPageReady, historyDetailReady
    /// and historyExported; the journal is read in the engine's thread, never the window's.
    virtual void requestHistoryPage(const sentinel::HistoryQuery& query) = 0;
    virtual void requestHistoryDetail(const QString& proposalId) = 0;
    virtual void exportHistory(const sentinel::HistoryExportRequest& request) = 0;
    /// The Performance view's questions (ADR 0137): the journal's figures over a window, answered
    /// by performanceReady, and a Save… of a report (the journal's or a simulation's), answered by
    /// performanceSaved. Both run in the engine's thread.
    virtual void requestPerformance(const sentinel::PerformanceQuery& query) = 0;
    virtual void savePerformance(const sentinel::PerformanceSaveRequest& request) = 0;

Q_SIGNALS:
    void snapshotsChanged(const sentinel::InstrumentSnapshots& changed);
    void barsAppended(const sentinel::BarUpdate& update);
    void chartMarkerAdded(const sentinel::ChartMarker& marker);
    void cacheReportChanged(const sentinel::CacheReport& report);
    void riskChanged(const sentinel::RiskSnapshot& risk);
    /// The account changed (a fill, a refresh): balance, equity and open positions.
    void portfolioChanged(const sentinel::PortfolioView& portfolio);
    void deliveryChanged(const sentinel::DeliverySnapshot& delivery);
    /// A new proposal, or a change of state of a known one (same id).
    void proposalChanged(const sentinel::ProposalView& proposal);
    void alertRaised(const sentinel::AlertView& alert);
    void historyPageReady(const sentinel::HistoryPageView& page);
    void historyDetailReady(const sentinel::HistoryDetailView& detail);
    void historyExported(const sentinel::HistoryExportResult& result);
    void performanceReady(const sentinel::PerformanceView& view);
    void performanceSaved(const sentinel::PerformanceSaveResult& result);
    void statusChanged(const sentinel::EngineStatus& status);
    /// The engine could not start; `problems` says what to fix.
    void startFailed(const QStringList& problems);
    void stopped();

protected:
    explicit EngineInterface(QObject* parent = nullptr) : QObject(parent) {}
};

/// File ▸ Simulate… as the window sees it (ADR 0137): a simulation is asked for and cancelled,
/// and its progress and outcome come back. The runner lives in a thread of its own.
class SimulationInterface : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationInterface)
public:
    ~SimulationInterface() override = default;

public Q_SLOTS:
    virtual void startSimulation(const sentinel::SimulationRequest& request) = 0;
    virtual void cancelSimulation() = 0;

Q_SIGNALS:
    void simulationProgressed(const sentinel::SimulationProgress& progress);
    void simulationFinished(const sentinel::SimulationOutcome& outcome);

protected:
    explicit SimulationInterface(QObject* parent = nullptr) : QObject(parent) {}
};

} // namespace sentinel
