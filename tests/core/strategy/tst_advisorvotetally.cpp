// SPDX-License-Identifier: GPL-3.0-or-later
// The advisor's weighted vote: the heaviest action wins, ties go to hold, and the confidence is
// the winners' confidence scaled by their share of the weight.
#include "strategy/AdvisorVoteTally.h"

#include <QTest>

using namespace sentinel;
using advisor::AdviceAction;

class TestAdvisorVoteTally final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noVoterOrNoWeightIsNothing();
    void heaviestActionWinsAndItsHeaviestVoterSpeaks();
    void confidenceIsScaledByTheWinnersShareOfTheWeight();
    void tiesAreHold_data();
    void tiesAreHold();
};

void TestAdvisorVoteTally::noVoterOrNoWeightIsNothing()
{
    QVERIFY(!tallyVotes({}));
    QVERIFY(!tallyVotes({WeightedVote{AdviceAction::Buy, 0, 0.9}}));
}

void TestAdvisorVoteTally::heaviestActionWinsAndItsHeaviestVoterSpeaks()
{
    // buy 1 + 1 = 2 against sell 1.5: buy wins, and of its voters the one with more weight x
    // confidence (1 x 0.8 against 1 x 0.6) gives the reason.
    const auto tally = tallyVotes({WeightedVote{AdviceAction::Buy, 1, 0.6}, WeightedVote{AdviceAction::Sell, 1.5, 0.9},
                                   WeightedVote{AdviceAction::Buy, 1, 0.8}});
    QVERIFY(tally);
    QCOMPARE(tally->action, AdviceAction::Buy);
    QCOMPARE(tally->spokesman, qsizetype(2));
}

void TestAdvisorVoteTally::confidenceIsScaledByTheWinnersShareOfTheWeight()
{
    // Winners: weight 2 (0.9) and 1 (0.6), mean 0.8 over 3 of 4 units of weight: 0.6.
    const auto tally = tallyVotes({WeightedVote{AdviceAction::Sell, 2, 0.9}, WeightedVote{AdviceAction::Sell, 1, 0.6},
                                   WeightedVote{AdviceAction::Hold, 1, 0.5}});
    QCOMPARE(tally->action, AdviceAction::Sell);
    QCOMPARE(tally->confidence, 0.6);
    QCOMPARE(tallyVotes({WeightedVote{AdviceAction::Buy, 3, 0.7}})->confidence, 0.7); // one voter: its own
}

void TestAdvisorVoteTally::tiesAreHold_data()
{
    QTest::addColumn<QList<WeightedVote>>("votes");
    QTest::newRow("buy against sell") << QList<WeightedVote>{{AdviceAction::Buy, 1, 0.9}, {AdviceAction::Sell, 1, 0.9}};
    QTest::newRow("buy against hold") << QList<WeightedVote>{{AdviceAction::Buy, 2, 0.9}, {AdviceAction::Hold, 2, 0.1}};
    QTest::newRow("an invalid answer's hold outweighs") << QList<WeightedVote>{{AdviceAction::Sell, 1, 1}, {AdviceAction::Hold, 1.5, 0}};
}

void TestAdvisorVoteTally::tiesAreHold()
{
    QFETCH(QList<WeightedVote>, votes);
    const auto tally = tallyVotes(votes);
    QVERIFY(tally);
    QCOMPARE(tally->action, AdviceAction::Hold);
}

QTEST_GUILESS_MAIN(TestAdvisorVoteTally)
#include "tst_advisorvotetally.moc"
