// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartPanel.h"

#include "ui/CandleChart.h"
#include "ui/ChartSeries.h"
#include "ui/PanelWidgets.h"
#include "ui/Theme.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QStackedWidget>

namespace sentinel {

static_assert(ChartPanel::movingAveragePeriod == ChartSeries::averagePeriod, "the panel reports the chart's average");

ChartPanel::ChartPanel(QWidget* parent)
    : QDockWidget(parent),
      m_chart(new CandleChart(this)),
      m_placeholder(new QLabel(this)),
      m_resetZoom(new QAction(Theme::icon(QStringLiteral("zoom-reset")), QString(), this))
{
    // The texts are set by retranslate(), at the end and again after each language change.
    setupDock(this, QStringLiteral("chartDock"), QString());

    m_chart->setObjectName(QStringLiteral("priceChartView"));
    m_chart->setBarLimit(maxBars);

    m_placeholder->setObjectName(QStringLiteral("chartPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    auto* stack = new QStackedWidget(this);
    stack->addWidget(m_placeholder);
    stack->addWidget(m_chart);
    setWidget(stack);

    m_resetZoom->setObjectName(QStringLiteral("actionResetZoom"));
    m_resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_resetZoom, &QAction::triggered, m_chart, &CandleChart::resetZoom);
    addAction(m_resetZoom);
    m_chart->addAction(m_resetZoom);

    rebuild();
    retranslate();
}

void ChartPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// Texts set here are set again after a language change (the chart retranslates itself).
void ChartPanel::retranslate()
{
    setDockTitle(this, tr("Chart"));
    m_resetZoom->setText(tr("Reset &Zoom"));
    m_resetZoom->setToolTip(tr("Show the newest bars again and follow new ones"));
    updatePlaceholder();
}

void ChartPanel::showInstrument(const QString& key)
{
    if (key == m_key)
        return;
    m_key = key;
    m_chart->resetZoom(); // a new instrument starts at its newest bars
    rebuild();
}

void ChartPanel::appendBars(const BarUpdate& update)
{
    Track& track = m_tracks[update.instrumentKey];
    const bool shown = update.instrumentKey == m_key;
    // The track and the chart apply the same rules (ChartSeries::merge), so they hold the same bars.
    if (update.replace) {
        track.bars.clear();
        ChartSeries::merge(track.bars, update.bars, maxBars);
        if (shown)
            rebuild();
        return;
    }
    ChartSeries::merge(track.bars, update.bars, maxBars);
    if (shown) {
        m_chart->appendBars(update.bars);
        updatePlaceholder();
    }
}

void ChartPanel::addMarker(const ChartMarker& marker)
{
    Track& track = m_tracks[marker.instrumentKey];
    track.markers.append(marker);
    if (track.markers.size() > 2 * qsizetype(maxBars))
        track.markers.removeFirst();
    if (marker.instrumentKey == m_key)
        m_chart->addMarker(marker);
}

int ChartPanel::candleCount() const
{
    return m_chart->barCount();
}

int ChartPanel::movingAveragePointCount() const
{
    return m_chart->movingAveragePointCount();
}

int ChartPanel::markerCount() const
{
    return m_chart->markerCount();
}

bool ChartPanel::isFollowingLatest() const
{
    return m_chart->isFollowingLatest();
}

void ChartPanel::zoomTime(double factor)
{
    m_chart->zoomBy(factor, m_chart->pricePane().center().x());
}

void ChartPanel::rebuild()
{
    ++m_rebuilds;
    const Track track = m_key.isEmpty() ? Track{} : m_tracks.value(m_key);
    m_chart->setTitle(m_key.isEmpty() ? QString()
                                      : m_key.section(u':', 1, 1) + QStringLiteral(" · ") + m_key.section(u':', 0, 0)
                                            + QStringLiteral(" · ") + m_key.section(u':', 2, 2));
    m_chart->setBars(track.bars);
    m_chart->setMarkers(track.markers);
    updatePlaceholder();
}

void ChartPanel::updatePlaceholder()
{
    auto* stack = qobject_cast<QStackedWidget*>(widget());
    const bool hasBars = m_chart->barCount() > 0;
    // Hidden behind the chart it says nothing: no text of an earlier state (or language) stays.
    if (m_key.isEmpty())
        m_placeholder->setText(tr("Select an instrument in the watchlist to chart it."));
    else if (!hasBars)
        m_placeholder->setText(tr("Waiting for the first bars of %1…").arg(m_key.section(u':', 1, 1)));
    else
        m_placeholder->setText(QString()); // a no-op once empty: bars arrive often
    stack->setCurrentWidget(hasBars ? static_cast<QWidget*>(m_chart) : m_placeholder);
}

} // namespace sentinel
