// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartGeometry.h"

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {
/// Default candle widths: no wider than this while every bar fits, no narrower when they do not.
constexpr double widestDefaultPx = 24;
constexpr double narrowestDefaultPx = 7;
} // namespace

void ChartGeometry::setPlot(double left, double width)
{
    m_left = left;
    m_width = std::max(1.0, width);
}

int ChartGeometry::nearestIndex(double x) const
{
    if (m_count == 0)
        return -1;
    const double slot = m_first + (x - m_left) / step();
    return std::clamp(int(std::floor(slot)), 0, m_count - 1);
}

int ChartGeometry::firstVisible() const
{
    return std::max(0, int(std::floor(m_first)));
}

int ChartGeometry::lastVisible() const
{
    return std::min(m_count - 1, int(std::ceil(m_first + m_span)) - 1);
}

int ChartGeometry::groupSize() const
{
    const double pixels = step();
    return pixels >= 1.0 ? 1 : int(std::ceil(1.0 / pixels));
}

double ChartGeometry::defaultSpan() const
{
    const double usable = std::max(1.0, m_width - followPadPx);
    const double fitAll = m_count * m_width / usable;
    return std::clamp(fitAll, std::max(minSpan, m_width / widestDefaultPx), std::max(minSpan, m_width / narrowestDefaultPx));
}

void ChartGeometry::follow()
{
    m_span = defaultSpan();
    m_first = m_count + followPadPx / step() - m_span;
}

void ChartGeometry::zoom(double factor, double anchorX)
{
    if (!(factor > 0))
        return;
    const double fraction = std::clamp((anchorX - m_left) / m_width, 0.0, 1.0);
    const double anchor = m_first + fraction * m_span;
    const double widest = std::max(minSpan, m_count * m_width / std::max(1.0, m_width - followPadPx));
    m_span = std::clamp(m_span / factor, minSpan, std::max(widest, m_span));
    m_first = anchor - fraction * m_span;
    clampView();
}

void ChartGeometry::pan(double pixels)
{
    m_first -= pixels / step();
    clampView();
}

void ChartGeometry::shift(int bars)
{
    m_first -= bars;
    clampView();
}

void ChartGeometry::clampView()
{
    // When every bar fits, every bar is shown; otherwise at least half the plot keeps showing
    // bars, so the chart cannot be lost off an edge.
    if (m_span >= m_count)
        m_first = std::clamp(m_first, m_count - m_span, 0.0);
    else
        m_first = std::clamp(m_first, -m_span / 2, m_count - m_span / 2);
}

void ChartGeometry::aggregate(const Bars& bars, QList<ChartColumn>& out) const
{
    out.resize(0); // keeps the capacity: no allocation per frame once the buffer has grown
    const int firstBar = firstVisible();
    const int lastBar = std::min(lastVisible(), int(bars.size()) - 1);
    const int group = groupSize();
    for (int i = firstBar; i <= lastBar; ++i) {
        const Bar& bar = bars.at(i);
        if (out.isEmpty() || i / group != out.constLast().first / group) {
            out.append(ChartColumn{i, i, bar.open, bar.high, bar.low, bar.close, bar.volume});
            continue;
        }
        ChartColumn& column = out.last();
        column.last = i;
        column.high = std::max(column.high, bar.high);
        column.low = std::min(column.low, bar.low);
        column.close = bar.close;
        column.volume += bar.volume;
    }
}

double niceTicks(double low, double high, int maxTicks, QList<double>& out)
{
    out.resize(0);
    if (!(high > low) || maxTicks < 1)
        return 0;
    const double rough = (high - low) / maxTicks;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power * 10;
    for (const double multiple : {1.0, 2.0, 5.0}) {
        if (power * multiple >= rough) {
            step = power * multiple;
            break;
        }
    }
    // Ticks by index rather than by adding the step, so rounding errors do not add up.
    const double first = std::ceil(low / step);
    for (int k = 0; k <= 4 * maxTicks; ++k) {
        const double tick = (first + k) * step;
        if (tick > high + step * 1e-9)
            break;
        out.append(std::abs(tick) < step * 1e-9 ? 0.0 : tick);
    }
    return step;
}

} // namespace sentinel
