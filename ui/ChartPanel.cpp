// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartPanel.h"

#include "ui/PanelWidgets.h"
#include "ui/Theme.h"

#include <QAction>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>
#include <functional>

namespace sentinel {

namespace {

/// QChartView with wheel zoom on the time axis and drag panning; tells the panel when the
/// operator moved the view so it stops following the newest bar.
class ZoomableChartView final : public QChartView
{
public:
    ZoomableChartView(QChart* chart, std::function<void()> onUserZoomed, QWidget* parent)
        : QChartView(chart, parent), m_onUserZoomed(std::move(onUserZoomed))
    {
        setRubberBand(QChartView::HorizontalRubberBand);
        setRenderHint(QPainter::Antialiasing);
        setFocusPolicy(Qt::StrongFocus);
    }

protected:
    void wheelEvent(QWheelEvent* event) override
    {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps == 0) {
            event->ignore();
            return;
        }
        const double factor = std::pow(1.25, steps);
        const QRectF area = chart()->plotArea();
        const double anchor = std::clamp(event->position().x(), area.left(), area.right());
        const double width = area.width() / factor;
        const double left = anchor - (anchor - area.left()) / factor;
        chart()->zoomIn(QRectF(left, area.top(), width, area.height()));
        m_onUserZoomed();
        event->accept();
    }

    void mousePressEvent(QMouseEvent* event) override
    {
        const bool pan = event->button() == Qt::MiddleButton
            || (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ControlModifier));
        if (pan) {
            m_panning = true;
            m_lastPan = event->position();
            event->accept();
            return;
        }
        QChartView::mousePressEvent(event);
    }

    void mouseMoveEvent(QMouseEvent* event) override
    {
        if (m_panning) {
            const QPointF delta = event->position() - m_lastPan;
            m_lastPan = event->position();
            chart()->scroll(-delta.x(), 0);
            m_onUserZoomed();
            event->accept();
            return;
        }
        QChartView::mouseMoveEvent(event);
    }

    void mouseReleaseEvent(QMouseEvent* event) override
    {
        if (m_panning) {
            m_panning = false;
            event->accept();
            return;
        }
        QChartView::mouseReleaseEvent(event);
        m_onUserZoomed();
    }

    void keyPressEvent(QKeyEvent* event) override
    {
        const QRectF area = chart()->plotArea();
        switch (event->key()) {
        case Qt::Key_Plus: chart()->zoom(1.25); break;
        case Qt::Key_Minus: chart()->zoom(0.8); break;
        case Qt::Key_Left: chart()->scroll(-area.width() / 10, 0); break;
        case Qt::Key_Right: chart()->scroll(area.width() / 10, 0); break;
        default: QChartView::keyPressEvent(event); return;
        }
        m_onUserZoomed();
    }

private:
    std::function<void()> m_onUserZoomed;
    bool m_panning = false;
    QPointF m_lastPan;
};

double movingAverageAt(const Bars& bars, int index, int period)
{
    if (index + 1 < period)
        return std::nan("");
    double sum = 0;
    for (int i = index + 1 - period; i <= index; ++i)
        sum += bars.at(i).close;
    return sum / period;
}

QScatterSeries* makeMarkerSeries(const QString& name, QScatterSeries::MarkerShape shape, QObject* parent)
{
    auto* series = new QScatterSeries(parent);
    series->setName(name);
    series->setMarkerShape(shape);
    series->setMarkerSize(11);
    return series;
}

} // namespace

ChartPanel::ChartPanel(QWidget* parent)
    : QDockWidget(parent),
      m_chart(new QChart),
      m_view(nullptr),
      m_placeholder(new QLabel(this)),
      m_candles(new QCandlestickSeries(this)),
      m_average(new QLineSeries(this)),
      m_proposalBuys(makeMarkerSeries(tr("Proposal: buy"), QScatterSeries::MarkerShapeTriangle, this)),
      m_proposalSells(makeMarkerSeries(tr("Proposal: sell"), QScatterSeries::MarkerShapeTriangle, this)),
      m_executionBuys(makeMarkerSeries(tr("Execution: buy"), QScatterSeries::MarkerShapeCircle, this)),
      m_executionSells(makeMarkerSeries(tr("Execution: sell"), QScatterSeries::MarkerShapeCircle, this)),
      m_timeAxis(new QDateTimeAxis(this)),
      m_priceAxis(new QValueAxis(this)),
      m_resetZoom(new QAction(Theme::icon(QStringLiteral("zoom-reset")), tr("Reset &Zoom"), this))
{
    setupDock(this, QStringLiteral("chartDock"), tr("Chart"));

    m_candles->setBodyWidth(0.7);
    m_candles->setCapsVisible(false);
    m_average->setName(tr("MA %1").arg(movingAveragePeriod));
    m_chart->addSeries(m_candles);
    m_chart->addSeries(m_average);
    for (QScatterSeries* markers : {m_proposalBuys, m_proposalSells, m_executionBuys, m_executionSells})
        m_chart->addSeries(markers);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(7);
    showTimeZone(QDateTime::currentDateTimeUtc());
    m_priceAxis->setLabelFormat(QStringLiteral("%.5g"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_priceAxis, Qt::AlignRight);
    for (QAbstractSeries* series : m_chart->series()) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_priceAxis);
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    // The candle series names itself after the instrument; markers appear in the legend once used.
    m_chart->legend()->markers(m_candles).constFirst()->setVisible(false);
    // Both axes hold timestamps and prices; the plot stays put when a marker series is empty.
    m_chart->setAnimationOptions(QChart::NoAnimation);

    auto* view = new ZoomableChartView(m_chart, [this] { onUserZoomed(); }, this);
    view->setObjectName(QStringLiteral("priceChartView"));
    view->setAccessibleName(tr("Price chart"));
    view->viewport()->setAccessibleName(tr("Price chart"));
    view->setAccessibleDescription(tr("Candlesticks with a moving average and markers for proposals and executions. "
                                      "Mouse wheel zooms, drag selects a range, middle drag pans."));
    m_view = view;

    m_placeholder->setObjectName(QStringLiteral("chartPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    auto* stack = new QStackedWidget(this);
    stack->addWidget(m_placeholder);
    stack->addWidget(m_view);
    setWidget(stack);

    m_resetZoom->setObjectName(QStringLiteral("actionResetZoom"));
    m_resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_resetZoom->setToolTip(tr("Show the newest bars again and follow new ones"));
    connect(m_resetZoom, &QAction::triggered, this, &ChartPanel::resetZoom);
    addAction(m_resetZoom);
    m_view->addAction(m_resetZoom);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);

    applyChartTheme();
    rebuild();
}

void ChartPanel::showInstrument(const QString& key)
{
    if (key == m_key)
        return;
    m_key = key;
    m_follow = true;
    rebuild();
}

void ChartPanel::appendBars(const BarUpdate& update)
{
    Track& track = m_tracks[update.instrumentKey];
    const bool shown = update.instrumentKey == m_key;
    if (update.replace) {
        track.bars = update.bars.size() > maxBars ? update.bars.mid(update.bars.size() - maxBars) : update.bars;
        if (shown)
            rebuild();
        return;
    }
    for (const Bar& bar : update.bars) {
        if (!bar.openTime.isValid())
            continue;
        if (!track.bars.isEmpty() && bar.openTime == track.bars.constLast().openTime) {
            track.bars.last() = bar;
            if (shown)
                replaceLastInSeries(track.bars);
            continue;
        }
        // Bars older than the newest one we hold are late duplicates; the chart never goes back in time.
        if (!track.bars.isEmpty() && bar.openTime < track.bars.constLast().openTime)
            continue;
        track.bars.append(bar);
        if (shown)
            appendToSeries(track.bars, int(track.bars.size()) - 1);
    }
    if (track.bars.size() > maxBars) {
        track.bars.remove(0, track.bars.size() - maxBars);
        if (shown)
            dropOldestFromSeries(track.bars.constFirst().openTime);
    }
    if (shown) {
        fitAxes();
        updatePlaceholder();
    }
}

void ChartPanel::addMarker(const ChartMarker& marker)
{
    Track& track = m_tracks[marker.instrumentKey];
    track.markers.append(marker);
    if (track.markers.size() > 2 * maxBars)
        track.markers.removeFirst();
    if (marker.instrumentKey == m_key)
        addMarkerToSeries(marker);
}

int ChartPanel::candleCount() const
{
    return m_candles->count();
}

int ChartPanel::movingAveragePointCount() const
{
    return m_average->count();
}

int ChartPanel::markerCount() const
{
    return m_proposalBuys->count() + m_proposalSells->count() + m_executionBuys->count() + m_executionSells->count();
}

void ChartPanel::zoomTime(double factor)
{
    const QRectF area = m_chart->plotArea();
    const double width = area.width() / factor;
    m_chart->zoomIn(QRectF(area.center().x() - width / 2, area.top(), width, area.height()));
    onUserZoomed();
}

void ChartPanel::rebuild()
{
    ++m_rebuilds;
    m_candles->clear();
    m_average->clear();
    for (QScatterSeries* markers : {m_proposalBuys, m_proposalSells, m_executionBuys, m_executionSells}) {
        markers->clear();
        // A legend entry for a kind of marker that is not on the chart is noise.
        m_chart->legend()->markers(markers).constFirst()->setVisible(false);
    }
    updatePlaceholder();
    if (m_key.isEmpty())
        return;
    const Track& track = m_tracks[m_key];
    m_candles->setName(m_key.section(u':', 1, 1));
    m_chart->setTitle(m_key.section(u':', 1, 1) + QStringLiteral(" · ") + m_key.section(u':', 0, 0)
                      + QStringLiteral(" · ") + m_key.section(u':', 2, 2));
    for (int i = 0; i < int(track.bars.size()); ++i)
        appendToSeries(track.bars, i);
    for (const ChartMarker& marker : track.markers)
        addMarkerToSeries(marker);
    fitAxes();
}

void ChartPanel::updatePlaceholder()
{
    auto* stack = qobject_cast<QStackedWidget*>(widget());
    const bool hasBars = !m_key.isEmpty() && !m_tracks.value(m_key).bars.isEmpty();
    if (m_key.isEmpty())
        m_placeholder->setText(tr("Select an instrument in the watchlist to chart it."));
    else if (!hasBars)
        m_placeholder->setText(tr("Waiting for the first bars of %1…").arg(m_key.section(u':', 1, 1)));
    stack->setCurrentWidget(hasBars ? m_view : static_cast<QWidget*>(m_placeholder));
}

void ChartPanel::appendToSeries(const Bars& bars, int index)
{
    const Bar& bar = bars.at(index);
    const qreal at = qreal(bar.openTime.toMSecsSinceEpoch());
    m_candles->append(new QCandlestickSet(bar.open, bar.high, bar.low, bar.close, at, m_candles));
    const double average = movingAverageAt(bars, index, movingAveragePeriod);
    if (std::isfinite(average))
        m_average->append(at, average);
}

void ChartPanel::replaceLastInSeries(const Bars& bars)
{
    if (m_candles->count() == 0)
        return;
    const Bar& bar = bars.constLast();
    QCandlestickSet* last = m_candles->sets().constLast();
    last->setOpen(bar.open);
    last->setHigh(bar.high);
    last->setLow(bar.low);
    last->setClose(bar.close);
    const double average = movingAverageAt(bars, int(bars.size()) - 1, movingAveragePeriod);
    const qreal at = qreal(bar.openTime.toMSecsSinceEpoch());
    if (std::isfinite(average) && m_average->count() > 0 && m_average->at(m_average->count() - 1).x() == at)
        m_average->replace(m_average->count() - 1, at, average);
}

void ChartPanel::dropOldestFromSeries(const QDateTime& firstKept)
{
    const qreal first = qreal(firstKept.toMSecsSinceEpoch());
    while (m_candles->count() > 0 && m_candles->sets().constFirst()->timestamp() < first)
        m_candles->remove(m_candles->sets().constFirst());
    int drop = 0;
    while (drop < m_average->count() && m_average->at(drop).x() < first)
        ++drop;
    if (drop > 0)
        m_average->removePoints(0, drop);
}

QScatterSeries* ChartPanel::markerSeries(const ChartMarker& marker) const
{
    const bool buy = marker.side == Side::Buy;
    if (marker.kind == ChartMarker::Kind::Execution)
        return buy ? m_executionBuys : m_executionSells;
    return buy ? m_proposalBuys : m_proposalSells;
}

void ChartPanel::addMarkerToSeries(const ChartMarker& marker)
{
    if (!marker.at.isValid() || !(marker.price > 0))
        return;
    QScatterSeries* series = markerSeries(marker);
    series->append(qreal(marker.at.toMSecsSinceEpoch()), marker.price);
    m_chart->legend()->markers(series).constFirst()->setVisible(true);
}

void ChartPanel::fitAxes()
{
    if (!m_follow || m_key.isEmpty())
        return;
    const Bars& bars = m_tracks[m_key].bars;
    if (bars.isEmpty())
        return;
    double low = bars.constFirst().low;
    double high = bars.constFirst().high;
    for (const Bar& bar : bars) {
        low = std::min(low, bar.low);
        high = std::max(high, bar.high);
    }
    const double margin = std::max((high - low) * 0.06, std::abs(high) * 1e-5);
    // Half a bar either side so the first and last candles are not cut in half.
    const qint64 spacing = bars.size() > 1
        ? bars.at(bars.size() - 2).openTime.msecsTo(bars.constLast().openTime)
        : qint64(60000);
    m_fitting = true;
    m_timeAxis->setRange(bars.constFirst().openTime.addMSecs(-spacing / 2), bars.constLast().openTime.addMSecs(spacing / 2));
    m_priceAxis->setRange(low - margin, high + margin);
    m_fitting = false;
    const qint64 span = bars.constFirst().openTime.secsTo(bars.constLast().openTime);
    // Longer labels when the view spans days: fewer of them, so none is cut off.
    const bool days = span > 2 * 86400;
    m_timeAxis->setFormat(days ? QStringLiteral("dd.MM HH:mm") : QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(days ? 5 : 7);
    showTimeZone(bars.constLast().openTime);
}

void ChartPanel::showTimeZone(const QDateTime& at)
{
    // The axis shows local time; say which clock, as every other time in the window does.
    m_timeAxis->setTitleText(tr("Time (%1)").arg(at.toLocalTime().timeZoneAbbreviation()));
}

void ChartPanel::onUserZoomed()
{
    if (m_fitting)
        return;
    m_follow = false;
}

void ChartPanel::resetZoom()
{
    m_chart->zoomReset();
    m_follow = true;
    fitAxes();
}

void ChartPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyChartTheme();
    QDockWidget::changeEvent(event);
}

void ChartPanel::applyChartTheme()
{
    const QPalette pal = palette();
    const bool dark = Theme::isDark(pal);
    Theme::styleChart(m_chart, pal);
    const QColor up = Theme::positiveColor(pal);
    const QColor down = Theme::negativeColor(pal);
    m_candles->setIncreasingColor(up);
    m_candles->setDecreasingColor(down);
    QPen wick(pal.color(QPalette::Text));
    wick.setWidthF(1.0);
    m_candles->setPen(wick);
    QPen average(dark ? QColor(0x7a, 0xb3, 0xf0) : QColor(0x1f, 0x5f, 0xa8));
    average.setWidthF(1.6);
    m_average->setPen(average);
    const QColor amber = Theme::warningColor(pal);
    m_proposalBuys->setColor(up);
    m_proposalSells->setColor(down);
    m_executionBuys->setColor(up.darker(130));
    m_executionSells->setColor(down.darker(130));
    for (QScatterSeries* markers : {m_proposalBuys, m_proposalSells})
        markers->setBorderColor(amber);
    for (QScatterSeries* markers : {m_executionBuys, m_executionSells})
        markers->setBorderColor(pal.color(QPalette::Text));
}

} // namespace sentinel
