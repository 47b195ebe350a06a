// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AlertPanel.h"

#include "ui/AlertModel.h"
#include "ui/PanelWidgets.h"
#include "ui/Theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace sentinel {

AlertPanel::AlertPanel(QWidget* parent)
    : QDockWidget(parent),
      m_model(new AlertModel(this)),
      m_proxy(new AlertFilterProxy(this)),
      m_view(nullptr),
      m_severity(new QComboBox(this)),
      m_hideAcknowledged(new QCheckBox(this)),
      m_acknowledge(new QAction(Theme::icon(QStringLiteral("acknowledge")), QString(), this)),
      m_acknowledgeAll(new QAction(this)),
      m_whatToDo(new QAction(Theme::icon(QStringLiteral("info")), QString(), this)),
      m_runbookBase(QStringLiteral(SENTINEL_RUNBOOKS_URL))
{
    // The title, like every text below, is set by retranslate().
    setupDock(this, QStringLiteral("alertDock"), QString());
    m_proxy->setSourceModel(m_model);
    m_view = makeTableView(m_proxy, QStringLiteral("alertView"), QString(), this);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->horizontalHeader()->resizeSection(AlertModel::SeverityColumn, 150);
    m_view->horizontalHeader()->resizeSection(AlertModel::TimeColumn, 150);

    m_severity->setObjectName(QStringLiteral("alertSeverityFilter"));
    // The item texts are set by retranslate().
    m_severity->addItem(QString(), int(AlertView::Severity::Info));
    m_severity->addItem(QString(), int(AlertView::Severity::Warning));
    m_severity->addItem(QString(), int(AlertView::Severity::Critical));
    // Named by retranslate(), after the first size was taken: follow the texts, in every language,
    // and never narrower than the choice shown ("All sever" in a narrow dock).
    m_severity->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_severity->setSizePolicy(QSizePolicy::Fixed, m_severity->sizePolicy().verticalPolicy());
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setMinimumSeverity(AlertView::Severity(m_severity->currentData().toInt()));
    });
    m_hideAcknowledged->setObjectName(QStringLiteral("hideAcknowledgedAlerts"));
    connect(m_hideAcknowledged, &QCheckBox::toggled, this, [this](bool hide) { m_proxy->setShowAcknowledged(!hide); });

    m_acknowledge->setObjectName(QStringLiteral("actionAcknowledgeAlert"));
    m_acknowledge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_acknowledge, &QAction::triggered, this, [this] {
        QStringList ids;
        for (const QModelIndex& row : m_view->selectionModel()->selectedRows())
            ids << row.data(AlertModel::AlertIdRole).toString();
        acknowledge(ids);
    });
    m_acknowledgeAll->setObjectName(QStringLiteral("actionAcknowledgeAllAlerts"));
    m_acknowledgeAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connect(m_acknowledgeAll, &QAction::triggered, this, [this] {
        QStringList ids;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (!m_model->rowAt(row).acknowledged)
                ids << m_model->rowAt(row).id;
        }
        acknowledge(ids);
    });

    m_whatToDo->setObjectName(QStringLiteral("actionOpenRunbook"));
    m_whatToDo->setShortcut(QKeySequence::HelpContents);
    m_whatToDo->setEnabled(false);
    connect(m_whatToDo, &QAction::triggered, this, &AlertPanel::openRunbook);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { m_whatToDo->setEnabled(current.isValid()); });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_whatToDo, m_acknowledge});

    m_ackButton = new QToolButton(this);
    m_ackButton->setObjectName(QStringLiteral("acknowledgeButton"));
    m_ackButton->setDefaultAction(m_acknowledge);
    m_ackButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_whatToDoButton = new QToolButton(this);
    m_whatToDoButton->setObjectName(QStringLiteral("whatToDoButton"));
    m_whatToDoButton->setDefaultAction(m_whatToDo);
    m_whatToDoButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_filterLabel = new QLabel(this);
    m_filterLabel->setBuddy(m_severity);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filterLabel);
    bar->addWidget(m_severity);
    bar->addWidget(m_hideAcknowledged);
    bar->addStretch(1);
    bar->addWidget(m_whatToDoButton);
    bar->addWidget(m_ackButton);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AlertPanel::updateTitle);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertPanel::updateTitle);
    retranslate();
}

void AlertPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// Texts set here are set again after a language change.
void AlertPanel::retranslate()
{
    setDockTitle(this, tr("Alerts"));
    m_view->setAccessibleName(tr("Alerts"));
    m_severity->setAccessibleName(tr("Minimum severity"));
    // Same items, same order: the data and the current choice stay.
    m_severity->setItemText(0, tr("All severities"));
    m_severity->setItemText(1, tr("Warnings and critical"));
    m_severity->setItemText(2, tr("Critical only"));
    m_hideAcknowledged->setText(tr("&Hide acknowledged"));
    m_hideAcknowledged->setAccessibleName(tr("Hide acknowledged alerts"));
    m_acknowledge->setText(tr("Ac&knowledge"));
    m_acknowledge->setToolTip(tr("Acknowledge the selected alerts (Ctrl+K)"));
    m_acknowledgeAll->setText(tr("Acknowledge &All"));
    m_whatToDo->setText(tr("What to &Do"));
    m_whatToDo->setToolTip(tr("Open the runbook for the selected alert: what it means and what to do"));
    m_ackButton->setAccessibleName(tr("Acknowledge selected alerts"));
    m_whatToDoButton->setAccessibleName(tr("Open the runbook for the selected alert"));
    m_filterLabel->setText(tr("&Show:"));
    announceTextsChanged(*m_model);
    updateTitle(); // the title with the count of open alerts
}

bool AlertPanel::applyAlert(const AlertView& alert)
{
    return m_model->applyAlert(alert);
}

void AlertPanel::acknowledge(const QStringList& ids)
{
    for (const QString& id : ids) {
        const int row = m_model->rowOfKey(id);
        if (row < 0 || m_model->rowAt(row).acknowledged)
            continue;
        m_model->markAcknowledged(id);
        Q_EMIT acknowledgeRequested(id);
    }
}

void AlertPanel::setRunbookBase(const QUrl& base)
{
    m_runbookBase = base;
}

QUrl AlertPanel::runbookUrl(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    return m_runbookBase.resolved(QUrl(index.data(AlertModel::RunbookRole).toString()));
}

void AlertPanel::openRunbook()
{
    const QUrl url = runbookUrl(m_view->currentIndex());
    if (url.isValid())
        QDesktopServices::openUrl(url);
}

void AlertPanel::updateTitle()
{
    const int open = m_model->unacknowledgedCount(AlertView::Severity::Warning);
    setWindowTitle(open > 0 ? tr("Alerts (%1)").arg(open) : tr("Alerts"));
}

} // namespace sentinel
