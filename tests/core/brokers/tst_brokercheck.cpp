// SPDX-License-Identifier: GPL-3.0-or-later
// The check behind `sentinel broker check` and the Settings dialog's Check button (issue 14), run
// on its own thread against a loopback OANDA stand-in serving recorded bodies: the answer comes
// back in the caller's thread, typed, and never carries the token.
#include "FakeHttpServer.h"
#include "TestData.h"
#include "brokers/BrokerCheckThread.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace sentinel;
using namespace sentinel::test;

class TestBrokerCheck final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void theAccountAndPositionsComeBackInTheCallersThread();
    void aRefusedTokenIsTheUsersToFixAndNeverQuoted();
    void anUnreachableBrokerIsNotTheUsersToFix();
    void whatCannotBeCheckedSaysWhichKeyIsMissing();
    void theBrokerFollowsThePlatformThenTheFilledSection();

private:
    [[nodiscard]] Config oandaConfig() const;
    BrokerCheckOutcome runCheck(const Config& config, const QString& broker);

    std::unique_ptr<FakeHttpServer> m_server;
};

namespace {

const QByteArray accountPath = "/v3/accounts/000-000-0000000-000";
const QString token = QStringLiteral("check-oanda-token-1f2e3d4c5b");

CannedResponse golden(const char* folder, int status = 200)
{
    return CannedResponse::fromFile(dataPath(QStringLiteral("oanda/golden/%1/input.json").arg(QLatin1String(folder))), status);
}

} // namespace

void TestBrokerCheck::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_server->route(accountPath + "/summary", golden("recorded_account_summary"));
    m_server->route(accountPath + "/openPositions", golden("recorded_open_positions"));
}

Config TestBrokerCheck::oandaConfig() const
{
    Config config;
    config.oanda.accountId = QStringLiteral("000-000-0000000-000");
    config.oanda.token = Secret(token);
    config.oanda.baseUrl = m_server->baseUrl();
    config.oanda.timeout = std::chrono::seconds{5};
    return config;
}

BrokerCheckOutcome TestBrokerCheck::runCheck(const Config& config, const QString& broker)
{
    BrokerCheckThread checks;
    QSignalSpy finished(&checks, &BrokerCheckThread::finished);
    QThread* answeredIn = nullptr;
    connect(&checks, &BrokerCheckThread::finished, this, [&answeredIn] { answeredIn = QThread::currentThread(); });
    checks.check(config, broker);
    if (!finished.wait(15'000) || finished.size() != 1)
        return BrokerCheckOutcome{broker, std::nullopt, Error(QStringLiteral("test"), QStringLiteral("no answer")), false};
    if (answeredIn != QThread::currentThread())
        return BrokerCheckOutcome{broker, std::nullopt, Error(QStringLiteral("test"), QStringLiteral("answered in another thread")), false};
    if (!QTest::qWaitFor([&checks] { return checks.running() == 0; }, 5'000))
        return BrokerCheckOutcome{broker, std::nullopt, Error(QStringLiteral("test"), QStringLiteral("the check was not let go")), false};
    return finished.first().first().value<BrokerCheckOutcome>();
}

void TestBrokerCheck::theAccountAndPositionsComeBackInTheCallersThread()
{
    const BrokerCheckOutcome outcome = runCheck(oandaConfig(), QStringLiteral("oanda"));
    QVERIFY2(outcome.report.has_value(), qPrintable(outcome.error.toString()));
    const QJsonObject& report = *outcome.report;
    QCOMPARE(report.value(QStringLiteral("platform")).toString(), QStringLiteral("oanda"));
    QCOMPARE(report.value(QStringLiteral("environment")).toString(), QStringLiteral("practice"));
    QCOMPARE(report.value(QStringLiteral("account_id")).toString(), QStringLiteral("000-000-0000000-000"));
    QVERIFY(!report.value(QStringLiteral("currency")).toString().isEmpty());
    QVERIFY(report.value(QStringLiteral("positions")).isArray());
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().first().headers.value("authorization"), "Bearer " + token.toUtf8());
}

void TestBrokerCheck::aRefusedTokenIsTheUsersToFixAndNeverQuoted()
{
    m_server->route(accountPath + "/summary", golden("recorded_error_401_insufficient_authorization", 401));
    const BrokerCheckOutcome outcome = runCheck(oandaConfig(), QStringLiteral("oanda"));
    QVERIFY(!outcome.report);
    QVERIFY(outcome.userToFix);
    QVERIFY(!outcome.error.toString().contains(token));
}

void TestBrokerCheck::anUnreachableBrokerIsNotTheUsersToFix()
{
    Config config = oandaConfig();
    const QUrl gone = m_server->baseUrl();
    m_server.reset(); // nothing listens there any more
    config.oanda.baseUrl = gone;
    const BrokerCheckOutcome outcome = runCheck(config, QStringLiteral("oanda"));
    QVERIFY(!outcome.report);
    QVERIFY2(!outcome.userToFix, qPrintable(outcome.error.toString()));
}

void TestBrokerCheck::whatCannotBeCheckedSaysWhichKeyIsMissing()
{
    Config config = oandaConfig();
    config.oanda.token = Secret();
    QVERIFY(brokerCheckBlocker(config, QStringLiteral("oanda")).has_value());
    QVERIFY(brokerCheckBlocker(config, QStringLiteral("oanda"))->message.contains(u"oanda.token"));
    QVERIFY(brokerCheckBlocker(config, QStringLiteral("coinbase"))->message.contains(u"coinbase.private_key"));
    QVERIFY(brokerCheckBlocker(config, QStringLiteral("kraken"))->message.contains(u"kraken"));
    const BrokerCheckOutcome outcome = runCheck(config, QStringLiteral("oanda"));
    QVERIFY(!outcome.report);
    QVERIFY(outcome.userToFix);
    QVERIFY(m_server->requests().isEmpty()); // nothing was sent
}

void TestBrokerCheck::theBrokerFollowsThePlatformThenTheFilledSection()
{
    Config config;
    QVERIFY(!brokerToCheck(config).has_value());
    config.coinbase.keyName = Secret(QStringLiteral("organizations/o/apiKeys/k"));
    QCOMPARE(brokerToCheck(config), QStringLiteral("coinbase"));
    config.oanda.accountId = QStringLiteral("101-004-1234567-001");
    QCOMPARE(brokerToCheck(config), QStringLiteral("oanda"));
    config.platform = QStringLiteral("coinbase");
    QCOMPARE(brokerToCheck(config), QStringLiteral("coinbase"));
    QCOMPARE(brokerToCheck(config, QStringLiteral("oanda")), QStringLiteral("oanda"));
}

QTEST_GUILESS_MAIN(TestBrokerCheck)
#include "tst_brokercheck.moc"
