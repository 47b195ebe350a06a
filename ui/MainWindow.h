// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QMainWindow>
#include <QPointer>

class QMenu;
class QToolBar;

namespace sentinel {

class AlertPanel;
class ApprovalPanel;
class CachePanel;
class ChartPanel;
class ConfigStore;
class DeliveryPanel;
class HistoryPanel;
class PerformancePanel;
class PositionsPanel;
class RiskPanel;
class SettingsDialog;
class SimulateDialog;
class StatusBarWidgets;
class TradingControls;
class TrayNotifier;
class WatchlistModel;
class WatchlistPanel;

/// The operator's window: dockable panels for the watchlist, chart, approvals, positions, risk,
/// caches, delivery, alerts and the history, the operator's controls (pause, flatten, kill switch) in the Trade
/// menu, the toolbar and the tray menu, a status bar, and tray notifications. It only displays what the engine
/// publishes (one slot per engine signal) and sends the operator's decisions back through its
/// signals; it never touches the network, files or the journal. The composition root connects
/// both directions (queued, across the engine thread) and persists the layout.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    /// Bump when docks are added or renamed, so an old saved layout is ignored, not misapplied.
    static constexpr int layoutVersion = 4; // 2: the Positions dock; 3: the History dock; 4: Performance

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Where the settings dialog reads and writes the configuration; without one the Settings
    /// action is disabled. Not owned.
    void setConfigStore(ConfigStore* store);
    /// Whether File ▸ Simulate… has a SimulationHost behind it (bindSimulation says so); without
    /// one the action is disabled.
    void setSimulationAvailable(bool available);

    /// Moves the window, shrinking it where needed, into the free area of the screen it is on
    /// (else the primary screen): after restoring a geometry saved on another screen.
    void keepOnScreen();
    /// Whether the default layout was arranged for a narrow window (docks tabbed together).
    [[nodiscard]] bool isCompactLayout() const { return m_compact; }

    [[nodiscard]] QByteArray saveLayout() const;
    /// False when `state` is from another layout version or unreadable; the default layout stays.
    bool restoreLayout(const QByteArray& state);
    /// The default layout, arranged for the window's present size.
    void resetLayout();

    [[nodiscard]] WatchlistModel* watchlistModel() const { return m_watchlistModel; }
    [[nodiscard]] WatchlistPanel* watchlistPanel() const { return m_watchlist; }
    [[nodiscard]] ChartPanel* chartPanel() const { return m_chart; }
    [[nodiscard]] CachePanel* cachePanel() const { return m_caches; }
    [[nodiscard]] RiskPanel* riskPanel() const { return m_risk; }
    [[nodiscard]] DeliveryPanel* deliveryPanel() const { return m_delivery; }
    [[nodiscard]] ApprovalPanel* approvalPanel() const { return m_approvals; }
    [[nodiscard]] AlertPanel* alertPanel() const { return m_alerts; }
    [[nodiscard]] PositionsPanel* positionsPanel() const { return m_positions; }
    [[nodiscard]] HistoryPanel* historyPanel() const { return m_history; }
    [[nodiscard]] PerformancePanel* performancePanel() const { return m_performance; }
    [[nodiscard]] QAction* simulateAction() const { return m_simulateAction; }
    /// The File ▸ Simulate… dialog once it was opened, else null.
    [[nodiscard]] SimulateDialog* simulateDialog() const;
    [[nodiscard]] TradingControls* tradingControls() const { return m_controls; }
    [[nodiscard]] TrayNotifier* trayNotifier() const { return m_tray; }

public Q_SLOTS:
    void onSnapshotsChanged(const sentinel::InstrumentSnapshots& snapshots);
    void onEngineStatusChanged(const sentinel::EngineStatus& status);
    void onBarsAppended(const sentinel::BarUpdate& update);
    void onChartMarkerAdded(const sentinel::ChartMarker& marker);
    void onCacheReportChanged(const sentinel::CacheReport& report);
    void onRiskChanged(const sentinel::RiskSnapshot& risk);
    void onDeliveryChanged(const sentinel::DeliverySnapshot& delivery);
    void onPortfolioChanged(const sentinel::PortfolioView& portfolio);
    void onProposalChanged(const sentinel::ProposalView& proposal);
    void onAlertRaised(const sentinel::AlertView& alert);
    void onHistoryPageReady(const sentinel::HistoryPageView& page);
    void onHistoryDetailReady(const sentinel::HistoryDetailView& detail);
    void onHistoryExported(const sentinel::HistoryExportResult& result);
    void onPerformanceReady(const sentinel::PerformanceView& view);
    void onPerformanceSaved(const sentinel::PerformanceSaveResult& result);
    void onSimulationProgress(const sentinel::SimulationProgress& progress);
    /// A finished simulation opens in the Performance view.
    void onSimulationFinished(const sentinel::SimulationOutcome& outcome);
    void openSimulation();
    void openSettings();

Q_SIGNALS:
    void approveRequested(const QString& proposalId);
    void rejectRequested(const QString& proposalId, const QString& reason);
    void acknowledgeRequested(const QString& alertId);
    void testMessageRequested();
    /// The operator's controls (issue 16); flatten, the kill switch and closing were confirmed.
    void pauseRequested();
    void resumeRequested();
    void flattenRequested();
    void killSwitchRequested();
    void closePositionRequested(const QString& instrumentKey);
    /// The History panel's questions (ADR 0136); the engine reads and writes the files.
    void historyPageRequested(const sentinel::HistoryQuery& query);
    void historyDetailRequested(const QString& proposalId);
    void historyExportRequested(const sentinel::HistoryExportRequest& request);
    /// The Performance view's questions (ADR 0137), answered by the engine.
    void performanceRequested(const sentinel::PerformanceQuery& query);
    void performanceSaveRequested(const sentinel::PerformanceSaveRequest& request);
    /// File ▸ Simulate… (ADR 0137), run by the SimulationHost.
    void simulationRequested(const sentinel::SimulationRequest& request);
    void simulationCancelRequested();
    /// The operator chose a theme in the settings dialog (applied by the composition root).
    void themeChangeRequested(const QString& theme);
    /// The operator chose a language ("" for the system's); the composition root installs it and
    /// every panel retranslates itself live.
    void languageChangeRequested(const QString& language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createMenusAndToolBar();
    void retranslate();
    void arrangeDefaultLayout();
    void updatePendingCount();

    WatchlistModel* m_watchlistModel;
    WatchlistPanel* m_watchlist;
    ChartPanel* m_chart;
    ApprovalPanel* m_approvals;
    PositionsPanel* m_positions;
    RiskPanel* m_risk;
    CachePanel* m_caches;
    DeliveryPanel* m_delivery;
    AlertPanel* m_alerts;
    HistoryPanel* m_history;
    PerformancePanel* m_performance;
    StatusBarWidgets* m_status;
    TradingControls* m_controls;
    TrayNotifier* m_tray;
    QAction* m_settingsAction = nullptr;
    ConfigStore* m_store = nullptr;
    QPointer<SettingsDialog> m_settings;
    QAction* m_simulateAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_tradeMenu = nullptr;
    QMenu* m_alertsMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QPointer<SimulateDialog> m_simulate;
    QByteArray m_defaultLayout;
    bool m_compact = false;
    bool m_engineRan = false; ///< the History and Performance ask their first answers once the engine runs
};

} // namespace sentinel
