// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CandleChart.h"

#include "ui/Theme.h"

#include <QEvent>
#include <QFontMetrics>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sentinel {

namespace {

constexpr int margin = 8;
constexpr double wheelZoomStep = 1.25;

QColor withAlpha(QColor colour, double alpha)
{
    colour.setAlphaF(float(alpha));
    return colour;
}

/// `colour` at `alpha` over `background`, as one opaque colour.
QColor mixed(const QColor& colour, const QColor& background, double alpha)
{
    const auto channel = [alpha](double a, double b) { return int(std::lround(a * alpha + b * (1 - alpha))); };
    return QColor(channel(colour.red(), background.red()), channel(colour.green(), background.green()),
                  channel(colour.blue(), background.blue()));
}

} // namespace

CandleChart::CandleChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("candleChart"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    // Every pixel is painted each frame: Qt need not clear the background first.
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 140);
    setContextMenuPolicy(Qt::NoContextMenu);
    applyPalette();
    retranslate();
}

void CandleChart::retranslate()
{
    m_frame.averageName = tr("MA %1").arg(ChartSeries::averagePeriod);
    m_frame.markerNames[0] = tr("Proposal: buy");
    m_frame.markerNames[1] = tr("Proposal: sell");
    m_frame.markerNames[2] = tr("Execution: buy");
    m_frame.markerNames[3] = tr("Execution: sell");
    setAccessibleName(tr("Price chart"));
    setAccessibleDescription(tr("Candlesticks with volume, a moving average and markers for proposals and executions. "
                                "Mouse wheel zooms, drag pans, right click follows the newest bar again."));
}

void CandleChart::setBarLimit(int limit)
{
    m_series.setLimit(std::max(1, limit));
}

void CandleChart::setBars(const Bars& bars)
{
    m_series.reset(bars);
    m_hoverBar = -1;
    locateMarkers();
    m_laidOutFor = QSize(); // the price axis fits the new prices
    update();
}

void CandleChart::appendBars(const Bars& bars)
{
    const ChartSeries::Merge merged = m_series.append(bars);
    if (merged.appended == 0 && !merged.correctedLast)
        return;
    if (merged.dropped > 0) {
        // A moved view keeps showing the same bars while the oldest scroll out of memory.
        m_geometry.shift(merged.dropped);
        m_hoverBar = -1;
    }
    locateMarkers();
    m_laidOutFor = QSize();
    update();
}

void CandleChart::setMarkers(const QList<ChartMarker>& markers)
{
    m_markers.clear();
    for (const ChartMarker& marker : markers) {
        if (marker.at.isValid() && marker.price > 0)
            m_markers.append(marker);
    }
    locateMarkers();
    update();
}

void CandleChart::addMarker(const ChartMarker& marker)
{
    if (!marker.at.isValid() || !(marker.price > 0))
        return;
    m_markers.append(marker);
    m_markerBars.append(m_series.indexAt(marker.at));
    update();
}

void CandleChart::setTitle(const QString& title)
{
    m_frame.title = title;
    update();
}

void CandleChart::locateMarkers()
{
    // A marker sits on the bar whose interval holds its time (the newest bar for a later one);
    // one older than every bar held is not drawn.
    m_markerBars.resize(m_markers.size());
    for (int i = 0; i < int(m_markers.size()); ++i)
        m_markerBars[i] = m_series.indexAt(m_markers.at(i).at);
}

double CandleChart::xForIndex(int index) const
{
    updateLayout();
    return m_geometry.xForIndex(index);
}

double CandleChart::xForTime(const QDateTime& openTime) const
{
    const int index = m_series.indexOf(openTime);
    return index < 0 ? std::numeric_limits<double>::quiet_NaN() : xForIndex(index);
}

int CandleChart::firstVisibleIndex() const
{
    updateLayout();
    return m_series.isEmpty() ? -1 : m_geometry.firstVisible();
}

int CandleChart::lastVisibleIndex() const
{
    updateLayout();
    return m_series.isEmpty() ? -1 : m_geometry.lastVisible();
}

QRect CandleChart::pricePane() const
{
    updateLayout();
    return m_layout.price;
}

QRect CandleChart::volumePane() const
{
    updateLayout();
    return m_layout.volume;
}

QString CandleChart::timeAxisTitle() const
{
    const QDateTime at = m_series.isEmpty() ? QDateTime::currentDateTimeUtc() : m_series.bars().constLast().openTime;
    return tr("Time (%1)").arg(at.toLocalTime().timeZoneAbbreviation());
}

void CandleChart::updateLayout() const
{
    if (m_laidOutFor == size()) {
        syncView();
        return;
    }
    m_laidOutFor = size();
    const QFontMetrics metrics(font());
    const int line = metrics.height();
    // The price axis is as wide as the widest price it may write, so it does not jump when panning.
    double widest = 0;
    for (int i = std::max(0, m_series.size() - 200); i < m_series.size(); ++i)
        widest = std::max(widest, std::abs(m_series.at(i).high));
    const QString sample = locale().toString(widest * 1.5 + 1, 'f', m_series.priceDecimals());
    const int axisWidth = std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(QStringLiteral("000.0k"))) + 16;
    const int left = margin;
    const int right = width() - axisWidth;
    const int top = line + 10;
    const int bottom = height() - (2 * line + 8);
    const int panes = std::max(40, bottom - top);
    const int volumeHeight = std::max(16, panes / 5);
    const int gap = 6;
    m_layout.header = QRect(left, 2, std::max(1, width() - 2 * margin), line + 6);
    m_layout.price = QRect(left, top, std::max(1, right - left), std::max(8, panes - volumeHeight - gap));
    m_layout.volume = QRect(left, m_layout.price.bottom() + 1 + gap, m_layout.price.width(), volumeHeight);
    m_layout.priceAxis = QRect(right + 1, top, axisWidth - 1, panes);
    m_layout.timeAxis = QRect(left, m_layout.volume.bottom() + 2, m_layout.price.width(), 2 * line + 6);
    m_geometry.setPlot(left, m_layout.price.width());
    syncView();
}

void CandleChart::syncView() const
{
    m_geometry.setCount(m_series.size());
    if (m_follow)
        m_geometry.follow();
    else
        m_geometry.clampView();
}

void CandleChart::zoomBy(double factor, double anchorX)
{
    updateLayout();
    m_geometry.zoom(factor, anchorX);
    userMoved();
}

void CandleChart::panBy(double pixels)
{
    updateLayout();
    m_geometry.pan(pixels);
    userMoved();
}

void CandleChart::userMoved()
{
    m_follow = false;
    if (m_hoverBar >= 0)
        hoverAt(m_hoverPos);
    update();
    Q_EMIT userMovedView();
}

void CandleChart::resetZoom()
{
    m_follow = true;
    updateLayout();
    update();
}

QString CandleChart::hoverText() const
{
    return m_hoverBar >= 0 && m_hoverBar < m_series.size() ? barText(m_hoverBar) : QString();
}

QString CandleChart::barText(int index) const
{
    const Bar& bar = m_series.at(index);
    const QLocale here = locale();
    const int decimals = m_series.priceDecimals();
    const QDateTime local = bar.openTime.toLocalTime();
    const QString time = here.toString(local, QStringLiteral("ddd d MMM yyyy HH:mm")) + u' ' + local.timeZoneAbbreviation();
    return tr("Open %1  High %2\nLow %3  Close %4\nVolume %5\n%6")
        .arg(here.toString(bar.open, 'f', decimals), here.toString(bar.high, 'f', decimals),
             here.toString(bar.low, 'f', decimals), here.toString(bar.close, 'f', decimals),
             here.toString(bar.volume, 'f', 0), time);
}

void CandleChart::hoverAt(const QPointF& pos)
{
    updateLayout();
    m_hoverPos = pos;
    const QRect panes = m_layout.price.united(m_layout.volume);
    const int bar = panes.contains(pos.toPoint()) ? m_geometry.nearestIndex(pos.x()) : -1;
    if (bar != m_hoverBar || bar >= 0) {
        m_hoverBar = bar;
        update();
    }
}

void CandleChart::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    updateLayout();
    QPainter painter(this);
    m_frame.series = &m_series;
    m_frame.geometry = &m_geometry;
    m_frame.markers = &m_markers;
    m_frame.markerBars = &m_markerBars;
    m_frame.layout = m_layout;
    m_frame.timeAxisTitle = timeAxisTitle();
    m_frame.locale = locale();
    m_frame.hoverBar = m_hoverBar < m_series.size() ? m_hoverBar : -1;
    m_frame.hoverPos = m_hoverPos;
    m_frame.hoverText = hoverText();
    m_painter.paint(painter, m_frame, m_colors);
}

void CandleChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateLayout();
}

void CandleChart::changeEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::PaletteChange: applyPalette(); break;
    case QEvent::LanguageChange: retranslate(); break;
    case QEvent::FontChange:
    case QEvent::LocaleChange: m_laidOutFor = QSize(); break;
    default: break;
    }
    QWidget::changeEvent(event);
    update();
}

void CandleChart::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = Theme::isDark(pal);
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    m_colors.background = base;
    m_colors.text = text;
    m_colors.mutedText = withAlpha(text, 0.72);
    m_colors.grid = mixed(text, base, dark ? 0.09 : 0.07);
    m_colors.separator = mixed(text, base, dark ? 0.34 : 0.28);
    m_colors.up = Theme::positiveColor(pal);
    m_colors.down = Theme::negativeColor(pal);
    m_colors.volumeUp = mixed(m_colors.up, base, dark ? 0.45 : 0.35);
    m_colors.volumeDown = mixed(m_colors.down, base, dark ? 0.45 : 0.35);
    m_colors.average = dark ? QColor(0x7a, 0xb3, 0xf0) : QColor(0x1f, 0x5f, 0xa8);
    m_colors.warning = Theme::warningColor(pal);
    m_colors.crosshair = mixed(text, base, 0.6);
    m_colors.tipBackground = withAlpha(pal.color(QPalette::ToolTipBase), 0.95);
    m_colors.tipText = pal.color(QPalette::ToolTipText);
}

void CandleChart::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() != 0)
        zoomBy(std::pow(wheelZoomStep, delta.y() / 120.0), event->position().x());
    else if (delta.x() != 0)
        panBy(delta.x() / 3.0); // a touchpad's sideways swipe: a notch moves 40 px
    else
        event->ignore();
}

void CandleChart::mousePressEvent(QMouseEvent* event)
{
    switch (event->button()) {
    case Qt::LeftButton:
    case Qt::MiddleButton:
        m_dragging = true;
        m_dragFrom = event->position();
        setCursor(Qt::ClosedHandCursor);
        break;
    case Qt::RightButton: resetZoom(); break;
    default: QWidget::mousePressEvent(event); return;
    }
    event->accept();
}

void CandleChart::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging) {
        const double dx = event->position().x() - m_dragFrom.x();
        m_dragFrom = event->position();
        if (dx != 0)
            panBy(dx);
    }
    hoverAt(event->position());
    event->accept();
}

void CandleChart::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_dragging && (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton)) {
        m_dragging = false;
        unsetCursor();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void CandleChart::keyPressEvent(QKeyEvent* event)
{
    updateLayout();
    const double centre = m_layout.price.center().x();
    const double page = m_layout.price.width() / 10.0;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(wheelZoomStep, centre); break;
    case Qt::Key_Minus: zoomBy(1 / wheelZoomStep, centre); break;
    case Qt::Key_Left: panBy(page); break;
    case Qt::Key_Right: panBy(-page); break;
    case Qt::Key_End: resetZoom(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void CandleChart::leaveEvent(QEvent* event)
{
    m_hoverBar = -1;
    update();
    QWidget::leaveEvent(event);
}

} // namespace sentinel
