// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/OperatorOrigin.h"
#include "engine/EngineSteps.h"
#include "engine/PortfolioRisk.h"
#include "engine/Snapshots.h"
#include "engine/TradeCounter.h"
#include "trading/TradeProposal.h"

#include <QHash>
#include <QObject>

namespace sentinel {

class ApprovalQueue;
struct EngineContext;
struct Fill;

/// How an operator's decision on a proposal ended, once it is journalled (or could not be).
struct DecisionResult {
    enum class Kind {
        Approved,   ///< journalled as approved; the order is on its way
        Rejected,
        Refused,    ///< the re-check at approval refused it (stale data, risk, no portfolio)
        NotPending, ///< decided, expired or unknown: nothing was done
        Failed,     ///< the journal could not record it
    };
    Kind kind = Kind::NotPending;
    QString reason;
};

/// What happens to a proposal that passed the gates, by mode: signal-only sends it out,
/// approval puts it to the operator (and expires it unanswered), autonomous executes it. An
/// approval re-checks freshness and risk against the data held *now* before the order goes out;
/// every step is journalled before it is acted on, and after a restart an approval whose answer
/// was lost is reconciled with the platform by its client order id before anything new is sent.
class TradeDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TradeDesk)
public:
    TradeDesk(EngineContext& context, EngineSteps steps, QObject* parent = nullptr);
    ~TradeDesk() override;

    /// Puts the journal's pending proposals back in the queue and reconciles lost approvals.
    void restore();
    /// Acts on a proposal the risk gate approved, as the mode says.
    void decide(TradeProposal proposal, double signalConfidence);

    using DecisionDone = std::function<void(const DecisionResult&)>;
    /// The first decision wins, whichever channel it comes from; the others get NotPending.
    void approve(const QString& proposalId, const OperatorOrigin& origin, DecisionDone done = {});
    void reject(const QString& proposalId, const QString& reason, const OperatorOrigin& origin, DecisionDone done = {});
    /// The kill switch: every pending proposal rejected with `reason`; returns how many.
    int rejectAll(const QString& reason, const OperatorOrigin& origin);
    /// An operator's close of one position (flatten, close, kill switch): journalled as an
    /// approved exit proposal by `origin` and executed like any approval, with its own client
    /// order id, so a crash is reconciled the same way (ADR 0132). `quantity` is signed as held.
    [[nodiscard]] Status closeOut(const Instrument& instrument, double quantity, double price,
                                  const OperatorOrigin& origin, const QString& why);
    void sendTestMessage();

    /// One open question per instrument: a proposal for `instrumentKey` awaits the operator.
    [[nodiscard]] bool hasOpenQuestion(const QString& instrumentKey) const;
    /// An approved order of this instrument has no journalled fill yet (sent, or being reconciled).
    [[nodiscard]] bool awaitsFill(const QString& instrumentKey) const;
    [[nodiscard]] QList<TradeProposal> pendingProposals() const;
    [[nodiscard]] bool isPending(const QString& proposalId) const;
    /// Approved orders not filled yet, and today's fills: what the risk gate counts as held.
    [[nodiscard]] PortfolioRisk::Pending pendingExposure() const;
    [[nodiscard]] int tradesToday() const;

Q_SIGNALS:
    /// A new proposal, or a change of state of a known one (same id).
    void proposalChanged(const sentinel::ProposalView& proposal);
    void chartMarkerAdded(const sentinel::ChartMarker& marker);
    /// A fill changed the account: positions, equity and risk are worth showing again.
    void accountChanged();

private:
    void propose(const TradeProposal& proposal, double signalConfidence);
    void executeAutonomously(TradeProposal proposal);
    void recordSignalOnly(const TradeProposal& proposal);
    /// The re-check passed: the approval is journalled, then the order goes out.
    void recordApprovalAndExecute(TradeProposal proposal, const OperatorOrigin& origin, const DecisionDone& done);
    void execute(TradeProposal proposal);
    void onFilled(const TradeProposal& proposal, const Fill& fill);
    void onExpired(const TradeProposal& proposal);
    void reconcile(TradeProposal proposal);
    /// Tells the UI a proposal left the queue, and why.
    void announceResolved(TradeProposal proposal, ProposalState state, const QString& resolution);
    /// The approval cannot be carried out: journalled (`what` names the step if that fails) and shown.
    void markRefused(TradeProposal proposal, const QString& reason, const QString& what);
    /// An approval the re-check refused: marked refused, and the operator is alerted.
    void refuseApproval(const TradeProposal& proposal, const QString& reason, const DecisionDone& done = {});
    void dispatchSignal(const TradeProposal& proposal, const QString& headline);

    EngineContext& m_context;
    EngineSteps m_steps;
    ApprovalQueue* m_approvals;
    QHash<QString, TradeProposal> m_approvedAwaiting; ///< approved, order not filled yet
    TradeCounter m_trades;
};

} // namespace sentinel
