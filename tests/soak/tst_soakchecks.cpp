// SPDX-License-Identifier: GPL-3.0-or-later
// The soak's checks on hand-made facts: a clean soak passes, and each check fails when the
// condition it guards is broken (docs/soak.md). The end-to-end proof is `sentinel_soak --sabotage`.
#include "SoakChecks.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

#include <functional>

using namespace sentinel::soak;

namespace {

constexpr qint64 dayMs = 86'400'000;
const qint64 from = QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

DeliveryRequest delivery(DeliveryRequest::Channel channel, const char* signal, bool accepted, int run)
{
    DeliveryRequest request;
    request.channel = channel;
    request.signalId = QString::fromLatin1(signal);
    request.idempotencyKey = channel == DeliveryRequest::Channel::Webhook ? QByteArray("key-") + signal : QByteArray();
    request.accepted = accepted;
    request.run = run;
    return request;
}

ExecutionRow execution(const char* proposal, qint64 barMs)
{
    return ExecutionRow{QString::fromLatin1(proposal), QStringLiteral("cid-") + QString::fromLatin1(proposal),
                        QStringLiteral("PAPER-") + QString::fromLatin1(proposal), QStringLiteral("FX:EUR/USD:5min"),
                        QStringLiteral("buy"), false, barMs + 360'000, barMs};
}

/// One kill, three signals: s1 through Telegram; s2's webhook request was in flight at the kill
/// and sent again after the restart (same key); s3 through the webhook after the restart.
SoakFacts cleanSoak()
{
    using Channel = DeliveryRequest::Channel;
    SoakFacts facts;
    facts.fromMs = from;
    facts.toMs = from + dayMs;
    facts.killsPlanned = 1;
    ChildRun killed;
    killed.number = 1;
    killed.end = ChildRun::End::KilledBySoak;
    killed.lastDeliverySequence = 3;
    ChildRun last;
    last.number = 2;
    last.end = ChildRun::End::Exited;
    last.summary = QJsonObject{{QStringLiteral("simulation"),
                                QJsonObject{{QStringLiteral("to"), QDateTime::fromMSecsSinceEpoch(facts.toMs, Qt::UTC)
                                                                       .toString(Qt::ISODateWithMs)}}}};
    facts.runs = {killed, last};
    facts.verify.exitCode = 0;
    facts.verify.report = QJsonObject{
        {QStringLiteral("passed"), true},
        {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("no_order_id_twice")},
                                                         {QStringLiteral("passed"), true},
                                                         {QStringLiteral("violations"), QJsonArray{}}}}}};
    facts.outbox = {OutboxRow{QStringLiteral("s1"), "key-s1", QStringLiteral("delivered"), QStringLiteral("telegram")},
                    OutboxRow{QStringLiteral("s2"), "key-s2", QStringLiteral("delivered"), QStringLiteral("webhook")},
                    OutboxRow{QStringLiteral("s3"), "key-s3", QStringLiteral("delivered"), QStringLiteral("webhook")}};
    facts.executions = {execution("s1", from + 3'600'000), execution("s2", from + 7'200'000), execution("s3", from + 10'800'000)};
    facts.deliveries = {delivery(Channel::Telegram, "s1", true, 1), delivery(Channel::Telegram, "s2", false, 1),
                        delivery(Channel::Webhook, "s2", true, 1), delivery(Channel::Webhook, "s2", true, 2),
                        delivery(Channel::Webhook, "s3", true, 2)};
    for (qsizetype i = 0; i < facts.deliveries.size(); ++i)
        facts.deliveries[i].sequence = i + 1;
    for (qint64 at = facts.fromMs + 600'000; at <= facts.toMs; at += 600'000)
        facts.memory.append(MemorySample{at, 30'000, at < from + dayMs / 2 ? 1 : 2});
    return facts;
}

void append(SoakFacts& facts, DeliveryRequest request)
{
    request.sequence = facts.deliveries.size() + 1;
    facts.deliveries.append(request);
}

QString problems(const CheckResult& result)
{
    return result.problems.join(u" | ");
}

} // namespace

using Breakage = std::function<void(SoakFacts&)>;
Q_DECLARE_METATYPE(Breakage)

namespace {

void addBreakageColumns()
{
    QTest::addColumn<Breakage>("breakage");
    QTest::addColumn<QString>("expected"); ///< a part of one of the problems the check reports
}

/// Breaks a clean soak as the row says and expects `check` to fail with the row's problem.
void expectFailure(CheckResult (*check)(const SoakFacts&))
{
    QFETCH(Breakage, breakage);
    QFETCH(QString, expected);
    SoakFacts facts = cleanSoak();
    breakage(facts);
    const CheckResult result = check(facts);
    QVERIFY(!result.passed);
    QVERIFY2(problems(result).contains(expected), qPrintable(problems(result)));
}

} // namespace

class TestSoakChecks final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aCleanSoakPassesEveryCheck();
    void runsFailWhenAChildDidNotEndAsPlanned_data();
    void runsFailWhenAChildDidNotEndAsPlanned();
    void journalVerifyFailsWhenARuleFails();
    void executionsFailWhenASignalIsTradedTwice_data();
    void executionsFailWhenASignalIsTradedTwice();
    void deliveriesFailWhenASignalIsLostOrReceivedTwice_data();
    void deliveriesFailWhenASignalIsLostOrReceivedTwice();
    void aCopyOfTheRequestInFlightAtAKillIsTolerated_data();
    void aCopyOfTheRequestInFlightAtAKillIsTolerated();
    void memoryFailsWhenItGrowsBeyondTheTolerance_data();
    void memoryFailsWhenItGrowsBeyondTheTolerance();
};

void TestSoakChecks::aCleanSoakPassesEveryCheck()
{
    for (const CheckResult& check : runChecks(cleanSoak()))
        QVERIFY2(check.passed, qPrintable(check.name + u": " + problems(check)));
    const CheckResult deliveries = checkDeliveries(cleanSoak());
    QCOMPARE(deliveries.figures.value(u"webhook_duplicates_deduped").toInt(), 1);
    QCOMPARE(deliveries.figures.value(u"delivered_by_telegram").toInt(), 1);
    QCOMPARE(deliveries.figures.value(u"delivered_by_webhook").toInt(), 2);
}

void TestSoakChecks::runsFailWhenAChildDidNotEndAsPlanned_data()
{
    addBreakageColumns();
    QTest::newRow("a crashed child fails") << Breakage([](SoakFacts& f) {
        f.runs.last().end = ChildRun::End::Crashed;
        f.runs.last().exitCode = 11;
    }) << QStringLiteral("crashed");
    QTest::newRow("a hung child fails") << Breakage([](SoakFacts& f) { f.runs.last().end = ChildRun::End::Hung; })
                                        << QStringLiteral("no progress");
    QTest::newRow("a child that exits 1 fails") << Breakage([](SoakFacts& f) { f.runs.last().exitCode = 1; })
                                                << QStringLiteral("exited with status 1");
    QTest::newRow("fewer kills than planned fail") << Breakage([](SoakFacts& f) { f.killsPlanned = 2; })
                                                   << QStringLiteral("1 of the 2 planned kills");
    QTest::newRow("a last run that stops short of the end fails") << Breakage([](SoakFacts& f) {
        f.runs.last().summary = QJsonObject{{QStringLiteral("simulation"), QJsonObject{{QStringLiteral("to"), QStringLiteral("2026-03-02T12:00:00.000Z")}}}};
    }) << QStringLiteral("not at");
}

void TestSoakChecks::runsFailWhenAChildDidNotEndAsPlanned()
{
    expectFailure(&checkRuns);
}

void TestSoakChecks::journalVerifyFailsWhenARuleFails()
{
    SoakFacts facts = cleanSoak();
    facts.verify.exitCode = 3;
    facts.verify.report = QJsonObject{
        {QStringLiteral("passed"), false},
        {QStringLiteral("rules"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("no_execution_without_approval")},
                                {QStringLiteral("passed"), false},
                                {QStringLiteral("violations"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("cid-s1")},
                                                                                      {QStringLiteral("detail"), QStringLiteral("has no approval")}}}}}}}};
    const CheckResult result = checkJournalVerify(facts);
    QVERIFY(!result.passed);
    QVERIFY2(problems(result).contains(u"no_execution_without_approval: cid-s1: has no approval"), qPrintable(problems(result)));
}

void TestSoakChecks::executionsFailWhenASignalIsTradedTwice_data()
{
    addBreakageColumns();
    QTest::newRow("the same bar bought twice under two proposals fails") << Breakage([](SoakFacts& f) {
        ExecutionRow again = f.executions.first();
        again.proposalId = QStringLiteral("s1-again");
        again.createdAtMs += 1000;
        f.executions.append(again);
    }) << QStringLiteral("executed 2 times (proposals s1, s1-again)");
    QTest::newRow("a proposal executed twice fails") << Breakage([](SoakFacts& f) { f.executionCounts.executionsPerProposalOverOne = 1; })
                                                     << QStringLiteral("proposal(s) executed more than once");
    QTest::newRow("a client order id executed twice fails")
        << Breakage([](SoakFacts& f) { f.executionCounts.executionsPerClientOrderOverOne = 1; })
        << QStringLiteral("client order id(s) executed more than once");
    QTest::newRow("a client order filled twice by the platform fails")
        << Breakage([](SoakFacts& f) { f.executionCounts.paperFillsPerClientOrderOverOne = 1; })
        << QStringLiteral("filled more than once");
    QTest::newRow("a fill nobody journalled fails") << Breakage([](SoakFacts& f) { f.executionCounts.paperFillsWithoutExecution = 2; })
                                                    << QStringLiteral("2 paper fill(s) without a journalled execution");
    QTest::newRow("an execution whose bar is unknown fails") << Breakage([](SoakFacts& f) { f.executions.first().signalBarMs = 0; })
                                                             << QStringLiteral("no stored bar closed before its proposal");
}

void TestSoakChecks::executionsFailWhenASignalIsTradedTwice()
{
    expectFailure(&checkExecutions);
}

void TestSoakChecks::deliveriesFailWhenASignalIsLostOrReceivedTwice_data()
{
    using Channel = DeliveryRequest::Channel;
    addBreakageColumns();
    QTest::newRow("a signal still queued at the end fails") << Breakage([](SoakFacts& f) { f.outbox[2].state = QStringLiteral("queued"); })
                                                            << QStringLiteral("signal s3 is queued, not delivered");
    QTest::newRow("an expired signal fails") << Breakage([](SoakFacts& f) { f.outbox[0].state = QStringLiteral("expired"); })
                                             << QStringLiteral("signal s1 is expired");
    QTest::newRow("a signal received by telegram and the webhook, no kill in between, fails")
        << Breakage([](SoakFacts& f) { append(f, delivery(Channel::Telegram, "s3", true, 2)); })
        << QStringLiteral("signal s3 was received 2 times after dedupe (telegram 1, webhook 1 ");
    QTest::newRow("a second telegram copy outside a kill fails")
        << Breakage([](SoakFacts& f) { append(f, delivery(Channel::Telegram, "s1", true, 2)); })
        << QStringLiteral("signal s1 was received 2 times after dedupe (telegram 2, webhook 0 ");
    QTest::newRow("without dedupe a webhook resend outside a kill counts twice and fails") << Breakage([](SoakFacts& f) {
        f.dedupeByIdempotencyKey = false;
        append(f, delivery(Channel::Webhook, "s3", true, 2));
    }) << QStringLiteral("signal s3 was received 2 times without dedupe (telegram 0, webhook 2 ");
    QTest::newRow("a signal the outbox never held fails") << Breakage([](SoakFacts& f) { append(f, delivery(Channel::Webhook, "s9", true, 2)); })
                                                          << QStringLiteral("received signal 's9', which the outbox never held");
    QTest::newRow("an execution that never became a signal fails") << Breakage([](SoakFacts& f) {
        f.executions.append(execution("s4", from + 14'400'000));
    }) << QStringLiteral("of proposal s4 (FX:EUR/USD:5min) never became a signal");
    QTest::newRow("a telegram delivery the stand-in never accepted fails") << Breakage([](SoakFacts& f) {
        f.deliveries[0].accepted = false;
    }) << QStringLiteral("the Telegram stand-in never accepted it");
    QTest::newRow("a webhook delivery the receiver never accepted fails") << Breakage([](SoakFacts& f) {
        f.deliveries.removeLast();
    }) << QStringLiteral("the receiver never accepted it");
    QTest::newRow("a bad webhook signature fails") << Breakage([](SoakFacts& f) { f.deliveries[4].signatureValid = false; })
                                                   << QStringLiteral("has a bad signature");
    QTest::newRow("another idempotency key than the outbox's fails") << Breakage([](SoakFacts& f) {
        f.deliveries[4].idempotencyKey = "key-other";
    }) << QStringLiteral("carries Idempotency-Key 'key-other', the outbox 'key-s3'");
}

void TestSoakChecks::deliveriesFailWhenASignalIsLostOrReceivedTwice()
{
    expectFailure(&checkDeliveries);
}

void TestSoakChecks::aCopyOfTheRequestInFlightAtAKillIsTolerated_data()
{
    QTest::addColumn<bool>("dedupe");
    QTest::newRow("with the receiver's dedupe") << true;
    QTest::newRow("even without dedupe, the one in flight at the kill") << false;
}

void TestSoakChecks::aCopyOfTheRequestInFlightAtAKillIsTolerated()
{
    QFETCH(bool, dedupe);
    SoakFacts facts = cleanSoak();
    facts.dedupeByIdempotencyKey = dedupe;
    const CheckResult result = checkDeliveries(facts);
    QVERIFY2(result.passed, qPrintable(problems(result)));
    QCOMPARE(result.figures.value(u"duplicates_in_flight_at_a_kill").toInt(), dedupe ? 0 : 1);

    // Telegram accepted s2 but the run died before it read the answer; after the restart the
    // webhook delivered it: two chats saw it, which ADR 0041 allows for the request in flight.
    facts.deliveries[1].accepted = true;
    facts.deliveries[2].accepted = false;
    facts.runs.first().lastDeliverySequence = 2;
    const CheckResult crossChannel = checkDeliveries(facts);
    QVERIFY2(crossChannel.passed, qPrintable(problems(crossChannel)));
    QCOMPARE(crossChannel.figures.value(u"duplicates_in_flight_at_a_kill").toInt(), 1);
    // The same two copies without a kill at the first: a real duplicate.
    facts.runs.first().lastDeliverySequence = 1;
    QVERIFY(!checkDeliveries(facts).passed);
}

void TestSoakChecks::memoryFailsWhenItGrowsBeyondTheTolerance_data()
{
    QTest::addColumn<double>("growth");
    QTest::addColumn<bool>("passes");
    QTest::newRow("flat memory passes") << 0.0 << true;
    QTest::newRow("5 % more at the end passes") << 0.05 << true;
    QTest::newRow("15 % more at the end fails") << 0.15 << false;
    QTest::newRow("a steady climb to 40 % more fails") << 0.40 << false;
}

void TestSoakChecks::memoryFailsWhenItGrowsBeyondTheTolerance()
{
    QFETCH(double, growth);
    QFETCH(bool, passes);
    SoakFacts facts = cleanSoak();
    const qint64 span = facts.toMs - facts.fromMs;
    for (MemorySample& sample : facts.memory) {
        const double progress = double(sample.simulatedMs - facts.fromMs) / double(span);
        // From the early point on, memory climbs linearly to `growth` at the end.
        const double factor = 1.0 + growth * std::max(0.0, (progress - 1.0 / 9.0) / (8.0 / 9.0));
        sample.rssKb = qint64(double(sample.rssKb) * factor);
    }
    const CheckResult result = checkMemory(facts);
    QVERIFY2(result.passed == passes, qPrintable(problems(result)));
    if (!passes)
        QVERIFY2(problems(result).contains(u"resident memory grew from 30000 KiB"), qPrintable(problems(result)));
}

QTEST_GUILESS_MAIN(TestSoakChecks)
#include "tst_soakchecks.moc"
