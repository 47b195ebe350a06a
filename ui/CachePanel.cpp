// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CachePanel.h"

#include "ui/CacheModel.h"
#include "ui/Format.h"
#include "ui/PanelWidgets.h"
#include "ui/Theme.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

namespace sentinel {

CachePanel::CachePanel(QWidget* parent)
    : QDockWidget(parent),
      m_model(new CacheModel(this)),
      m_view(makeTableView(m_model, QStringLiteral("cacheView"), QString(), this)),
      m_quota(new QLabel(this)),
      m_saved(new QLabel(this)),
      m_chart(new QChart),
      m_timeAxis(new QDateTimeAxis(this)),
      m_rateAxis(new QValueAxis(this))
{
    setupDock(this, QStringLiteral("cacheDock"), QString());
    setDroppableColumns(m_view, {CacheModel::ExpirationsColumn, CacheModel::EvictionsColumn, CacheModel::EntriesColumn,
                                 CacheModel::MissesColumn, CacheModel::HitsColumn});

    m_quota->setObjectName(QStringLiteral("quotaLabel"));
    m_quota->setWordWrap(true);
    m_saved->setObjectName(QStringLiteral("apiCallsSavedLabel"));

    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(4);
    m_rateAxis->setRange(0, 100);
    m_rateAxis->setLabelFormat(QStringLiteral("%d %%"));
    m_rateAxis->setTickCount(3);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_rateAxis, Qt::AlignLeft);
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("cacheHitRateChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(80);

    auto* top = new QWidget(this);
    auto* layout = new QVBoxLayout(top);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_quota);
    layout->addWidget(m_saved);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_chartView);
    setWidget(splitter);
    applyChartTheme();
    retranslate();
}

// Texts set here are set again after a language change.
void CachePanel::retranslate()
{
    setDockTitle(this, tr("Caches"));
    m_view->setAccessibleName(tr("Cache statistics"));
    m_quota->setAccessibleName(tr("API quota"));
    m_saved->setAccessibleName(tr("API calls saved by caching"));
    m_chart->setTitle(tr("Hit rate over time"));
    const QString chartName = tr("Cache hit rate over time");
    m_chartView->setAccessibleName(chartName);
    m_chartView->viewport()->setAccessibleName(chartName);
    announceTextsChanged(*m_model);
    showQuotas();
}

void CachePanel::applyReport(const CacheReport& report)
{
    m_model->applyCaches(report.caches);

    if (!report.quotas.isEmpty())
        m_quotas = report.quotas;
    m_apiCallsSaved = 0;
    for (const QuotaSnapshot& quota : report.quotas)
        m_apiCallsSaved += quota.apiCallsSaved;
    showQuotas();

    if (!report.at.isValid())
        return;
    const qreal at = qreal(report.at.toMSecsSinceEpoch());
    for (const CacheSnapshot& cache : report.caches) {
        QLineSeries*& series = m_history[cache.name];
        if (!series) {
            series = new QLineSeries(this);
            series->setName(cache.name);
            m_chart->addSeries(series);
            series->attachAxis(m_timeAxis);
            series->attachAxis(m_rateAxis);
        }
        series->append(at, cache.hitRate() * 100.0);
        if (series->count() > historyPoints)
            series->removePoints(0, series->count() - historyPoints);
    }
    if (!m_firstReport.isValid())
        m_firstReport = report.at;
    QDateTime earliest = report.at;
    for (const QLineSeries* series : std::as_const(m_history)) {
        if (series->count() > 0)
            earliest = std::min(earliest, QDateTime::fromMSecsSinceEpoch(qint64(series->at(0).x()), Qt::UTC));
    }
    m_timeAxis->setRange(earliest == report.at ? report.at.addSecs(-60) : earliest, report.at);
}

void CachePanel::showQuotas()
{
    QStringList quotaLines;
    const QLocale locale;
    for (const QuotaSnapshot& quota : std::as_const(m_quotas)) {
        const QString used = quota.dailyLimit > 0
            ? tr("%1: %2 of %3 requests today").arg(quota.provider).arg(quota.usedToday).arg(quota.dailyLimit)
            : tr("%1: %2 requests today (no daily limit)").arg(quota.provider).arg(quota.usedToday);
        QString line = quota.resetsAt.isValid() ? tr("%1, resets %2").arg(used, Format::localTime(quota.resetsAt)) : used;
        if (quota.windowLimit > 0)
            line = tr("%1; %2 of %3 in the last %4").arg(line).arg(quota.windowUsed).arg(quota.windowLimit).arg(rateWindowName(quota.window));
        quotaLines << line;
        if (const std::optional<StreamState>& stream = quota.stream) {
            const QString drops = tr("connections lost since start: %1").arg(QLocale().toString(stream->drops));
            quotaLines << (stream->live ? tr("%1 price stream: live since %2, %3").arg(quota.provider, Format::localTime(stream->since), drops)
                                        : tr("%1 price stream: down since %2, next try %3 (bars from candles meanwhile), %4")
                                              .arg(quota.provider, Format::localTime(stream->since), Format::localTime(stream->retryAt), drops));
        }
    }
    m_quota->setText(quotaLines.isEmpty() ? tr("Quota: no provider reports yet") : quotaLines.join(u'\n'));
    m_saved->setText(tr("API calls saved by caching: %1").arg(locale.toString(m_apiCallsSaved)));
}

QString CachePanel::rateWindowName(std::chrono::milliseconds window)
{
    if (window == std::chrono::seconds{1})
        return tr("second");
    if (window == std::chrono::minutes{1})
        return tr("minute");
    return Format::duration(std::chrono::duration_cast<std::chrono::seconds>(window).count());
}

int CachePanel::historyPointCount(const QString& cache) const
{
    const QLineSeries* series = m_history.value(cache);
    return series ? int(series->count()) : 0;
}

void CachePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyChartTheme();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void CachePanel::applyChartTheme()
{
    Theme::styleChart(m_chart, palette());
}

} // namespace sentinel
