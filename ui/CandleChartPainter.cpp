// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CandleChartPainter.h"

#include "ui/CandleChart.h"
#include "ui/ChartSeries.h"

#include <QDate>
#include <QDateTime>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace sentinel {

namespace {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 dayMs = 86'400'000;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

/// Time-axis steps from a minute to a year; a day and longer go by calendar (month, quarter, year).
enum class TimeUnit { Intraday, Day, Week, Month, Quarter, Year };
struct Granularity {
    TimeUnit unit;
    qint64 ms; ///< intraday step, or the rough length for the spacing estimate
};
constexpr std::array<Granularity, 17> granularities{{
    {TimeUnit::Intraday, minuteMs},       {TimeUnit::Intraday, 2 * minuteMs},   {TimeUnit::Intraday, 5 * minuteMs},
    {TimeUnit::Intraday, 10 * minuteMs},  {TimeUnit::Intraday, 15 * minuteMs},  {TimeUnit::Intraday, 30 * minuteMs},
    {TimeUnit::Intraday, 60 * minuteMs},  {TimeUnit::Intraday, 120 * minuteMs}, {TimeUnit::Intraday, 180 * minuteMs},
    {TimeUnit::Intraday, 240 * minuteMs}, {TimeUnit::Intraday, 360 * minuteMs}, {TimeUnit::Intraday, 720 * minuteMs},
    {TimeUnit::Day, dayMs},               {TimeUnit::Week, 7 * dayMs},          {TimeUnit::Month, 30 * dayMs},
    {TimeUnit::Quarter, 91 * dayMs},      {TimeUnit::Year, 365 * dayMs},
}};

QDate dateOfDay(qint64 day)
{
    return QDate(1970, 1, 1).addDays(day);
}

qint64 bucketOf(const Granularity& g, qint64 localMs)
{
    const qint64 day = floorDiv(localMs, dayMs);
    switch (g.unit) {
    case TimeUnit::Intraday: return floorDiv(localMs, g.ms);
    case TimeUnit::Day: return day;
    case TimeUnit::Week: return floorDiv(day + 3, 7); // 1970-01-01 was a Thursday: weeks start on Monday
    case TimeUnit::Month: {
        const QDate date = dateOfDay(day);
        return qint64(date.year()) * 12 + date.month();
    }
    case TimeUnit::Quarter: {
        const QDate date = dateOfDay(day);
        return qint64(date.year()) * 4 + (date.month() - 1) / 3;
    }
    case TimeUnit::Year: return dateOfDay(day).year();
    }
    return day;
}

QString compactVolume(const QLocale& locale, double volume)
{
    static constexpr std::array<std::pair<double, char16_t>, 3> units{{{1e9, u'G'}, {1e6, u'M'}, {1e3, u'k'}}};
    for (const auto& [size, suffix] : units) {
        if (volume >= size)
            return locale.toString(volume / size, 'f', volume >= 10 * size ? 0 : 1) + QChar(suffix);
    }
    return locale.toString(volume, 'f', 0);
}

} // namespace

void CandleChartPainter::paint(QPainter& painter, const ChartFrame& frame, const ChartColors& colors)
{
    const ChartLayout& layout = frame.layout;
    painter.fillRect(painter.viewport(), colors.background);
    frame.geometry->aggregate(frame.series->bars(), m_columns);
    fitPrices(frame);

    paintHeader(painter, frame, colors);
    paintPriceGrid(painter, frame, colors);
    paintTimeAxis(painter, frame, colors);
    painter.save();
    painter.setClipRect(layout.price.united(layout.volume));
    paintSeparators(painter, frame, colors);
    paintCandles(painter, frame, colors);
    painter.setClipRect(layout.price);
    paintAverage(painter, frame, colors);
    paintMarkers(painter, frame, colors);
    painter.restore();
    paintLastPrice(painter, frame, colors);

    // The panes' frame: a line under the price pane, one under the volume, one along the axis.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(colors.separator);
    const int axisX = layout.price.right() + 1;
    painter.drawLine(axisX, layout.price.top(), axisX, layout.volume.bottom());
    painter.drawLine(layout.volume.left(), layout.volume.bottom() + 1, axisX, layout.volume.bottom() + 1);
    painter.drawLine(layout.price.left(), layout.price.bottom() + 1, axisX, layout.price.bottom() + 1);
    paintHover(painter, frame, colors);
}

void CandleChartPainter::fitPrices(const ChartFrame& frame)
{
    double low = 0;
    double high = 0;
    double volume = 0;
    bool any = false;
    for (const ChartColumn& column : std::as_const(m_columns)) {
        low = any ? std::min(low, column.low) : column.low;
        high = any ? std::max(high, column.high) : column.high;
        volume = std::max(volume, column.volume);
        any = true;
    }
    // Markers on the visible bars stay inside the pane.
    const ChartGeometry& geometry = *frame.geometry;
    for (int i = 0; any && i < int(frame.markers->size()); ++i) {
        const int bar = frame.markerBars->at(i);
        if (bar >= geometry.firstVisible() && bar <= geometry.lastVisible()) {
            low = std::min(low, frame.markers->at(i).price);
            high = std::max(high, frame.markers->at(i).price);
        }
    }
    if (!any) {
        low = 0;
        high = 1;
    }
    const double margin = std::max((high - low) * 0.06, std::max(std::abs(high) * 1e-4, 1e-9));
    m_low = low - margin;
    m_high = high + margin;
    m_volumeHigh = volume > 0 ? volume * 1.1 : 1;
    m_hasVolume = volume > 0;
}

double CandleChartPainter::priceY(const ChartFrame& frame, double price) const
{
    const QRect& pane = frame.layout.price;
    return pane.bottom() + 1 - (price - m_low) / (m_high - m_low) * pane.height();
}

void CandleChartPainter::paintHeader(QPainter& painter, const ChartFrame& frame, const ChartColors& colors)
{
    const QRect& header = frame.layout.header;
    const QFont normal = painter.font();
    QFont bold = normal;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(colors.text);
    int x = header.left();
    if (!frame.title.isEmpty()) {
        painter.drawText(QRect(x, header.top(), header.width(), header.height()), Qt::AlignLeft | Qt::AlignVCenter, frame.title);
        x += QFontMetrics(bold).horizontalAdvance(frame.title) + 16;
    }
    painter.setFont(normal);
    const QFontMetrics metrics(normal);
    const int middle = header.center().y();
    // A legend entry for the average, and one for each kind of marker on the chart.
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(colors.average, 2));
    painter.drawLine(QPointF(x, middle + 0.5), QPointF(x + 14, middle + 0.5));
    x += 18;
    painter.setPen(colors.mutedText);
    painter.drawText(QRect(x, header.top(), header.width(), header.height()), Qt::AlignLeft | Qt::AlignVCenter, frame.averageName);
    x += metrics.horizontalAdvance(frame.averageName) + 14;
    bool shown[4] = {false, false, false, false};
    for (const ChartMarker& marker : *frame.markers)
        shown[(marker.kind == ChartMarker::Kind::Execution ? 2 : 0) + (marker.side == Side::Buy ? 0 : 1)] = true;
    for (int kind = 0; kind < 4; ++kind) {
        if (!shown[kind] || x > header.right() - 60)
            continue;
        const bool buy = kind % 2 == 0;
        painter.setPen(QPen(kind < 2 ? colors.warning : colors.text, 1.2));
        painter.setBrush(buy ? colors.up : colors.down);
        const QPointF centre(x + 5, middle + 0.5);
        if (kind < 2) {
            const double tip = buy ? -5 : 5;
            const QPointF triangle[3] = {centre + QPointF(0, tip), centre + QPointF(-5, -tip), centre + QPointF(5, -tip)};
            painter.drawPolygon(triangle, 3);
        } else {
            painter.drawEllipse(centre, 4.5, 4.5);
        }
        x += 14;
        painter.setPen(colors.mutedText);
        painter.drawText(QRect(x, header.top(), header.width(), header.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         frame.markerNames[kind]);
        x += metrics.horizontalAdvance(frame.markerNames[kind]) + 14;
    }
    painter.setBrush(Qt::NoBrush);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void CandleChartPainter::paintPriceGrid(QPainter& painter, const ChartFrame& frame, const ChartColors& colors)
{
    const ChartLayout& layout = frame.layout;
    const QFontMetrics metrics(painter.font());
    const int maxTicks = std::max(2, layout.price.height() / (metrics.height() * 3));
    m_tickStep = niceTicks(m_low, m_high, maxTicks, m_ticks);
    const int decimals = m_tickStep > 0 ? std::clamp(int(std::ceil(-std::log10(m_tickStep) - 1e-9)), 0, 8) : 2;
    const int labelX = layout.priceAxis.left() + 6;
    for (const double tick : std::as_const(m_ticks)) {
        const int y = int(std::lround(priceY(frame, tick)));
        if (y < layout.price.top() + metrics.height() / 2 || y > layout.price.bottom() - metrics.height() / 2)
            continue;
        painter.setPen(colors.grid);
        painter.drawLine(layout.price.left(), y, layout.price.right(), y);
        painter.setPen(colors.mutedText);
        painter.drawText(QRect(labelX, y - metrics.height() / 2, layout.priceAxis.width() - 6, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, frame.locale.toString(tick, 'f', decimals));
    }
    // The volume pane's own scale: its top value, and a line halfway. A feed that reports no
    // volume (FX quotes) says so rather than showing an empty scale.
    if (m_columns.isEmpty())
        return;
    if (!m_hasVolume) {
        painter.setPen(colors.mutedText);
        painter.drawText(layout.volume, Qt::AlignCenter, CandleChart::tr("No volume reported"));
        return;
    }
    painter.setPen(colors.grid);
    const int half = layout.volume.top() + layout.volume.height() / 2;
    painter.drawLine(layout.volume.left(), half, layout.volume.right(), half);
    painter.setPen(colors.mutedText);
    painter.drawText(QRect(labelX, layout.volume.top(), layout.priceAxis.width() - 6, metrics.height()),
                     Qt::AlignLeft | Qt::AlignTop, compactVolume(frame.locale, m_volumeHigh));
}

void CandleChartPainter::placeTimeLabels(const ChartFrame& frame, const QFontMetrics& metrics)
{
    m_timeLabels.resize(0);
    const ChartSeries& series = *frame.series;
    const ChartGeometry& geometry = *frame.geometry;
    const int first = geometry.firstVisible();
    const int last = geometry.lastVisible();
    if (last < first)
        return;
    const double timeSpacing = metrics.horizontalAdvance(QStringLiteral("00:00")) + 32;
    const double dateSpacing = metrics.horizontalAdvance(QStringLiteral("30 Sep 2026")) + 24;
    // Pixels per calendar day on this compressed axis, read from the bars on view.
    const qint64 days = floorDiv(series.localMs(last), dayMs) - floorDiv(series.localMs(first), dayMs) + 1;
    const double pxPerDay = double(last - first + 1) / double(days) * geometry.step();
    const double pxPerMs = geometry.step() / double(std::max<qint64>(1, series.intervalMs()));
    Granularity chosen = granularities.back();
    for (const Granularity& g : granularities) {
        const bool fits = g.unit == TimeUnit::Intraday
            ? g.ms >= series.intervalMs() && g.ms < dayMs && double(g.ms) * pxPerMs >= timeSpacing
            : double(g.ms) / double(dayMs) * pxPerDay >= dateSpacing;
        if (fits) {
            chosen = g;
            break;
        }
    }
    const ChartLayout& layout = frame.layout;
    qint64 previousBucket = first > 0 ? bucketOf(chosen, series.localMs(first - 1)) : -1;
    qint64 previousDay = first > 0 ? floorDiv(series.localMs(first - 1), dayMs) : -1;
    for (int i = first; i <= last; ++i) {
        const qint64 local = series.localMs(i);
        const qint64 day = floorDiv(local, dayMs);
        // Days change far less often than bars: most bars skip the calendar arithmetic.
        const qint64 bucket = chosen.unit == TimeUnit::Intraday || day != previousDay ? bucketOf(chosen, local) : previousBucket;
        const bool newDay = day != previousDay;
        const bool boundary = bucket != previousBucket;
        previousBucket = bucket;
        previousDay = day;
        if (!boundary)
            continue;
        TimeLabel label;
        label.x = geometry.xForIndex(i);
        label.gridX = label.x;
        label.date = newDay;
        if (!newDay) {
            label.text = frame.locale.toString(QDateTime::fromMSecsSinceEpoch(local, Qt::UTC).time(), QStringLiteral("HH:mm"));
        } else {
            const QDate date = dateOfDay(day);
            const bool yearOnly = chosen.unit == TimeUnit::Year;
            const bool monthOnly = chosen.unit == TimeUnit::Month || chosen.unit == TimeUnit::Quarter;
            label.text = frame.locale.toString(date, yearOnly ? QStringLiteral("yyyy")
                                                     : monthOnly ? QStringLiteral("MMM yyyy")
                                                                 : QStringLiteral("d MMM"));
        }
        const double half = metrics.horizontalAdvance(label.text) / 2.0 + 4;
        if (label.x - half < layout.price.left() || label.x + half > layout.price.right())
            continue;
        // A date outranks a time next to it: the day is what the eye looks for first.
        while (!m_timeLabels.isEmpty()) {
            const TimeLabel& previous = m_timeLabels.constLast();
            const double previousHalf = metrics.horizontalAdvance(previous.text) / 2.0 + 4;
            if (previous.x + previousHalf + 8 <= label.x - half)
                break;
            if (label.date && !previous.date) {
                m_timeLabels.removeLast();
                continue;
            }
            label.text.clear();
            break;
        }
        if (!label.text.isEmpty())
            m_timeLabels.append(std::move(label));
    }
    // Without a date among the labels' first, the left of the chart would not say which day it
    // shows: the first time label names its day too, making room by dropping its neighbour.
    if (m_timeLabels.isEmpty() || m_timeLabels.constFirst().date)
        return;
    TimeLabel& firstLabel = m_timeLabels.first();
    const int index = geometry.nearestIndex(firstLabel.gridX);
    firstLabel.text = frame.locale.toString(dateOfDay(floorDiv(series.localMs(index), dayMs)), QStringLiteral("d MMM")) + u' '
        + firstLabel.text;
    firstLabel.date = true;
    const double half = metrics.horizontalAdvance(firstLabel.text) / 2.0 + 4;
    if (firstLabel.x - half < layout.price.left())
        firstLabel.x = layout.price.left() + half;
    while (m_timeLabels.size() > 1 && m_timeLabels.at(1).x - metrics.horizontalAdvance(m_timeLabels.at(1).text) / 2.0 - 12 < firstLabel.x + half)
        m_timeLabels.removeAt(1);
}

void CandleChartPainter::paintTimeAxis(QPainter& painter, const ChartFrame& frame, const ChartColors& colors)
{
    const ChartLayout& layout = frame.layout;
    const QFontMetrics metrics(painter.font());
    placeTimeLabels(frame, metrics);
    const int labelTop = layout.timeAxis.top() + 3;
    for (const TimeLabel& label : std::as_const(m_timeLabels)) {
        const int gridX = int(std::lround(label.gridX));
        painter.setPen(colors.grid);
        painter.drawLine(gridX, layout.price.top(), gridX, layout.volume.bottom());
        const int x = int(std::lround(label.x));
        painter.setPen(label.date ? colors.text : colors.mutedText);
        const int width = metrics.horizontalAdvance(label.text) + 8;
        painter.drawText(QRect(x - width / 2, labelTop, width, metrics.height()), Qt::AlignCenter, label.text);
    }
    painter.setPen(colors.mutedText);
    painter.drawText(QRect(layout.price.left(), labelTop + metrics.height() + 2, layout.price.width(), metrics.height()),
                     Qt::AlignCenter, frame.timeAxisTitle);
}

void CandleChartPainter::paintSeparators(QPainter& painter, const ChartFrame& frame, const ChartColors& colors)
{
    const ChartGeometry& geometry = *frame.geometry;
    const QList<int>& starts = frame.series->sessionStarts();
    const auto from = std::lower_bound(starts.cbegin(), starts.cend(), geometry.firstVisible() + 1);
    const auto to = std::upper_bound(from, starts.cend(), geometry.lastVisible());
    // Sessions narrower than this on average would paint the chart grey: zoomed that far out the
    // time axis's dates carry the structure instead.
    if (to == from || geometry.width() / double(to - from) < 24)
        return;
    painter.setPen(QPen(colors.separator, 1, Qt::DashLine));
    for (auto it = from; it != to; ++it) {
        const double x = std::floor(geometry.xForBoundary(*it)) + 0.5;
        painter.drawLine(QPointF(x, frame.layout.price.top()), QPointF(x, frame.layout.volume.bottom()));
    }
}

void CandleChartPainter::paintCandles(QPainter& painter, const ChartFrame& frame, const ChartColors& colors)
{
    const ChartGeometry& geometry = *frame.geometry;
    const QRect& volumePane = frame.layout.volume;
    m_upRects.resize(0);
    m_downRects.resize(0);
    m_upVolume.resize(0);
    m_downVolume.resize(0);
    const double columnWidth = geometry.step() * geometry.groupSize();
    // Bodies 70 % of a column, odd so the wick sits in their middle; below 2 px only the wick.
    int body = int(columnWidth * 0.7);
    if (body % 2 == 0)
        body += body + 1 <= columnWidth - 1 ? 1 : -1;
    const bool bodies = body >= 2;
    const double volumeScale = volumePane.height() / m_volumeHigh;
    for (const ChartColumn& column : std::as_const(m_columns)) {
        const bool up = column.close >= column.open;
        const double centre = geometry.xForBoundary(column.first) + (column.last - column.first + 1) * geometry.step() / 2;
        const int x = int(std::floor(centre));
        const int high = int(std::lround(priceY(frame, column.high)));
        const int low = int(std::lround(priceY(frame, column.low)));
        // Wicks are one-pixel rectangles rather than lines: with the bodies they make one batch of
        // opaque rectangles per colour, which the raster engine fills directly.
        QList<QRect>& rects = up ? m_upRects : m_downRects;
        rects.append(QRect(x, high, 1, std::max(1, low - high + 1)));
        const int width = bodies ? body : 1;
        if (bodies) {
            const int top = int(std::lround(priceY(frame, std::max(column.open, column.close))));
            const int bottom = int(std::lround(priceY(frame, std::min(column.open, column.close))));
            rects.append(QRect(x - body / 2, top, body, std::max(1, bottom - top)));
        }
        if (m_hasVolume) {
            const int volumeHeight = std::max(1, int(std::lround(column.volume * volumeScale)));
            (up ? m_upVolume : m_downVolume)
                .append(QRect(x - width / 2, volumePane.bottom() + 1 - volumeHeight, width, volumeHeight));
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    const std::pair<const QList<QRect>*, QColor> batches[] = {{&m_upVolume, colors.volumeUp}, {&m_downVolume, colors.volumeDown},
                                                              {&m_upRects, colors.up}, {&m_downRects, colors.down}};
    for (const auto& [rects, colour] : batches) {
        painter.setBrush(colour);
        painter.drawRects(rects->constData(), int(rects->size()));
    }
    painter.setBrush(Qt::NoBrush);
}

void CandleChartPainter::paintAverage(QPainter& painter, const ChartFrame& frame, const ChartColors& colors)
{
    const ChartSeries& series = *frame.series;
    const ChartGeometry& geometry = *frame.geometry;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(colors.average, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    m_averageSegments = 0;
    m_line.resize(0);
    const auto flush = [&] {
        if (m_line.size() >= 2) {
            painter.drawPolyline(m_line.constData(), int(m_line.size()));
            ++m_averageSegments;
        }
        m_line.resize(0);
    };
    int previousLast = -1;
    for (const ChartColumn& column : std::as_const(m_columns)) {
        const double average = series.average(column.last);
        // No line across a closed period (or missing data): the gap is where nothing traded.
        if (!std::isfinite(average) || (previousLast >= 0 && series.gapsBetween(previousLast, column.last) > 0))
            flush();
        previousLast = column.last;
        if (!std::isfinite(average))
            continue;
        const double centre = geometry.xForBoundary(column.first) + (column.last - column.first + 1) * geometry.step() / 2;
        m_line.append(QPointF(centre, priceY(frame, average)));
    }
    flush();
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void CandleChartPainter::paintMarkers(QPainter& painter, const ChartFrame& frame, const ChartColors& colors)
{
    const ChartGeometry& geometry = *frame.geometry;
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (int i = 0; i < int(frame.markers->size()); ++i) {
        const int bar = frame.markerBars->at(i);
        if (bar < geometry.firstVisible() || bar > geometry.lastVisible())
            continue;
        const ChartMarker& marker = frame.markers->at(i);
        const bool buy = marker.side == Side::Buy;
        const QPointF centre(geometry.xForIndex(bar), priceY(frame, marker.price));
        if (marker.kind == ChartMarker::Kind::Proposal) {
            // Buys point up from below the price, sells down from above it, tip on the price.
            painter.setPen(QPen(colors.warning, 1.5));
            painter.setBrush(buy ? colors.up : colors.down);
            const double dir = buy ? 1 : -1;
            const QPointF triangle[3] = {centre, centre + QPointF(-6, 10 * dir), centre + QPointF(6, 10 * dir)};
            painter.drawPolygon(triangle, 3);
        } else {
            painter.setPen(QPen(colors.text, 1.5));
            painter.setBrush(buy ? colors.up : colors.down);
            painter.drawEllipse(centre, 5, 5);
        }
    }
    painter.setBrush(Qt::NoBrush);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void CandleChartPainter::paintLastPrice(QPainter& painter, const ChartFrame& frame, const ChartColors& colors)
{
    const ChartSeries& series = *frame.series;
    if (series.isEmpty())
        return;
    const Bar& bar = series.at(series.size() - 1);
    const double y = priceY(frame, bar.close);
    const ChartLayout& layout = frame.layout;
    if (y < layout.price.top() || y > layout.price.bottom())
        return;
    // The newest close on the axis, in its candle's colour: the figure a trader looks for first.
    const QColor colour = bar.close >= bar.open ? colors.up : colors.down;
    const QFontMetrics metrics(painter.font());
    const QRect tag(layout.priceAxis.left() + 1, int(std::lround(y)) - metrics.height() / 2 - 1, layout.priceAxis.width() - 2,
                    metrics.height() + 2);
    painter.fillRect(tag, colour);
    painter.setPen(colors.background);
    painter.drawText(tag.adjusted(5, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     frame.locale.toString(bar.close, 'f', series.priceDecimals()));
}

void CandleChartPainter::paintHover(QPainter& painter, const ChartFrame& frame, const ChartColors& colors) const
{
    if (frame.hoverText.isEmpty() || frame.hoverBar < 0)
        return;
    const ChartLayout& layout = frame.layout;
    const int x = int(std::lround(frame.geometry->xForIndex(frame.hoverBar)));
    const int y = int(std::lround(frame.hoverPos.y()));
    painter.setPen(QPen(colors.crosshair, 1, Qt::DashLine));
    painter.drawLine(x, layout.price.top(), x, layout.volume.bottom());
    const QFontMetrics metrics(painter.font());
    if (y >= layout.price.top() && y <= layout.price.bottom()) {
        painter.drawLine(layout.price.left(), y, layout.price.right(), y);
        const double price = m_low + (layout.price.bottom() + 1 - y) / double(layout.price.height()) * (m_high - m_low);
        const QRect tag(layout.priceAxis.left() + 1, y - metrics.height() / 2 - 1, layout.priceAxis.width() - 2, metrics.height() + 2);
        painter.fillRect(tag, colors.crosshair);
        painter.setPen(colors.background);
        painter.drawText(tag.adjusted(5, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         frame.locale.toString(price, 'f', frame.series->priceDecimals()));
    }
    // The box sits beside the pointer, on whichever side keeps it inside the price pane.
    QRect box = metrics.boundingRect(QRect(0, 0, 1000, 1000), Qt::AlignLeft | Qt::AlignTop, frame.hoverText).adjusted(-8, -6, 8, 6);
    const int pointerX = int(frame.hoverPos.x());
    box.moveTopLeft(QPoint(pointerX + 16, layout.price.top() + 8));
    if (box.right() > layout.price.right() - 4)
        box.moveRight(pointerX - 16);
    box.moveLeft(std::max(box.left(), layout.price.left() + 4));
    painter.setPen(colors.crosshair);
    painter.setBrush(colors.tipBackground);
    painter.drawRect(box);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(colors.tipText);
    painter.drawText(box.adjusted(8, 6, -8, -6), Qt::AlignLeft | Qt::AlignTop, frame.hoverText);
}

} // namespace sentinel
