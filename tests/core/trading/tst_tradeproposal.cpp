// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/TradeProposal.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace sentinel;

class TestTradeProposal final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clientOrderIdIsDerivedFromTheProposalId();
    void createdProposalIsPendingWithItsOwnIds();
    void stateNamesRoundTrip();
    void verdictRoundTripsThroughJson();
    void malformedVerdictJsonIsRejected();
};

void TestTradeProposal::clientOrderIdIsDerivedFromTheProposalId()
{
    const QString id = QStringLiteral("0b5e4d2c-8f6a-4b1e-9d7c-3a2f1e0d9c8b");
    const QString clientOrderId = TradeProposal::clientOrderIdFor(id);
    QCOMPARE(TradeProposal::clientOrderIdFor(id), clientOrderId); // same proposal, same key after a restart
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(clientOrderId).hasMatch());
    QVERIFY(TradeProposal::clientOrderIdFor(id + u'x') != clientOrderId);
}

void TestTradeProposal::createdProposalIsPendingWithItsOwnIds()
{
    const QDateTime now(QDate(2024, 3, 4), QTime(15, 0), Qt::UTC);
    const Instrument instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5};
    const TradeProposal a = TradeProposal::create(instrument, Side::Buy, 10, 187.5, now, now.addSecs(300));
    const TradeProposal b = TradeProposal::create(instrument, Side::Buy, 10, 187.5, now, now.addSecs(300));
    QCOMPARE(a.state, ProposalState::Pending);
    QVERIFY(a.id != b.id);
    QCOMPARE(a.clientOrderId, TradeProposal::clientOrderIdFor(a.id));
    QCOMPARE(a.expiresAt, now.addSecs(300));
}

void TestTradeProposal::stateNamesRoundTrip()
{
    for (ProposalState state : {ProposalState::Pending, ProposalState::Approved, ProposalState::Executed,
                                ProposalState::Rejected, ProposalState::Expired, ProposalState::Refused})
        QCOMPARE(parseProposalState(proposalStateName(state)), std::optional<ProposalState>(state));
    QCOMPARE(proposalStateName(ProposalState::Refused), QStringLiteral("refused"));
    QVERIFY(!parseProposalState(u"Pending"));
}

void TestTradeProposal::verdictRoundTripsThroughJson()
{
    const RiskVerdictSummary verdict{true, {QStringLiteral("VaR 1.2% <= 5%"), QStringLiteral("position 3% <= 5%")}};
    QCOMPARE(RiskVerdictSummary::fromJson(verdict.toJson()), std::optional<RiskVerdictSummary>(verdict));
}

void TestTradeProposal::malformedVerdictJsonIsRejected()
{
    QVERIFY(!RiskVerdictSummary::fromJson({}));
    QVERIFY(!RiskVerdictSummary::fromJson({{QStringLiteral("approved"), QStringLiteral("yes")},
                                           {QStringLiteral("reasons"), QJsonArray()}}));
    QVERIFY(!RiskVerdictSummary::fromJson({{QStringLiteral("approved"), true},
                                           {QStringLiteral("reasons"), QJsonArray{1, 2}}}));
}

QTEST_GUILESS_MAIN(TestTradeProposal)
#include "tst_tradeproposal.moc"
