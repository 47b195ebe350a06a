// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TradingControls.h"

#include "ui/ControlConfirmation.h"
#include "ui/Theme.h"

#include <QAction>
#include <QWidget>

namespace sentinel {

QKeySequence TradingControls::killSwitchShortcut()
{
    return QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_K);
}

TradingControls::TradingControls(QWidget* window)
    : QObject(window), m_window(window), m_pause(new QAction(this)),
      m_flatten(new QAction(Theme::icon(QStringLiteral("flatten")), QString(), this)),
      m_killSwitch(new QAction(Theme::icon(QStringLiteral("kill-switch")), QString(), this))
{
    m_pause->setObjectName(QStringLiteral("actionPauseTrading"));
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::triggered, this, &TradingControls::onPauseTriggered);

    m_flatten->setObjectName(QStringLiteral("actionFlattenAll"));
    connect(m_flatten, &QAction::triggered, this, &TradingControls::confirmFlatten);

    m_killSwitch->setObjectName(QStringLiteral("actionKillSwitch"));
    m_killSwitch->setShortcut(killSwitchShortcut());
    // From any of the application's windows, a floating panel included.
    m_killSwitch->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_killSwitch, &QAction::triggered, this, &TradingControls::confirmKillSwitch);
    retranslate();
}

TradingControls::~TradingControls() = default;

// Texts set here are set again after a language change.
void TradingControls::retranslate()
{
    m_flatten->setText(tr("&Flatten All…"));
    m_flatten->setToolTip(tr("Close every open position at market, after a confirmation that lists them"));
    m_killSwitch->setText(tr("&Kill Switch…"));
    m_killSwitch->setToolTip(tr("Pause trading, reject every pending proposal and close every open position (%1), "
                                "after a confirmation")
                                 .arg(killSwitchShortcut().toString(QKeySequence::NativeText)));
    updateActions(); // Pause or Resume, as the engine's state has it
}

void TradingControls::applyStatus(const EngineStatus& status)
{
    m_state = status.state;
    m_paused = status.paused;
    updateActions();
}

void TradingControls::applyPortfolio(const PortfolioView& portfolio)
{
    m_portfolio = portfolio;
}

void TradingControls::setPendingProposals(int count)
{
    m_pending = count;
}

void TradingControls::onPauseTriggered()
{
    // The click asked; the engine's next status answers. Until then the action shows what is true.
    m_pause->setChecked(m_paused);
    if (m_paused)
        Q_EMIT resumeRequested();
    else
        Q_EMIT pauseRequested();
}

void TradingControls::confirmFlatten()
{
    if (m_open) {
        m_open->raise();
        return;
    }
    ControlConfirmation* box = ControlConfirmation::flatten(m_portfolio, m_window);
    connect(box, &ControlConfirmation::confirmed, this, &TradingControls::flattenRequested);
    ask(box);
}

void TradingControls::confirmKillSwitch()
{
    if (m_open && m_open->objectName() == u"killSwitchConfirmation") {
        m_open->raise();
        return;
    }
    // The emergency comes first: a flatten question still open gives way (it is cancelled).
    if (m_open)
        m_open->reject();
    ControlConfirmation* box = ControlConfirmation::killSwitch(m_portfolio, m_pending, m_paused, m_window);
    connect(box, &ControlConfirmation::confirmed, this, &TradingControls::killSwitchRequested);
    ask(box);
}

void TradingControls::ask(ControlConfirmation* box)
{
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (m_window->isMinimized() || !m_window->isVisible())
        m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
    m_open = box;
    box->open();
}

void TradingControls::updateActions()
{
    const bool engine = m_state && *m_state != EngineState::Stopped;
    for (QAction* action : {m_pause, m_flatten, m_killSwitch})
        action->setEnabled(engine);
    m_pause->setChecked(m_paused);
    if (m_paused) {
        m_pause->setText(tr("Res&ume Trading"));
        m_pause->setIcon(Theme::icon(QStringLiteral("resume")));
        m_pause->setToolTip(tr("Resume trading: the strategies may propose trades again"));
    } else {
        m_pause->setText(tr("&Pause Trading"));
        m_pause->setIcon(Theme::icon(QStringLiteral("pause")));
        m_pause->setToolTip(tr("Pause trading: no new proposals; open positions keep their exits and alerts"));
    }
}

} // namespace sentinel
