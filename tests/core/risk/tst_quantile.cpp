// SPDX-License-Identifier: GPL-3.0-or-later
// Reproduces every vector of tests/data/var/var_test_vectors.json, read from the file.
#include "risk/Quantile.h"
#include "risk/VarEstimator.h"

#include "GeneratedReturns.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace sentinel;

namespace {

QJsonObject vectors()
{
    QFile file(test::dataPath(QStringLiteral("var/var_test_vectors.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("%s: %s", qPrintable(file.fileName()), qPrintable(error.errorString()));
    return document.object();
}

std::vector<double> toVector(const QJsonValue& value)
{
    std::vector<double> numbers;
    for (const QJsonValue& element : value.toArray())
        numbers.push_back(element.toDouble());
    return numbers;
}

bool close(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-12 * std::max(1.0, std::abs(expected));
}

// Rows from one block's `cases`, named after their inputs so a failure says which.
void addCaseRows(const QString& block)
{
    QTest::addColumn<std::vector<double>>("returns");
    QTest::addColumn<double>("cutoff");
    QTest::addColumn<double>("expected");
    const QJsonArray cases = vectors().value(block).toObject().value(QStringLiteral("cases")).toArray();
    QVERIFY2(!cases.isEmpty(), qPrintable(block + QStringLiteral(" has no cases")));
    for (const QJsonValue& entry : cases) {
        const QJsonObject item = entry.toObject();
        const std::vector<double> returns = toVector(item.value(QStringLiteral("returns")));
        QStringList shown;
        for (const double r : returns)
            shown.append(QString::number(r));
        const double cutoff = item.value(QStringLiteral("cutoff")).toDouble();
        QTest::addRow("%s of [%s] at cutoff %s", qPrintable(block), qPrintable(shown.join(u", ")),
                      qPrintable(QString::number(cutoff)))
            << returns << cutoff << item.value(QStringLiteral("expected")).toDouble();
    }
}

// The type-7 quantile and the tail mean as their definitions read: from a full sort, and a sum
// over the input in its own order.
LowerTail sortedReference(const std::vector<double>& values, double p)
{
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const double position = double(sorted.size() - 1) * p;
    const auto lower = std::size_t(std::floor(position));
    const double fraction = position - double(lower);
    const double low = sorted[lower];
    const double quantile = fraction == 0.0 || lower + 1 >= sorted.size()
        ? low
        : low + fraction * (sorted[lower + 1] - low);
    double sum = 0.0;
    int count = 0;
    for (const double value : values) {
        if (value <= quantile) {
            sum += value;
            ++count;
        }
    }
    return {true, quantile, sum / count};
}

} // namespace

Q_DECLARE_METATYPE(std::vector<double>)

class TestQuantile final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void empyricalValueAtRiskIsTheType7Percentile_data();
    void empyricalValueAtRiskIsTheType7Percentile();
    void empyricalConditionalValueAtRisk_data();
    void empyricalConditionalValueAtRisk();
    void eachConventionReproducesItsDivergenceEntry_data();
    void eachConventionReproducesItsDivergenceEntry();
    void productionConventionIsType7AndDiffersFromTheOthers();
    void historicalVarUsesTheProductionConvention();
    void type7NeedsNoSortedInput();
    void emptyInputOrBadProbabilityIsNaN();
    void lowerTailEqualsAFullSortBitForBit_data();
    void lowerTailEqualsAFullSortBitForBit();
    void lowerTailReportsANonFiniteValueAnywhere_data();
    void lowerTailReportsANonFiniteValueAnywhere();
};

void TestQuantile::empyricalValueAtRiskIsTheType7Percentile_data()
{
    addCaseRows(QStringLiteral("empyrical_value_at_risk"));
}

void TestQuantile::empyricalValueAtRiskIsTheType7Percentile()
{
    QFETCH(std::vector<double>, returns);
    QFETCH(double, cutoff);
    QFETCH(double, expected);
    const double actual = quantileType7(returns, cutoff);
    QVERIFY2(close(actual, expected), qPrintable(QStringLiteral("got %1, expected %2").arg(actual).arg(expected)));
}

void TestQuantile::empyricalConditionalValueAtRisk_data()
{
    addCaseRows(QStringLiteral("empyrical_conditional_value_at_risk"));
}

void TestQuantile::empyricalConditionalValueAtRisk()
{
    QFETCH(std::vector<double>, returns);
    QFETCH(double, cutoff);
    QFETCH(double, expected);
    const double actual = empyricalConditionalVar(returns, cutoff);
    QVERIFY2(close(actual, expected), qPrintable(QStringLiteral("got %1, expected %2").arg(actual).arg(expected)));
}

void TestQuantile::eachConventionReproducesItsDivergenceEntry_data()
{
    QTest::addColumn<QuantileConvention>("convention");
    QTest::addColumn<QString>("entry");
    QTest::newRow("numpy linear type 7") << QuantileConvention::LinearType7 << QStringLiteral("numpy_linear_type7");
    QTest::newRow("hull k-th worst") << QuantileConvention::HullKthWorst << QStringLiteral("hull_kth_worst_k_eq_alpha_n");
    QTest::newRow("frm k-th worst plus one") << QuantileConvention::FrmKthWorstPlusOne
                                             << QStringLiteral("frm_alpha_n_plus_1");
}

void TestQuantile::eachConventionReproducesItsDivergenceEntry()
{
    QFETCH(QuantileConvention, convention);
    QFETCH(QString, entry);
    const QJsonObject block = vectors().value(QStringLiteral("quantile_convention_divergence")).toObject();
    const std::vector<double> returns = toVector(block.value(QStringLiteral("returns")));
    const double confidence = block.value(QStringLiteral("confidence")).toDouble();
    const QJsonObject expected = block.value(entry).toObject();
    QVERIFY2(!expected.isEmpty(), qPrintable(entry + QStringLiteral(" missing from the vectors")));

    const double loss = -lowerTailQuantile(returns, confidence, convention);
    QVERIFY2(close(loss, expected.value(QStringLiteral("var_loss")).toDouble()),
             qPrintable(QStringLiteral("%1: loss %2, expected %3")
                            .arg(entry)
                            .arg(loss, 0, 'g', 17)
                            .arg(expected.value(QStringLiteral("var_loss")).toDouble())));
    if (expected.contains(QStringLiteral("quantile")))
        QVERIFY(close(-loss, expected.value(QStringLiteral("quantile")).toDouble()));
    if (expected.contains(QStringLiteral("k"))) {
        // The k-th worst return of the sorted series is the quantile.
        std::vector<double> sorted = returns;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(-loss, sorted[std::size_t(expected.value(QStringLiteral("k")).toInt() - 1)]);
    }
}

void TestQuantile::productionConventionIsType7AndDiffersFromTheOthers()
{
    QCOMPARE(kProductionQuantileConvention, QuantileConvention::LinearType7);
    const QJsonObject block = vectors().value(QStringLiteral("quantile_convention_divergence")).toObject();
    const std::vector<double> returns = toVector(block.value(QStringLiteral("returns")));
    const double confidence = block.value(QStringLiteral("confidence")).toDouble();
    const double production = -lowerTailQuantile(returns, confidence, kProductionQuantileConvention);
    const double hull = -lowerTailQuantile(returns, confidence, QuantileConvention::HullKthWorst);
    const double frm = -lowerTailQuantile(returns, confidence, QuantileConvention::FrmKthWorstPlusOne);
    // On 20 returns at 95 % the three readings are 0.905 %, 1.0 % and 0.9 %: type 7 interpolates
    // 95 % of the way from the worst to the second-worst return, Hull takes the worst, FRM the
    // second-worst. The gap is a tenth of the VaR, which is why the convention is written down.
    QVERIFY(close(hull - production, 0.00095));
    QVERIFY(close(production - frm, 0.00005));
    QVERIFY(frm < production && production < hull);
}

void TestQuantile::historicalVarUsesTheProductionConvention()
{
    const QJsonObject block = vectors().value(QStringLiteral("quantile_convention_divergence")).toObject();
    const std::vector<double> returns = toVector(block.value(QStringLiteral("returns")));
    const double confidence = block.value(QStringLiteral("confidence")).toDouble();
    const auto report = VarEstimator().historical(returns, confidence);
    QVERIFY(report.ok());
    QVERIFY(close(report->var, block.value(QStringLiteral("numpy_linear_type7")).toObject().value(QStringLiteral("var_loss")).toDouble()));
}

void TestQuantile::type7NeedsNoSortedInput()
{
    const std::vector<double> shuffled{85, 1, 83, 81, 84, 82};
    QVERIFY(close(quantileType7(shuffled, 0.3), 81.5));
    QVERIFY(close(quantileType7(shuffled, 0.5), 82.5));
    QCOMPARE(quantileType7(shuffled, 1.0), 85.0);
    QCOMPARE(quantileType7(std::vector<double>{7.0}, 0.4), 7.0);
}

void TestQuantile::emptyInputOrBadProbabilityIsNaN()
{
    QVERIFY(std::isnan(quantileType7({}, 0.5)));
    const std::vector<double> values{1.0, 2.0};
    QVERIFY(std::isnan(quantileType7(values, -0.1)));
    QVERIFY(std::isnan(quantileType7(values, 1.1)));
    QVERIFY(std::isnan(lowerTailQuantile(values, 1.0, QuantileConvention::HullKthWorst)));
    QVERIFY(std::isnan(lowerTailQuantile(values, 0.0, QuantileConvention::LinearType7)));
}

void TestQuantile::lowerTailEqualsAFullSortBitForBit_data()
{
    QTest::addColumn<std::vector<double>>("values");
    std::vector<double> rounded = test::generatedReturns(10000, 12);
    for (double& value : rounded)
        value = std::round(value * 1000.0) / 1000.0; // many ties, at the quantile too
    std::vector<double> ascending = test::generatedReturns(10000, 13);
    std::sort(ascending.begin(), ascending.end());
    std::vector<double> descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QTest::newRow("two returns") << test::generatedReturns(2, 10);
    QTest::newRow("a year of daily returns") << test::generatedReturns(250, 11);
    QTest::newRow("one return short of the sampled filter") << test::generatedReturns(2047, 14);
    QTest::newRow("the shortest series the filter samples") << test::generatedReturns(2048, 15);
    QTest::newRow("ten thousand returns") << test::generatedReturns(10000, 1);
    QTest::newRow("ten thousand returns rounded to tenths of a percent") << rounded;
    QTest::newRow("ten thousand returns sorted ascending") << ascending;
    QTest::newRow("ten thousand returns sorted descending") << descending;
    QTest::newRow("fifty thousand returns") << test::generatedReturns(50000, 16);
    QTest::newRow("ten thousand equal returns") << std::vector<double>(10000, -0.01);
}

void TestQuantile::lowerTailEqualsAFullSortBitForBit()
{
    QFETCH(std::vector<double>, values);
    for (const double p : {0.0, 0.0001, 0.001, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.5, 0.9, 0.99, 1.0}) {
        const LowerTail tail = lowerTailType7(values, p);
        const LowerTail expected = sortedReference(values, p);
        QVERIFY(tail.finite);
        // Exact equality, not QCOMPARE's fuzzy one: the one-pass read must change no bit.
        QVERIFY2(tail.quantile == expected.quantile && tail.meanAtOrBelow == expected.meanAtOrBelow,
                 qPrintable(QStringLiteral("p %1: quantile %2 vs %3, tail mean %4 vs %5")
                                .arg(p)
                                .arg(tail.quantile, 0, 'g', 17)
                                .arg(expected.quantile, 0, 'g', 17)
                                .arg(tail.meanAtOrBelow, 0, 'g', 17)
                                .arg(expected.meanAtOrBelow, 0, 'g', 17)));
        QVERIFY(quantileType7(values, p) == expected.quantile);
    }
}

void TestQuantile::lowerTailReportsANonFiniteValueAnywhere_data()
{
    QTest::addColumn<std::size_t>("length");
    QTest::addColumn<std::size_t>("position");
    QTest::addColumn<double>("bad");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double infinity = std::numeric_limits<double>::infinity();
    QTest::newRow("a NaN first of a year") << std::size_t(250) << std::size_t(0) << nan;
    QTest::newRow("an infinite gain last of a year") << std::size_t(250) << std::size_t(249) << infinity;
    QTest::newRow("a NaN where the filter samples") << std::size_t(10000) << std::size_t(0) << nan;
    QTest::newRow("a NaN between samples") << std::size_t(10000) << std::size_t(5001) << nan;
    QTest::newRow("an infinite gain between samples") << std::size_t(10000) << std::size_t(7777) << infinity;
    QTest::newRow("an infinite loss last, past the last block of eight") << std::size_t(10003) << std::size_t(10002)
                                                                          << -infinity;
}

void TestQuantile::lowerTailReportsANonFiniteValueAnywhere()
{
    QFETCH(std::size_t, length);
    QFETCH(std::size_t, position);
    QFETCH(double, bad);
    std::vector<double> values = test::generatedReturns(length, 17);
    values[position] = bad;
    for (const double p : {0.01, 0.5}) {
        const LowerTail tail = lowerTailType7(values, p);
        QVERIFY(!tail.finite);
        QVERIFY(std::isnan(tail.quantile));
        QVERIFY(std::isnan(tail.meanAtOrBelow));
    }
}

QTEST_GUILESS_MAIN(TestQuantile)
#include "tst_quantile.moc"
