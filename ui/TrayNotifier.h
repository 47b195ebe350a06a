// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace sentinel {

/// Desktop notifications for what cannot wait: a new proposal to decide on and critical alerts.
/// Where the platform has no system tray (offscreen, some Wayland sessions) it still emits
/// `notified`, which the status bar shows and tests observe.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)
public:
    /// `window` is raised when the operator clicks the tray icon or a notification.
    explicit TrayNotifier(QWidget* window);

    void notifyProposal(const sentinel::ProposalView& proposal);
    void notifyAlert(const sentinel::AlertView& alert);
    [[nodiscard]] bool trayAvailable() const { return m_tray != nullptr; }

Q_SIGNALS:
    void notified(const QString& title, const QString& message);

private:
    void show(const QString& title, const QString& message, bool critical);

    QWidget* m_window;
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace sentinel
