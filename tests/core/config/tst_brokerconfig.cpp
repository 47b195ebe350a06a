// SPDX-License-Identifier: GPL-3.0-or-later
// The `oanda:` section and per-instrument feeds (issue 14, ADR 0117): practice by default, live
// only with two yeses, http only to loopback, and every OANDA row an FX pair with its account
// and token configured. Errors name the key and never the token.
#include "config/ConfigLoader.h"

#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

class TestBrokerConfig final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void practiceIsTheDefault();
    void oandaFeedWithAccountAndTokenLoads();
    void liveNeedsTwoYeses();
    void mistakesAreReportedAtTheirKeys_data();
    void mistakesAreReportedAtTheirKeys();
    void eachRowMayUseItsOwnFeed();
    void oandaPlatformLoads();
};

namespace {

const QString token = QStringLiteral("0123456789abcdef-oanda-token");

ConfigLoadResult load(const QByteArray& yaml)
{
    ConfigLoadOptions options;
    options.environment = [](const QString& name) -> std::optional<QString> {
        if (name == u"OANDA_TOKEN")
            return token;
        return std::nullopt;
    };
    return ConfigLoader(options).loadText(yaml);
}

QString issuesText(const ConfigLoadResult& result)
{
    QStringList lines;
    for (const Issue& issue : result.issues)
        lines << issue.location + u": " + issue.toString();
    return lines.join(u"\n");
}

const QByteArray oandaFeed = "provider: oanda\n"
                             "oanda: {account_id: \"101-004-1234567-001\", token: \"${OANDA_TOKEN}\"}\n"
                             "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n";

} // namespace

void TestBrokerConfig::practiceIsTheDefault()
{
    const auto result = load(oandaFeed);
    QVERIFY2(result.ok(), qPrintable(issuesText(result)));
    QCOMPARE(result.config.oanda.environment, BrokerEnvironment::Practice);
    QVERIFY(!result.config.oanda.allowLive);
    QVERIFY(result.config.oanda.baseUrl.isEmpty()); // follows the environment
}

void TestBrokerConfig::oandaFeedWithAccountAndTokenLoads()
{
    const auto result = load(oandaFeed);
    QVERIFY2(result.ok(), qPrintable(issuesText(result)));
    QCOMPARE(result.config.provider, ProviderKind::Oanda);
    QCOMPARE(result.config.oanda.accountId, QStringLiteral("101-004-1234567-001"));
    QCOMPARE(result.config.oanda.token.reveal(), token);
    QCOMPARE(result.config.oanda.timeout, 10s);
    QCOMPARE(result.config.oanda.requestsPerMinute, 120);
}

void TestBrokerConfig::liveNeedsTwoYeses()
{
    const QByteArray oneYes = "provider: oanda\n"
                              "oanda: {environment: live, account_id: \"001-004-1234567-001\", token: \"${OANDA_TOKEN}\"}\n"
                              "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n";
    const auto refused = load(oneYes);
    QVERIFY(!refused.ok());
    bool named = false;
    for (const Issue& issue : refused.issues)
        named = named || (issue.location == u"oanda.environment" && issue.remedy.contains(u"allow_live: true"));
    QVERIFY2(named, qPrintable(issuesText(refused)));

    QByteArray twoYeses = oneYes;
    twoYeses.replace("environment: live,", "environment: live, allow_live: true,");
    const auto accepted = load(twoYeses);
    QVERIFY2(accepted.ok(), qPrintable(issuesText(accepted)));
    QCOMPARE(accepted.config.oanda.environment, BrokerEnvironment::Live);
    QVERIFY(accepted.config.oanda.allowLive);
}

void TestBrokerConfig::mistakesAreReportedAtTheirKeys_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("messagePart");
    const QByteArray fx = "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n";
    QTest::newRow("no account") << QByteArray("provider: oanda\noanda: {token: \"${OANDA_TOKEN}\"}\n" + fx)
                                << "oanda.account_id" << "is required";
    QTest::newRow("no section at all") << QByteArray("provider: oanda\n" + fx) << "oanda.account_id" << "is required";
    QTest::newRow("no token") << QByteArray("provider: oanda\noanda: {account_id: \"101-004-1234567-001\"}\n" + fx)
                              << "oanda.token" << "is required";
    QTest::newRow("account shape") << QByteArray("provider: oanda\noanda: {account_id: \"my account\", token: \"${OANDA_TOKEN}\"}\n" + fx)
                                   << "oanda.account_id" << "is not a v20 account id";
    QTest::newRow("http remote") << QByteArray("provider: oanda\noanda: {account_id: \"101-004-1234567-001\", token: \"${OANDA_TOKEN}\", "
                                               "base_url: \"http://api-fxpractice.oanda.com\"}\n" + fx)
                                 << "oanda.base_url" << "plain http";
    QTest::newRow("http remote stream") << QByteArray("provider: oanda\noanda: {account_id: \"101-004-1234567-001\", token: \"${OANDA_TOKEN}\", "
                                                      "stream_url: \"http://stream.example.com\"}\n" + fx)
                                        << "oanda.stream_url" << "plain http";
    QTest::newRow("unknown environment") << QByteArray("oanda: {environment: demo}\n" + fx) << "oanda.environment" << "unknown value";
    QTest::newRow("equity on oanda") << QByteArray("provider: oanda\noanda: {account_id: \"101-004-1234567-001\", token: \"${OANDA_TOKEN}\"}\n"
                                                   "watchlist:\n  - {symbol: \"AAPL\", market: XNYS, interval: 5min}\n")
                                     << "watchlist[0].provider" << "serves FX pairs";
    QTest::newRow("pair oanda cannot name") << QByteArray("provider: oanda\noanda: {account_id: \"101-004-1234567-001\", token: \"${OANDA_TOKEN}\"}\n"
                                                          "watchlist:\n  - {symbol: \"EURUSD\", market: FX, interval: 5min}\n")
                                            << "watchlist[0].symbol" << "not an FX pair";
    QTest::newRow("row feed unknown") << QByteArray("watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min, provider: fxcm}\n")
                                      << "watchlist[0].provider" << "unknown value";
    QTest::newRow("rate over the cap") << QByteArray("oanda: {requests_per_minute: 500}\n" + fx) << "oanda.requests_per_minute" << "";
    QTest::newRow("equity on the oanda platform") << QByteArray("platform: oanda\noanda: {account_id: \"101-004-1234567-001\", token: \"${OANDA_TOKEN}\"}\n"
                                                                "watchlist:\n  - {symbol: \"AAPL\", market: XNYS, interval: 5min}\n")
                                                  << "watchlist[0]" << "cannot be traded on OANDA";
    QTest::newRow("oanda platform without account") << QByteArray("platform: oanda\n" + fx) << "oanda.account_id" << "platform: oanda";
    QTest::newRow("token in clear too short") << QByteArray("provider: oanda\noanda: {account_id: \"101-004-1234567-001\", token: \"abc\"}\n" + fx)
                                              << "oanda.token" << "";
}

void TestBrokerConfig::mistakesAreReportedAtTheirKeys()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, path);
    QFETCH(QString, messagePart);
    const auto result = load(yaml);
    QVERIFY(!result.ok());
    bool found = false;
    for (const Issue& issue : result.issues) {
        found = found || (issue.location == path && issue.message.contains(messagePart) && !issue.remedy.isEmpty());
        QVERIFY2(!issue.toString().contains(token), qPrintable(issue.toString()));
    }
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1 ('%2'), got:\n%3").arg(path, messagePart, issuesText(result))));
}

void TestBrokerConfig::eachRowMayUseItsOwnFeed()
{
    const auto result = load("provider: simulated\n"
                             "oanda: {account_id: \"101-004-1234567-001\", token: \"${OANDA_TOKEN}\"}\n"
                             "watchlist:\n"
                             "  - {symbol: \"EUR/USD\", market: FX, interval: 5min, provider: oanda}\n"
                             "  - {symbol: \"AAPL\", market: XNYS, interval: 5min}\n");
    QVERIFY2(result.ok(), qPrintable(issuesText(result)));
    const Config& config = result.config;
    QCOMPARE(providerFor(config, config.watchlist[0]), ProviderKind::Oanda);
    QCOMPARE(providerFor(config, config.watchlist[1]), ProviderKind::Simulated);
    QCOMPARE(providersInUse(config), (QList<ProviderKind>{ProviderKind::Simulated, ProviderKind::Oanda}));
    // The same row without the OANDA section is refused: the row's feed needs its account.
    const auto missing = load("watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min, provider: oanda}\n");
    QVERIFY(!missing.ok());
}

void TestBrokerConfig::oandaPlatformLoads()
{
    const auto result = load("platform: oanda\n"
                             "oanda: {account_id: \"101-004-1234567-001\", token: \"${OANDA_TOKEN}\"}\n"
                             "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n");
    QVERIFY2(result.ok(), qPrintable(issuesText(result)));
    QCOMPARE(result.config.platform, QStringLiteral("oanda"));
    QCOMPARE(result.config.provider, ProviderKind::Simulated); // trading there does not change the feed
}

QTEST_GUILESS_MAIN(TestBrokerConfig)
#include "tst_brokerconfig.moc"
