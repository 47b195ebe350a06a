// SPDX-License-Identifier: GPL-3.0-or-later
#include "BarSeries.h"

#include "strategy/RsiReversionStrategy.h"

#include <QTest>

using namespace sentinel;

namespace {
const Instrument aapl{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Daily};
// Wilder's example never leaves 30..70 after its first value, so the levels are moved to where
// its RSI series crosses them: 69 is passed at close 18 (69.35), 35 at close 32 (33.09, after 37.32).
const RsiReversionStrategy::Parameters exampleLevels{14, 35, 69, 14, 2.0};
} // namespace

class TestRsiReversionStrategy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signalsOnLevelsThatFitThePosition_data();
    void signalsOnLevelsThatFitThePosition();
    void entrySignalNamesTheRsiAndTheLevel();
    void defaultLevelsAreThirtyAndSeventy();
};

void TestRsiReversionStrategy::signalsOnLevelsThatFitThePosition_data()
{
    QTest::addColumn<int>("closeCount");
    QTest::addColumn<QList<double>>("extraCloses");
    QTest::addColumn<double>("position");
    QTest::addColumn<QString>("expected");

    QTest::newRow("falling below oversold while flat is a buy entry") << 32 << QList<double>{} << 0.0 << QStringLiteral("buy");
    QTest::newRow("falling below oversold while long gives nothing") << 32 << QList<double>{} << 3.0 << QStringLiteral("none");
    QTest::newRow("below oversold while short is a buy-to-cover exit") << 32 << QList<double>{} << -3.0 << QStringLiteral("buy exit");
    QTest::newRow("staying below oversold gives no second entry") << 32 << QList<double>{42.0} << 0.0 << QStringLiteral("none");
    QTest::newRow("recovering above oversold gives nothing") << 33 << QList<double>{} << 0.0 << QStringLiteral("none");
    QTest::newRow("above overbought while long is a sell exit") << 18 << QList<double>{} << 3.0 << QStringLiteral("sell exit");
    QTest::newRow("above overbought while flat gives nothing: long only") << 18 << QList<double>{} << 0.0 << QStringLiteral("none");
    QTest::newRow("between the levels gives nothing") << 20 << QList<double>{} << 3.0 << QStringLiteral("none");
    QTest::newRow("fifteen closes are too few for two RSI values") << 15 << QList<double>{} << 3.0 << QStringLiteral("none");
}

void TestRsiReversionStrategy::signalsOnLevelsThatFitThePosition()
{
    QFETCH(int, closeCount);
    QFETCH(QList<double>, extraCloses);
    QFETCH(double, position);
    QFETCH(QString, expected);
    const QList<double> closes = test::wilderExampleCloses().mid(0, closeCount) + extraCloses;
    const RsiReversionStrategy strategy(exampleLevels);
    const auto signal = strategy.evaluate(aapl, test::barsFromCloses(closes, 0.2), PositionState{position, 44});
    QString actual = QStringLiteral("none");
    if (signal)
        actual = sideName(signal->side) + (signal->isExit ? QStringLiteral(" exit") : QString());
    QCOMPARE(actual, expected);
}

void TestRsiReversionStrategy::entrySignalNamesTheRsiAndTheLevel()
{
    const RsiReversionStrategy strategy(exampleLevels);
    const Bars bars = test::barsFromCloses(test::wilderExampleCloses().mid(0, 32), 0.2);
    const auto signal = strategy.evaluate(aapl, bars, {});
    QVERIFY(signal);
    QCOMPARE(signal->reason, QStringLiteral("RSI(14) at 33.1 is below oversold 35 at 42.66"));
    QCOMPARE(signal->referencePrice, 42.66);
    QCOMPARE(signal->barOpenTime, bars.last().openTime);
    // 0.5 + 0.5 * (35 - 33.09) / 35 = 0.527
    QVERIFY(qAbs(signal->confidence - 0.527) < 0.001);
    QVERIFY(signal->stopDistance && *signal->stopDistance > 0);
}

void TestRsiReversionStrategy::defaultLevelsAreThirtyAndSeventy()
{
    const RsiReversionStrategy strategy;
    QCOMPARE(strategy.parameters().oversold, 30.0);
    QCOMPARE(strategy.parameters().overbought, 70.0);
    QCOMPARE(strategy.name(), QStringLiteral("rsi_reversion"));
    // With the textbook levels the example's first RSI (70.46) is overbought, but two values are
    // needed; the second (66.25) is not, so a long position gets no exit.
    const Bars bars = test::barsFromCloses(test::wilderExampleCloses().mid(0, 16));
    QVERIFY(!strategy.evaluate(aapl, bars, PositionState{1, 44}));
}

QTEST_GUILESS_MAIN(TestRsiReversionStrategy)
#include "tst_rsireversionstrategy.moc"
