// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>
#include <QHash>

class QAction;
class QLabel;

namespace sentinel {

class CandleChart;

/// Candlesticks for one instrument with volume, a moving average and markers for proposals and
/// executions, drawn by a CandleChart. The panel keeps the most recent bars of every instrument so
/// switching is instant; the chart is reloaded only on a switch or a `replace` update, and otherwise
/// grows by the new bars, never reloaded per bar.
///
/// Mouse: wheel zooms the time axis around the pointer, a drag pans, a right click returns to the
/// newest bars. While zoomed the view stays where the operator put it; "Reset zoom" returns to
/// following the newest bar.
class ChartPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartPanel)
public:
    /// Bars kept per instrument (about 60 bytes each): 10,000 five-minute bars are four months
    /// of a stock's sessions, and the chart still zooms and pans through them within a frame.
    static constexpr int maxBars = 10'000;
    static constexpr int movingAveragePeriod = 20;

    explicit ChartPanel(QWidget* parent = nullptr);

    void showInstrument(const QString& key);
    [[nodiscard]] QString instrumentKey() const { return m_key; }
    void appendBars(const sentinel::BarUpdate& update);
    void addMarker(const sentinel::ChartMarker& marker);

    [[nodiscard]] int candleCount() const;
    /// Bars with an average value: every bar from the 20th on, gaps or not (the average runs on
    /// across a closed period; only its line is broken there).
    [[nodiscard]] int movingAveragePointCount() const;
    [[nodiscard]] int markerCount() const;
    /// How often the chart was reloaded from scratch (switches and replace updates only).
    [[nodiscard]] int rebuildCount() const { return m_rebuilds; }
    [[nodiscard]] bool isFollowingLatest() const;
    [[nodiscard]] QAction* resetZoomAction() const { return m_resetZoom; }
    [[nodiscard]] CandleChart* candleChart() const { return m_chart; }
    /// Zooms the time axis by `factor` (>1 zooms in) around the middle, as the mouse wheel does.
    void zoomTime(double factor);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Track {
        Bars bars;
        QList<ChartMarker> markers;
    };

    void retranslate();
    void rebuild();
    void updatePlaceholder();

    QHash<QString, Track> m_tracks;
    QString m_key;
    CandleChart* m_chart;
    QLabel* m_placeholder;
    QAction* m_resetZoom;
    int m_rebuilds = 0;
};

} // namespace sentinel
