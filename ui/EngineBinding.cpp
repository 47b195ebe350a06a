// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EngineBinding.h"

#include "engine/EngineInterface.h"
#include "ui/MainWindow.h"

namespace sentinel {

void bindEngine(EngineInterface* engine, MainWindow* window)
{
    QObject::connect(engine, &EngineInterface::snapshotsChanged, window, &MainWindow::onSnapshotsChanged);
    QObject::connect(engine, &EngineInterface::statusChanged, window, &MainWindow::onEngineStatusChanged);
    QObject::connect(engine, &EngineInterface::barsAppended, window, &MainWindow::onBarsAppended);
    QObject::connect(engine, &EngineInterface::chartMarkerAdded, window, &MainWindow::onChartMarkerAdded);
    QObject::connect(engine, &EngineInterface::cacheReportChanged, window, &MainWindow::onCacheReportChanged);
    QObject::connect(engine, &EngineInterface::riskChanged, window, &MainWindow::onRiskChanged);
    QObject::connect(engine, &EngineInterface::deliveryChanged, window, &MainWindow::onDeliveryChanged);
    QObject::connect(engine, &EngineInterface::portfolioChanged, window, &MainWindow::onPortfolioChanged);
    QObject::connect(engine, &EngineInterface::proposalChanged, window, &MainWindow::onProposalChanged);
    QObject::connect(engine, &EngineInterface::alertRaised, window, &MainWindow::onAlertRaised);
    QObject::connect(engine, &EngineInterface::historyPageReady, window, &MainWindow::onHistoryPageReady);
    QObject::connect(engine, &EngineInterface::historyDetailReady, window, &MainWindow::onHistoryDetailReady);
    QObject::connect(engine, &EngineInterface::historyExported, window, &MainWindow::onHistoryExported);
    QObject::connect(window, &MainWindow::approveRequested, engine, &EngineInterface::approveProposal);
    QObject::connect(window, &MainWindow::rejectRequested, engine, &EngineInterface::rejectProposal);
    QObject::connect(window, &MainWindow::acknowledgeRequested, engine, &EngineInterface::acknowledgeAlert);
    QObject::connect(window, &MainWindow::testMessageRequested, engine, &EngineInterface::sendTestMessage);
    QObject::connect(window, &MainWindow::pauseRequested, engine, &EngineInterface::pauseTrading);
    QObject::connect(window, &MainWindow::resumeRequested, engine, &EngineInterface::resumeTrading);
    QObject::connect(window, &MainWindow::flattenRequested, engine, &EngineInterface::flattenAll);
    QObject::connect(window, &MainWindow::killSwitchRequested, engine, &EngineInterface::activateKillSwitch);
    QObject::connect(window, &MainWindow::closePositionRequested, engine, &EngineInterface::closePosition);
    QObject::connect(window, &MainWindow::historyPageRequested, engine, &EngineInterface::requestHistoryPage);
    QObject::connect(window, &MainWindow::historyDetailRequested, engine, &EngineInterface::requestHistoryDetail);
    QObject::connect(window, &MainWindow::historyExportRequested, engine, &EngineInterface::exportHistory);
    QObject::connect(engine, &EngineInterface::performanceReady, window, &MainWindow::onPerformanceReady);
    QObject::connect(engine, &EngineInterface::performanceSaved, window, &MainWindow::onPerformanceSaved);
    QObject::connect(window, &MainWindow::performanceRequested, engine, &EngineInterface::requestPerformance);
    QObject::connect(window, &MainWindow::performanceSaveRequested, engine, &EngineInterface::savePerformance);
}

void bindSimulation(SimulationInterface* simulations, MainWindow* window)
{
    QObject::connect(window, &MainWindow::simulationRequested, simulations, &SimulationInterface::startSimulation);
    QObject::connect(window, &MainWindow::simulationCancelRequested, simulations, &SimulationInterface::cancelSimulation);
    QObject::connect(simulations, &SimulationInterface::simulationProgressed, window, &MainWindow::onSimulationProgress);
    QObject::connect(simulations, &SimulationInterface::simulationFinished, window, &MainWindow::onSimulationFinished);
    window->setSimulationAvailable(true);
}

} // namespace sentinel
