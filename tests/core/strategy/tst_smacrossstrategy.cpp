// SPDX-License-Identifier: GPL-3.0-or-later
#include "BarSeries.h"

#include "strategy/SmaCrossStrategy.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace sentinel;

namespace {
const Instrument eurusd{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
// Small periods so the expected averages can be worked out by hand.
const SmaCrossStrategy::Parameters smallPeriods{2, 4, 3, 2.0};
} // namespace

class TestSmaCrossStrategy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signalsOnlyOnACrossThatFitsThePosition_data();
    void signalsOnlyOnACrossThatFitsThePosition();
    void buySignalCarriesReasonPriceBarAndStop();
    void sameInputGivesTheSameSignal();
    void badDataGivesNoSignal();
};

void TestSmaCrossStrategy::signalsOnlyOnACrossThatFitsThePosition_data()
{
    QTest::addColumn<QList<double>>("closes");
    QTest::addColumn<double>("position");
    QTest::addColumn<QString>("expected"); // "none", "buy", "buy exit", "sell exit"

    // Before the last bar: SMA2 = (10+9)/2 = 9.5 <= SMA4 = (10+10+10+9)/4 = 9.75.
    // Last bar:           SMA2 = (9+12)/2 = 10.5 > SMA4 = (10+10+9+12)/4 = 10.25: crossed above.
    const QList<double> crossAbove{10, 10, 10, 10, 9, 12};
    // Before: SMA2 = 10.5 >= SMA4 = 10.25. Last: SMA2 = (11+8)/2 = 9.5 < SMA4 = (10+10+11+8)/4 = 9.75.
    const QList<double> crossBelow{10, 10, 10, 10, 11, 8};
    // Before: 10.5 > 10.25; last: 11.5 > 10.75: fast stays above, no cross.
    const QList<double> staysAbove{10, 10, 10, 10, 11, 12};

    QTest::newRow("crossing above while flat is a buy entry") << crossAbove << 0.0 << QStringLiteral("buy");
    QTest::newRow("crossing above while already long gives nothing") << crossAbove << 5.0 << QStringLiteral("none");
    QTest::newRow("crossing above while short is a buy-to-cover exit") << crossAbove << -5.0 << QStringLiteral("buy exit");
    QTest::newRow("crossing below while long is a sell exit") << crossBelow << 5.0 << QStringLiteral("sell exit");
    QTest::newRow("crossing below while flat gives nothing: long only") << crossBelow << 0.0 << QStringLiteral("none");
    QTest::newRow("fast staying above slow gives nothing") << staysAbove << 0.0 << QStringLiteral("none");
    QTest::newRow("four bars are too few for the slow average on two bars") << crossAbove.mid(2) << 0.0 << QStringLiteral("none");
}

void TestSmaCrossStrategy::signalsOnlyOnACrossThatFitsThePosition()
{
    QFETCH(QList<double>, closes);
    QFETCH(double, position);
    QFETCH(QString, expected);
    const SmaCrossStrategy strategy(smallPeriods);
    const auto signal = strategy.evaluate(eurusd, test::barsFromCloses(closes), PositionState{position, 10});
    QString actual = QStringLiteral("none");
    if (signal)
        actual = sideName(signal->side) + (signal->isExit ? QStringLiteral(" exit") : QString());
    QCOMPARE(actual, expected);
}

void TestSmaCrossStrategy::buySignalCarriesReasonPriceBarAndStop()
{
    const SmaCrossStrategy strategy(smallPeriods);
    const Bars bars = test::barsFromCloses({10, 10, 10, 10, 9, 12});
    const auto signal = strategy.evaluate(eurusd, bars, PositionState{});
    QVERIFY(signal);
    QCOMPARE(signal->instrument, eurusd);
    QCOMPARE(signal->reason, QStringLiteral("SMA(2) crossed above SMA(4) at 12"));
    QCOMPARE(signal->referencePrice, 12.0);
    QCOMPARE(signal->barOpenTime, bars.last().openTime);
    // ATR(3) of these bars is 1.94444 (worked out in tst_indicators): stop 2 x ATR = 3.88889;
    // confidence 0.5 + 0.5 * |10.5 - 10.25| / 1.94444 = 0.56429.
    QVERIFY(signal->stopDistance);
    QVERIFY(std::abs(*signal->stopDistance - 3.888889) < 1e-5);
    QVERIFY(std::abs(signal->confidence - 0.564286) < 1e-5);
}

void TestSmaCrossStrategy::sameInputGivesTheSameSignal()
{
    const SmaCrossStrategy strategy(smallPeriods);
    const Bars bars = test::barsFromCloses({10, 10, 10, 10, 9, 12});
    QCOMPARE(strategy.evaluate(eurusd, bars, {}), strategy.evaluate(eurusd, bars, {}));
    QCOMPARE(SmaCrossStrategy().minimumBars(), 31);
}

void TestSmaCrossStrategy::badDataGivesNoSignal()
{
    const SmaCrossStrategy strategy(smallPeriods);
    Bars bars = test::barsFromCloses({10, 10, 10, 10, 9, 12});
    bars[4].close = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(!strategy.evaluate(eurusd, bars, {}));
    bars[4].close = 0;
    QVERIFY(!strategy.evaluate(eurusd, bars, {}));
}

QTEST_GUILESS_MAIN(TestSmaCrossStrategy)
#include "tst_smacrossstrategy.moc"
