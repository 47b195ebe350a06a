// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/TradeDesk.h"

#include "common/AlertKinds.h"
#include "common/Log.h"
#include "engine/AlertSink.h"
#include "engine/ApprovalQueue.h"
#include "engine/EngineContext.h"
#include "engine/EngineServices.h"
#include "engine/FreshnessMonitor.h"
#include "engine/InstrumentBook.h"
#include "engine/PortfolioSource.h"
#include "engine/ViewMapping.h"
#include "journal/Journal.h"
#include "notify/SignalDispatcher.h"
#include "notify/TradeSignals.h"
#include "risk/RiskGate.h"
#include "trading/TradingPlatform.h"

#include <QScopeGuard>

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace sentinel {

TradeDesk::TradeDesk(EngineContext& context, EngineSteps steps, QObject* parent)
    : QObject(parent), m_context(context), m_steps(steps),
      m_approvals(new ApprovalQueue(context.clock, [this](const TradeProposal& proposal) { onExpired(proposal); }, this))
{
    connect(m_steps.services.platform.get(), &TradingPlatform::filled, this, [this] { m_steps.portfolio.invalidate(); });
}

TradeDesk::~TradeDesk() = default;

bool TradeDesk::awaitsFill(const QString& instrumentKey) const
{
    return std::any_of(m_approvedAwaiting.cbegin(), m_approvedAwaiting.cend(),
                       [&instrumentKey](const TradeProposal& proposal) { return proposal.instrument.key() == instrumentKey; });
}

bool TradeDesk::hasOpenQuestion(const QString& instrumentKey) const
{
    return m_approvals->hasPendingFor(instrumentKey);
}

QList<TradeProposal> TradeDesk::pendingProposals() const
{
    return m_approvals->pending();
}

bool TradeDesk::isPending(const QString& proposalId) const
{
    return m_approvals->contains(proposalId);
}

PortfolioRisk::Pending TradeDesk::pendingExposure() const
{
    return PortfolioRisk::Pending{m_approvedAwaiting.values(), tradesToday()};
}

int TradeDesk::tradesToday() const
{
    return m_trades.countOn(m_context.clock.now());
}

// ---- restart ---------------------------------------------------------------------------------

void TradeDesk::restore()
{
    Journal& journal = *m_steps.services.journal;
    if (auto pending = journal.restorePending(m_context.clock.now())) {
        for (const TradeProposal& proposal : std::as_const(pending.value())) {
            // The journal keeps no signal confidence: the re-check at approval uses 1.0 (the
            // confidence check passed when the proposal was made).
            m_approvals->add(proposal);
            Q_EMIT proposalChanged(toView(proposal));
        }
    } else {
        m_steps.alerts.journalFailure(QStringLiteral("restoring pending proposals"), pending.error());
    }
    // Approvals a crash interrupted: record a fill that happened; never send an old approval now.
    auto awaiting = journal.approvedAwaitingExecution();
    if (!awaiting) {
        m_steps.alerts.journalFailure(QStringLiteral("reading approvals awaiting execution"), awaiting.error());
        return;
    }
    for (const TradeProposal& proposal : std::as_const(awaiting.value()))
        reconcile(proposal);
}

void TradeDesk::reconcile(TradeProposal proposal)
{
    // A copy of the id: the lambda below takes the proposal, and argument order is unspecified.
    const QString clientOrderId = proposal.clientOrderId;
    // Busy until the platform answers: a simulation must not run past an order in doubt.
    m_context.work.begin();
    m_steps.services.platform->findFill(clientOrderId, [this, proposal = std::move(proposal)](
                                                           const Result<std::optional<Fill>>& fill) {
        const auto done = qScopeGuard([this] { m_context.work.end(); });
        if (fill && fill.value())
            return onFilled(proposal, *fill.value());
        if (!fill) {
            // The platform could not say: the order may have executed. Never guess either way;
            // the proposal stays approved and is asked about again (ADR 0118).
            m_steps.alerts.raise(Alert::Severity::Critical, alertkind::reconciliationMismatch, proposal.instrument.key(),
                                 QStringLiteral("could not learn from %1 what became of order %2: %3; asking again in 60 s")
                                     .arg(m_steps.services.platform->name(), proposal.clientOrderId, fill.error().toString()));
            QTimer::singleShot(std::chrono::seconds(60), this, [this, proposal] { reconcile(proposal); });
            return;
        }
        markRefused(proposal, QStringLiteral("approved before a restart but not executed: approve again if still wanted"),
                    QStringLiteral("refusing a lapsed approval"));
    });
}

// ---- acting on a proposal by mode -------------------------------------------------------------

void TradeDesk::decide(TradeProposal proposal, double signalConfidence)
{
    const IoSpan io(m_context.io);
    switch (m_context.config.mode) {
    case TradingMode::SignalOnly:
        return recordSignalOnly(proposal);
    case TradingMode::Approval:
        propose(proposal, signalConfidence);
        if (m_context.options.autoApprove)
            approve(proposal.id, OperatorOrigin::engine(QStringLiteral("auto-approve")));
        return;
    case TradingMode::Autonomous:
        return executeAutonomously(std::move(proposal));
    }
}

void TradeDesk::recordSignalOnly(const TradeProposal& proposal)
{
    Journal& journal = *m_steps.services.journal;
    if (const Status recorded = journal.recordProposal(proposal); !recorded)
        return m_steps.alerts.journalFailure(QStringLiteral("recording a signal"), recorded.error());
    if (const Status rejected = journal.recordDecision(proposal.id, Decision::Reject,
                                                       QStringLiteral("signal-only mode: delivered, not traded"),
                                                       QStringLiteral("signal-only"), m_context.clock.now()); !rejected)
        return m_steps.alerts.journalFailure(QStringLiteral("recording a signal"), rejected.error());
    dispatchSignal(proposal, QStringLiteral("Signal: ") + proposal.strategyReason);
}

void TradeDesk::executeAutonomously(TradeProposal proposal)
{
    Journal& journal = *m_steps.services.journal;
    if (const Status recorded = journal.recordProposal(proposal); !recorded)
        return m_steps.alerts.journalFailure(QStringLiteral("recording a proposal"), recorded.error());
    ++m_context.stats.proposals;
    if (const Status approved = journal.recordDecision(proposal.id, Decision::Approve, {}, QStringLiteral("autonomous"),
                                                       m_context.clock.now()); !approved)
        return m_steps.alerts.journalFailure(QStringLiteral("recording an autonomous approval"), approved.error());
    ++m_context.stats.approvals;
    proposal.state = ProposalState::Approved;
    execute(proposal);
}

void TradeDesk::propose(const TradeProposal& proposal, double signalConfidence)
{
    const IoSpan io(m_context.io);
    // Written before the operator can act on it: a crash loses no proposal.
    if (const Status recorded = m_steps.services.journal->recordProposal(proposal); !recorded)
        return m_steps.alerts.journalFailure(QStringLiteral("recording a proposal"), recorded.error());
    m_approvals->add(proposal, signalConfidence);
    ++m_context.stats.proposals;
    // The question goes to the operator's channels too: Telegram shows it with buttons.
    if (SignalDispatcher* dispatcher = m_steps.services.dispatcher.get(); dispatcher && !m_context.options.autoApprove) {
        if (auto queued = dispatcher->dispatch(proposalQuestion(proposal)); !queued)
            log::notify()->warn("proposal {}: the question could not be queued: {}", proposal.id, queued.error().toString());
    }
    Q_EMIT proposalChanged(toView(proposal));
    Q_EMIT chartMarkerAdded(ChartMarker{proposal.instrument.key(), ChartMarker::Kind::Proposal, proposal.side,
                                        proposal.createdAt, proposal.price});
}

// ---- the operator's decisions -----------------------------------------------------------------

void TradeDesk::approve(const QString& proposalId, const OperatorOrigin& origin, DecisionDone done)
{
    const auto notPending = [&done] {
        if (done)
            done(DecisionResult{DecisionResult::Kind::NotPending, QStringLiteral("not pending any more")});
    };
    if (!m_context.running)
        return notPending();
    const double confidence = m_approvals->signalConfidence(proposalId).value_or(1.0);
    auto taken = m_approvals->take(proposalId);
    if (!taken) {
        log::engine()->warn("approve {}: not pending any more (decided or expired)", proposalId);
        return notPending();
    }
    ++m_context.stats.approvals;
    const TradeProposal proposal = *taken;
    InstrumentRuntime* runtime = m_steps.instruments.find(proposal.instrument.key());
    if (!runtime)
        return refuseApproval(proposal, QStringLiteral("the instrument is no longer watched"), done);
    // Re-check against the data we hold NOW, not the data the proposal was made on.
    std::optional<FreshDataToken> token;
    const FreshnessVerdict verdict = m_steps.freshness.check(*runtime, &token);
    if (!proposal.isExit && !token)
        return refuseApproval(proposal, QStringLiteral("data is stale now: %1").arg(verdict.reason), done);
    m_steps.portfolio.withPortfolio([this, proposal, verdict, confidence, origin, done](const Result<PortfolioSnapshot>& portfolio) {
        if (!m_context.running) {
            if (done)
                done(DecisionResult{DecisionResult::Kind::Failed, QStringLiteral("the engine stopped")});
            return;
        }
        if (!portfolio)
            return refuseApproval(proposal, QStringLiteral("portfolio unavailable: %1").arg(portfolio.error().toString()), done);
        const TradeContext context = m_steps.risk.tradeContext(proposal, *portfolio, confidence, verdict, pendingExposure(),
                                                               m_context.clock.nowMs());
        const RiskVerdict risk = m_steps.services.riskGate->evaluate(context);
        if (!risk.approved) {
            return refuseApproval(proposal, QStringLiteral("risk check failed at approval: %1")
                                                .arg(reasonLines(risk).join(u"; ")), done);
        }
        recordApprovalAndExecute(proposal, origin, done);
    });
}

void TradeDesk::recordApprovalAndExecute(TradeProposal proposal, const OperatorOrigin& origin, const DecisionDone& done)
{
    if (const Status approved = m_steps.services.journal->recordDecision(proposal.id, Decision::Approve, {}, origin,
                                                                         m_context.clock.now()); !approved) {
        m_steps.alerts.journalFailure(QStringLiteral("recording an approval"), approved.error());
        if (done)
            done(DecisionResult{DecisionResult::Kind::Failed, approved.error().toString()});
        return;
    }
    proposal.state = ProposalState::Approved;
    proposal.resolution = QStringLiteral("approved by %1").arg(origin.describe());
    Q_EMIT proposalChanged(toView(proposal));
    if (done)
        done(DecisionResult{DecisionResult::Kind::Approved, {}});
    execute(proposal);
}

void TradeDesk::reject(const QString& proposalId, const QString& reason, const OperatorOrigin& origin, DecisionDone done)
{
    const auto finish = [&done](DecisionResult::Kind kind, const QString& why) {
        if (done)
            done(DecisionResult{kind, why});
    };
    if (!m_context.running)
        return finish(DecisionResult::Kind::NotPending, QStringLiteral("the engine is not running"));
    auto taken = m_approvals->take(proposalId);
    if (!taken)
        return finish(DecisionResult::Kind::NotPending, QStringLiteral("not pending any more"));
    const QString why = reason.trimmed().isEmpty() ? QStringLiteral("rejected by the operator") : reason.trimmed();
    if (const Status recorded = m_steps.services.journal->recordDecision(taken->id, Decision::Reject, why, origin,
                                                                         m_context.clock.now());
        !recorded) {
        m_steps.alerts.journalFailure(QStringLiteral("recording a rejection"), recorded.error());
        return finish(DecisionResult::Kind::Failed, recorded.error().toString());
    }
    ++m_context.stats.rejections;
    announceResolved(*taken, ProposalState::Rejected, why);
    finish(DecisionResult::Kind::Rejected, why);
}

int TradeDesk::rejectAll(const QString& reason, const OperatorOrigin& origin)
{
    int rejected = 0;
    for (const TradeProposal& proposal : m_approvals->pending()) {
        reject(proposal.id, reason, origin, [&rejected](const DecisionResult& result) {
            rejected += result.kind == DecisionResult::Kind::Rejected ? 1 : 0;
        });
    }
    return rejected;
}

Status TradeDesk::closeOut(const Instrument& instrument, double quantity, double price, const OperatorOrigin& origin,
                           const QString& why)
{
    if (quantity == 0 || !(price > 0))
        return Error{QStringLiteral("nothing_to_close"),
                     QStringLiteral("%1: quantity %2 at price %3 cannot be closed").arg(instrument.key(), QString::number(quantity),
                                                                                    QString::number(price)),
                     QStringLiteral("refresh the positions and try again")};
    const QDateTime now = m_context.clock.now();
    TradeProposal proposal = TradeProposal::create(instrument, quantity > 0 ? Side::Sell : Side::Buy, std::abs(quantity),
                                                   price, now, now.addSecs(m_context.config.approvalTimeout.count()));
    proposal.isExit = true;
    proposal.strategy = QStringLiteral("operator"); // the report books the round trip under its entry's strategy
    proposal.strategyReason = why;
    proposal.freshness = QStringLiteral("operator close");
    // The operator's close is an exit: it only lowers risk, so the entry gates (VaR, sizing, trade
    // count) do not hold it; the confirmation and the journal do (ADR 0132).
    proposal.verdict = RiskVerdictSummary{true, {QStringLiteral("operator close: exits are not held by the risk gate")}};
    Journal& journal = *m_steps.services.journal;
    if (Status recorded = journal.recordProposal(proposal); !recorded)
        return recorded;
    if (Status approved = journal.recordDecision(proposal.id, Decision::Approve, why, origin, now); !approved)
        return approved;
    ++m_context.stats.proposals;
    ++m_context.stats.approvals;
    proposal.state = ProposalState::Approved;
    proposal.resolution = QStringLiteral("closed by %1").arg(origin.describe());
    Q_EMIT proposalChanged(toView(proposal));
    execute(proposal);
    return okStatus();
}

void TradeDesk::onExpired(const TradeProposal& proposal)
{
    const QString why = QStringLiteral("rejected: no answer within %1 s").arg(m_context.config.approvalTimeout.count());
    if (const Status marked = m_steps.services.journal->markExpired(proposal.id, m_context.clock.now()); !marked)
        return m_steps.alerts.journalFailure(QStringLiteral("expiring a proposal"), marked.error());
    ++m_context.stats.expired;
    announceResolved(proposal, ProposalState::Expired, why);
}

void TradeDesk::announceResolved(TradeProposal proposal, ProposalState state, const QString& resolution)
{
    proposal.state = state;
    proposal.resolution = resolution;
    proposal.resolvedAt = m_context.clock.now();
    Q_EMIT proposalChanged(toView(proposal));
}

void TradeDesk::markRefused(TradeProposal proposal, const QString& reason, const QString& what)
{
    if (const Status marked = m_steps.services.journal->markRefused(proposal.id, reason, m_context.clock.now()); !marked)
        m_steps.alerts.journalFailure(what, marked.error());
    proposal.state = ProposalState::Refused;
    proposal.resolution = reason;
    proposal.resolvedAt = m_context.clock.now();
    Q_EMIT proposalChanged(toView(proposal));
}

void TradeDesk::refuseApproval(const TradeProposal& proposal, const QString& reason, const DecisionDone& done)
{
    markRefused(proposal, reason, QStringLiteral("refusing an approval"));
    if (done)
        done(DecisionResult{DecisionResult::Kind::Refused, reason});
    m_steps.alerts.raise(Alert::Severity::Warning, alertkind::approvalRefused, proposal.instrument.key(),
                         QStringLiteral("%1 %2: approval refused: %3").arg(sideName(proposal.side), proposal.instrument.symbol, reason));
}

// ---- orders and fills ---------------------------------------------------------------------------

void TradeDesk::execute(TradeProposal proposal)
{
    m_approvedAwaiting.insert(proposal.id, proposal);
    OrderRequest order;
    order.clientOrderId = proposal.clientOrderId; // derived from the proposal id: a retry reuses it
    order.instrumentKey = proposal.instrument.key();
    order.side = proposal.side;
    order.quantity = proposal.quantity;
    order.referencePrice = proposal.price;
    m_context.work.begin();
    m_steps.services.platform->placeOrder(order, [this, proposal = std::move(proposal)](const Result<Fill>& fill) {
        m_approvedAwaiting.remove(proposal.id);
        if (fill) {
            onFilled(proposal, *fill);
        } else {
            const QString reason = QStringLiteral("the platform refused the order: %1").arg(fill.error().toString());
            markRefused(proposal, reason, QStringLiteral("recording a refused order"));
            m_steps.alerts.raise(Alert::Severity::Critical, alertkind::executionFailed, proposal.instrument.key(), reason);
        }
        m_context.work.end();
    });
}

void TradeDesk::onFilled(const TradeProposal& filledProposal, const Fill& fill)
{
    TradeProposal proposal = filledProposal;
    proposal.state = ProposalState::Executed;
    proposal.resolution = QStringLiteral("filled %1 @ %2 (fee %3)")
                              .arg(QString::number(fill.quantity), QString::number(fill.price, 'f', 5),
                                   QString::number(fill.fee, 'f', 2));
    // The signal is queued before the execution is journalled (ADR 0106): a crash in between
    // leaves the proposal approved, and restore() reconciles it with the platform's fill, queueing
    // (a duplicate id is refused) and journalling again. In the other order a crash in between
    // left a journalled trade whose signal no restart would ever send.
    dispatchSignal(proposal, QStringLiteral("Executed: %1").arg(proposal.resolution));
    auto recorded = m_steps.services.journal->recordExecution(proposal.id, fill);
    if (!recorded)
        return m_steps.alerts.journalFailure(QStringLiteral("recording an execution"), recorded.error());
    if (recorded.value())
        ++m_context.stats.executions;
    m_steps.portfolio.invalidate();
    m_trades.recordAt(m_context.clock.now());
    ProposalView view = toView(proposal);
    view.fill = ProposalView::FillView{fill.quantity, fill.price};
    Q_EMIT proposalChanged(view);
    Q_EMIT chartMarkerAdded(ChartMarker{proposal.instrument.key(), ChartMarker::Kind::Execution, proposal.side,
                                        fill.at, fill.price});
    Q_EMIT accountChanged();
}

// ---- signals to the operator's channels -----------------------------------------------------------

void TradeDesk::dispatchSignal(const TradeProposal& proposal, const QString& headline)
{
    SignalDispatcher* dispatcher = m_steps.services.dispatcher.get();
    if (!dispatcher) {
        log::notify()->info("signal {} {} {} @ {} (no remote channel enabled): {}", proposal.id, sideName(proposal.side),
                            proposal.instrument.key(), proposal.price, headline);
        return;
    }
    const SignalMessage message = tradeSignal(proposal, headline, m_context.clock.now());
    if (auto queued = dispatcher->dispatch(message); !queued)
        m_steps.alerts.raise(Alert::Severity::Critical, alertkind::deliveryFailed, proposal.instrument.key(),
                             QStringLiteral("signal %1 could not be queued: %2").arg(message.id, queued.error().toString()));
}

void TradeDesk::sendTestMessage()
{
    SignalDispatcher* dispatcher = m_steps.services.dispatcher.get();
    if (!dispatcher) {
        m_steps.alerts.raise(Alert::Severity::Info, alertkind::deliveryConfig, {},
                             QStringLiteral("no remote channel is enabled: set telegram.enabled or webhook.enabled in the settings"));
        return;
    }
    if (auto queued = dispatcher->dispatch(testSignal(m_context.clock.now())); !queued)
        m_steps.alerts.raise(Alert::Severity::Warning, alertkind::deliveryFailed, {}, queued.error().toString());
}

} // namespace sentinel
