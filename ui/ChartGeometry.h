// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"

#include <QList>

namespace sentinel {

/// Bars drawn as one candle: one bar, or all bars of a pixel column when candles would be
/// narrower than a pixel.
struct ChartColumn {
    int first = 0;
    int last = 0;
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    double volume = 0;
};

/// Where the bars are on screen: a view of `span` bar slots starting at slot `first` (bar i
/// fills [i, i + 1)), stretched over the plot's width. Pure arithmetic, no widget, so the mapping,
/// zoom, pan and the visible range are tested without painting.
class ChartGeometry final
{
public:
    /// Room to the right of the newest bar while following, so it is not glued to the axis.
    static constexpr double followPadPx = 12;
    /// The narrowest zoom: fewer bars are not a chart.
    static constexpr double minSpan = 8;

    void setPlot(double left, double width);
    void setCount(int count) { m_count = count; }

    [[nodiscard]] double left() const { return m_left; }
    [[nodiscard]] double width() const { return m_width; }
    [[nodiscard]] int count() const { return m_count; }
    [[nodiscard]] double first() const { return m_first; }
    [[nodiscard]] double span() const { return m_span; }
    /// Pixels per bar.
    [[nodiscard]] double step() const { return m_width / m_span; }

    /// Centre of bar `index`.
    [[nodiscard]] double xForIndex(int index) const { return m_left + (index + 0.5 - m_first) * step(); }
    /// The boundary between bar `index - 1` and bar `index`.
    [[nodiscard]] double xForBoundary(int index) const { return m_left + (index - m_first) * step(); }
    /// The bar under `x`, clamped to the bars there are; -1 without bars.
    [[nodiscard]] int nearestIndex(double x) const;
    /// The first and last bar with any part in the plot; last < first when none is.
    [[nodiscard]] int firstVisible() const;
    [[nodiscard]] int lastVisible() const;
    /// Bars per drawn column: 1 while a bar is at least a pixel wide.
    [[nodiscard]] int groupSize() const;

    /// The span a fresh view shows: every bar while they fit at a readable width, else the newest.
    [[nodiscard]] double defaultSpan() const;
    /// The default span with the newest bar at the right edge.
    void follow();
    /// Zooms by `factor` (>1 shows fewer bars), keeping the bar under `anchorX` in place.
    void zoom(double factor, double anchorX);
    /// Moves the bars by `pixels` (positive: to the right, showing older bars).
    void pan(double pixels);
    /// The oldest `bars` were dropped: keeps showing the same bars.
    void shift(int bars);
    void clampView();

    /// The visible bars gathered into columns of `groupSize()` bars into `out` (reused between
    /// frames). Columns start at multiples of the group size, so panning does not change their
    /// composition and the picture does not shimmer.
    void aggregate(const Bars& bars, QList<ChartColumn>& out) const;

private:
    double m_left = 0;
    double m_width = 1;
    double m_first = 0;
    double m_span = minSpan;
    int m_count = 0;
};

/// Round tick values (1, 2 or 5 times a power of ten) between `low` and `high`, at most about
/// `maxTicks` of them, into `out`; returns the tick step.
double niceTicks(double low, double high, int maxTicks, QList<double>& out);

} // namespace sentinel
