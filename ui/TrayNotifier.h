// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace sentinel {

/// The tray icon: desktop notifications for what cannot wait (a new proposal to decide on,
/// critical alerts) and a menu that reaches the window and the operator's controls while the
/// window is hidden. Where the platform has no system tray (offscreen, some Wayland sessions) it
/// still emits `notified`, which the status bar shows and tests observe, and still builds the menu.
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

    /// The optional alert sound (issue 17; off by default): the platform's beep with each new
    /// proposal and critical alert notified. Qt Multimedia is not a dependency for one sound.
    void setSoundEnabled(bool enabled) { m_soundEnabled = enabled; }
    [[nodiscard]] bool soundEnabled() const { return m_soundEnabled; }
    /// Sounds played since start, for tests (the beep itself cannot be heard offscreen).
    [[nodiscard]] int soundsPlayed() const { return m_soundsPlayed; }

    /// Puts `actions` in the tray menu after "Show Trade Sentinel" (a null entry is a separator).
    void setMenuActions(const QList<QAction*>& actions);
    [[nodiscard]] QMenu* menu() const { return m_menu; }
    /// Sets the menu's and the icon's texts again in the present language (the window calls it
    /// after a language change: this is not a widget and gets no LanguageChange event).
    void retranslate();

Q_SIGNALS:
    void notified(const QString& title, const QString& message);

private:
    void show(const QString& title, const QString& message, bool critical);

    void raiseWindow();

    QWidget* m_window;
    QMenu* m_menu;
    QAction* m_show;
    QSystemTrayIcon* m_tray = nullptr;
    bool m_soundEnabled = false;
    int m_soundsPlayed = 0;
};

} // namespace sentinel
