// SPDX-License-Identifier: GPL-3.0-or-later
// firstNonFinite's bit trick against std::isfinite: every kind of double at every position of
// spans that cross its 64-value blocks.
#include "risk/FiniteScan.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace sentinel;

class TestFiniteScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyAndAllFinite();
    void findsTheFirstNonFiniteAnywhere_data();
    void findsTheFirstNonFiniteAnywhere();
    void extremeFiniteValuesAreFinite();
};

void TestFiniteScan::emptyAndAllFinite()
{
    QCOMPARE(firstNonFinite({}), std::size_t(0));
    std::vector<double> values(1000);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = std::sin(double(i)) * 0.02;
    QCOMPARE(firstNonFinite(values), values.size());
}

void TestFiniteScan::findsTheFirstNonFiniteAnywhere_data()
{
    QTest::addColumn<double>("bad");
    constexpr double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("quiet NaN") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("negative NaN") << -std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("signalling NaN") << std::numeric_limits<double>::signaling_NaN();
    QTest::newRow("+inf") << inf;
    QTest::newRow("-inf") << -inf;
}

void TestFiniteScan::findsTheFirstNonFiniteAnywhere()
{
    QFETCH(double, bad);
    for (const std::size_t length : {1, 2, 63, 64, 65, 128, 250, 1000}) {
        for (std::size_t at = 0; at < length; ++at) {
            std::vector<double> values(length, 0.01);
            values[at] = bad;
            if (at + 3 < length)
                values[at + 3] = bad; // a later one must not be reported first
            QCOMPARE(firstNonFinite(values), at);
        }
    }
}

void TestFiniteScan::extremeFiniteValuesAreFinite()
{
    const std::vector<double> values{std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(),
                                     std::numeric_limits<double>::min(), std::numeric_limits<double>::denorm_min(),
                                     -0.0, 0.0, 1e308, -1e-308};
    QCOMPARE(firstNonFinite(values), values.size());
}

QTEST_APPLESS_MAIN(TestFiniteScan)
#include "tst_finitescan.moc"
