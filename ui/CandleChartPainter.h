// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "ui/ChartGeometry.h"

#include <QColor>
#include <QList>
#include <QLocale>
#include <QPointF>
#include <QRect>
#include <QString>

class QFontMetrics;
class QPainter;

namespace sentinel {

class ChartSeries;

/// Colours of one palette, worked out when the palette changes rather than per frame. Those drawn
/// in bulk (grid, separators, volume) are opaque, mixed with the background beforehand: the raster
/// engine fills opaque rectangles directly, where translucent ones are blended span by span.
struct ChartColors {
    QColor background;
    QColor text;
    QColor mutedText;
    QColor grid;
    QColor separator;
    QColor up;
    QColor down;
    QColor volumeUp;
    QColor volumeDown;
    QColor average;
    QColor warning;
    QColor crosshair;
    QColor tipBackground;
    QColor tipText;
};

/// The chart's areas: header (title, legend), price pane, volume pane, price axis (right of the
/// panes) and time axis (under them).
struct ChartLayout {
    QRect header;
    QRect price;
    QRect volume;
    QRect priceAxis;
    QRect timeAxis;
};

/// Everything one frame shows; the texts come translated from the widget.
struct ChartFrame {
    const ChartSeries* series = nullptr;
    const ChartGeometry* geometry = nullptr;
    const QList<ChartMarker>* markers = nullptr;
    const QList<int>* markerBars = nullptr; ///< the bar each marker sits on, -1 for none
    ChartLayout layout;
    QString title;
    QString averageName;
    QString timeAxisTitle;
    QString markerNames[4]; ///< proposal buy, proposal sell, execution buy, execution sell
    QString hoverText;      ///< empty: no crosshair
    QPointF hoverPos;
    int hoverBar = -1;
    QLocale locale;
};

/// Paints a ChartFrame with plain lines and rectangles, batched by colour, candles without
/// antialiasing. Keeps its buffers between frames so a frame allocates next to nothing.
class CandleChartPainter final
{
public:
    void paint(QPainter& painter, const ChartFrame& frame, const ChartColors& colors);

    /// Columns drawn in the last frame (bars, or pixel columns of bars when zoomed far out).
    [[nodiscard]] int columnCount() const { return int(m_columns.size()); }
    /// Polylines the moving average was drawn as in the last frame.
    [[nodiscard]] int averageSegments() const { return m_averageSegments; }
    /// The price range of the last frame's price pane.
    [[nodiscard]] double priceLow() const { return m_low; }
    [[nodiscard]] double priceHigh() const { return m_high; }

private:
    struct TimeLabel {
        double x = 0;     ///< where the text is centred
        double gridX = 0; ///< the bar it names
        QString text;
        bool date = false;
    };

    void fitPrices(const ChartFrame& frame);
    [[nodiscard]] double priceY(const ChartFrame& frame, double price) const;
    void paintHeader(QPainter& painter, const ChartFrame& frame, const ChartColors& colors);
    void paintPriceGrid(QPainter& painter, const ChartFrame& frame, const ChartColors& colors);
    void placeTimeLabels(const ChartFrame& frame, const QFontMetrics& metrics);
    void paintTimeAxis(QPainter& painter, const ChartFrame& frame, const ChartColors& colors);
    void paintSeparators(QPainter& painter, const ChartFrame& frame, const ChartColors& colors);
    void paintCandles(QPainter& painter, const ChartFrame& frame, const ChartColors& colors);
    void paintAverage(QPainter& painter, const ChartFrame& frame, const ChartColors& colors);
    void paintMarkers(QPainter& painter, const ChartFrame& frame, const ChartColors& colors);
    void paintLastPrice(QPainter& painter, const ChartFrame& frame, const ChartColors& colors);
    void paintHover(QPainter& painter, const ChartFrame& frame, const ChartColors& colors) const;

    QList<ChartColumn> m_columns;
    QList<QRect> m_upRects;
    QList<QRect> m_downRects;
    QList<QRect> m_upVolume;
    QList<QRect> m_downVolume;
    QList<QPointF> m_line;
    QList<double> m_ticks;
    QList<TimeLabel> m_timeLabels;
    double m_low = 0;
    double m_high = 1;
    double m_tickStep = 0;
    double m_volumeHigh = 1;
    bool m_hasVolume = false;
    int m_averageSegments = 0;
};

} // namespace sentinel
