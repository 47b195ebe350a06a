// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "ui/CandleChartPainter.h"
#include "ui/ChartGeometry.h"
#include "ui/ChartSeries.h"

#include <QPointF>
#include <QWidget>

namespace sentinel {

/// Candlesticks with volume, a moving average and markers for proposals and executions, painted
/// by hand so that 10,000 bars zoom and pan within a frame: only the visible bars are drawn, and
/// the bars of each pixel column as one candle once they are narrower than a pixel.
///
/// The time axis is the bar index, so closed periods (nights, weekends, holidays) take no space; a
/// dashed line separates sessions and the average is not drawn across a closed period.
///
/// Mouse: the wheel zooms around the pointer, a left drag (or a middle or Ctrl + left drag) pans,
/// a sideways swipe pans, a right click returns to following the newest bar. Keys: + and - zoom,
/// Left and Right pan, End follows the newest bar.
/// While the operator has moved the view it stays where it was put as bars arrive.
class CandleChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CandleChart)
public:
    explicit CandleChart(QWidget* parent = nullptr);

    /// Bars kept at most; the oldest go first.
    void setBarLimit(int limit);
    /// Replaces the bars; the view follows the newest unless the operator has moved it.
    void setBars(const Bars& bars);
    /// Adds newer bars; one with the newest bar's opening time corrects that bar.
    void appendBars(const Bars& bars);
    void setMarkers(const QList<ChartMarker>& markers);
    void addMarker(const ChartMarker& marker);
    void setTitle(const QString& title);

    [[nodiscard]] int barCount() const { return m_series.size(); }
    [[nodiscard]] int markerCount() const { return int(m_markers.size()); }
    [[nodiscard]] int movingAveragePointCount() const { return m_series.averagePointCount(); }
    /// Lines the average is drawn as over all bars: one more for every gap it spans.
    [[nodiscard]] int movingAverageSegmentCount() const { return int(m_series.averageRuns().size()); }
    /// Lines the average was drawn as in the last painted frame.
    [[nodiscard]] int paintedAverageSegments() const { return m_painter.averageSegments(); }
    /// Candles drawn in the last painted frame (pixel columns when zoomed far out).
    [[nodiscard]] int paintedColumnCount() const { return m_painter.columnCount(); }
    [[nodiscard]] int gapCount() const { return m_series.gapCount(); }
    [[nodiscard]] QList<int> sessionStarts() const { return m_series.sessionStarts(); }
    [[nodiscard]] const ChartSeries& series() const { return m_series; }

    /// Centre of bar `index` in widget coordinates.
    [[nodiscard]] double xForIndex(int index) const;
    /// Centre of the bar that opened at `openTime`; NaN when there is none.
    [[nodiscard]] double xForTime(const QDateTime& openTime) const;
    [[nodiscard]] int firstVisibleIndex() const;
    [[nodiscard]] int lastVisibleIndex() const;
    [[nodiscard]] QRect pricePane() const;
    [[nodiscard]] QRect volumePane() const;
    /// "Time (CET)": the axis shows local time and names the clock.
    [[nodiscard]] QString timeAxisTitle() const;

    [[nodiscard]] bool isFollowingLatest() const { return m_follow; }
    /// Zooms by `factor` (>1 zooms in) around `anchorX`, as the wheel does; stops following.
    void zoomBy(double factor, double anchorX);
    /// Moves the bars `pixels` to the right (showing older ones), as a drag does; stops following.
    void panBy(double pixels);
    /// Back to the default zoom, following the newest bar.
    void resetZoom();

    /// The hover box's text for the bar under the pointer; empty when the pointer is elsewhere.
    [[nodiscard]] QString hoverText() const;
    [[nodiscard]] int hoverIndex() const { return m_hoverBar; }

Q_SIGNALS:
    /// The operator zoomed or panned: the view no longer follows the newest bar.
    void userMovedView();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void applyPalette();
    void retranslate();
    void updateLayout() const;
    void syncView() const;
    void locateMarkers();
    void userMoved();
    void hoverAt(const QPointF& pos);
    [[nodiscard]] QString barText(int index) const;

    ChartSeries m_series;
    QList<ChartMarker> m_markers;
    QList<int> m_markerBars;
    // Layout and view follow the widget's size lazily, so tests may ask before the first paint.
    mutable ChartGeometry m_geometry;
    mutable ChartLayout m_layout;
    mutable QSize m_laidOutFor;
    CandleChartPainter m_painter;
    ChartFrame m_frame; ///< the translated texts; the rest is filled in per paint
    ChartColors m_colors;
    QPointF m_hoverPos;
    QPointF m_dragFrom;
    int m_hoverBar = -1;
    bool m_follow = true;
    bool m_dragging = false;
};

} // namespace sentinel
