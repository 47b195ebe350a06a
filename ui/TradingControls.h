// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QKeySequence>
#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QWidget;

namespace sentinel {

class ControlConfirmation;

/// The operator's controls over the whole desk (issue 16, ADR 0134): Pause/Resume, Flatten All and
/// the kill switch, as actions that the Trade menu, the toolbar and the tray menu share.
///
/// Pause shows the engine's state, not the last click: the action is checked, and reads Resume,
/// once a status says paused. Flatten All and the kill switch ask first (ControlConfirmation),
/// listing the positions they close from the last portfolio the engine published. The actions
/// are enabled while an engine is starting or running.
class TradingControls final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TradingControls)
public:
    /// The kill switch's key: three modifiers, so no slip of the hand sends it (Ctrl+Shift+K is
    /// Acknowledge All; a shortcut two actions share fires neither).
    static QKeySequence killSwitchShortcut();

    /// `window` parents the confirmations and is raised for them (the tray menu works while it is hidden).
    explicit TradingControls(QWidget* window);
    ~TradingControls() override;

    [[nodiscard]] QAction* pauseAction() const { return m_pause; }
    [[nodiscard]] QAction* flattenAction() const { return m_flatten; }
    [[nodiscard]] QAction* killSwitchAction() const { return m_killSwitch; }

    void applyStatus(const sentinel::EngineStatus& status);
    void applyPortfolio(const sentinel::PortfolioView& portfolio);
    void setPendingProposals(int count);
    /// Sets the actions' texts again in the present language (the window calls it after a
    /// language change: this is not a widget and gets no LanguageChange event).
    void retranslate();

    [[nodiscard]] bool paused() const { return m_paused; }
    [[nodiscard]] const std::optional<PortfolioView>& portfolio() const { return m_portfolio; }

Q_SIGNALS:
    void pauseRequested();
    void resumeRequested();
    void flattenRequested();
    void killSwitchRequested();

private:
    void onPauseTriggered();
    void confirmFlatten();
    void confirmKillSwitch();
    void ask(ControlConfirmation* box);
    void updateActions();

    QWidget* m_window;
    QAction* m_pause;
    QAction* m_flatten;
    QAction* m_killSwitch;
    QPointer<ControlConfirmation> m_open;
    std::optional<PortfolioView> m_portfolio;
    std::optional<EngineState> m_state;
    bool m_paused = false;
    int m_pending = 0;
};

} // namespace sentinel
