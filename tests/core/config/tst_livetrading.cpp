// SPDX-License-Identifier: GPL-3.0-or-later
// Which configurations reach live money (issue 14): the desktop asks and shows its badge for these.
#include "config/LiveTrading.h"

#include <QTest>

using namespace sentinel;

class TestLiveTrading final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyALiveBrokerPlatformIsLive();
    void paperTradingKeepsTheFeeds();
    void theCoinbasePlatformIsAlwaysLive();
};

void TestLiveTrading::onlyALiveBrokerPlatformIsLive()
{
    Config config;
    QVERIFY(!liveTradingAccount(config)); // paper
    config.oanda.accountId = QStringLiteral("001-001-1234567-001");
    config.oanda.environment = BrokerEnvironment::Live;
    config.oanda.allowLive = true;
    QVERIFY(!liveTradingAccount(config)); // a live OANDA feed, trades on paper: no money moves
    config.platform = QStringLiteral("oanda");
    const auto live = liveTradingAccount(config);
    QVERIFY(live);
    QCOMPARE(live->describe(), QStringLiteral("OANDA account 001-001-1234567-001"));
    config.oanda.environment = BrokerEnvironment::Practice;
    QVERIFY(!liveTradingAccount(config));

    // Coinbase has no practice account: its platform with allow_live is live money.
    config.platform = QStringLiteral("coinbase");
    QVERIFY(!liveTradingAccount(config));
    config.coinbase.allowLive = true;
    const auto coinbase = liveTradingAccount(config);
    QVERIFY(coinbase);
    QCOMPARE(coinbase->describe(), QStringLiteral("Coinbase account of this API key"));
}

void TestLiveTrading::paperTradingKeepsTheFeeds()
{
    Config config;
    config.platform = QStringLiteral("oanda");
    config.provider = ProviderKind::Oanda;
    config.oanda.environment = BrokerEnvironment::Live;
    const Config paper = withPaperTrading(config);
    QCOMPARE(paper.platform, QStringLiteral("paper"));
    QCOMPARE(paper.provider, ProviderKind::Oanda);
    QVERIFY(!liveTradingAccount(paper));
}

void TestLiveTrading::theCoinbasePlatformIsAlwaysLive()
{
    Config config;
    config.provider = ProviderKind::Coinbase;
    config.coinbase.allowLive = true;
    QVERIFY(!liveTradingAccount(config)); // the Coinbase feed with paper trading: no money moves
    config.platform = QStringLiteral("coinbase");
    const auto live = liveTradingAccount(config);
    QVERIFY(live);
    QCOMPARE(live->broker, QStringLiteral("Coinbase"));
    // Without allow_live the engine trades on paper (the configuration check refuses the file).
    config.coinbase.allowLive = false;
    QVERIFY(!liveTradingAccount(config));
}

QTEST_GUILESS_MAIN(TestLiveTrading)
#include "tst_livetrading.moc"
