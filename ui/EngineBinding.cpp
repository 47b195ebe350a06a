// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EngineBinding.h"

#include "engine/Engine.h"
#include "ui/MainWindow.h"

namespace sentinel {

void bindEngine(Engine* engine, MainWindow* window)
{
    QObject::connect(engine, &Engine::snapshotsChanged, window, &MainWindow::onSnapshotsChanged);
    QObject::connect(engine, &Engine::statusChanged, window, &MainWindow::onEngineStatusChanged);
    QObject::connect(engine, &Engine::barsAppended, window, &MainWindow::onBarsAppended);
    QObject::connect(engine, &Engine::chartMarkerAdded, window, &MainWindow::onChartMarkerAdded);
    QObject::connect(engine, &Engine::cacheReportChanged, window, &MainWindow::onCacheReportChanged);
    QObject::connect(engine, &Engine::riskChanged, window, &MainWindow::onRiskChanged);
    QObject::connect(engine, &Engine::deliveryChanged, window, &MainWindow::onDeliveryChanged);
    QObject::connect(engine, &Engine::proposalChanged, window, &MainWindow::onProposalChanged);
    QObject::connect(engine, &Engine::alertRaised, window, &MainWindow::onAlertRaised);
    QObject::connect(window, &MainWindow::approveRequested, engine, &Engine::approveProposal);
    QObject::connect(window, &MainWindow::rejectRequested, engine, &Engine::rejectProposal);
    QObject::connect(window, &MainWindow::acknowledgeRequested, engine, &Engine::acknowledgeAlert);
    QObject::connect(window, &MainWindow::testMessageRequested, engine, &Engine::sendTestMessage);
}

} // namespace sentinel
