// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>
#include <QHash>

class QAction;
class QLabel;

QT_BEGIN_NAMESPACE
class QCandlestickSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace sentinel {

/// Candlesticks for one instrument with a moving average and markers for proposals and
/// executions. The panel keeps the most recent bars of every instrument so switching is instant;
/// the displayed series are rebuilt only on a switch or a `replace` update, and otherwise grow by
/// appending new sets and dropping the oldest, never rebuilt per bar.
///
/// Mouse: wheel zooms the time axis around the pointer, left drag zooms into a range, middle drag
/// (or Ctrl + left drag) pans, right click zooms out. While zoomed the view stays where the operator
/// put it; "Reset zoom" returns to following the newest bar.
class ChartPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartPanel)
public:
    static constexpr int maxBars = 300;
    static constexpr int movingAveragePeriod = 20;

    explicit ChartPanel(QWidget* parent = nullptr);

    void showInstrument(const QString& key);
    [[nodiscard]] QString instrumentKey() const { return m_key; }
    void appendBars(const sentinel::BarUpdate& update);
    void addMarker(const sentinel::ChartMarker& marker);

    [[nodiscard]] int candleCount() const;
    [[nodiscard]] int movingAveragePointCount() const;
    [[nodiscard]] int markerCount() const;
    /// How often the displayed series were rebuilt from scratch (switches and replace updates only).
    [[nodiscard]] int rebuildCount() const { return m_rebuilds; }
    [[nodiscard]] bool isFollowingLatest() const { return m_follow; }
    [[nodiscard]] QAction* resetZoomAction() const { return m_resetZoom; }
    [[nodiscard]] QChart* chart() const { return m_chart; }
    /// Zooms the time axis by `factor` (>1 zooms in), as the mouse wheel does.
    void zoomTime(double factor);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Track {
        Bars bars;
        QList<ChartMarker> markers;
    };

    void rebuild();
    void updatePlaceholder();
    void appendToSeries(const Bars& bars, int index);
    void replaceLastInSeries(const Bars& bars);
    void dropOldestFromSeries(const QDateTime& firstKept);
    void addMarkerToSeries(const ChartMarker& marker);
    void fitAxes();
    void applyChartTheme();
    void onUserZoomed();
    void showTimeZone(const QDateTime& at);
    void resetZoom();
    [[nodiscard]] QScatterSeries* markerSeries(const ChartMarker& marker) const;

    QHash<QString, Track> m_tracks;
    QString m_key;
    QChart* m_chart;
    QChartView* m_view;
    QLabel* m_placeholder;
    QCandlestickSeries* m_candles;
    QLineSeries* m_average;
    QScatterSeries* m_proposalBuys;
    QScatterSeries* m_proposalSells;
    QScatterSeries* m_executionBuys;
    QScatterSeries* m_executionSells;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_priceAxis;
    QAction* m_resetZoom;
    bool m_follow = true;
    bool m_fitting = false;
    int m_rebuilds = 0;
};

} // namespace sentinel
