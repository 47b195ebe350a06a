// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/NormalDistribution.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace sentinel;

class TestNormalDistribution final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quantileMatchesPublishedValues_data();
    void quantileMatchesPublishedValues();
    void quantileInvertsTheCdfAcrossTheRange();
    void quantileIsAntisymmetric();
    void approximateQuantileIsWithinItsBound();
    void quantileOutsideTheOpenIntervalIsNaN_data();
    void quantileOutsideTheOpenIntervalIsNaN();
};

void TestNormalDistribution::quantileMatchesPublishedValues_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");
    // The first three as given in the brief (scipy.stats.norm.ppf); the rest from Python's
    // statistics.NormalDist().inv_cdf, an implementation of Wichura's AS241.
    QTest::newRow("95 % is 1.6448536269514722") << 0.95 << 1.6448536269514722;
    QTest::newRow("99 % is 2.3263478740408408") << 0.99 << 2.3263478740408408;
    QTest::newRow("97.5 % is 1.959963984540054") << 0.975 << 1.959963984540054;
    QTest::newRow("the median is zero") << 0.5 << 0.0;
    QTest::newRow("99.9 % is 3.090232306167813") << 0.999 << 3.090232306167813;
    QTest::newRow("90 % is 1.2815515655446008") << 0.90 << 1.2815515655446008;
    QTest::newRow("5 % is -1.6448536269514726") << 0.05 << -1.6448536269514726;
    QTest::newRow("the tail break 0.02425 is -1.9729610513118845") << 0.02425 << -1.9729610513118845;
    QTest::newRow("one in a million is -4.753424308822899") << 1e-6 << -4.753424308822899;
    QTest::newRow("1e-20 is -9.262340089798405") << 1e-20 << -9.262340089798405;
}

void TestNormalDistribution::quantileMatchesPublishedValues()
{
    QFETCH(double, p);
    QFETCH(double, expected);
    const double actual = inverseNormalCdf(p);
    QVERIFY2(std::abs(actual - expected) <= 1e-12,
             qPrintable(QStringLiteral("Φ⁻¹(%1) = %2, expected %3").arg(p).arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

void TestNormalDistribution::quantileInvertsTheCdfAcrossTheRange()
{
    // The lower tail down to probabilities no VaR will ask for (beyond 1e-20, Φ's own rounding
    // grows with x² and the round trip stops measuring the quantile), then the whole range.
    for (double p = 1e-20; p < 0.5; p *= 3.7) {
        const double x = inverseNormalCdf(p);
        QVERIFY2(std::abs(normalCdf(x) - p) <= 1e-13 * p,
                 qPrintable(QStringLiteral("Φ(Φ⁻¹(%1)) = %2").arg(p).arg(normalCdf(x), 0, 'g', 17)));
    }
    for (double p = 0.001; p < 1.0; p += 0.001) {
        const double x = inverseNormalCdf(p);
        QVERIFY2(std::abs(normalCdf(x) - p) <= 2e-16 + 1e-14 * std::min(p, 1 - p),
                 qPrintable(QStringLiteral("Φ(Φ⁻¹(%1)) = %2").arg(p).arg(normalCdf(x), 0, 'g', 17)));
    }
}

void TestNormalDistribution::quantileIsAntisymmetric()
{
    for (double p = 0.0005; p < 0.5; p += 0.0125)
        QVERIFY(std::abs(inverseNormalCdf(p) + inverseNormalCdf(1.0 - p)) <= 1e-12);
}

void TestNormalDistribution::approximateQuantileIsWithinItsBound()
{
    for (double p = 1e-12; p < 1.0; p += (p < 0.01 || p > 0.99) ? p * 0.5 * (1.0 - p) + 1e-13 : 0.0007) {
        const double exact = inverseNormalCdf(p);
        if (std::abs(exact) < 1e-3)
            continue; // relative error is meaningless at the median
        QVERIFY2(std::abs(approximateInverseNormalCdf(p) - exact) <= 1.2e-9 * std::abs(exact),
                 qPrintable(QStringLiteral("p %1").arg(p)));
    }
    QVERIFY(std::isnan(approximateInverseNormalCdf(1.0)));
}

void TestNormalDistribution::quantileOutsideTheOpenIntervalIsNaN_data()
{
    QTest::addColumn<double>("p");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("one") << 1.0;
    QTest::newRow("negative") << -0.5;
    QTest::newRow("above one") << 1.5;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity();
}

void TestNormalDistribution::quantileOutsideTheOpenIntervalIsNaN()
{
    QFETCH(double, p);
    QVERIFY(std::isnan(inverseNormalCdf(p)));
}

QTEST_GUILESS_MAIN(TestNormalDistribution)
#include "tst_normaldistribution.moc"
