// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/ApprovalModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestApprovalModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countdownFollowsTheEngineClock();
    void aProposalLeavesTheQueueWhenItIsDecided_data();
    void aProposalLeavesTheQueueWhenItIsDecided();
    void historyIsNewestFirstAndBounded();
};

void TestApprovalModel::countdownFollowsTheEngineClock()
{
    ApprovalModel queue(ApprovalModel::Kind::Queue);
    QAbstractItemModelTester tester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime created = at("2026-11-24T15:05:00Z");
    queue.setEngineTime(created);
    QVERIFY(queue.applyProposal(proposal("p1", created)));
    const QModelIndex countdown = queue.index(0, ApprovalModel::StatusColumn);
    QCOMPARE(countdown.data().toString(), QStringLiteral("5:00"));
    queue.setEngineTime(created.addSecs(241));
    QCOMPARE(countdown.data().toString(), QStringLiteral("0:59"));
    QCOMPARE(countdown.data(ApprovalModel::SecondsRemainingRole).toLongLong(), 59);
    queue.setEngineTime(created.addSecs(300));
    QCOMPARE(countdown.data().toString(), QStringLiteral("expired"));
}

void TestApprovalModel::aProposalLeavesTheQueueWhenItIsDecided_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("an executed proposal moves to history")
        << int(ProposalView::State::Executed) << QStringLiteral("executed");
    QTest::newRow("an expired proposal moves to history as rejected")
        << int(ProposalView::State::Expired) << QStringLiteral("expired (rejected)");
    QTest::newRow("a rejected proposal keeps its reason")
        << int(ProposalView::State::Rejected) << QStringLiteral("rejected — spread too wide");
}

void TestApprovalModel::aProposalLeavesTheQueueWhenItIsDecided()
{
    QFETCH(int, state);
    QFETCH(QString, outcome);
    ApprovalModel queue(ApprovalModel::Kind::Queue);
    ApprovalModel history(ApprovalModel::Kind::History);
    QAbstractItemModelTester queueTester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester historyTester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime created = at("2026-11-24T15:05:00Z");
    for (ApprovalModel* model : {&queue, &history}) {
        model->applyProposal(proposal("p1", created));
        model->applyProposal(proposal("p2", created));
    }
    QCOMPARE(queue.rowCount(), 2);
    QCOMPARE(history.rowCount(), 0);
    ProposalView decided = proposal("p1", created, 300, ProposalView::State(state));
    if (decided.state == ProposalView::State::Rejected)
        decided.resolution = QStringLiteral("spread too wide");
    for (ApprovalModel* model : {&queue, &history})
        model->applyProposal(decided);
    QCOMPARE(queue.rowCount(), 1);
    QCOMPARE(queue.index(0, 0).data(ApprovalModel::ProposalIdRole).toString(), QStringLiteral("p2"));
    QCOMPARE(history.rowCount(), 1);
    QCOMPARE(history.index(0, ApprovalModel::StatusColumn).data().toString(), outcome);
}

void TestApprovalModel::historyIsNewestFirstAndBounded()
{
    ApprovalModel history(ApprovalModel::Kind::History);
    QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime created = at("2026-11-24T15:05:00Z");
    for (int i = 0; i < ApprovalModel::historyLimit + 5; ++i) {
        ProposalView p = proposal("x", created, 300, ProposalView::State::Executed);
        p.id = QStringLiteral("p%1").arg(i);
        history.applyProposal(p);
    }
    QCOMPARE(history.rowCount(), ApprovalModel::historyLimit);
    QCOMPARE(history.index(0, 0).data(ApprovalModel::ProposalIdRole).toString(),
             QStringLiteral("p%1").arg(ApprovalModel::historyLimit + 4));
    QCOMPARE(history.rowOfKey(QStringLiteral("p0")), -1);
}

QTEST_MAIN(TestApprovalModel)
#include "tst_approvalmodel.moc"
