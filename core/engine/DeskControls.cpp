// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/DeskControls.h"

#include "common/AlertKinds.h"
#include "common/Log.h"
#include "engine/AlertSink.h"
#include "engine/EngineContext.h"
#include "engine/EngineServices.h"
#include "engine/InstrumentBook.h"
#include "engine/PortfolioSource.h"
#include "engine/TradeDesk.h"
#include "journal/Journal.h"

#include <cmath>

namespace sentinel {

DeskControls::DeskControls(EngineContext& context, EngineSteps steps, TradeDesk& desk, QObject* parent)
    : QObject(parent), m_context(context), m_steps(steps), m_desk(desk)
{
}

void DeskControls::restore(const DeskState& state)
{
    m_context.paused = state.paused;
    m_pausedBy = state.pausedBy;
    m_pausedAt = state.pausedAt;
    if (state.paused)
        log::engine()->warn("the desk starts paused (paused by {} at {}): resume to propose again", state.pausedBy,
                            state.pausedAt.toString(Qt::ISODate));
}

void DeskControls::withPortfolio(const std::function<void(const Result<PortfolioSnapshot>&)>& done)
{
    m_steps.portfolio.withPortfolio(done);
}

bool DeskControls::paused() const
{
    return m_context.paused;
}

bool DeskControls::record(OperatorAction action, const OperatorOrigin& origin, const QString& detail, const Done& done)
{
    const Status recorded = m_steps.services.journal->recordOperatorAction(action, origin, detail, m_context.clock.now());
    if (recorded)
        return true;
    m_steps.alerts.journalFailure(QStringLiteral("recording %1").arg(operatorActionName(action)), recorded.error());
    if (done)
        done(ControlOutcome{true, QStringLiteral("not done: the journal could not record it: %1").arg(recorded.error().toString()), {}, {}});
    return false;
}

void DeskControls::setPaused(bool paused, const OperatorOrigin& origin)
{
    const bool changedState = m_context.paused != paused;
    m_context.paused = paused;
    if (paused && changedState) {
        m_pausedBy = origin.describe();
        m_pausedAt = m_context.clock.now();
    } else if (!paused) {
        m_pausedBy.clear();
        m_pausedAt = {};
    }
    if (changedState) {
        m_steps.alerts.raise(Alert::Severity::Warning, alertkind::operatorControl, {},
                             paused ? QStringLiteral("paused by %1: no new proposals until resumed").arg(origin.describe())
                                    : QStringLiteral("resumed by %1").arg(origin.describe()));
        Q_EMIT changed();
    }
}

void DeskControls::pause(const OperatorOrigin& origin, const Done& done)
{
    const bool already = m_context.paused;
    if (!record(OperatorAction::Pause, origin, {}, done))
        return;
    setPaused(true, origin);
    if (done)
        done(ControlOutcome{false, already ? QStringLiteral("already paused (by %1)").arg(m_pausedBy) : QStringLiteral("paused"), {}, {}});
}

void DeskControls::resume(const OperatorOrigin& origin, const Done& done)
{
    const bool wasPaused = m_context.paused;
    if (!record(OperatorAction::Resume, origin, {}, done))
        return;
    setPaused(false, origin);
    if (done)
        done(ControlOutcome{false, wasPaused ? QStringLiteral("resumed") : QStringLiteral("was not paused"), {}, {}});
}

void DeskControls::flattenAll(const OperatorOrigin& origin, const Done& done)
{
    if (!record(OperatorAction::Flatten, origin, {}, done))
        return;
    closeAll({}, origin, QStringLiteral("flatten by %1").arg(origin.describe()), {}, done);
}

void DeskControls::closePosition(const QString& instrumentKey, const OperatorOrigin& origin, const Done& done)
{
    if (!record(OperatorAction::ClosePosition, origin, instrumentKey, done))
        return;
    closeAll({instrumentKey}, origin, QStringLiteral("closed by %1").arg(origin.describe()), {}, done);
}

void DeskControls::killSwitch(const OperatorOrigin& origin, const Done& done)
{
    if (!record(OperatorAction::KillSwitch, origin, {}, done))
        return;
    setPaused(true, origin);
    const int rejected = m_desk.rejectAll(QStringLiteral("kill switch by %1").arg(origin.describe()), origin);
    m_steps.alerts.raise(Alert::Severity::Critical, alertkind::operatorControl, {},
                         QStringLiteral("kill switch by %1: paused, %2 pending proposals rejected, closing every position")
                             .arg(origin.describe())
                             .arg(rejected));
    ControlOutcome outcome;
    outcome.message = QStringLiteral("kill switch: paused, %1 pending rejected").arg(rejected);
    closeAll({}, origin, QStringLiteral("kill switch by %1").arg(origin.describe()), outcome, done);
}

void DeskControls::closeAll(const QStringList& keys, const OperatorOrigin& origin, const QString& why,
                            ControlOutcome outcome, const Done& done)
{
    // Always the platform's account as it is now, never a cached copy: an order for a position
    // that is already gone would open one the other way.
    m_steps.portfolio.invalidate();
    m_steps.portfolio.withPortfolio([this, keys, origin, why, outcome, done](const Result<PortfolioSnapshot>& portfolio) mutable {
        if (!portfolio) {
            outcome.refused = true;
            outcome.message = QStringLiteral("%1nothing closed: the account could not be read: %2")
                                  .arg(outcome.message.isEmpty() ? QString() : outcome.message + QStringLiteral("; "),
                                       portfolio.error().toString());
            m_steps.alerts.raise(Alert::Severity::Critical, alertkind::operatorControl, {}, outcome.message);
        } else {
            closeFrom(*portfolio, keys, origin, why, outcome);
        }
        if (done)
            done(outcome);
    });
}

void DeskControls::closeFrom(const PortfolioSnapshot& portfolio, const QStringList& keys, const OperatorOrigin& origin,
                             const QString& why, ControlOutcome& outcome)
{
    QStringList wanted = keys;
    if (wanted.isEmpty())
        wanted = portfolio.positions.keys();
    for (const QString& key : std::as_const(wanted)) {
        const auto position = portfolio.positions.constFind(key);
        if (position == portfolio.positions.constEnd() || position->quantity == 0) {
            if (!keys.isEmpty())
                outcome.notClosed << QStringLiteral("%1: no open position").arg(key);
            continue;
        }
        const InstrumentRuntime* runtime = m_steps.instruments.find(key);
        if (!runtime) {
            outcome.notClosed << QStringLiteral("%1: not watched by this desk; close it at the broker").arg(key);
            continue;
        }
        const double price = position->marketPrice > 0 ? position->marketPrice : position->averagePrice;
        if (Status sent = m_desk.closeOut(runtime->instrument, position->quantity, price, origin, why); !sent) {
            outcome.notClosed << QStringLiteral("%1: %2").arg(key, sent.error().toString());
            continue;
        }
        outcome.closing << QStringLiteral("%1 %2 %3").arg(position->quantity > 0 ? QStringLiteral("sell") : QStringLiteral("buy"),
                                                          QString::number(std::abs(position->quantity)), runtime->instrument.symbol);
    }
    const QString closed = outcome.closing.isEmpty() ? QStringLiteral("nothing to close")
                                                     : QStringLiteral("closing %1 position(s): %2")
                                                           .arg(outcome.closing.size())
                                                           .arg(outcome.closing.join(u", "));
    outcome.message = outcome.message.isEmpty() ? closed : outcome.message + QStringLiteral("; ") + closed;
    if (!outcome.notClosed.isEmpty()) {
        outcome.message += QStringLiteral("; not closed: ") + outcome.notClosed.join(u"; ");
        m_steps.alerts.raise(Alert::Severity::Critical, alertkind::operatorControl, {},
                             QStringLiteral("%1: some positions were not closed: %2").arg(why, outcome.notClosed.join(u"; ")));
    }
    if (!keys.isEmpty() && outcome.closing.isEmpty())
        outcome.refused = true;
}

} // namespace sentinel
