// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/PerformanceView.h"

#include <QDockWidget>

#include <functional>

class QAction;
class QLabel;
class QTableView;
class QTimer;

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace sentinel {

class PerformanceModel;

/// What the trading made (issue 17, ADR 0137): the equity curve and its drawdown, and per
/// strategy and per instrument the trades, win rate, P&L, average win and loss, profit factor,
/// Sharpe, Sortino and maximum drawdown. Shows the live journal's figures (asked of the engine,
/// which reads the journal) or a finished simulation's; Save… has the engine write the report
/// as JSON or its closed trades as CSV.
class PerformancePanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PerformancePanel)
public:
    /// A curve longer than this is thinned for drawing (each bucket keeps its lowest and highest
    /// equity), so a long journal draws as fast as a short one and keeps its extremes.
    static constexpr int maxCurvePoints = 2000;

    explicit PerformancePanel(QWidget* parent = nullptr);

    [[nodiscard]] PerformanceModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_table; }
    [[nodiscard]] QLabel* titleLabel() const { return m_title; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }
    [[nodiscard]] QLineSeries* equitySeries() const { return m_equity; }
    [[nodiscard]] QLineSeries* drawdownSeries() const { return m_drawdownUpper; }
    [[nodiscard]] QAction* journalAction() const { return m_showJournal; }
    [[nodiscard]] QAction* saveAction() const { return m_save; }
    [[nodiscard]] const PerformanceView& shown() const { return m_shown; }

    /// Asks the engine to write what is shown to `path` (".csv": closed trades, else JSON); the
    /// file dialog behind Save… ends here.
    void saveTo(const QString& path);

public Q_SLOTS:
    void applyPerformance(const sentinel::PerformanceView& view);
    void applySaved(const sentinel::PerformanceSaveResult& result);
    /// Asks the engine for the journal's figures (shown when they arrive).
    void reload();
    /// A trade may have closed: the journal's figures are asked again shortly after, when they
    /// are what the panel shows.
    void noteJournalChanged();

Q_SIGNALS:
    void performanceRequested(const sentinel::PerformanceQuery& query);
    void saveRequested(const sentinel::PerformanceSaveRequest& request);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void chooseSaveFile();
    void showCurves(const PerformanceView& view);
    void showTitle(const PerformanceView& view);
    /// Shows `text()` in the status line; it is called again after a language change.
    void showStatus(std::function<QString()> text);
    void applyChartTheme();

    PerformanceModel* m_model;
    QTableView* m_table;
    QLabel* m_title;
    QLabel* m_status;
    QChart* m_equityChart;
    QChart* m_drawdownChart;
    QChartView* m_equityView;
    QChartView* m_drawdownView;
    QLineSeries* m_equity;
    QLineSeries* m_drawdownUpper;
    QLineSeries* m_drawdownLower;
    QAreaSeries* m_drawdown;
    QDateTimeAxis* m_equityTime;
    QValueAxis* m_equityValue;
    QDateTimeAxis* m_drawdownTime;
    QValueAxis* m_drawdownValue;
    QAction* m_showJournal;
    QAction* m_save;
    QTimer* m_refreshing;
    PerformanceView m_shown;
    std::function<QString()> m_statusText; ///< the status line's text in the present language
    int m_lastRequest = 0;
    bool m_hasShown = false;
};

} // namespace sentinel
