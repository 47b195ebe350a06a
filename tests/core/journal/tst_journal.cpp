// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalFixture.h"

#include "journal/Journal.h"
#include "storage/SqliteConnection.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace sentinel;
using sentinel::test::JournalFixture;

namespace {
const QString op = QStringLiteral("alice");

Fill fillFor(const TradeProposal& proposal, const QString& orderId, const QDateTime& at)
{
    return Fill{proposal.clientOrderId, orderId, proposal.instrument.key(), proposal.side, proposal.price,
                proposal.quantity, 0.19, at, false};
}
} // namespace

class TestJournal final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void proposalReadsBackAsWritten();
    void advisedProposalKeepsTheAdvisorsRecord();
    void anEntryKeepsItsProtectiveStopAndItsFillCarriesIt();
    void proposalIdIsStoredOnce();
    void malformedProposalsAreRefused_data();
    void malformedProposalsAreRefused();
    void approvalRecordsTheDecisionAndMovesTheProposalTogether();
    void rejectionKeepsTheReason();
    void aProposalIsDecidedOnce();
    void anExpiredProposalCannotBeDecided();
    void unknownProposalIsNamed();
    void executionNeedsAnApprovalInCode();
    void executionNeedsAnApprovalInTheDatabase();
    void executionMarksTheProposalExecutedAndIsIdempotent();
    void executionWithAnotherClientOrderIdIsRefused();
    void aFailedExecutionWriteLeavesTheProposalApproved();
    void refusalAfterApprovalAndExpiryOnlyWhilePending();
    void restartRestoresPendingAndExpiresThePast();
    void alertsPersistUntilAcknowledged();
    void aDamagedFileIsRefusedAtOpenAndLeftAsItWas();
    void countsReportEveryState();

private:
    TradeProposal recordNew(int timeoutSeconds = 300);
    QDateTime at(int seconds) const { return JournalFixture::start().addSecs(seconds); }
    QString path() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
};

void TestJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto journal = Journal::open(path());
    QVERIFY2(journal.ok(), qPrintable(journal.ok() ? QString() : journal.error().toString()));
    m_journal = std::move(journal).value();
}

void TestJournal::cleanup()
{
    m_journal.reset();
    m_dir.reset();
}

TradeProposal TestJournal::recordNew(int timeoutSeconds)
{
    const TradeProposal proposal = JournalFixture::proposalAt(at(0), timeoutSeconds);
    const Status status = m_journal->recordProposal(proposal);
    if (!status)
        qWarning("%s", qPrintable(status.error().toString()));
    return proposal;
}

void TestJournal::proposalReadsBackAsWritten()
{
    TradeProposal proposal = JournalFixture::proposalAt(at(0));
    proposal.side = Side::Sell;
    proposal.isExit = true;
    proposal.strategyReason = QStringLiteral("RSI(14) at 74.2 is above overbought 70 — «exit» 🚪");
    QVERIFY(m_journal->recordProposal(proposal).ok());
    const auto stored = m_journal->proposal(proposal.id);
    QVERIFY(stored.ok() && stored.value());
    QCOMPARE(*stored.value(), proposal);
}

void TestJournal::advisedProposalKeepsTheAdvisorsRecord()
{
    TradeProposal proposal = JournalFixture::proposalAt(at(0));
    AdviceRecord record;
    record.action = QStringLiteral("buy");
    record.reason = QStringLiteral("Broke out of the range on volume.");
    record.fallback = QStringLiteral("sma_cross");
    record.promptSha256 = QString(64, u'a');
    record.contextLeftOut = {QStringLiteral("sentiment: no Alpha Vantage key configured")};
    record.votes = {AdvisorVote{QStringLiteral("ollama llama3.2:latest at http://127.0.0.1:11434"), QStringLiteral("llama3.2:latest"),
                                QStringLiteral("a80c4f17acd5"), QStringLiteral("buy"), 0.72, 1, 2254, {},
                                QStringLiteral(R"({"action":"buy","confidence":0.72})")},
                    AdvisorVote{QStringLiteral("openai qwen at https://llm.example.com"), QStringLiteral("qwen"), {}, {}, 0, 1,
                                20000, QStringLiteral("deadline_exceeded"), QStringLiteral("did not answer within 20000 ms")}};
    proposal.advice = record;
    QVERIFY(m_journal->recordProposal(proposal).ok());
    const auto stored = m_journal->proposal(proposal.id);
    QVERIFY(stored.ok() && stored.value());
    QCOMPARE(stored.value()->advice, std::optional<AdviceRecord>(record));
    QCOMPARE(*stored.value(), proposal);
    // A rule strategy's proposal has none, and reads back without one.
    const TradeProposal plain = recordNew();
    QVERIFY(!m_journal->proposal(plain.id).value()->advice);
}

void TestJournal::anEntryKeepsItsProtectiveStopAndItsFillCarriesIt()
{
    TradeProposal entry = JournalFixture::proposalAt(at(0));
    entry.stopPrice = 183.5;
    QVERIFY(m_journal->recordProposal(entry).ok());
    QCOMPARE(*m_journal->proposal(entry.id).value(), entry);
    QVERIFY(m_journal->recordDecision(entry.id, Decision::Approve, QStringLiteral("go"), op, at(30)).ok());
    QVERIFY(m_journal->recordExecution(entry.id, fillFor(entry, QStringLiteral("o1"), at(31))).value());
    const auto fills = m_journal->fills();
    QVERIFY(fills.ok());
    QCOMPARE(fills.value().size(), 1);
    QCOMPARE(fills.value().first().stopPrice, std::optional<double>(183.5));
}

void TestJournal::proposalIdIsStoredOnce()
{
    const TradeProposal proposal = recordNew();
    const Status again = m_journal->recordProposal(proposal);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, QStringLiteral("storage_error"));
    QCOMPARE(m_journal->pendingProposals().value().size(), 1);
}

void TestJournal::malformedProposalsAreRefused_data()
{
    QTest::addColumn<TradeProposal>("proposal");
    const TradeProposal good = JournalFixture::proposalAt(JournalFixture::start());
    TradeProposal p = good;
    p.quantity = 0;
    QTest::newRow("zero quantity") << p;
    p = good;
    p.price = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("NaN price") << p;
    p = good;
    p.varAfter = std::numeric_limits<double>::infinity();
    QTest::newRow("infinite VaR") << p;
    p = good;
    p.expiresAt = p.createdAt.addSecs(-1);
    QTest::newRow("expiring before it was created") << p;
    p = good;
    p.state = ProposalState::Approved;
    QTest::newRow("a new proposal that claims to be approved") << p;
    p = good;
    p.clientOrderId.clear();
    QTest::newRow("no client order id") << p;
    p = good;
    p.isExit = true;
    p.side = Side::Sell;
    p.stopPrice = 190.0;
    QTest::newRow("an exit that names a protective stop") << p;
    p = good;
    p.stopPrice = 0.0;
    QTest::newRow("a protective stop at zero") << p;
    p = good;
    p.stopPrice = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("a protective stop that is not a number") << p;
}

void TestJournal::malformedProposalsAreRefused()
{
    QFETCH(TradeProposal, proposal);
    const Status status = m_journal->recordProposal(proposal);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, QStringLiteral("invalid_proposal"));
    QVERIFY(status.error().message.contains(proposal.id));
    QVERIFY(m_journal->pendingProposals().value().isEmpty());
}

void TestJournal::approvalRecordsTheDecisionAndMovesTheProposalTogether()
{
    const TradeProposal proposal = recordNew();
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Approve, QStringLiteral("trend confirmed"), op, at(60)).ok());
    const TradeProposal stored = *m_journal->proposal(proposal.id).value();
    QCOMPARE(stored.state, ProposalState::Approved);
    QCOMPARE(stored.resolution, QStringLiteral("approved by alice: trend confirmed"));
    QCOMPARE(stored.resolvedAt, at(60));
    QCOMPARE(m_journal->counts().value().value(QStringLiteral("decisions")), 1);
    QCOMPARE(m_journal->approvedAwaitingExecution().value().size(), 1);
    QVERIFY(m_journal->pendingProposals().value().isEmpty());
}

void TestJournal::rejectionKeepsTheReason()
{
    const TradeProposal proposal = recordNew();
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Reject, QStringLiteral("earnings tomorrow"), op, at(60)).ok());
    const TradeProposal stored = *m_journal->proposal(proposal.id).value();
    QCOMPARE(stored.state, ProposalState::Rejected);
    QVERIFY(stored.resolution.contains(QStringLiteral("earnings tomorrow")));
}

void TestJournal::aProposalIsDecidedOnce()
{
    const TradeProposal proposal = recordNew();
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Approve, QStringLiteral("ok"), op, at(60)).ok());
    const Status second = m_journal->recordDecision(proposal.id, Decision::Reject, QStringLiteral("changed my mind"), op, at(61));
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind, QStringLiteral("invalid_transition"));
    QVERIFY(second.error().message.contains(QStringLiteral("is approved")));
    QCOMPARE(m_journal->counts().value().value(QStringLiteral("decisions")), 1);
    QCOMPARE(m_journal->proposal(proposal.id).value()->state, ProposalState::Approved);
}

void TestJournal::anExpiredProposalCannotBeDecided()
{
    const TradeProposal proposal = recordNew(300);
    const Status late = m_journal->recordDecision(proposal.id, Decision::Approve, QStringLiteral("ok"), op, at(300));
    QVERIFY(!late.ok());
    QCOMPARE(late.error().kind, QStringLiteral("proposal_expired"));
    QCOMPARE(m_journal->proposal(proposal.id).value()->state, ProposalState::Pending);
    QCOMPARE(m_journal->counts().value().value(QStringLiteral("decisions")), 0);
}

void TestJournal::unknownProposalIsNamed()
{
    const Status status = m_journal->recordDecision(QStringLiteral("nope"), Decision::Approve, QStringLiteral("ok"), op, at(1));
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, QStringLiteral("unknown_proposal"));
    QVERIFY(status.error().message.contains(QStringLiteral("nope")));
}

void TestJournal::executionNeedsAnApprovalInCode()
{
    const TradeProposal proposal = recordNew();
    const auto recorded = m_journal->recordExecution(proposal.id, fillFor(proposal, QStringLiteral("PAPER-1"), at(10)));
    QVERIFY(!recorded.ok());
    QCOMPARE(recorded.error().kind, QStringLiteral("not_approved"));
    QCOMPARE(m_journal->counts().value().value(QStringLiteral("executions")), 0);
    QCOMPARE(m_journal->proposal(proposal.id).value()->state, ProposalState::Pending);
}

void TestJournal::executionNeedsAnApprovalInTheDatabase()
{
    const TradeProposal proposal = recordNew();
    // A writer that bypasses Journal (a future bug, a script) still cannot journal an unapproved execution.
    auto raw = SqliteConnection::open(path(), QStringLiteral("raw writer"));
    QVERIFY(raw.ok());
    const Status insert = raw.value()->exec(
        QStringLiteral("INSERT INTO executions (proposal_id, client_order_id, order_id, price, quantity, fee, at_ms) "
                       "VALUES (?, ?, 'PAPER-1', 1, 1, 0, 0)"),
        {proposal.id, proposal.clientOrderId});
    QVERIFY(!insert.ok());
    QVERIFY(insert.error().message.contains(QStringLiteral("execution without an approval")));
}

void TestJournal::executionMarksTheProposalExecutedAndIsIdempotent()
{
    const TradeProposal proposal = recordNew();
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Approve, QStringLiteral("ok"), op, at(60)).ok());
    const Fill fill = fillFor(proposal, QStringLiteral("PAPER-00000007"), at(61));
    const auto first = m_journal->recordExecution(proposal.id, fill);
    QVERIFY(first.ok());
    QCOMPARE(first.value(), true);
    const TradeProposal stored = *m_journal->proposal(proposal.id).value();
    QCOMPARE(stored.state, ProposalState::Executed);
    QCOMPARE(stored.resolvedAt, at(61));
    QVERIFY(stored.resolution.contains(QStringLiteral("PAPER-00000007")));
    // Recovery after a crash records what the platform reports again: nothing changes.
    const auto again = m_journal->recordExecution(proposal.id, fill);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), false);
    QCOMPARE(m_journal->counts().value().value(QStringLiteral("executions")), 1);
    // A second, different fill for the same proposal would be a double execution.
    const auto other = m_journal->recordExecution(proposal.id, fillFor(proposal, QStringLiteral("PAPER-00000008"), at(62)));
    QVERIFY(!other.ok());
    QCOMPARE(m_journal->counts().value().value(QStringLiteral("executions")), 1);
    QVERIFY(m_journal->approvedAwaitingExecution().value().isEmpty());
}

void TestJournal::executionWithAnotherClientOrderIdIsRefused()
{
    const TradeProposal proposal = recordNew();
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Approve, QStringLiteral("ok"), op, at(60)).ok());
    Fill fill = fillFor(proposal, QStringLiteral("PAPER-1"), at(61));
    fill.clientOrderId = QStringLiteral("someone-elses-order");
    const auto recorded = m_journal->recordExecution(proposal.id, fill);
    QVERIFY(!recorded.ok());
    QCOMPARE(recorded.error().kind, QStringLiteral("client_order_id_mismatch"));
    QCOMPARE(m_journal->proposal(proposal.id).value()->state, ProposalState::Approved);
}

void TestJournal::aFailedExecutionWriteLeavesTheProposalApproved()
{
    const TradeProposal first = recordNew();
    const TradeProposal second = recordNew();
    for (const TradeProposal& p : {first, second})
        QVERIFY(m_journal->recordDecision(p.id, Decision::Approve, QStringLiteral("ok"), op, at(60)).ok());
    QVERIFY(m_journal->recordExecution(first.id, fillFor(first, QStringLiteral("PAPER-1"), at(61))).ok());
    // The state change is written before the execution row; the unique order id then fails the
    // insert, and the whole transaction must roll back, state change included.
    const auto duplicate = m_journal->recordExecution(second.id, fillFor(second, QStringLiteral("PAPER-1"), at(62)));
    QVERIFY(!duplicate.ok());
    QCOMPARE(m_journal->proposal(second.id).value()->state, ProposalState::Approved);
    QVERIFY(m_journal->proposal(second.id).value()->resolution.startsWith(QStringLiteral("approved by")));
}

void TestJournal::refusalAfterApprovalAndExpiryOnlyWhilePending()
{
    const TradeProposal approved = recordNew();
    QVERIFY(m_journal->recordDecision(approved.id, Decision::Approve, QStringLiteral("ok"), op, at(60)).ok());
    QVERIFY(m_journal->markRefused(approved.id, QStringLiteral("EUR/USD data went stale"), at(61)).ok());
    QCOMPARE(m_journal->proposal(approved.id).value()->state, ProposalState::Refused);
    QCOMPARE(m_journal->proposal(approved.id).value()->resolution, QStringLiteral("EUR/USD data went stale"));
    QVERIFY(!m_journal->markExpired(approved.id, at(400)).ok());
    QVERIFY(!m_journal->markRefused(approved.id, QStringLiteral("again"), at(62)).ok());

    const TradeProposal pending = recordNew();
    QVERIFY(m_journal->markExpired(pending.id, at(300)).ok());
    QCOMPARE(m_journal->proposal(pending.id).value()->state, ProposalState::Expired);
}

void TestJournal::restartRestoresPendingAndExpiresThePast()
{
    const TradeProposal shortLived = recordNew(60);
    const TradeProposal longLived = recordNew(600);
    const TradeProposal approved = recordNew(600);
    QVERIFY(m_journal->recordDecision(approved.id, Decision::Approve, QStringLiteral("ok"), op, at(30)).ok());
    m_journal.reset();

    auto reopened = Journal::open(path());
    QVERIFY(reopened.ok());
    const auto restored = reopened.value()->restorePending(at(120));
    QVERIFY(restored.ok());
    QCOMPARE(restored.value().size(), 1);
    QCOMPARE(restored.value().first().id, longLived.id);
    const TradeProposal expired = *reopened.value()->proposal(shortLived.id).value();
    QCOMPARE(expired.state, ProposalState::Expired);
    QCOMPARE(expired.resolvedAt, at(120));
    QVERIFY(expired.resolution.contains(QStringLiteral("2024-03-04T15:01:00Z")));
    // An approval the crash interrupted is handed back for execution, not forgotten.
    const auto awaiting = reopened.value()->approvedAwaitingExecution();
    QCOMPARE(awaiting.value().size(), 1);
    QCOMPARE(awaiting.value().first().clientOrderId, approved.clientOrderId);
    // A proposal expiring exactly now has expired.
    QCOMPARE(reopened.value()->restorePending(at(600)).value().size(), 0);
}

void TestJournal::aDamagedFileIsRefusedAtOpenAndLeftAsItWas()
{
    for (int i = 0; i < 300; ++i) {
        const Alert alert = Alert::create(Alert::Severity::Warning, QStringLiteral("stale_data"), QStringLiteral("FX:EUR/USD:5min"),
                                          QStringLiteral("filler %1 ").arg(i).repeated(20), at(i));
        QVERIFY(m_journal->recordAlert(alert));
    }
    m_journal.reset(); // closes the file (and checkpoints the WAL into it)
    QFile file(path());
    constexpr qint64 pageSize = 4096;
    const qint64 pages = file.size() / pageSize;
    QVERIFY2(pages >= 8, qPrintable(QString::number(file.size())));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek((pages / 2) * pageSize)); // a data page in the middle, never the header
    QCOMPARE(file.write(QByteArray(pageSize, char(0xA5))), pageSize);
    file.close();
    const QByteArray damaged = [&] {
        QFile reread(path());
        return reread.open(QIODevice::ReadOnly) ? reread.readAll() : QByteArray();
    }();

    auto reopened = Journal::open(path());
    QVERIFY2(!reopened, "a journal with a damaged page was opened for writing");
    QCOMPARE(reopened.error().kind, QStringLiteral("journal_corrupt"));
    QVERIFY2(reopened.error().message.contains(u"is corrupt"), qPrintable(reopened.error().message));
    QVERIFY2(reopened.error().remedy.contains(u"journal verify"), qPrintable(reopened.error().remedy));
    QFile after(path());
    QVERIFY(after.open(QIODevice::ReadOnly));
    QVERIFY2(after.readAll() == damaged, "opening changed the damaged file");
}

void TestJournal::alertsPersistUntilAcknowledged()
{
    const Alert stale = Alert::create(Alert::Severity::Critical, QStringLiteral("stale_data"), QStringLiteral("FX:EUR/USD:5min"),
                                      QStringLiteral("no bar since 10:35 ET"), at(5));
    const Alert quota = Alert::create(Alert::Severity::Info, QStringLiteral("quota"), QString(), QStringLiteral("80% used"), at(6));
    QVERIFY(m_journal->recordAlert(stale).ok());
    QVERIFY(m_journal->recordAlert(quota).ok());
    QVERIFY(!m_journal->recordAlert(Alert{}).ok());
    m_journal.reset();
    m_journal = std::move(Journal::open(path())).value();
    QCOMPARE(m_journal->unacknowledgedAlerts().value(), (QList<Alert>{stale, quota}));
    QCOMPARE(m_journal->acknowledgeAlert(stale.id, at(10)).value(), true);
    QCOMPARE(m_journal->acknowledgeAlert(stale.id, at(11)).value(), false);
    QCOMPARE(m_journal->acknowledgeAlert(QStringLiteral("missing"), at(11)).error().kind, QStringLiteral("unknown_alert"));
    QCOMPARE(m_journal->unacknowledgedAlerts().value(), QList<Alert>{quota});
}

void TestJournal::countsReportEveryState()
{
    m_journal.reset();
    const auto fixture = JournalFixture::build(path());
    QVERIFY2(fixture.ok(), qPrintable(fixture.ok() ? QString() : fixture.error().toString()));
    m_journal = std::move(Journal::open(path())).value();
    const QMap<QString, qint64> counts = m_journal->counts().value();
    for (const char* state : {"pending", "approved", "executed", "rejected", "expired", "refused"})
        QCOMPARE(counts.value(QString::fromLatin1(state)), 1);
    QCOMPARE(counts.value(QStringLiteral("decisions")), 4);
    QCOMPARE(counts.value(QStringLiteral("executions")), 1);
    QCOMPARE(counts.value(QStringLiteral("alerts")), 1);
    QCOMPARE(counts.value(QStringLiteral("alerts_unacknowledged")), 1);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
