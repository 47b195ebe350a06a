// SPDX-License-Identifier: GPL-3.0-or-later
// The operator's side of the journal (ADR 0132): controls, the paused state, the Telegram offset
// and the message each proposal was put to the operator in.
#include "JournalFixture.h"

#include "journal/Journal.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using sentinel::test::JournalFixture;

namespace {
QDateTime at(int seconds)
{
    return JournalFixture::start().addSecs(seconds);
}

OperatorOrigin telegram(qint64 offset)
{
    return OperatorOrigin{QStringLiteral("@alice (id 42)"), OperatorChannel::Telegram, offset};
}
} // namespace

class TestJournalDesk final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void aNewJournalIsNotPausedAndHasNoOffset();
    void pauseAndKillSwitchPauseResumeClearsAndEveryControlIsKept();
    void thePausedStateSurvivesReopening();
    void aDecisionStoresItsOffsetInTheSameTransaction();
    void aRefusedDecisionStoresNoOffset();
    void theOffsetNeverMovesBack();
    void aProposalsMessageIsRecordedOnceAndItsOutcomeMarked();
    void decidedBySaysWhoAndThroughWhat();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
    [[nodiscard]] QString path() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }
};

void TestJournalDesk::init()
{
    m_journal.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = Journal::open(path());
    QVERIFY(opened);
    m_journal = std::move(opened.value());
    QVERIFY(m_journal->schemaVersion() >= 4); // written by schema 4, read by every later one
}

void TestJournalDesk::aNewJournalIsNotPausedAndHasNoOffset()
{
    const auto state = m_journal->deskState();
    QVERIFY(state);
    QVERIFY(!state.value().paused);
    QCOMPARE(state.value().telegramOffset, 0);
    QVERIFY(m_journal->operatorActions().value().isEmpty());
}

void TestJournalDesk::pauseAndKillSwitchPauseResumeClearsAndEveryControlIsKept()
{
    const OperatorOrigin desktop{QStringLiteral("alice"), OperatorChannel::Desktop, std::nullopt};
    QVERIFY(m_journal->recordOperatorAction(OperatorAction::Pause, desktop, {}, at(10)).ok());
    auto state = m_journal->deskState().value();
    QVERIFY(state.paused);
    QCOMPARE(state.pausedBy, QStringLiteral("desktop (alice)"));
    QCOMPARE(state.pausedAt, at(10));
    QVERIFY(m_journal->recordOperatorAction(OperatorAction::Resume, desktop, {}, at(20)).ok());
    QVERIFY(!m_journal->deskState().value().paused);
    QVERIFY(m_journal->recordOperatorAction(OperatorAction::KillSwitch, telegram(701), {}, at(30)).ok());
    state = m_journal->deskState().value();
    QVERIFY(state.paused);
    QCOMPARE(state.pausedBy, QStringLiteral("telegram (@alice (id 42))"));
    QCOMPARE(state.telegramOffset, 701);
    QVERIFY(m_journal->recordOperatorAction(OperatorAction::ClosePosition, desktop, QStringLiteral("CRYPTO:BTC/USD:5min"), at(40)).ok());
    const auto actions = m_journal->operatorActions().value();
    QCOMPARE(actions.size(), 4);
    QCOMPARE(actions.at(2).action, OperatorAction::KillSwitch);
    QCOMPARE(actions.at(2).channel, QStringLiteral("telegram"));
    QCOMPARE(actions.at(3).detail, QStringLiteral("CRYPTO:BTC/USD:5min"));
    QCOMPARE(actions.at(3).at, at(40));
}

void TestJournalDesk::thePausedStateSurvivesReopening()
{
    QVERIFY(m_journal->recordOperatorAction(OperatorAction::Pause, OperatorOrigin::desktop(), {}, at(10)).ok());
    m_journal.reset();
    auto reopened = Journal::open(path());
    QVERIFY(reopened);
    QVERIFY(reopened.value()->deskState().value().paused);
}

void TestJournalDesk::aDecisionStoresItsOffsetInTheSameTransaction()
{
    const TradeProposal proposal = JournalFixture::proposalAt(at(0));
    QVERIFY(m_journal->recordProposal(proposal).ok());
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Approve, {}, telegram(700123), at(5)).ok());
    QCOMPARE(m_journal->deskState().value().telegramOffset, 700123);
}

void TestJournalDesk::aRefusedDecisionStoresNoOffset()
{
    // A second decision is refused: its offset must not be stored either (the transaction is one).
    const TradeProposal proposal = JournalFixture::proposalAt(at(0));
    QVERIFY(m_journal->recordProposal(proposal).ok());
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Reject, QStringLiteral("no"), OperatorOrigin::desktop(), at(5)).ok());
    QVERIFY(!m_journal->recordDecision(proposal.id, Decision::Approve, {}, telegram(800000), at(6)).ok());
    QCOMPARE(m_journal->deskState().value().telegramOffset, 0);
}

void TestJournalDesk::theOffsetNeverMovesBack()
{
    QVERIFY(m_journal->saveTelegramOffset(900).ok());
    QVERIFY(m_journal->saveTelegramOffset(850).ok());
    QCOMPARE(m_journal->deskState().value().telegramOffset, 900);
    QVERIFY(m_journal->saveTelegramOffset(9'000'000'000).ok()); // beyond 32 bits
    QCOMPARE(m_journal->deskState().value().telegramOffset, 9'000'000'000);
}

void TestJournalDesk::aProposalsMessageIsRecordedOnceAndItsOutcomeMarked()
{
    const TradeProposal proposal = JournalFixture::proposalAt(at(0));
    QVERIFY(m_journal->recordProposal(proposal).ok());
    QVERIFY(!m_journal->telegramMessage(proposal.id).value().has_value());
    QVERIFY(m_journal->recordTelegramMessage({proposal.id, -1001234567890, 77, at(1), false}).ok());
    QVERIFY(m_journal->recordTelegramMessage({proposal.id, -1001234567890, 78, at(2), false}).ok()); // a resend: the first counts
    auto record = m_journal->telegramMessage(proposal.id).value();
    QVERIFY(record);
    QCOMPARE(record->messageId, 77);
    QCOMPARE(record->chatId, -1001234567890);
    QVERIFY(!record->outcomeShown);
    QVERIFY(m_journal->markTelegramOutcomeShown(proposal.id).ok());
    QVERIFY(m_journal->telegramMessage(proposal.id).value()->outcomeShown);
    // A message for a proposal the journal does not know is refused (foreign key).
    QVERIFY(!m_journal->recordTelegramMessage({QStringLiteral("no-such-proposal"), 1, 1, at(3), false}).ok());
}

void TestJournalDesk::decidedBySaysWhoAndThroughWhat()
{
    const TradeProposal proposal = JournalFixture::proposalAt(at(0));
    QVERIFY(m_journal->recordProposal(proposal).ok());
    QVERIFY(!m_journal->decidedBy(proposal.id).value().has_value());
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Approve, {}, telegram(5), at(5)).ok());
    const auto by = m_journal->decidedBy(proposal.id).value();
    QVERIFY(by);
    QCOMPARE(by->channel, OperatorChannel::Telegram);
    QCOMPARE(by->who, QStringLiteral("@alice (id 42)"));
}

QTEST_GUILESS_MAIN(TestJournalDesk)
#include "tst_journaldesk.moc"
