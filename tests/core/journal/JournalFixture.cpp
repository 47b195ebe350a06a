// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalFixture.h"

#include "common/ManualClock.h"
#include "journal/Journal.h"
#include "storage/SqliteConnection.h"
#include "trading/PaperPlatform.h"

namespace sentinel::test {

TradeProposal JournalFixture::proposalAt(const QDateTime& createdAt, int timeoutSeconds)
{
    TradeProposal proposal = TradeProposal::create(Instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5},
                                                   Side::Buy, 10, 187.25, createdAt, createdAt.addSecs(timeoutSeconds));
    proposal.strategyReason = QStringLiteral("SMA(10) crossed above SMA(30) at 187.25");
    proposal.verdict = RiskVerdictSummary{true, {QStringLiteral("VaR 1.1% <= 5%"), QStringLiteral("position 1.9% <= 5%")}};
    proposal.varBefore = 0.008;
    proposal.varAfter = 0.011;
    proposal.freshness = QStringLiteral("fresh (lag 1 min)");
    return proposal;
}

Result<JournalFixture> JournalFixture::build(const QString& path)
{
    ManualClock clock(start());
    auto journal = Journal::open(path);
    if (!journal)
        return journal.error();
    PaperSettings paper;
    auto platform = PaperPlatform::open(path, paper, clock);
    if (!platform)
        return platform.error();
    Journal& j = *journal.value();

    JournalFixture fixture;
    fixture.path = path;
    const auto add = [&](QString& id) -> Status {
        const TradeProposal proposal = proposalAt(clock.now());
        id = proposal.id;
        return j.recordProposal(proposal);
    };
    const QString op = QStringLiteral("operator");
    QList<Status> steps;
    steps << add(fixture.executedId) << add(fixture.approvedId) << add(fixture.rejectedId) << add(fixture.expiredId)
          << add(fixture.refusedId) << add(fixture.pendingId);
    clock.advanceBy(std::chrono::seconds(30));
    steps << j.recordDecision(fixture.executedId, Decision::Approve, QStringLiteral("looks right"), op, clock.now())
          << j.recordDecision(fixture.approvedId, Decision::Approve, QStringLiteral("go"), op, clock.now())
          << j.recordDecision(fixture.rejectedId, Decision::Reject, QStringLiteral("earnings tomorrow"), op, clock.now())
          << j.recordDecision(fixture.refusedId, Decision::Approve, QStringLiteral("go"), op, clock.now())
          << j.markExpired(fixture.expiredId, clock.now())
          << j.markRefused(fixture.refusedId, QStringLiteral("data went stale before execution"), clock.now());
    for (const Status& step : steps) {
        if (!step)
            return step.error();
    }
    auto executed = j.proposal(fixture.executedId);
    if (!executed || !executed.value())
        return Error{QStringLiteral("fixture"), QStringLiteral("executed proposal vanished"), {}};
    const TradeProposal& proposal = *executed.value();
    auto fill = platform.value()->execute(
        OrderRequest{proposal.clientOrderId, proposal.instrument.key(), proposal.side, proposal.quantity, proposal.price});
    if (!fill)
        return fill.error();
    auto recorded = j.recordExecution(fixture.executedId, fill.value());
    if (!recorded)
        return recorded.error();
    if (Status s = j.recordAlert(Alert::create(Alert::Severity::Warning, QStringLiteral("stale_data"), proposal.instrument.key(),
                                               QStringLiteral("no bar since 15:20"), clock.now()));
        !s)
        return s.error();
    fixture.executedOrderId = fill->orderId;
    fixture.executedClientOrderId = fill->clientOrderId;
    fixture.approvedClientOrderId = TradeProposal::clientOrderIdFor(fixture.approvedId);
    return fixture;
}

Status corrupt(const QString& path, const QStringList& statements)
{
    auto db = SqliteConnection::open(path, QStringLiteral("corruptor"));
    if (!db)
        return db.error();
    if (Status s = db.value()->exec(QStringLiteral("PRAGMA foreign_keys=OFF")); !s)
        return s;
    for (const QString& sql : statements) {
        if (Status s = db.value()->exec(sql); !s)
            return s;
    }
    return okStatus();
}

} // namespace sentinel::test
