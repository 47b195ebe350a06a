// SPDX-License-Identifier: GPL-3.0-or-later
#include "BarSeries.h"

#include "strategy/Indicators.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace sentinel;

class TestIndicators final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smaAveragesTheLastPeriodValues_data();
    void smaAveragesTheLastPeriodValues();
    void wilderRsiMatchesTheTextbookExample_data();
    void wilderRsiMatchesTheTextbookExample();
    void wilderRsiEdgeCases_data();
    void wilderRsiEdgeCases();
    void wilderAtrMatchesAHandComputedSeries();
    void nonFiniteInputGivesNoNumber();
};

void TestIndicators::smaAveragesTheLastPeriodValues_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("period");
    QTest::addColumn<double>("expected"); // NaN: no value

    // (3 + 4 + 5) / 3 = 4
    QTest::newRow("three of five values average the last three") << QList<double>{1, 2, 3, 4, 5} << 3 << 4.0;
    // (10 + 10 + 9 + 12) / 4 = 41 / 4 = 10.25
    QTest::newRow("four closes with a jump at the end") << QList<double>{10, 10, 10, 10, 9, 12} << 4 << 10.25;
    QTest::newRow("a period equal to the length averages all") << QList<double>{2, 4} << 2 << 3.0;
    QTest::newRow("a period longer than the series gives nothing") << QList<double>{1, 2} << 3 << qQNaN();
    QTest::newRow("a zero period gives nothing") << QList<double>{1, 2} << 0 << qQNaN();
}

void TestIndicators::smaAveragesTheLastPeriodValues()
{
    QFETCH(QList<double>, values);
    QFETCH(int, period);
    QFETCH(double, expected);
    const std::vector<double> series(values.begin(), values.end());
    const auto sma = indicators::sma(series, period);
    if (std::isnan(expected)) {
        QVERIFY(!sma);
        return;
    }
    QVERIFY(sma);
    QCOMPARE(*sma, expected);
}

void TestIndicators::wilderRsiMatchesTheTextbookExample_data()
{
    QTest::addColumn<int>("closeIndex");
    QTest::addColumn<double>("expected");
    // First value, by hand: the 14 changes up to close 15 (46.28) gain 3.34 in total and lose 1.40,
    // so avg gain = 3.34 / 14 = 0.23857, avg loss = 1.40 / 14 = 0.1, RS = 2.3857,
    // RSI = 100 - 100 / 3.3857 = 70.46. (ChartSchool prints 70.53 because its sheet rounds the
    // averages to 0.24 and 0.10 first; the unrounded values below are the ones quoted by most
    // reference implementations.)
    QTest::newRow("first value after fourteen changes") << 14 << 70.46;
    QTest::newRow("second value, first Wilder smoothing step") << 15 << 66.25;
    QTest::newRow("fourth value") << 17 << 69.35;
    QTest::newRow("value after the sharp fall to 44.03") << 26 << 40.02;
    QTest::newRow("lowest value of the example") << 31 << 33.09;
    QTest::newRow("last value") << 32 << 37.79;
}

void TestIndicators::wilderRsiMatchesTheTextbookExample()
{
    QFETCH(int, closeIndex);
    QFETCH(double, expected);
    const QList<double> closes = test::wilderExampleCloses();
    const std::vector<double> values(closes.begin(), closes.end());
    const std::vector<double> rsi = indicators::wilderRsi(values, 14);
    QCOMPARE(rsi.size(), values.size() - 14);
    const double actual = rsi[std::size_t(closeIndex - 14)];
    QVERIFY2(std::abs(actual - expected) < 0.01, qPrintable(QStringLiteral("RSI %1 expected %2").arg(actual).arg(expected)));
}

void TestIndicators::wilderRsiEdgeCases_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("expectedLast"); // NaN: empty series
    QTest::newRow("only rises give 100") << QList<double>{1, 2, 3, 4} << 100.0;
    QTest::newRow("only falls give 0") << QList<double>{4, 3, 2, 1} << 0.0;
    QTest::newRow("no movement gives 50, not a division by zero") << QList<double>{5, 5, 5, 5} << 50.0;
    // period 3: changes +1, -1, +1: gain 2/3, loss 1/3, RS 2, RSI = 100 - 100/3 = 66.67
    QTest::newRow("two gains and a loss of equal size give two thirds") << QList<double>{1, 2, 1, 2} << 100.0 - 100.0 / 3.0;
    QTest::newRow("period plus one values are needed") << QList<double>{1, 2, 3} << qQNaN();
}

void TestIndicators::wilderRsiEdgeCases()
{
    QFETCH(QList<double>, values);
    QFETCH(double, expectedLast);
    const std::vector<double> series(values.begin(), values.end());
    const std::vector<double> rsi = indicators::wilderRsi(series, 3);
    if (std::isnan(expectedLast)) {
        QVERIFY(rsi.empty());
        return;
    }
    QVERIFY(!rsi.empty());
    QCOMPARE(rsi.back(), expectedLast);
}

void TestIndicators::wilderAtrMatchesAHandComputedSeries()
{
    // Closes 10 10 10 10 9 12, each bar 1.0 high-low. True ranges from the second bar:
    //   1, 1, 1, max(1, |9.5-10|, |8.5-10|) = 1.5, max(1, |12.5-9|, |11.5-9|) = 3.5.
    // ATR(3): seed (1+1+1)/3 = 1; then (1*2 + 1.5)/3 = 1.16667; then (1.16667*2 + 3.5)/3 = 1.94444.
    const Bars bars = test::barsFromCloses({10, 10, 10, 10, 9, 12});
    const auto atr = indicators::wilderAtr(bars, 3);
    QVERIFY(atr);
    QVERIFY(std::abs(*atr - 1.944444) < 1e-5);
    QVERIFY(!indicators::wilderAtr(bars.mid(0, 3), 3)); // needs period + 1 bars
}

void TestIndicators::nonFiniteInputGivesNoNumber()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> values{1, 2, nan, 4, 5};
    QVERIFY(!indicators::sma(values, 3));
    QVERIFY(indicators::sma(values, 2)); // the NaN is outside the window
    QVERIFY(indicators::wilderRsi(values, 2).empty());
    Bars bars = test::barsFromCloses({1, 2, 3, 4});
    bars[2].high = std::numeric_limits<double>::infinity();
    QVERIFY(!indicators::wilderAtr(bars, 2));
    QVERIFY(indicators::validCloses(bars).has_value()); // the closes themselves are fine
    bars[1].close = -1;
    QVERIFY(!indicators::validCloses(bars));
}

QTEST_GUILESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
