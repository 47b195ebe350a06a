// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TrayNotifier.h"

#include "ui/Format.h"
#include "ui/ProposalDetails.h"
#include "ui/Theme.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace sentinel {

TrayNotifier::TrayNotifier(QWidget* window)
    : QObject(window),
      m_window(window),
      m_menu(new QMenu(window)),
      m_show(new QAction(this))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_show->setObjectName(QStringLiteral("actionShowWindow"));
    connect(m_show, &QAction::triggered, this, &TrayNotifier::raiseWindow);
    setMenuActions({});
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray = new QSystemTrayIcon(Theme::icon(QStringLiteral("sentinel")), this);
    retranslate();
    if (!m_tray)
        return;
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason != QSystemTrayIcon::Context)
            raiseWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::raiseWindow);
    m_tray->show();
}

// Texts set here are set again after a language change. A notification already shown keeps its
// language.
void TrayNotifier::retranslate()
{
    m_show->setText(tr("&Show Trade Sentinel"));
    if (m_tray)
        m_tray->setToolTip(tr("Trade Sentinel"));
}

void TrayNotifier::setMenuActions(const QList<QAction*>& actions)
{
    m_menu->clear();
    m_menu->addAction(m_show);
    if (!actions.isEmpty())
        m_menu->addSeparator();
    for (QAction* action : actions) {
        if (action)
            m_menu->addAction(action);
        else
            m_menu->addSeparator();
    }
}

void TrayNotifier::raiseWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void TrayNotifier::notifyProposal(const ProposalView& proposal)
{
    if (proposal.state != ProposalView::State::Pending)
        return;
    show(tr("Trade proposal: %1").arg(proposal.instrument.symbol),
         tr("%1 — decide before %2").arg(ProposalDetails::summary(proposal), Format::localTime(proposal.expiresAt)),
         false);
}

void TrayNotifier::notifyAlert(const AlertView& alert)
{
    if (alert.severity != AlertView::Severity::Critical || alert.acknowledged)
        return;
    show(tr("Critical: %1").arg(Format::alertKind(alert.kind)), alert.message, true);
}

void TrayNotifier::show(const QString& title, const QString& message, bool critical)
{
    if (m_tray)
        m_tray->showMessage(title, message, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information, 15000);
    if (m_soundEnabled) {
        QApplication::beep();
        ++m_soundsPlayed;
    }
    Q_EMIT notified(title, message);
}

} // namespace sentinel
