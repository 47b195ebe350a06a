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
#include "ui/PositionsPanel.h"
#include "ui/RiskPanel.h"
#include "ui/SettingsDialog.h"
#include "ui/StatusBarWidgets.h"
#include "ui/Theme.h"
#include "ui/TradingControls.h"
#include "ui/TrayNotifier.h"
#include "ui/WatchlistModel.h"
#include "ui/WatchlistPanel.h"

#include <QAction>
#include <QApplication>
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
      m_status(new StatusBarWidgets(statusBar())),
      m_controls(new TradingControls(this)),
      m_tray(new TrayNotifier(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Trade Sentinel"));
    setWindowIcon(Theme::icon(QStringLiteral("sentinel")));
    setAccessibleName(tr("Trade Sentinel main window"));
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
    connect(m_controls, &TradingControls::pauseRequested, this, &MainWindow::pauseRequested);
    connect(m_controls, &TradingControls::resumeRequested, this, &MainWindow::resumeRequested);
    connect(m_controls, &TradingControls::flattenRequested, this, &MainWindow::flattenRequested);
    connect(m_controls, &TradingControls::killSwitchRequested, this, &MainWindow::killSwitchRequested);

    createMenusAndToolBar();
    arrangeDefaultLayout();
    m_defaultLayout = saveState(layoutVersion);
    resize(1500, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenusAndToolBar()
{
    m_settingsAction = new QAction(Theme::icon(QStringLiteral("settings")), tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("actionSettings"));
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setEnabled(false);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    auto* quit = new QAction(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(quit);

    // One Trade menu: the decisions on single proposals, then the controls over the whole desk.
    QMenu* trade = menuBar()->addMenu(tr("&Trade"));
    trade->addAction(m_approvals->approveAction());
    trade->addAction(m_approvals->rejectAction());
    trade->addSeparator();
    trade->addAction(m_controls->pauseAction());
    trade->addAction(m_positions->closePositionAction());
    trade->addAction(m_controls->flattenAction());
    trade->addSeparator();
    trade->addAction(m_controls->killSwitchAction());

    QMenu* alerts = menuBar()->addMenu(tr("&Alerts"));
    alerts->addAction(m_alerts->acknowledgeAction());
    alerts->addAction(m_alerts->acknowledgeAllAction());
    alerts->addAction(m_alerts->whatToDoAction());
    alerts->addSeparator();
    alerts->addAction(m_delivery->sendTestMessageAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : {static_cast<QDockWidget*>(m_watchlist), static_cast<QDockWidget*>(m_chart),
                              static_cast<QDockWidget*>(m_approvals), static_cast<QDockWidget*>(m_positions),
                              static_cast<QDockWidget*>(m_risk), static_cast<QDockWidget*>(m_caches),
                              static_cast<QDockWidget*>(m_delivery), static_cast<QDockWidget*>(m_alerts),
                              static_cast<QDockWidget*>(m_history)}) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionShow_") + dock->objectName());
        view->addAction(toggle);
    }
    view->addSeparator();
    view->addAction(m_chart->resetZoomAction());
    auto* resetLayoutAction = new QAction(tr("Reset &Layout"), this);
    resetLayoutAction->setObjectName(QStringLiteral("actionResetLayout"));
    connect(resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);
    view->addAction(resetLayoutAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    auto* about = new QAction(tr("&About Trade Sentinel"), this);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Trade Sentinel"),
                           tr("Trade Sentinel %1\nA desktop trading monitor with a risk gate and operator approval.\n"
                              "Licensed under the GNU GPL v3 or later.")
                               .arg(QApplication::applicationVersion()));
    });
    help->addAction(about);

    auto* tools = addToolBar(tr("Main"));
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
                            m_delivery->sendTestMessageAction(), m_chart->resetZoomAction(), m_settingsAction, quit,
                            m_controls->pauseAction(), m_controls->flattenAction(), m_controls->killSwitchAction()})
        addAction(action);

    m_tray->setMenuActions(
        {m_controls->pauseAction(), m_controls->flattenAction(), m_controls->killSwitchAction(), nullptr, quit});
}

void MainWindow::arrangeDefaultLayout()
{
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        dock->setFloating(false);
        dock->show();
    }
    addDockWidget(Qt::LeftDockWidgetArea, m_watchlist);
    splitDockWidget(m_watchlist, m_chart, Qt::Horizontal);
    splitDockWidget(m_chart, m_approvals, Qt::Horizontal);
    splitDockWidget(m_watchlist, m_positions, Qt::Vertical);
    splitDockWidget(m_positions, m_risk, Qt::Vertical);
    splitDockWidget(m_chart, m_alerts, Qt::Vertical);
    // The history shares the alerts' place: a tab behind them, one click away.
    tabifyDockWidget(m_alerts, m_history);
    m_alerts->raise();
    splitDockWidget(m_approvals, m_delivery, Qt::Vertical);
    splitDockWidget(m_delivery, m_caches, Qt::Vertical);
    resizeDocks({m_watchlist, m_chart, m_approvals}, {560, 520, 420}, Qt::Horizontal);
    resizeDocks({m_watchlist, m_positions, m_risk}, {290, 190, 320}, Qt::Vertical);
    resizeDocks({m_chart, m_alerts}, {560, 240}, Qt::Vertical);
    resizeDocks({m_approvals, m_delivery, m_caches}, {340, 170, 290}, Qt::Vertical);
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
    restoreState(m_defaultLayout, layoutVersion);
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        dock->show();
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
    m_settings->open();
}

} // namespace sentinel
