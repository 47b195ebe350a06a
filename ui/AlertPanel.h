// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>
#include <QUrl>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QModelIndex;
class QTableView;
class QToolButton;

namespace sentinel {

class AlertFilterProxy;
class AlertModel;

/// Stale data, delivery failures, quota and risk rejections, newest first; filter by severity,
/// hide acknowledged ones, acknowledge the selection, and open the runbook page that says what
/// to do about the current alert (docs/runbooks/). Opening a page is the panel's only contact
/// with the world: where the pages are is decided by the application (setRunbookBase).
class AlertPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertPanel)
public:
    explicit AlertPanel(QWidget* parent = nullptr);

    /// Returns true when the alert is new.
    bool applyAlert(const sentinel::AlertView& alert);
    [[nodiscard]] AlertModel* model() const { return m_model; }
    [[nodiscard]] AlertFilterProxy* proxy() const { return m_proxy; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QAction* acknowledgeAction() const { return m_acknowledge; }
    [[nodiscard]] QAction* acknowledgeAllAction() const { return m_acknowledgeAll; }
    [[nodiscard]] QAction* whatToDoAction() const { return m_whatToDo; }

    /// The folder holding the runbook pages, as a URL ending in '/': a local folder when the
    /// pages are installed or in the source tree, else the project's (placeholder) web address.
    void setRunbookBase(const QUrl& base);
    [[nodiscard]] QUrl runbookBase() const { return m_runbookBase; }
    /// The runbook page for the alert at `index` (of model() or of the view's proxy).
    [[nodiscard]] QUrl runbookUrl(const QModelIndex& index) const;

Q_SIGNALS:
    void acknowledgeRequested(const QString& alertId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void acknowledge(const QStringList& ids);
    void openRunbook();
    void updateTitle();

    AlertModel* m_model;
    AlertFilterProxy* m_proxy;
    QTableView* m_view;
    QComboBox* m_severity;
    QCheckBox* m_hideAcknowledged;
    QAction* m_acknowledge;
    QAction* m_acknowledgeAll;
    QAction* m_whatToDo;
    QUrl m_runbookBase;
    QLabel* m_filterLabel = nullptr;
    QToolButton* m_ackButton = nullptr;
    QToolButton* m_whatToDoButton = nullptr;
};

} // namespace sentinel
