// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PerformancePanel.h"

#include "ui/Format.h"
#include "ui/PanelWidgets.h"
#include "ui/PerformanceModel.h"
#include "ui/Theme.h"

#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {

/// The indexes of the curve to draw: all of a short one; of a long one the first and last point
/// and, per bucket, the lowest and the highest equity in time order.
QList<qsizetype> pointsToDraw(const QList<EquityPoint>& curve, int maxPoints)
{
    QList<qsizetype> kept;
    if (curve.size() <= maxPoints) {
        kept.reserve(curve.size());
        for (qsizetype i = 0; i < curve.size(); ++i)
            kept.append(i);
        return kept;
    }
    const qsizetype buckets = std::max(1, maxPoints / 2 - 1);
    const double width = double(curve.size() - 2) / double(buckets);
    kept.append(0);
    for (qsizetype b = 0; b < buckets; ++b) {
        const qsizetype first = 1 + qsizetype(std::floor(double(b) * width));
        const qsizetype last = std::min<qsizetype>(curve.size() - 1, 1 + qsizetype(std::floor(double(b + 1) * width)));
        qsizetype low = first;
        qsizetype high = first;
        for (qsizetype i = first; i < last; ++i) {
            if (curve.at(i).equity < curve.at(low).equity)
                low = i;
            if (curve.at(i).equity > curve.at(high).equity)
                high = i;
        }
        kept.append(std::min(low, high));
        if (low != high)
            kept.append(std::max(low, high));
    }
    kept.append(curve.size() - 1);
    return kept;
}

QChartView* makeChartView(QChart* chart, const QString& objectName, QWidget* parent)
{
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(140);
    return view;
}

void setChartViewName(QChartView* view, const QString& accessibleName)
{
    view->setAccessibleName(accessibleName);
    view->viewport()->setAccessibleName(accessibleName);
}

} // namespace

PerformancePanel::PerformancePanel(QWidget* parent)
    : QDockWidget(parent), m_model(new PerformanceModel(this)),
      m_table(makeTableView(m_model, QStringLiteral("performanceView"), QString(), this)),
      m_title(new QLabel(this)), m_status(new QLabel(this)), m_equityChart(new QChart), m_drawdownChart(new QChart),
      m_equityView(makeChartView(m_equityChart, QStringLiteral("equityChart"), this)),
      m_drawdownView(makeChartView(m_drawdownChart, QStringLiteral("drawdownChart"), this)),
      m_equity(new QLineSeries(this)), m_drawdownUpper(new QLineSeries(this)), m_drawdownLower(new QLineSeries(this)),
      m_drawdown(new QAreaSeries(m_drawdownUpper, m_drawdownLower)), m_equityTime(new QDateTimeAxis(this)),
      m_equityValue(new QValueAxis(this)), m_drawdownTime(new QDateTimeAxis(this)), m_drawdownValue(new QValueAxis(this)),
      m_showJournal(new QAction(this)), m_save(new QAction(this)), m_refreshing(new QTimer(this))
{
    // The texts are set by retranslate(), at the end and again after each language change.
    setupDock(this, QStringLiteral("performanceDock"), QString());
    setDroppableColumns(m_table, {PerformanceModel::Fills, PerformanceModel::Sortino, PerformanceModel::AverageLoss,
                                  PerformanceModel::AverageWin});

    m_equityChart->addSeries(m_equity);
    m_equityChart->addAxis(m_equityTime, Qt::AlignBottom);
    m_equityChart->addAxis(m_equityValue, Qt::AlignLeft);
    m_equity->attachAxis(m_equityTime);
    m_equity->attachAxis(m_equityValue);
    m_drawdownChart->addSeries(m_drawdown);
    m_drawdownChart->addAxis(m_drawdownTime, Qt::AlignBottom);
    m_drawdownChart->addAxis(m_drawdownValue, Qt::AlignLeft);
    m_drawdown->attachAxis(m_drawdownTime);
    m_drawdown->attachAxis(m_drawdownValue);
    for (QDateTimeAxis* axis : {m_equityTime, m_drawdownTime})
        axis->setFormat(QStringLiteral("dd MMM"));
    m_equityTime->setTickCount(4);
    m_drawdownTime->setTickCount(3);
    m_equityValue->setLabelFormat(QStringLiteral("%.0f"));
    m_equityValue->setTickCount(4);
    m_drawdownValue->setLabelFormat(QStringLiteral("%.1f %%"));
    m_drawdownValue->setTickCount(3);
    applyChartTheme();

    m_title->setObjectName(QStringLiteral("performanceTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long simulation description must not widen the dock: it is elided by the layout's width
    // and stays whole in the tooltip.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setObjectName(QStringLiteral("performanceStatus"));
    m_status->setWordWrap(true);

    m_showJournal->setObjectName(QStringLiteral("actionPerformanceJournal"));
    m_save->setObjectName(QStringLiteral("actionSavePerformance"));
    m_save->setEnabled(false);
    connect(m_showJournal, &QAction::triggered, this, &PerformancePanel::reload);
    connect(m_save, &QAction::triggered, this, &PerformancePanel::chooseSaveFile);
    m_refreshing->setSingleShot(true);
    m_refreshing->setInterval(2000);
    connect(m_refreshing, &QTimer::timeout, this, [this] {
        if (m_shown.source == PerformanceView::Source::Journal)
            reload();
    });

    auto* journalButton = new QToolButton(this);
    journalButton->setDefaultAction(m_showJournal);
    auto* saveButton = new QToolButton(this);
    saveButton->setDefaultAction(m_save);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(journalButton);
    bar->addWidget(saveButton);

    auto* curves = new QWidget(this);
    auto* curvesLayout = new QHBoxLayout(curves);
    curvesLayout->setContentsMargins(0, 0, 0, 0);
    curvesLayout->addWidget(m_equityView, 3);
    curvesLayout->addWidget(m_drawdownView, 2);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("performanceSplit"));
    split->addWidget(curves);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    setWidget(body);
    showStatus([] { return tr("The figures appear once the engine runs."); });
    retranslate();
}

// Texts set here are set again after a language change.
void PerformancePanel::retranslate()
{
    setDockTitle(this, tr("Performance"));
    m_table->setAccessibleName(tr("Performance by strategy and instrument"));
    setChartViewName(m_equityView, tr("Equity curve"));
    setChartViewName(m_drawdownView, tr("Drawdown"));
    m_equityChart->setTitle(tr("Equity"));
    m_drawdownChart->setTitle(tr("Drawdown"));
    m_showJournal->setText(tr("&Journal"));
    m_showJournal->setToolTip(tr("Show the figures of the journal's trades, read again"));
    m_save->setText(tr("&Save…"));
    m_save->setToolTip(tr("Save the report shown as JSON, or its closed trades as CSV"));
    // The texts built from data: the title, the status line, the table's cells and headers.
    showTitle(m_shown);
    m_status->setText(m_statusText());
    announceTextsChanged(*m_model);
}

void PerformancePanel::showStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_status->setText(m_statusText());
}

void PerformancePanel::reload()
{
    PerformanceQuery query;
    query.request = ++m_lastRequest;
    showStatus([] { return tr("Reading the journal…"); });
    Q_EMIT performanceRequested(query);
}

void PerformancePanel::noteJournalChanged()
{
    if (m_hasShown && m_shown.source == PerformanceView::Source::Journal && !m_refreshing->isActive())
        m_refreshing->start();
}

void PerformancePanel::applyPerformance(const PerformanceView& view)
{
    // An answer to an older question (the operator asked again meanwhile) would show stale figures.
    if (view.source == PerformanceView::Source::Journal && view.request != m_lastRequest)
        return;
    // A simulation shown makes any journal answer still on its way stale.
    if (view.source == PerformanceView::Source::Simulation)
        ++m_lastRequest;
    if (!view.ok()) {
        showStatus([error = view.error] { return tr("No figures: %1").arg(error); });
        return;
    }
    m_shown = view;
    m_hasShown = true;
    m_model->setReport(view.report, view.currency);
    showTitle(view);
    showCurves(view);
    m_save->setEnabled(true);
    const PerformanceFigures& total = view.report.total;
    if (total.closedTrades == 0)
        showStatus([] { return tr("No closed trades yet: the figures appear once a position is closed."); });
    else
        showStatus([total, currency = view.currency] {
            return tr("%n closed trade(s), P&L %1, maximum drawdown %2.", nullptr, total.closedTrades)
                .arg(Format::profit(total.pnl, currency), Format::percent(total.maxDrawdown));
        });
}

void PerformancePanel::showTitle(const PerformanceView& view)
{
    const QString text = view.source == PerformanceView::Source::Simulation
        ? tr("Simulation: %1").arg(view.description)
        : tr("Journal: every trade so far");
    m_title->setText(text);
    m_title->setToolTip(text);
}

void PerformancePanel::showCurves(const PerformanceView& view)
{
    const QList<qsizetype> drawn = pointsToDraw(view.equity, maxCurvePoints);
    QList<QPointF> equity;
    QList<QPointF> drawdown;
    QList<QPointF> zero;
    equity.reserve(drawn.size());
    drawdown.reserve(drawn.size());
    double low = 0;
    double high = 0;
    double deepest = 0;
    for (qsizetype i : drawn) {
        const EquityPoint& point = view.equity.at(i);
        const auto x = double(point.atMs);
        equity.append({x, point.equity});
        drawdown.append({x, -point.drawdown * 100.0});
        zero.append({x, 0.0});
        low = equity.size() == 1 ? point.equity : std::min(low, point.equity);
        high = equity.size() == 1 ? point.equity : std::max(high, point.equity);
        deepest = std::max(deepest, point.drawdown * 100.0);
    }
    m_equity->replace(equity);
    m_drawdownUpper->replace(drawdown);
    m_drawdownLower->replace(zero);
    if (equity.isEmpty())
        return;
    const qint64 first = view.equity.constFirst().atMs;
    const qint64 last = std::max(view.equity.constLast().atMs, first + 3600 * 1000); // one point still spans an hour
    // Labels that tell the ticks apart: hours within two days, days within a quarter, else months;
    // the narrower drawdown chart gets the short form.
    const qint64 spanMs = last - first;
    const bool hours = spanMs <= 2 * 86400000LL;
    const bool days = spanMs <= 92 * 86400000LL;
    m_equityTime->setFormat(hours ? QStringLiteral("dd MMM HH:mm") : days ? QStringLiteral("dd MMM") : QStringLiteral("MMM yyyy"));
    m_drawdownTime->setFormat(hours ? QStringLiteral("HH:mm") : days ? QStringLiteral("dd MMM") : QStringLiteral("MMM yy"));
    for (QDateTimeAxis* axis : {m_equityTime, m_drawdownTime})
        axis->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
    const double margin = std::max((high - low) * 0.05, std::max(1.0, std::abs(high) * 0.001));
    m_equityValue->setRange(low - margin, high + margin);
    m_equityValue->applyNiceNumbers(); // round ticks: 99,900 and 100,000, not 99,886 and 99,978
    m_drawdownValue->setRange(-std::max(1.0, deepest * 1.1), 0.0);
}

void PerformancePanel::chooseSaveFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the performance report"),
                                                      QStringLiteral("performance.json"),
                                                      tr("Report (*.json);;Closed trades (*.csv)"));
    if (!path.isEmpty())
        saveTo(path);
}

void PerformancePanel::saveTo(const QString& path)
{
    showStatus([path] { return tr("Saving to %1…").arg(path); });
    Q_EMIT saveRequested(PerformanceSaveRequest{path, m_shown.report});
}

void PerformancePanel::applySaved(const PerformanceSaveResult& result)
{
    showStatus([result] {
        return result.error.isEmpty() ? tr("Saved to %1.").arg(result.path) : tr("Not saved: %1").arg(result.error);
    });
}

void PerformancePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyChartTheme();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void PerformancePanel::applyChartTheme()
{
    const QPalette pal = palette();
    Theme::styleChart(m_equityChart, pal);
    Theme::styleChart(m_drawdownChart, pal);
    QPen line(Theme::isDark(pal) ? QColor(0x7a, 0xb3, 0xf0) : QColor(0x1f, 0x5f, 0xa8));
    line.setWidthF(1.6);
    m_equity->setPen(line);
    const QColor loss = Theme::negativeColor(pal);
    m_drawdown->setPen(QPen(loss, 1.0));
    QColor fill = loss;
    fill.setAlpha(90);
    m_drawdown->setBrush(fill);
}

} // namespace sentinel
