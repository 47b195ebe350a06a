// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>
#include <QHash>

#include <chrono>

class QLabel;
class QTableView;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace sentinel {

class CacheModel;

/// Caches at a glance: per-cache counters, the provider quota used today and when it resets, API
/// calls saved, and each cache's hit rate over time.
class CachePanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CachePanel)
public:
    /// Points kept per hit-rate line (one per report; at one report a minute, six hours).
    static constexpr int historyPoints = 360;

    explicit CachePanel(QWidget* parent = nullptr);

    void applyReport(const sentinel::CacheReport& report);
    [[nodiscard]] CacheModel* model() const { return m_model; }
    [[nodiscard]] int historyPointCount(const QString& cache) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    /// The quota lines and the saved calls of the last report in the present language.
    void showQuotas();
    /// "second", "minute", or the window's length: the rate limit's unit in the quota lines.
    [[nodiscard]] static QString rateWindowName(std::chrono::milliseconds window);
    void applyChartTheme();

    CacheModel* m_model;
    QTableView* m_view;
    QLabel* m_quota;
    QLabel* m_saved;
    QChart* m_chart;
    QChartView* m_chartView = nullptr;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_rateAxis;
    QHash<QString, QLineSeries*> m_history;
    QDateTime m_firstReport;
    /// The last quotas reported; a report without any leaves them shown.
    QList<QuotaSnapshot> m_quotas;
    qint64 m_apiCallsSaved = 0; ///< by the last report's providers
};

} // namespace sentinel
