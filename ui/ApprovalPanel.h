// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>
#include <QPointer>

class QAction;
class QLabel;
class QScrollArea;
class QTableView;
class QTimer;
class QToolButton;

namespace sentinel {

class ApprovalModel;

/// The approval queue: pending proposals with everything the engine attached and a countdown to
/// expiry, Approve and Reject by button and keyboard, and the recent decisions.
///
/// Approve asks for confirmation in a dialog that states exactly what will execute (Enter
/// confirms, Escape cancels); Reject asks for a reason. Both dialogs are window-modal but opened
/// with open(), never exec(), so the engine's updates keep arriving while the operator decides. A
/// proposal that expires while its dialog is open is not sent.
class ApprovalPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalPanel)
public:
    explicit ApprovalPanel(QWidget* parent = nullptr);

    /// Returns true when the proposal is new to the queue.
    bool applyProposal(const sentinel::ProposalView& proposal);
    void setEngineTime(const QDateTime& clockTime);

    [[nodiscard]] ApprovalModel* queue() const { return m_queue; }
    [[nodiscard]] ApprovalModel* history() const { return m_history; }
    [[nodiscard]] QTableView* queueView() const { return m_queueView; }
    [[nodiscard]] QAction* approveAction() const { return m_approve; }
    [[nodiscard]] QAction* rejectAction() const { return m_reject; }
    [[nodiscard]] QString selectedProposalId() const;
    void selectProposal(const QString& id);

    /// When off, Approve acts at once and Reject uses a default reason (for scripted use and tests;
    /// on by default).
    void setConfirmationRequired(bool required) { m_confirm = required; }
    [[nodiscard]] bool confirmationRequired() const { return m_confirm; }

Q_SIGNALS:
    void approveRequested(const QString& proposalId);
    void rejectRequested(const QString& proposalId, const QString& reason);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void approveSelected();
    void rejectSelected();
    void showDetails();
    void updateActions();
    /// The pending proposal with this id, if it is still in the queue and not expired.
    [[nodiscard]] const ProposalView* stillPending(const QString& id) const;

    ApprovalModel* m_queue;
    ApprovalModel* m_history;
    QTableView* m_queueView;
    QTableView* m_historyView;
    QLabel* m_details;
    QAction* m_approve;
    QAction* m_reject;
    QTimer* m_countdown;
    QScrollArea* m_detailsScroll = nullptr;
    QLabel* m_historyTitle = nullptr;
    QToolButton* m_approveButton = nullptr;
    QToolButton* m_rejectButton = nullptr;
    QPointer<QWidget> m_openDialog;
    bool m_confirm = true;
};

} // namespace sentinel
