// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/OperatorOrigin.h"
#include "engine/EngineSteps.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <functional>

namespace sentinel {

class TradeDesk;
enum class OperatorAction;
struct DeskState;
struct EngineContext;
struct PortfolioSnapshot;

/// How an operator's control ended, for whichever channel asked (desktop, CLI, Telegram).
struct ControlOutcome {
    bool refused = false;  ///< nothing was done: `message` says why
    QString message;       ///< "paused", "closing 2 positions", "nothing to close"
    QStringList closing;   ///< one line per position an order went out for: "sell 2 ETH/USD"
    QStringList notClosed; ///< positions that could not be closed here, and why
};

/// The operator's controls over the whole desk (ADR 0132): pause (no new entry proposals; exits,
/// alerts and pending questions go on), resume, flatten (an exit order for every open position,
/// through the same journal and platform path as an approval), close one position, and the kill
/// switch (pause, reject every pending proposal, flatten). Each is journalled with who and when
/// before it acts; the paused state is the journal's, so a paused desk starts paused.
class DeskControls final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeskControls)
public:
    using Done = std::function<void(const ControlOutcome&)>;

    DeskControls(EngineContext& context, EngineSteps steps, TradeDesk& desk, QObject* parent = nullptr);

    /// Takes the paused state the journal kept across the restart.
    void restore(const DeskState& state);

    void pause(const OperatorOrigin& origin, const Done& done = {});
    void resume(const OperatorOrigin& origin, const Done& done = {});
    void flattenAll(const OperatorOrigin& origin, const Done& done = {});
    void closePosition(const QString& instrumentKey, const OperatorOrigin& origin, const Done& done = {});
    void killSwitch(const OperatorOrigin& origin, const Done& done = {});

    /// The account as the platform reports it (a cached copy when fresh enough).
    void withPortfolio(const std::function<void(const Result<PortfolioSnapshot>&)>& done);

    [[nodiscard]] bool paused() const;
    [[nodiscard]] const QString& pausedBy() const { return m_pausedBy; }
    [[nodiscard]] const QDateTime& pausedAt() const { return m_pausedAt; }

Q_SIGNALS:
    /// Paused or resumed: the status bar and the metrics are worth publishing again.
    void changed();

private:
    /// Journals `action`; false (and `done` told why) when the journal refused it.
    bool record(OperatorAction action, const OperatorOrigin& origin, const QString& detail, const Done& done);
    void setPaused(bool paused, const OperatorOrigin& origin);
    /// Sends an exit for each position in `keys` (every open one when empty) and reports.
    void closeAll(const QStringList& keys, const OperatorOrigin& origin, const QString& why, ControlOutcome outcome,
                  const Done& done);
    void closeFrom(const PortfolioSnapshot& portfolio, const QStringList& keys, const OperatorOrigin& origin,
                   const QString& why, ControlOutcome& outcome);

    EngineContext& m_context;
    EngineSteps m_steps;
    TradeDesk& m_desk;
    QString m_pausedBy;
    QDateTime m_pausedAt;
};

} // namespace sentinel
