// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/StrategyRegistry.h"

#include <QTest>

using namespace sentinel;

class TestStrategyRegistry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsTheBuiltInStrategies();
    void createsEachKnownStrategyByName_data();
    void createsEachKnownStrategyByName();
    void unknownNameIsAConfigurationErrorListingTheKnownOnes_data();
    void unknownNameIsAConfigurationErrorListingTheKnownOnes();
};

void TestStrategyRegistry::listsTheBuiltInStrategies()
{
    QCOMPARE(StrategyRegistry::names(),
             (QStringList{QStringLiteral("llm_advisor"), QStringLiteral("rsi_reversion"), QStringLiteral("sma_cross")}));
    QCOMPARE(StrategyRegistry::ruleNames(), (QStringList{QStringLiteral("rsi_reversion"), QStringLiteral("sma_cross")}));
    // The advisor is known to configuration, but needs its model servers to be built.
    QVERIFY(StrategyRegistry::contains(StrategyRegistry::advisorName()));
    QVERIFY(!StrategyRegistry::create(StrategyRegistry::advisorName()).ok());
}

void TestStrategyRegistry::createsEachKnownStrategyByName_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : StrategyRegistry::ruleNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestStrategyRegistry::createsEachKnownStrategyByName()
{
    QFETCH(QString, name);
    QVERIFY(StrategyRegistry::contains(name));
    const auto strategy = StrategyRegistry::create(name);
    QVERIFY(strategy.ok());
    QCOMPARE(strategy.value()->name(), name);
    QVERIFY(strategy.value()->minimumBars() > 1);
}

void TestStrategyRegistry::unknownNameIsAConfigurationErrorListingTheKnownOnes_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("a strategy that is not built in") << QStringLiteral("macd_cross");
    QTest::newRow("a path to a plugin is only an unknown name") << QStringLiteral("/tmp/evil.so");
    QTest::newRow("names are case sensitive") << QStringLiteral("SMA_CROSS");
    QTest::newRow("an empty name") << QString();
}

void TestStrategyRegistry::unknownNameIsAConfigurationErrorListingTheKnownOnes()
{
    QFETCH(QString, name);
    QVERIFY(!StrategyRegistry::contains(name));
    const auto strategy = StrategyRegistry::create(name);
    QVERIFY(!strategy.ok());
    QCOMPARE(strategy.error().kind, QStringLiteral("unknown_strategy"));
    QVERIFY(strategy.error().message.contains(QStringLiteral("'%1'").arg(name)));
    QCOMPARE(strategy.error().remedy, QStringLiteral("set strategy.name to one of: llm_advisor, rsi_reversion, sma_cross"));
}

QTEST_GUILESS_MAIN(TestStrategyRegistry)
#include "tst_strategyregistry.moc"
