// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "ui/AlertPanel.h"
#include "ui/ApprovalModel.h"
#include "ui/ApprovalPanel.h"
#include "ui/CachePanel.h"
#include "ui/ChartPanel.h"
#include "ui/ConfigStore.h"
#include "ui/DeliveryPanel.h"
#include "ui/HistoryPanel.h"
#include "ui/PerformancePanel.h"
#include "ui/PositionsPanel.h"
#include "ui/RiskPanel.h"
#include "ui/SettingsDialog.h"
#include "ui/SimulateDialog.h"
#include "ui/StatusBarWidgets.h"
#include "ui/Theme.h"
#include "ui/TradingControls.h"
#include "ui/TrayNotifier.h"
#include "ui/WatchlistModel.h"
#include "ui/WatchlistPanel.h"
#include "ui/WindowPlacement.h"

#include <QAction>
#include <QApplication>
#include <QGuiApplication>
#include <QScreen>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace sentinel {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_watchlistModel(new WatchlistModel(this)),
      m_watchlist(new WatchlistPanel(m_watchlistModel, this)),
      m_chart(new ChartPanel(this)),
      m_approvals(new ApprovalPanel(this)),
      m_positions(new PositionsPanel(this)),
      m_risk(new RiskPanel(this)),
      m_caches(new CachePanel(this)),
      m_delivery(new DeliveryPanel(this)),
      m_alerts(new AlertPanel(this)),
      m_history(new HistoryPanel(this)),
      m_performance(new PerformancePanel(this)),
      m_status(new StatusBarWidgets(statusBar())),
      m_controls(new TradingControls(this)),
      m_tray(new TrayNotifier(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Theme::icon(QStringLiteral("sentinel")));
    setDockNestingEnabled(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);

    connect(m_watchlist, &WatchlistPanel::instrumentSelected, m_chart, &ChartPanel::showInstrument);
    connect(m_approvals, &ApprovalPanel::approveRequested, this, &MainWindow::approveRequested);
    connect(m_approvals, &ApprovalPanel::rejectRequested, this, &MainWindow::rejectRequested);
    connect(m_alerts, &AlertPanel::acknowledgeRequested, this, &MainWindow::acknowledgeRequested);
    connect(m_delivery, &DeliveryPanel::testMessageRequested, this, &MainWindow::testMessageRequested);
    connect(m_delivery, &DeliveryPanel::testMessageRequested, this,
            [this] { statusBar()->showMessage(tr("Test message requested; watch the Delivery panel."), 8000); });
    connect(m_tray, &TrayNotifier::notified, this,
            [this](const QString& title, const QString& message) { statusBar()->showMessage(title + QStringLiteral(": ") + message, 10000); });
    connect(m_approvals->queue(), &QAbstractItemModel::rowsInserted, this, &MainWindow::updatePendingCount);
    connect(m_approvals->queue(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::updatePendingCount);
    connect(m_positions, &PositionsPanel::closePositionRequested, this, &MainWindow::closePositionRequested);
    connect(m_history, &HistoryPanel::pageRequested, this, &MainWindow::historyPageRequested);
    connect(m_history, &HistoryPanel::detailRequested, this, &MainWindow::historyDetailRequested);
    connect(m_history, &HistoryPanel::exportRequested, this, &MainWindow::historyExportRequested);
    connect(m_performance, &PerformancePanel::performanceRequested, this, &MainWindow::performanceRequested);
    connect(m_performance, &PerformancePanel::saveRequested, this, &MainWindow::performanceSaveRequested);
    connect(m_controls, &TradingControls::pauseRequested, this, &MainWindow::pauseRequested);
    connect(m_controls, &TradingControls::resumeRequested, this, &MainWindow::resumeRequested);
    connect(m_controls, &TradingControls::flattenRequested, this, &MainWindow::flattenRequested);
    connect(m_controls, &TradingControls::killSwitchRequested, this, &MainWindow::killSwitchRequested);

    createMenusAndToolBar();
    retranslate();
    // Sized to the screen first, so the default layout is arranged for the room there is.
    const QScreen* display = screen() ? screen() : QGuiApplication::primaryScreen();
    resize(windowplacement::defaultSize(display ? display->availableGeometry() : QRect()));
    arrangeDefaultLayout();
    m_defaultLayout = saveState(layoutVersion);
}

void MainWindow::keepOnScreen()
{
    const QScreen* display = QGuiApplication::screenAt(frameGeometry().center());
    if (!display)
        display = QGuiApplication::primaryScreen();
    if (!display)
        return;
    const QRect frame = frameGeometry();
    const QRect kept = windowplacement::keptOnScreen(frame, display->availableGeometry());
    if (kept == frame)
        return;
    // The frame's decorations stay the same size: the client area shrinks by what the frame did.
    resize(size() - (frame.size() - kept.size()));
    move(kept.topLeft());
}

MainWindow::~MainWindow() = default;

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

// The docks retranslate themselves (each gets the LanguageChange event); the window sets its own
// texts and those of the parts that are not widgets.
void MainWindow::retranslate()
{
    setWindowTitle(tr("Trade Sentinel"));
    setAccessibleName(tr("Trade Sentinel main window"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_simulateAction->setText(tr("Si&mulate…"));
    m_simulateAction->setToolTip(tr("Run a strategy over past days on the paper account and see its performance"));
    m_fileMenu->setTitle(tr("&File"));
    m_tradeMenu->setTitle(tr("&Trade"));
    m_alertsMenu->setTitle(tr("&Alerts"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_resetLayoutAction->setText(tr("Reset &Layout"));
    m_aboutAction->setText(tr("&About Trade Sentinel"));
    m_toolBar->setWindowTitle(tr("Main"));
    m_status->retranslate();
    m_controls->retranslate();
    m_tray->retranslate();
}

void MainWindow::createMenusAndToolBar()
{
    m_settingsAction = new QAction(Theme::icon(QStringLiteral("settings")), QString(), this);
    m_settingsAction->setObjectName(QStringLiteral("actionSettings"));
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setEnabled(false);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_simulateAction = new QAction(this);
    m_simulateAction->setObjectName(QStringLiteral("actionSimulate"));
    m_simulateAction->setEnabled(false);
    connect(m_simulateAction, &QAction::triggered, this, &MainWindow::openSimulation);

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_simulateAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    // One Trade menu: the decisions on single proposals, then the controls over the whole desk.
    m_tradeMenu = menuBar()->addMenu(QString());
    QMenu* trade = m_tradeMenu;
    trade->addAction(m_approvals->approveAction());
    trade->addAction(m_approvals->rejectAction());
    trade->addSeparator();
    trade->addAction(m_controls->pauseAction());
    trade->addAction(m_positions->closePositionAction());
    trade->addAction(m_controls->flattenAction());
    trade->addSeparator();
    trade->addAction(m_controls->killSwitchAction());

    m_alertsMenu = menuBar()->addMenu(QString());
    QMenu* alerts = m_alertsMenu;
    alerts->addAction(m_alerts->acknowledgeAction());
    alerts->addAction(m_alerts->acknowledgeAllAction());
    alerts->addAction(m_alerts->whatToDoAction());
    alerts->addSeparator();
    alerts->addAction(m_delivery->sendTestMessageAction());

    m_viewMenu = menuBar()->addMenu(QString());
    QMenu* view = m_viewMenu;
    for (QDockWidget* dock : {static_cast<QDockWidget*>(m_watchlist), static_cast<QDockWidget*>(m_chart),
                              static_cast<QDockWidget*>(m_approvals), static_cast<QDockWidget*>(m_positions),
                              static_cast<QDockWidget*>(m_risk), static_cast<QDockWidget*>(m_caches),
                              static_cast<QDockWidget*>(m_delivery), static_cast<QDockWidget*>(m_alerts),
                              static_cast<QDockWidget*>(m_history), static_cast<QDockWidget*>(m_performance)}) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionShow_") + dock->objectName());
        view->addAction(toggle);
    }
    view->addSeparator();
    view->addAction(m_chart->resetZoomAction());
    m_resetLayoutAction = new QAction(this);
    m_resetLayoutAction->setObjectName(QStringLiteral("actionResetLayout"));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);
    view->addAction(m_resetLayoutAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Trade Sentinel"),
                           tr("Trade Sentinel %1\nA desktop trading monitor with a risk gate and operator approval.\n"
                              "Licensed under the GNU GPL v3 or later.")
                               .arg(QApplication::applicationVersion()));
    });
    m_helpMenu->addAction(m_aboutAction);

    m_toolBar = addToolBar(QString());
    QToolBar* tools = m_toolBar;
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(20, 20));
    tools->addAction(m_approvals->approveAction());
    tools->addAction(m_approvals->rejectAction());
    tools->addSeparator();
    tools->addAction(m_controls->pauseAction());
    tools->addAction(m_controls->flattenAction());
    tools->addAction(m_controls->killSwitchAction());
    tools->addSeparator();
    tools->addAction(m_alerts->acknowledgeAction());
    tools->addAction(m_delivery->sendTestMessageAction());
    tools->addSeparator();
    tools->addAction(m_chart->resetZoomAction());
    tools->addAction(m_settingsAction);

    // Shortcuts work wherever focus is in this window, even for actions whose panel floats.
    for (QAction* action : {m_approvals->approveAction(), m_approvals->rejectAction(), m_alerts->acknowledgeAction(),
                            m_alerts->acknowledgeAllAction(), m_alerts->whatToDoAction(),
                            m_delivery->sendTestMessageAction(), m_chart->resetZoomAction(), m_settingsAction, m_quitAction,
                            m_controls->pauseAction(), m_controls->flattenAction(), m_controls->killSwitchAction()})
        addAction(action);

    m_tray->setMenuActions(
        {m_controls->pauseAction(), m_controls->flattenAction(), m_controls->killSwitchAction(), nullptr, m_quitAction});
}

void MainWindow::arrangeDefaultLayout()
{
    // Taken out first: a dock tabbed with another (a compact layout) would stay a tab when split.
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        removeDockWidget(dock);
        dock->setFloating(false);
        dock->show();
    }
    // Below about 1600 px (a 1366 × 768 laptop) three docks a column do not fit: the secondary
    // ones share a place as tabs, so every table keeps the width and height its columns need.
    m_compact = width() < windowplacement::compactBelowWidth;
    addDockWidget(Qt::LeftDockWidgetArea, m_watchlist);
    splitDockWidget(m_watchlist, m_chart, Qt::Horizontal);
    splitDockWidget(m_chart, m_approvals, Qt::Horizontal);
    splitDockWidget(m_watchlist, m_positions, Qt::Vertical);
    splitDockWidget(m_chart, m_alerts, Qt::Vertical);
    // The history and the performance share the alerts' place: tabs behind them, one click away.
    tabifyDockWidget(m_alerts, m_history);
    tabifyDockWidget(m_history, m_performance);
    m_alerts->raise();
    splitDockWidget(m_approvals, m_delivery, Qt::Vertical);
    if (m_compact) {
        tabifyDockWidget(m_positions, m_risk);
        tabifyDockWidget(m_delivery, m_caches);
        m_positions->raise();
        m_delivery->raise();
        const int side = width() * 3 / 10;
        resizeDocks({m_watchlist, m_chart, m_approvals}, {side, width() - 2 * side, side}, Qt::Horizontal);
        resizeDocks({m_watchlist, m_positions}, {height() * 4 / 10, height() * 6 / 10}, Qt::Vertical);
        resizeDocks({m_chart, m_alerts}, {height() * 6 / 10, height() * 4 / 10}, Qt::Vertical);
        resizeDocks({m_approvals, m_delivery}, {height() * 6 / 10, height() * 4 / 10}, Qt::Vertical);
        return;
    }
    splitDockWidget(m_positions, m_risk, Qt::Vertical);
    splitDockWidget(m_delivery, m_caches, Qt::Vertical);
    const int side = width() * 32 / 100;
    resizeDocks({m_watchlist, m_chart, m_approvals}, {side, width() - 2 * side, side}, Qt::Horizontal);
    resizeDocks({m_watchlist, m_positions, m_risk}, {height() * 35 / 100, height() * 25 / 100, height() * 40 / 100},
                Qt::Vertical);
    resizeDocks({m_chart, m_alerts}, {height() * 65 / 100, height() * 35 / 100}, Qt::Vertical);
    resizeDocks({m_approvals, m_delivery, m_caches}, {height() * 42 / 100, height() * 22 / 100, height() * 36 / 100},
                Qt::Vertical);
}

void MainWindow::setConfigStore(ConfigStore* store)
{
    m_store = store;
    m_settingsAction->setEnabled(store != nullptr);
}

QByteArray MainWindow::saveLayout() const
{
    return saveState(layoutVersion);
}

bool MainWindow::restoreLayout(const QByteArray& state)
{
    return !state.isEmpty() && restoreState(state, layoutVersion);
}

void MainWindow::resetLayout()
{
    // The default arrangement for the window's size now (it may have moved to another screen).
    restoreState(m_defaultLayout, layoutVersion);
    arrangeDefaultLayout();
}

void MainWindow::onSnapshotsChanged(const InstrumentSnapshots& snapshots)
{
    m_watchlistModel->applySnapshots(snapshots);
    m_status->setStaleInstruments(m_watchlistModel->staleCount());
    // Chart something from the start; the operator picks another by selecting a row.
    if (m_watchlist->selectedKey().isEmpty() && m_watchlistModel->rowCount() > 0)
        m_watchlist->view()->selectRow(0);
}

void MainWindow::onEngineStatusChanged(const EngineStatus& status)
{
    m_status->applyStatus(status);
    m_controls->applyStatus(status);
    m_approvals->setEngineTime(status.clockTime);
    if (status.state == EngineState::Running && !m_engineRan) {
        m_engineRan = true;
        m_history->reload();
        m_performance->reload();
    }
}

void MainWindow::onBarsAppended(const BarUpdate& update)
{
    m_chart->appendBars(update);
}

void MainWindow::onChartMarkerAdded(const ChartMarker& marker)
{
    m_chart->addMarker(marker);
}

void MainWindow::onCacheReportChanged(const CacheReport& report)
{
    m_caches->applyReport(report);
}

void MainWindow::onRiskChanged(const RiskSnapshot& risk)
{
    m_risk->applyRisk(risk);
}

void MainWindow::onPortfolioChanged(const PortfolioView& portfolio)
{
    m_positions->applyPortfolio(portfolio);
    m_controls->applyPortfolio(portfolio);
}

void MainWindow::updatePendingCount()
{
    const int pending = m_approvals->queue()->rowCount();
    m_status->setPendingApprovals(pending);
    m_controls->setPendingProposals(pending);
}

void MainWindow::onDeliveryChanged(const DeliverySnapshot& delivery)
{
    m_delivery->applyDelivery(delivery);
    m_status->setDeliveryOffline(delivery.offline);
}

void MainWindow::onProposalChanged(const ProposalView& proposal)
{
    if (m_approvals->applyProposal(proposal))
        m_tray->notifyProposal(proposal);
    m_history->noteJournalChanged();
    m_performance->noteJournalChanged();
}

void MainWindow::onHistoryPageReady(const HistoryPageView& page)
{
    m_history->applyPage(page);
}

void MainWindow::onHistoryDetailReady(const HistoryDetailView& detail)
{
    m_history->applyDetail(detail);
}

void MainWindow::onHistoryExported(const HistoryExportResult& result)
{
    m_history->applyExport(result);
}

void MainWindow::onPerformanceReady(const PerformanceView& view)
{
    m_performance->applyPerformance(view);
}

void MainWindow::onPerformanceSaved(const PerformanceSaveResult& result)
{
    m_performance->applySaved(result);
}

void MainWindow::setSimulationAvailable(bool available)
{
    m_simulateAction->setEnabled(available);
}

SimulateDialog* MainWindow::simulateDialog() const
{
    return m_simulate.data();
}

void MainWindow::openSimulation()
{
    if (!m_simulate) {
        m_simulate = new SimulateDialog(this);
        connect(m_simulate, &SimulateDialog::runRequested, this, &MainWindow::simulationRequested);
        connect(m_simulate, &SimulateDialog::cancelRequested, this, &MainWindow::simulationCancelRequested);
    }
    if (!m_simulate->isRunning()) {
        QList<Instrument> watchlist;
        for (int row = 0; row < m_watchlistModel->rowCount(); ++row)
            watchlist << m_watchlistModel->snapshotAt(row).instrument;
        m_simulate->setInstruments(watchlist);
        m_simulate->refreshToday();
    }
    m_simulate->show();
    m_simulate->raise();
    m_simulate->activateWindow();
}

void MainWindow::onSimulationProgress(const SimulationProgress& progress)
{
    if (m_simulate)
        m_simulate->applyProgress(progress);
}

void MainWindow::onSimulationFinished(const SimulationOutcome& outcome)
{
    if (m_simulate)
        m_simulate->applyOutcome(outcome);
    if (outcome.end != SimulationOutcome::End::Finished)
        return;
    m_performance->applyPerformance(outcome.performance);
    m_performance->show();
    m_performance->raise();
    statusBar()->showMessage(tr("Simulation finished: its figures are in the Performance view."), 10000);
}

void MainWindow::onAlertRaised(const AlertView& alert)
{
    if (m_alerts->applyAlert(alert))
        m_tray->notifyAlert(alert);
}

void MainWindow::openSettings()
{
    if (!m_store)
        return;
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    m_settings = new SettingsDialog(*m_store, this);
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settings, &SettingsDialog::themeChosen, this, &MainWindow::themeChangeRequested);
    connect(m_settings, &SettingsDialog::languageChosen, this, &MainWindow::languageChangeRequested);
    connect(m_settings, &SettingsDialog::alertSoundChosen, m_tray, &TrayNotifier::setSoundEnabled);
    m_settings->open();
}

} // namespace sentinel
