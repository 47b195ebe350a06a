// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QTableView;

namespace sentinel {

class AlertFilterProxy;
class AlertModel;

/// Stale data, delivery failures, quota and risk rejections, newest first; filter by severity,
/// hide acknowledged ones, acknowledge the selection.
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

Q_SIGNALS:
    void acknowledgeRequested(const QString& alertId);

private:
    void acknowledge(const QStringList& ids);
    void updateTitle();

    AlertModel* m_model;
    AlertFilterProxy* m_proxy;
    QTableView* m_view;
    QComboBox* m_severity;
    QCheckBox* m_hideAcknowledged;
    QAction* m_acknowledge;
    QAction* m_acknowledgeAll;
};

} // namespace sentinel
