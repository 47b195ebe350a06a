// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HistoryPanel.h"

#include "ui/Format.h"
#include "ui/HistoryModel.h"
#include "ui/PanelWidgets.h"
#include "ui/ProposalDetails.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace sentinel {

namespace {

/// The earliest date the date filters offer; showing it means "no bound".
const QDate kNoBound(2000, 1, 1);

QToolButton* makeButton(QAction* action, const QString& objectName, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QDateEdit* makeDateEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoBound);
    edit->setDate(kNoBound);
    return edit;
}

} // namespace

HistoryPanel::HistoryPanel(QWidget* parent)
    : QDockWidget(parent), m_model(new HistoryModel(this)),
      m_view(makeTableView(m_model, QStringLiteral("historyView"), QString(), this)),
      m_detail(new QTextBrowser(this)), m_status(new QLabel(this)), m_instrument(new QLineEdit(this)),
      m_strategy(new QComboBox(this)), m_outcome(new QComboBox(this)),
      m_from(makeDateEdit(QStringLiteral("historyFrom"), this)), m_to(makeDateEdit(QStringLiteral("historyTo"), this)),
      m_exportCsv(new QAction(this)), m_exportJson(new QAction(this)), m_refresh(new QAction(this)),
      m_typing(new QTimer(this)), m_refreshing(new QTimer(this))
{
    // The texts are set by retranslate(), at the end and again after each language change.
    setupDock(this, QStringLiteral("historyDock"), QString());
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // In a narrow dock: the detail pane shows all of these for the selected row.
    setDroppableColumns(m_view, {HistoryModel::DecidedByColumn, HistoryModel::StrategyColumn, HistoryModel::FillColumn,
                                 HistoryModel::PriceColumn});

    m_instrument->setObjectName(QStringLiteral("historyInstrument"));
    m_instrument->setClearButtonEnabled(true);
    m_strategy->setObjectName(QStringLiteral("historyStrategy"));
    m_strategy->addItem(QString(), QString()); // "All strategies"
    m_strategy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_outcome->setObjectName(QStringLiteral("historyOutcome"));
    m_outcome->setSizeAdjustPolicy(QComboBox::AdjustToContents); // named by retranslate(), in every language
    m_outcome->addItem(QString(), -1); // "All outcomes", then each state; retranslate() names them
    for (ProposalState state : {ProposalState::Executed, ProposalState::Rejected, ProposalState::Expired,
                                ProposalState::Refused, ProposalState::Approved, ProposalState::Pending})
        m_outcome->addItem(QString(), int(state));

    m_exportCsv->setObjectName(QStringLiteral("actionExportHistoryCsv"));
    m_exportJson->setObjectName(QStringLiteral("actionExportHistoryJson"));
    m_refresh->setObjectName(QStringLiteral("actionRefreshHistory"));
    connect(m_exportCsv, &QAction::triggered, this, [this] { chooseExportFile(QStringLiteral("csv")); });
    connect(m_exportJson, &QAction::triggered, this, [this] { chooseExportFile(QStringLiteral("json")); });
    connect(m_refresh, &QAction::triggered, this, &HistoryPanel::reload);

    m_typing->setSingleShot(true);
    m_typing->setInterval(400);
    connect(m_typing, &QTimer::timeout, this, &HistoryPanel::applyFilter);
    connect(m_instrument, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_instrument, &QLineEdit::returnPressed, this, &HistoryPanel::applyFilter);
    connect(m_strategy, &QComboBox::activated, this, &HistoryPanel::applyFilter);
    connect(m_outcome, &QComboBox::activated, this, &HistoryPanel::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryPanel::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryPanel::applyFilter);
    m_refreshing->setSingleShot(true);
    m_refreshing->setInterval(1000);
    connect(m_refreshing, &QTimer::timeout, this, [this] {
        // Only while the operator looks at the newest rows: a reload would move what they read.
        if (m_view->verticalScrollBar()->value() == 0 && m_model->rowCount() <= HistoryModel::pageSize)
            reload();
        else
            showStatus([] { return tr("New proposals since this list was read: Refresh shows them"); });
    });

    connect(m_model, &HistoryModel::pageRequested, this, &HistoryPanel::pageRequested);
    connect(m_model, &HistoryModel::firstPageArrived, this, [this](qint64, const QStringList& strategies) {
        const QString chosen = m_strategy->currentData().toString();
        while (m_strategy->count() > 1)
            m_strategy->removeItem(1);
        for (const QString& name : strategies)
            m_strategy->addItem(name, name);
        m_strategy->setCurrentIndex(std::max(0, m_strategy->findData(chosen)));
        showCount();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->rowAt(row).proposalId == m_shownId) {
                m_view->selectRow(row);
                break;
            }
        }
    });
    connect(m_model, &HistoryModel::failed, this, [this](const QString& message) {
        showStatus([message] { return tr("The journal could not be read: %1").arg(message); });
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryPanel::showSelected);

    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setObjectName(QStringLiteral("historyDetail"));
    m_detail->setOpenLinks(false);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_instrument, 2);
    filters->addWidget(m_strategy, 1);
    filters->addWidget(m_outcome, 1);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(QStringLiteral("–"), this));
    filters->addWidget(m_to);
    layout->addLayout(filters);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(makeButton(m_refresh, QStringLiteral("refreshHistoryButton"), this));
    actions->addWidget(makeButton(m_exportCsv, QStringLiteral("exportHistoryCsvButton"), this));
    actions->addWidget(makeButton(m_exportJson, QStringLiteral("exportHistoryJsonButton"), this));
    layout->addLayout(actions);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("historySplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    setWidget(content);
    showStatus([] { return tr("Waiting for the engine"); });
    retranslate();
}

void HistoryPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// Texts set here are set again after a language change.
void HistoryPanel::retranslate()
{
    setDockTitle(this, tr("History"));
    m_view->setAccessibleName(tr("Proposals and trades"));
    m_instrument->setPlaceholderText(tr("Instrument"));
    m_instrument->setAccessibleName(tr("Instrument filter"));
    m_instrument->setToolTip(tr("A symbol (EUR/USD) or an instrument key (FX:EUR/USD:1h); empty for all"));
    m_strategy->setAccessibleName(tr("Strategy filter"));
    m_strategy->setItemText(0, tr("All strategies"));
    m_outcome->setAccessibleName(tr("Outcome filter"));
    m_outcome->setItemText(0, tr("All outcomes"));
    for (int i = 1; i < m_outcome->count(); ++i)
        m_outcome->setItemText(i, Format::proposalState(ProposalState(m_outcome->itemData(i).toInt())));
    m_from->setAccessibleName(tr("Made on or after"));
    m_to->setAccessibleName(tr("Made on or before"));
    for (QDateEdit* edit : {m_from, m_to})
        edit->setSpecialValueText(tr("any"));
    m_from->setToolTip(tr("Proposals made on or after this day (local time)"));
    m_to->setToolTip(tr("Proposals made on or before this day (local time)"));

    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportCsv->setToolTip(tr("Write the proposals the filters select to a CSV file"));
    m_exportJson->setText(tr("Export &JSON…"));
    m_exportJson->setToolTip(tr("Write the proposals the filters select to a JSON file"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Read the journal again"));

    m_status->setAccessibleName(tr("History status"));
    m_detail->setAccessibleName(tr("Proposal details"));
    m_detail->setPlaceholderText(tr("Select a proposal to see its reason, risk checks, decision, fill and delivery."));
    // The texts built from data: the status line, the table's cells and headers, the detail pane.
    m_status->setText(m_statusText());
    announceTextsChanged(*m_model);
    showDetail();
}

void HistoryPanel::showStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_status->setText(m_statusText());
}

HistoryFilter HistoryPanel::currentFilter() const
{
    HistoryFilter filter;
    filter.instrument = m_instrument->text().trimmed();
    filter.strategy = m_strategy->currentData().toString();
    if (const int state = m_outcome->currentData().toInt(); state >= 0)
        filter.outcome = ProposalState(state);
    // Whole local days: "to" includes its day.
    if (m_from->date() > kNoBound)
        filter.from = QDateTime(m_from->date(), QTime(0, 0)).toUTC();
    if (m_to->date() > kNoBound)
        filter.to = QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC();
    return filter;
}

void HistoryPanel::applyFilter()
{
    m_typing->stop();
    if (currentFilter() == m_model->filter() && (m_model->matching() || m_model->waiting()))
        return;
    m_model->setFilter(currentFilter());
    showStatus([] { return tr("Reading the journal…"); });
}

void HistoryPanel::reload()
{
    m_refreshing->stop();
    m_model->setFilter(currentFilter());
    showStatus([] { return tr("Reading the journal…"); });
}

void HistoryPanel::noteJournalChanged()
{
    if (m_model->matching())
        m_refreshing->start();
}

void HistoryPanel::applyPage(const HistoryPageView& page)
{
    m_model->applyPage(page);
}

void HistoryPanel::showCount()
{
    const std::optional<qint64> matching = m_model->matching();
    if (!matching)
        return;
    showStatus([count = *matching] {
        return count == 0 ? tr("No proposal matches these filters")
                          : tr("%n proposal(s)", nullptr, int(std::min<qint64>(count, INT_MAX)));
    });
}

void HistoryPanel::showSelected()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    m_shownDetail.reset();
    if (!current.isValid()) {
        m_shownId.clear();
        m_detail->clear();
        return;
    }
    m_shownRow = m_model->rowAt(current.row());
    m_shownId = m_shownRow.proposalId;
    showDetail();
    Q_EMIT detailRequested(m_shownId);
}

QString HistoryPanel::rowHtml(const HistoryRow& row) const
{
    const auto esc = [](const QString& text) { return text.toHtmlEscaped(); };
    QString html = QStringLiteral("<p><b>%1</b> · %2<br>").arg(esc(Format::proposalState(row.state)), esc(row.proposalId));
    if (!row.decidedBy.isEmpty()) {
        const QString via = row.decidedVia.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(esc(row.decidedVia));
        html += tr("Decided by %1%2 at %3").arg(esc(row.decidedBy), via, esc(Format::localTime(row.decidedAt)))
            + QStringLiteral("<br>");
    }
    if (row.resolvedAt.isValid() && !row.fill)
        html += tr("Ended %1").arg(esc(Format::localTime(row.resolvedAt))) + QStringLiteral("<br>");
    if (!row.resolution.isEmpty() && !row.fill)
        html += tr("Why: %1").arg(esc(row.resolution)) + QStringLiteral("<br>");
    if (row.fill)
        html += tr("Filled %1 at %2, fee %3, at %4 (order %5)")
                    .arg(esc(Format::quantity(row.fill->quantity)), esc(Format::price(row.fill->price)),
                         esc(Format::quantity(row.fill->fee)), esc(Format::localTime(row.fill->at)), esc(row.fill->orderId))
            + QStringLiteral("<br>");
    html += tr("Proposed by %1").arg(esc(row.strategy.isEmpty() ? tr("unrecorded") : row.strategy));
    return html + QStringLiteral("</p>");
}

void HistoryPanel::applyDetail(const HistoryDetailView& detail)
{
    if (detail.proposalId != m_shownId)
        return;
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    m_shownRow = m_model->rowAt(current.row());
    m_shownDetail = detail;
    showDetail();
}

/// The detail pane for the shown row: what the engine said of it, or that it is being read. Kept
/// apart from applyDetail() so a language change can build it again.
void HistoryPanel::showDetail()
{
    if (m_shownId.isEmpty())
        return;
    QString html = rowHtml(m_shownRow);
    if (!m_shownDetail) {
        m_detail->setHtml(html + QStringLiteral("<p>%1</p>").arg(tr("Reading the proposal…").toHtmlEscaped()));
        return;
    }
    const HistoryDetailView& detail = *m_shownDetail;
    if (detail.proposal)
        html += ProposalDetails::html(*detail.proposal, palette());
    if (detail.delivery) {
        const HistoryDetailView::Delivery& d = *detail.delivery;
        QString line = tr("Signal: %1 after %n attempt(s)", nullptr, d.attempts).arg(d.state.toHtmlEscaped());
        if (!d.channel.isEmpty())
            line += QStringLiteral(" · ") + tr("by %1").arg(d.channel.toHtmlEscaped());
        if (d.finishedAt.isValid())
            line += QStringLiteral(" · ") + Format::localTime(d.finishedAt).toHtmlEscaped();
        if (!d.lastError.isEmpty())
            line += QStringLiteral("<br>") + tr("Last error: %1").arg(d.lastError.toHtmlEscaped());
        html += QStringLiteral("<p>%1</p>").arg(line);
    } else if (detail.error.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("No signal went out for it (no remote channel was enabled).").toHtmlEscaped());
    }
    if (!detail.error.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("The journal could not say more: %1").arg(detail.error).toHtmlEscaped());
    m_detail->setHtml(html);
}

void HistoryPanel::chooseExportFile(const QString& format)
{
    const bool csv = format == QLatin1String("csv");
    QString path = QFileDialog::getSaveFileName(this, csv ? tr("Export history as CSV") : tr("Export history as JSON"),
                                                QStringLiteral("trade-sentinel-history.") + format,
                                                csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + format;
    exportTo(path, format);
}

void HistoryPanel::exportTo(const QString& path, const QString& format)
{
    if (m_exporting)
        return;
    m_exporting = true;
    m_exportCsv->setEnabled(false);
    m_exportJson->setEnabled(false);
    showStatus([path] { return tr("Exporting to %1…").arg(path); });
    Q_EMIT exportRequested(HistoryExportRequest{currentFilter(), path, format});
}

void HistoryPanel::applyExport(const HistoryExportResult& result)
{
    m_exporting = false;
    m_exportCsv->setEnabled(true);
    m_exportJson->setEnabled(true);
    if (!result.error.isEmpty())
        showStatus([error = result.error] { return tr("Export failed: %1").arg(error); });
    else
        showStatus([rows = result.rows, path = result.path] {
            return tr("Exported %n proposal(s) to %1", nullptr, int(std::min<qint64>(rows, INT_MAX))).arg(path);
        });
}

} // namespace sentinel
