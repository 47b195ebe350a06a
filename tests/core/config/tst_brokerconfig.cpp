// SPDX-License-Identifier: GPL-3.0-or-later
// The `oanda:` section and per-instrument feeds (issue 14, ADR 0117): practice by default, live
// only with two yeses, http only to loopback, and every OANDA row an FX pair with its account
// and token configured. Errors name the key and never the token. The `coinbase:` section (ADR
// 0121): a public feed without a key, and platform: coinbase only with the key and allow_live,
// since Coinbase has no practice account.
#include "config/ConfigLoader.h"

#include "TestData.h"

#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

class TestBrokerConfig final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void practiceIsTheDefault();
    void oandaFeedWithAccountAndTokenLoads();
    void liveNeedsTwoYeses();
    void mistakesAreReportedAtTheirKeys_data();
    void mistakesAreReportedAtTheirKeys();
    void eachRowMayUseItsOwnFeed();
    void oandaPlatformLoads();
    void coinbaseFeedNeedsNoKey();
    void coinbasePlatformNeedsTheKeyAndAllowLive();
};

namespace {

const QString token = QStringLiteral("0123456789abcdef-oanda-token");
const QString coinbaseKeyName = QStringLiteral("organizations/org-5f1c2e/apiKeys/key-9a8b7c6d");
QString coinbaseKey = QStringLiteral("(set in coinbaseFeedNeedsNoKey)");
QString otherPem;

ConfigLoadResult load(const QByteArray& yaml)
{
    ConfigLoadOptions options;
    options.environment = [](const QString& name) -> std::optional<QString> {
        if (name == u"OANDA_TOKEN")
            return token;
        if (name == u"COINBASE_KEY_NAME")
            return coinbaseKeyName;
        if (name == u"COINBASE_PRIVATE_KEY")
            return coinbaseKey;
        if (name == u"OTHER_PEM")
            return otherPem;
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

const QByteArray cryptoRow = "watchlist:\n  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 1min}\n";
const QByteArray coinbaseKeys = "coinbase: {key_name: \"${COINBASE_KEY_NAME}\", private_key: \"${COINBASE_PRIVATE_KEY}\"";
const QByteArray oandaFeed = "provider: oanda\n"
                             "oanda: {account_id: \"101-004-1234567-001\", token: \"${OANDA_TOKEN}\"}\n"
                             "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n";

} // namespace

void TestBrokerConfig::initTestCase()
{
    coinbaseKey = QString::fromLatin1(sentinel::test::readFile(sentinel::test::dataPath(QStringLiteral("coinbase/keys/test_ec_p256.pem"))));
    otherPem = QString::fromLatin1(sentinel::test::readFile(sentinel::test::dataPath(QStringLiteral("coinbase/keys/test_ec_p256_encrypted.pem"))));
    QVERIFY(coinbaseKey.contains(u"BEGIN EC PRIVATE KEY") && otherPem.contains(u"ENCRYPTED"));
}

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
    // The coinbase: section (ADR 0121).
    const QByteArray live = "platform: coinbase\n";
    QTest::newRow("platform without a key name")
        << QByteArray(live + "coinbase: {private_key: \"${COINBASE_PRIVATE_KEY}\", allow_live: true}\n" + cryptoRow)
        << "coinbase.key_name" << "is required";
    QTest::newRow("platform without a private key")
        << QByteArray(live + "coinbase: {key_name: \"${COINBASE_KEY_NAME}\", allow_live: true}\n" + cryptoRow)
        << "coinbase.private_key" << "is required";
    QTest::newRow("platform without any coinbase section") << QByteArray(live + cryptoRow) << "platform" << "no practice account";
    QTest::newRow("a private key that is an encrypted PEM")
        << QByteArray("coinbase: {private_key: \"${OTHER_PEM}\"}\n" + cryptoRow) << "coinbase.private_key" << "another kind";
    QTest::newRow("a private key that is no PEM")
        << QByteArray("coinbase: {private_key: \"not-a-pem-at-all\"}\n" + cryptoRow) << "coinbase.private_key" << "not a PEM";
    QTest::newRow("a key name of another shape")
        << QByteArray("coinbase: {key_name: \"${OANDA_TOKEN}\"}\n" + cryptoRow) << "coinbase.key_name" << "not a CDP API key name";
    QTest::newRow("ws_url over plain ws to a remote host")
        << QByteArray("coinbase: {ws_url: \"ws://advanced-trade-ws.coinbase.com\"}\n" + cryptoRow) << "coinbase.ws_url" << "plain ws";
    QTest::newRow("ws_url that is an https URL")
        << QByteArray("coinbase: {ws_url: \"https://advanced-trade-ws.coinbase.com\"}\n" + cryptoRow) << "coinbase.ws_url" << "wss or ws";
    QTest::newRow("base_url over plain http to a remote host")
        << QByteArray("coinbase: {base_url: \"http://api.coinbase.com\"}\n" + cryptoRow) << "coinbase.base_url" << "plain http";
    QTest::newRow("more requests a second than Coinbase allows")
        << QByteArray("coinbase: {requests_per_second: 30}\n" + cryptoRow) << "coinbase.requests_per_second" << "";
    QTest::newRow("an FX pair on the Coinbase feed")
        << QByteArray("provider: coinbase\nwatchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n")
        << "watchlist[0].provider" << "crypto pairs only";
    QTest::newRow("a pair Coinbase cannot name")
        << QByteArray("provider: coinbase\nwatchlist:\n  - {symbol: \"BTCUSD\", market: CRYPTO, interval: 5min}\n")
        << "watchlist[0].symbol" << "not a pair Coinbase can name";
    QTest::newRow("an equity with platform: coinbase")
        << QByteArray(live + coinbaseKeys + ", allow_live: true}\nwatchlist:\n  - {symbol: \"AAPL\", market: XNYS, interval: 5min}\n")
        << "watchlist[0]" << "platform: coinbase trades";
    QTest::newRow("an unknown key in the section")
        << QByteArray("coinbase: {api_secret: \"x\"}\n" + cryptoRow) << "coinbase.api_secret" << "";
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
        const QString text = issue.toString();
        QVERIFY2(!text.contains(token) && !text.contains(coinbaseKeyName) && !text.contains(u"MHcCAQEE"), qPrintable(text));
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


void TestBrokerConfig::coinbaseFeedNeedsNoKey()
{
    const auto result = load("provider: coinbase\n" + cryptoRow);
    QVERIFY2(result.ok(), qPrintable(issuesText(result)));
    QCOMPARE(result.config.provider, ProviderKind::Coinbase);
    QCOMPARE(result.config.coinbase.baseUrl, QUrl(QStringLiteral("https://api.coinbase.com")));
    QCOMPARE(result.config.coinbase.wsUrl, QUrl(QStringLiteral("wss://advanced-trade-ws.coinbase.com")));
    QVERIFY(!result.config.coinbase.allowLive);
    QCOMPARE(result.config.coinbase.requestsPerSecond, 8);
    QCOMPARE(coinbaseProductId(result.config.watchlist[0].symbol), QStringLiteral("BTC-USD"));
    // A row may take its candles from Coinbase beside another feed.
    const auto mixed = load("provider: simulated\n"
                            "watchlist:\n  - {symbol: \"ETH/USDC\", market: CRYPTO, interval: 5min, provider: coinbase}\n"
                            "  - {symbol: \"AAPL\", market: XNYS, interval: 5min}\n");
    QVERIFY2(mixed.ok(), qPrintable(issuesText(mixed)));
    QCOMPARE(providersInUse(mixed.config), (QList<ProviderKind>{ProviderKind::Simulated, ProviderKind::Coinbase}));
}

void TestBrokerConfig::coinbasePlatformNeedsTheKeyAndAllowLive()
{
    const auto refused = load("platform: coinbase\n" + coinbaseKeys + "}\n" + cryptoRow);
    QVERIFY(!refused.ok());
    bool named = false;
    for (const Issue& issue : refused.issues)
        named = named || (issue.location == u"platform" && issue.message.contains(u"real money") && issue.message.contains(u"no practice account")
                          && issue.remedy.contains(u"coinbase.allow_live: true"));
    QVERIFY2(named, qPrintable(issuesText(refused)));

    const auto accepted = load("platform: coinbase\n" + coinbaseKeys + ", allow_live: true, base_url: \"http://127.0.0.1:8443\", "
                               "ws_url: \"ws://127.0.0.1:8444\", requests_per_second: 5}\n" + cryptoRow);
    QVERIFY2(accepted.ok(), qPrintable(issuesText(accepted)));
    const CoinbaseSettings& coinbase = accepted.config.coinbase;
    QCOMPARE(accepted.config.platform, QStringLiteral("coinbase"));
    QVERIFY(coinbase.allowLive);
    QCOMPARE(coinbase.keyName.reveal(), coinbaseKeyName);
    QCOMPARE(coinbase.privateKey.reveal(), coinbaseKey);
    QCOMPARE(coinbase.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8443")));
    QCOMPARE(coinbase.wsUrl, QUrl(QStringLiteral("ws://127.0.0.1:8444")));
    QCOMPARE(coinbase.requestsPerSecond, 5);
}

QTEST_GUILESS_MAIN(TestBrokerConfig)
#include "tst_brokerconfig.moc"
