// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ApprovalPanel.h"

#include "ui/ApprovalModel.h"
#include "ui/Format.h"
#include "ui/PanelWidgets.h"
#include "ui/ProposalDetails.h"
#include "ui/Theme.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace sentinel {

namespace {
QToolButton* makeButton(QAction* action, const QString& objectName, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}
} // namespace

ApprovalPanel::ApprovalPanel(QWidget* parent)
    : QDockWidget(parent),
      m_queue(new ApprovalModel(ApprovalModel::Kind::Queue, this)),
      m_history(new ApprovalModel(ApprovalModel::Kind::History, this)),
      m_queueView(makeTableView(m_queue, QStringLiteral("approvalQueueView"), QString(), this)),
      m_historyView(makeTableView(m_history, QStringLiteral("approvalHistoryView"), QString(), this)),
      m_details(new QLabel(this)),
      m_approve(new QAction(Theme::icon(QStringLiteral("approve")), QString(), this)),
      m_reject(new QAction(Theme::icon(QStringLiteral("reject")), QString(), this)),
      m_countdown(new QTimer(this))
{
    // The title, like every text below, is set by retranslate().
    setupDock(this, QStringLiteral("approvalDock"), QString());

    m_approve->setObjectName(QStringLiteral("actionApproveSelected"));
    m_approve->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_reject->setObjectName(QStringLiteral("actionRejectSelected"));
    m_reject->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Backspace), QKeySequence(Qt::Key_Delete)});
    connect(m_approve, &QAction::triggered, this, &ApprovalPanel::approveSelected);
    connect(m_reject, &QAction::triggered, this, &ApprovalPanel::rejectSelected);

    // In a narrow dock: the detail pane shows the price and every risk check of the selection.
    for (QTableView* view : {m_queueView, m_historyView})
        setDroppableColumns(view, {ApprovalModel::RiskColumn, ApprovalModel::PriceColumn});
    m_queueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        updateActions();
    });
    // Keep a selection whenever the queue is not empty, so the keyboard shortcut always has a target.
    connect(m_queue, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_queueView->selectionModel()->currentIndex().isValid())
            m_queueView->selectRow(0);
        updateActions();
    });
    connect(m_queue, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_queue->rowCount() > 0 && !m_queueView->selectionModel()->currentIndex().isValid())
            m_queueView->selectRow(0);
        showDetails();
        updateActions();
    });
    connect(m_queue, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        const int current = m_queueView->selectionModel()->currentIndex().row();
        if (current >= from.row() && current <= to.row() && from.column() != ApprovalModel::StatusColumn)
            showDetails();
    });

    m_details->setObjectName(QStringLiteral("proposalDetails"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setMargin(6);
    m_detailsScroll = new QScrollArea(this);
    m_detailsScroll->setWidgetResizable(true);
    m_detailsScroll->setWidget(m_details);
    // An advised proposal adds the advisor's reason and a line per model: room for about ten lines.
    m_detailsScroll->setMinimumHeight(fontMetrics().lineSpacing() * 6); // scrolls; a 768-line screen has little room

    auto* queueBox = new QWidget(this);
    auto* queueLayout = new QVBoxLayout(queueBox);
    queueLayout->setContentsMargins(4, 4, 4, 0);
    auto* buttons = new QHBoxLayout;
    m_approveButton = makeButton(m_approve, QStringLiteral("approveButton"), this);
    m_rejectButton = makeButton(m_reject, QStringLiteral("rejectButton"), this);
    buttons->addWidget(m_approveButton);
    buttons->addWidget(m_rejectButton);
    buttons->addStretch(1);
    queueLayout->addLayout(buttons);
    queueLayout->addWidget(m_queueView, 1);

    auto* historyBox = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(4, 0, 4, 4);
    m_historyTitle = new QLabel(this);
    m_historyTitle->setBuddy(m_historyView);
    historyLayout->addWidget(m_historyTitle);
    historyLayout->addWidget(m_historyView, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("approvalSplitter"));
    splitter->addWidget(queueBox);
    splitter->addWidget(m_detailsScroll);
    splitter->addWidget(historyBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    setWidget(splitter);

    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, m_queue, &ApprovalModel::refreshCountdowns);
    m_countdown->start();
    retranslate();
}

void ApprovalPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// Texts set here are set again after a language change. An Approve or Reject dialog keeps the
// language it opened in: it is window-modal, as Settings (where the language changes) is, so the
// two are never open together.
void ApprovalPanel::retranslate()
{
    setDockTitle(this, tr("Approvals"));
    m_approve->setText(tr("&Approve…"));
    m_approve->setToolTip(tr("Approve the selected proposal (Ctrl+Return); you confirm what will execute"));
    m_reject->setText(tr("&Reject…"));
    m_reject->setToolTip(tr("Reject the selected proposal (Ctrl+Backspace or Delete) with a reason"));
    for (QToolButton* button : {m_approveButton, m_rejectButton})
        button->setAccessibleName(button->defaultAction()->text().remove(u'&'));
    m_queueView->setAccessibleName(tr("Pending proposals"));
    m_historyView->setAccessibleName(tr("Recent decisions"));
    m_historyTitle->setText(tr("Recent decisions"));
    m_details->setAccessibleName(tr("Proposal details"));
    m_detailsScroll->setAccessibleName(tr("Proposal details"));
    announceTextsChanged(*m_queue);
    announceTextsChanged(*m_history);
    showDetails();
    updateActions(); // the title with the queue's count
}

bool ApprovalPanel::applyProposal(const ProposalView& proposal)
{
    m_history->applyProposal(proposal);
    return m_queue->applyProposal(proposal);
}

void ApprovalPanel::setEngineTime(const QDateTime& clockTime)
{
    m_queue->setEngineTime(clockTime);
}

QString ApprovalPanel::selectedProposalId() const
{
    const QModelIndex current = m_queueView->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ApprovalModel::ProposalIdRole).toString() : QString();
}

void ApprovalPanel::selectProposal(const QString& id)
{
    const int row = m_queue->rowOfKey(id);
    if (row >= 0)
        m_queueView->selectRow(row);
}

const ProposalView* ApprovalPanel::stillPending(const QString& id) const
{
    const int row = m_queue->rowOfKey(id);
    if (row < 0)
        return nullptr;
    const ProposalView& proposal = m_queue->rowAt(row);
    return m_queue->secondsRemaining(proposal) > 0 ? &proposal : nullptr;
}

void ApprovalPanel::approveSelected()
{
    const QString id = selectedProposalId();
    const ProposalView* proposal = stillPending(id);
    if (!proposal || m_openDialog)
        return;
    if (!m_confirm) {
        Q_EMIT approveRequested(id);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Approve trade"),
                                tr("Execute this trade?") + u"\n\n" + ProposalDetails::summary(*proposal), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("approveConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QStringList detail;
    detail << tr("Risk check: %1").arg(proposal->riskApproved ? tr("passed") : tr("refused"));
    detail << tr("VaR before / after: %1 / %2").arg(Format::percent(proposal->varBefore, 2), Format::percent(proposal->varAfter, 2));
    detail << tr("Data: %1").arg(proposal->freshness);
    detail << tr("The engine re-checks freshness and risk before it executes.");
    box->setInformativeText(detail.join(u'\n'));
    QPushButton* approve = box->addButton(tr("Approve"), QMessageBox::AcceptRole);
    approve->setObjectName(QStringLiteral("confirmApproveButton"));
    approve->setIcon(Theme::icon(QStringLiteral("approve")));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelApproveButton"));
    box->setDefaultButton(approve);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, approve, id] {
        if (box->clickedButton() == approve && stillPending(id))
            Q_EMIT approveRequested(id);
    });
    m_openDialog = box;
    box->open();
}

void ApprovalPanel::rejectSelected()
{
    const QString id = selectedProposalId();
    const ProposalView* proposal = stillPending(id);
    if (!proposal || m_openDialog)
        return;
    if (!m_confirm) {
        Q_EMIT rejectRequested(id, tr("rejected by the operator"));
        return;
    }
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("rejectReasonDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(tr("Reject trade"));
    dialog->setLabelText(tr("Reject %1?\nReason (kept in the journal):").arg(ProposalDetails::summary(*proposal)));
    dialog->setOkButtonText(tr("Reject"));
    dialog->setTextValue(QString());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString& text) {
        const QString reason = text.trimmed().isEmpty() ? tr("rejected by the operator") : text.trimmed();
        // An expired proposal has already been rejected by the engine; nothing left to send.
        if (stillPending(id))
            Q_EMIT rejectRequested(id, reason);
    });
    m_openDialog = dialog;
    dialog->open();
}

void ApprovalPanel::updateActions()
{
    const bool selected = !selectedProposalId().isEmpty();
    m_approve->setEnabled(selected);
    m_reject->setEnabled(selected);
    setWindowTitle(m_queue->rowCount() > 0 ? tr("Approvals (%1)").arg(m_queue->rowCount()) : tr("Approvals"));
}

void ApprovalPanel::showDetails()
{
    const int row = m_queue->rowOfKey(selectedProposalId());
    if (row < 0) {
        m_details->setText(tr("No proposal waiting for a decision."));
        return;
    }
    m_details->setText(ProposalDetails::html(m_queue->rowAt(row), palette()));
}

} // namespace sentinel
