// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/NormalDistribution.h"
#include "risk/Quantile.h"
#include "risk/VarEstimator.h"

#include "GeneratedReturns.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace sentinel;
using sentinel::test::generatedReturns;

namespace {

const QList<double> kConfidences{0.5, 0.8, 0.9, 0.925, 0.95, 0.96, 0.975, 0.99, 0.995, 0.999};

double relativeGap(double a, double b)
{
    return std::abs(a - b) / std::abs(b);
}

} // namespace

Q_DECLARE_METATYPE(std::vector<double>)

class TestVarEstimator final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void historicalReadsTheType7QuantileAsALoss();
    void historicalShortfallIsTheMeanBeyondTheVar();
    void parametricUsesTheExactNormalQuantile();
    void varGrowsWithConfidence_data();
    void varGrowsWithConfidence();
    void varScalesWithTheSquareRootOfTheHorizon_data();
    void varScalesWithTheSquareRootOfTheHorizon();
    void bootstrapIsPositiveBeforeAndFromTheFirstReturn_data();
    void bootstrapIsPositiveBeforeAndFromTheFirstReturn();
    void bootstrapWithoutReturnsIsThePriorsNormalQuantile();
    void bootstrapMovesFromPriorToHistoryAsReturnsAccumulate();
    void bootstrapConvergesToHistoricalAsSamplesGrow();
    void bootstrapIsDeterministicForASeed();
    void estimateSwitchesToHistoricalAtMinReturns();
    void invalidInputIsAnErrorNotANumber_data();
    void invalidInputIsAnErrorNotANumber();
};

void TestVarEstimator::historicalReadsTheType7QuantileAsALoss()
{
    const std::vector<double> returns = generatedReturns(500, 7);
    const auto report = VarEstimator().historical(returns, 0.99);
    QVERIFY(report.ok());
    QCOMPARE(report->var, -quantileType7(returns, 0.01));
    QCOMPARE(report->method, VarMethod::Historical);
    QCOMPARE(report->samples, 500);
    QCOMPARE(report->methodLabel(), QStringLiteral("historical"));
}

void TestVarEstimator::historicalShortfallIsTheMeanBeyondTheVar()
{
    for (quint64 seed = 1; seed <= 30; ++seed) {
        const std::vector<double> returns = generatedReturns(40 + seed * 13, seed);
        for (const double confidence : kConfidences) {
            const auto report = VarEstimator().historical(returns, confidence);
            QVERIFY(report.ok());
            double sum = 0.0;
            int count = 0;
            for (const double r : returns) {
                if (-r >= report->var) {
                    sum += -r;
                    ++count;
                }
            }
            QVERIFY(count > 0);
            QCOMPARE(report->expectedShortfall, sum / count);
            QVERIFY(report->expectedShortfall >= report->var);
        }
    }
}

void TestVarEstimator::parametricUsesTheExactNormalQuantile()
{
    // Mean 0, sample deviation √2: VaR is z·√2, shortfall √2·φ(z)/(1 − c).
    const std::vector<double> symmetric{-1.0, 1.0};
    const auto report = VarEstimator().parametric(symmetric, 0.95);
    QVERIFY(report.ok());
    QVERIFY(std::abs(report->var - 1.6448536269514722 * std::sqrt(2.0)) < 1e-14);
    QVERIFY(std::abs(report->expectedShortfall - std::sqrt(2.0) * normalPdf(1.6448536269514722) / 0.05) < 1e-13);
    QCOMPARE(report->method, VarMethod::Parametric);

    // A drift lowers the loss by exactly the mean.
    const std::vector<double> shifted{-0.99, 1.01};
    const auto drifted = VarEstimator().parametric(shifted, 0.95);
    QVERIFY(std::abs(drifted->var - (report->var - 0.01)) < 1e-12);

    // Against a two-pass computation on a longer series, at a confidence no table rounds.
    const std::vector<double> returns = generatedReturns(1000, 3);
    double mean = 0.0;
    for (const double r : returns)
        mean += r;
    mean /= double(returns.size());
    double squares = 0.0;
    for (const double r : returns)
        squares += (r - mean) * (r - mean);
    const double deviation = std::sqrt(squares / double(returns.size() - 1));
    const auto general = VarEstimator().parametric(returns, 0.9731);
    QVERIFY(std::abs(general->var - (inverseNormalCdf(0.9731) * deviation - mean)) < 1e-14);
}

void TestVarEstimator::varGrowsWithConfidence_data()
{
    QTest::addColumn<VarMethod>("method");
    QTest::addColumn<int>("length");
    QTest::newRow("historical on a year of returns") << VarMethod::Historical << 250;
    QTest::newRow("historical on a short history") << VarMethod::Historical << 12;
    QTest::newRow("parametric on a year of returns") << VarMethod::Parametric << 250;
    QTest::newRow("bootstrap on twelve returns") << VarMethod::Bootstrap << 12;
    QTest::newRow("bootstrap before any return") << VarMethod::Bootstrap << 0;
}

void TestVarEstimator::varGrowsWithConfidence()
{
    QFETCH(VarMethod, method);
    QFETCH(int, length);
    BootstrapOptions options;
    options.resamples = 2000;
    const VarEstimator estimator(options);
    for (quint64 seed = 1; seed <= 25; ++seed) {
        const std::vector<double> returns = generatedReturns(std::size_t(length), seed);
        double previousVar = -std::numeric_limits<double>::infinity();
        double previousShortfall = previousVar;
        for (const double confidence : kConfidences) {
            const auto report = method == VarMethod::Historical ? estimator.historical(returns, confidence)
                : method == VarMethod::Parametric               ? estimator.parametric(returns, confidence)
                                                                : estimator.bootstrap(returns, AssetClass::Equity, confidence);
            QVERIFY(report.ok());
            QVERIFY2(report->var >= previousVar,
                     qPrintable(QStringLiteral("seed %1: VaR at %2 is %3, below %4").arg(seed).arg(confidence).arg(report->var).arg(previousVar)));
            QVERIFY(report->expectedShortfall >= previousShortfall);
            QVERIFY(report->expectedShortfall >= report->var);
            previousVar = report->var;
            previousShortfall = report->expectedShortfall;
        }
        if (method == VarMethod::Parametric)
            QVERIFY(previousVar > 0.0);
    }
}

void TestVarEstimator::varScalesWithTheSquareRootOfTheHorizon_data()
{
    QTest::addColumn<VarMethod>("method");
    QTest::newRow("historical") << VarMethod::Historical;
    QTest::newRow("parametric") << VarMethod::Parametric;
    QTest::newRow("bootstrap") << VarMethod::Bootstrap;
}

void TestVarEstimator::varScalesWithTheSquareRootOfTheHorizon()
{
    QFETCH(VarMethod, method);
    const VarEstimator estimator;
    for (quint64 seed = 1; seed <= 10; ++seed) {
        const std::vector<double> returns = generatedReturns(100, seed);
        auto at = [&](int days) {
            return method == VarMethod::Historical ? estimator.historical(returns, 0.99, days)
                : method == VarMethod::Parametric  ? estimator.parametric(returns, 0.99, days)
                                                   : estimator.bootstrap(returns, AssetClass::Crypto, 0.99, days);
        };
        const RiskReport oneDay = at(1).value();
        QVERIFY(oneDay.var > 0.0);
        double previous = oneDay.var;
        for (const int days : {2, 5, 10, 21, 63, 250}) {
            const RiskReport report = at(days).value();
            QCOMPARE(report.horizonDays, days);
            QVERIFY(std::abs(report.var - oneDay.var * std::sqrt(double(days))) <= 1e-14 * report.var);
            QVERIFY(std::abs(report.expectedShortfall - oneDay.expectedShortfall * std::sqrt(double(days)))
                    <= 1e-14 * report.expectedShortfall);
            QVERIFY(report.var > previous);
            previous = report.var;
        }
    }
}

void TestVarEstimator::bootstrapIsPositiveBeforeAndFromTheFirstReturn_data()
{
    QTest::addColumn<AssetClass>("assetClass");
    QTest::addColumn<double>("confidence");
    for (const AssetClass assetClass : {AssetClass::Fx, AssetClass::Equity, AssetClass::Crypto}) {
        for (const double confidence : {0.9, 0.95, 0.99}) {
            QTest::addRow("%s at %.2f", qPrintable(assetClassName(assetClass)), confidence) << assetClass << confidence;
        }
    }
}

void TestVarEstimator::bootstrapIsPositiveBeforeAndFromTheFirstReturn()
{
    QFETCH(AssetClass, assetClass);
    QFETCH(double, confidence);
    const VarEstimator estimator;
    const auto none = estimator.bootstrap({}, assetClass, confidence);
    QVERIFY(none.ok());
    QVERIFY(none->var > 0.0);
    QCOMPARE(none->samples, 0);
    QCOMPARE(none->historicalWeight, 0.0);
    QCOMPARE(none->methodLabel(), QStringLiteral("bootstrap (0 returns)"));
    // A single return, whether a big gain, nothing, or a big loss, never makes the VaR read zero.
    for (const double only : {0.25, 0.01, 0.0, -0.01, -0.25}) {
        const std::vector<double> one{only};
        const auto report = estimator.bootstrap(one, assetClass, confidence);
        QVERIFY(report.ok());
        QVERIFY2(report->var > 0.0, qPrintable(QStringLiteral("VaR %1 after one return of %2").arg(report->var).arg(only)));
        QVERIFY(report->expectedShortfall >= report->var);
        QCOMPARE(report->methodLabel(), QStringLiteral("bootstrap (1 return)"));
    }
    // And through the first thirty returns of ordinary series (fewer draws: this loop is long).
    BootstrapOptions quicker;
    quicker.resamples = 1000;
    for (quint64 seed = 1; seed <= 10; ++seed) {
        const std::vector<double> returns = generatedReturns(30, seed, quicker.prior.dailyVolatility(assetClass));
        for (std::size_t n = 1; n <= returns.size(); ++n) {
            const auto report = VarEstimator(quicker).bootstrap(std::span(returns).first(n), assetClass, confidence);
            QVERIFY2(report->var > 0.0, qPrintable(QStringLiteral("seed %1, %2 returns: %3").arg(seed).arg(n).arg(report->var)));
        }
    }
}

void TestVarEstimator::bootstrapWithoutReturnsIsThePriorsNormalQuantile()
{
    // With no history every draw comes from N(0, σ²): the estimate is z·σ up to resampling noise.
    BootstrapOptions options;
    options.resamples = 100000;
    const VarEstimator estimator(options);
    for (const AssetClass assetClass : {AssetClass::Fx, AssetClass::Equity, AssetClass::Crypto}) {
        const double sigma = options.prior.dailyVolatility(assetClass);
        const RiskReport report = estimator.bootstrap({}, assetClass, 0.99).value();
        QVERIFY2(relativeGap(report.var, inverseNormalCdf(0.99) * sigma) < 0.02,
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(assetClassName(assetClass)).arg(report.var).arg(inverseNormalCdf(0.99) * sigma)));
    }
}

void TestVarEstimator::bootstrapMovesFromPriorToHistoryAsReturnsAccumulate()
{
    // The prior (crypto, 3.5 %) is far above the data's volatility (0.5 %), so the distance to
    // the historical estimate measures how much weight the prior still has.
    BootstrapOptions options;
    options.minReturns = 1000;
    const VarEstimator estimator(options);
    const std::vector<double> returns = generatedReturns(1000, 11, 0.005);
    double previousGap = std::numeric_limits<double>::infinity();
    for (const std::size_t n : {10u, 100u, 250u, 500u, 750u, 1000u}) {
        const auto history = std::span(returns).first(n);
        const RiskReport blended = estimator.bootstrap(history, AssetClass::Crypto, 0.95).value();
        const RiskReport historical = estimator.historical(history, 0.95).value();
        QCOMPARE(blended.historicalWeight, double(n) / 1000.0);
        const double gap = relativeGap(blended.var, historical.var);
        QVERIFY2(gap < previousGap, qPrintable(QStringLiteral("%1 returns: gap %2 after %3").arg(n).arg(gap).arg(previousGap)));
        previousGap = gap;
    }
    QVERIFY(previousGap < 0.05);
}

void TestVarEstimator::bootstrapConvergesToHistoricalAsSamplesGrow()
{
    // Past minReturns the blend is all history, and the stratified draws reproduce it: the gap
    // to the historical estimate is at most one order-statistic step, shrinking as n grows,
    // including beyond the number of resamples (10,000).
    const VarEstimator estimator;
    for (quint64 seed = 1; seed <= 5; ++seed) {
        const std::vector<double> returns = generatedReturns(15000, seed);
        for (const std::size_t n : {100u, 1000u, 3000u, 10000u, 15000u}) {
            const auto history = std::span(returns).first(n);
            const RiskReport blended = estimator.bootstrap(history, AssetClass::Equity, 0.99).value();
            const RiskReport historical = estimator.historical(history, 0.99).value();
            QCOMPARE(blended.historicalWeight, 1.0);
            QVERIFY2(relativeGap(blended.var, historical.var) < 1e-3,
                     qPrintable(QStringLiteral("seed %1, %2 returns: VaR bootstrap %3, historical %4")
                                    .arg(seed).arg(n).arg(blended.var).arg(historical.var)));
            QVERIFY2(relativeGap(blended.expectedShortfall, historical.expectedShortfall) < 2e-2,
                     qPrintable(QStringLiteral("seed %1, %2 returns: shortfall bootstrap %3, historical %4")
                                    .arg(seed).arg(n).arg(blended.expectedShortfall).arg(historical.expectedShortfall)));
        }
    }
}

void TestVarEstimator::bootstrapIsDeterministicForASeed()
{
    const std::vector<double> returns = generatedReturns(12, 5);
    const RiskReport first = VarEstimator().bootstrap(returns, AssetClass::Fx, 0.95).value();
    const RiskReport again = VarEstimator().bootstrap(returns, AssetClass::Fx, 0.95).value();
    QCOMPARE(first, again);
    BootstrapOptions other;
    other.seed = 42;
    const RiskReport reseeded = VarEstimator(other).bootstrap(returns, AssetClass::Fx, 0.95).value();
    // The seed moves the draws within their slices: a different estimate, but hardly.
    QVERIFY(reseeded.expectedShortfall != first.expectedShortfall);
    QVERIFY(relativeGap(reseeded.var, first.var) < 0.01);
    QVERIFY(relativeGap(reseeded.expectedShortfall, first.expectedShortfall) < 0.01);
    QCOMPARE(first.methodLabel(), QStringLiteral("bootstrap (12 returns)"));
}

void TestVarEstimator::estimateSwitchesToHistoricalAtMinReturns()
{
    const VarEstimator estimator;
    const std::vector<double> returns = generatedReturns(31, 9);
    const RiskReport early = estimator.estimate(std::span(returns).first(29), 0.013, 0.95).value();
    QCOMPARE(early.method, VarMethod::Bootstrap);
    QCOMPARE(early.samples, 29);
    const RiskReport enough = estimator.estimate(std::span(returns).first(30), 0.013, 0.95).value();
    QCOMPARE(enough.method, VarMethod::Historical);
    QCOMPARE(enough, estimator.historical(std::span(returns).first(30), 0.95).value());
}

void TestVarEstimator::invalidInputIsAnErrorNotANumber_data()
{
    QTest::addColumn<std::vector<double>>("returns");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<int>("horizon");
    QTest::addColumn<QString>("kind");
    const std::vector<double> good{-0.01, 0.02, 0.003};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("a NaN return") << std::vector<double>{0.01, nan, 0.02} << 0.95 << 1 << QStringLiteral("non_finite_return");
    QTest::newRow("an infinite return") << std::vector<double>{std::numeric_limits<double>::infinity(), 0.0} << 0.95 << 1
                                        << QStringLiteral("non_finite_return");
    // Long enough for the historical estimate's sampled tail filter, which must still see every value.
    std::vector<double> longWithNaN = generatedReturns(10000, 5);
    longWithNaN[6543] = nan;
    QTest::newRow("a NaN deep in ten thousand returns") << longWithNaN << 0.99 << 1 << QStringLiteral("non_finite_return");
    std::vector<double> longWithCrash = generatedReturns(10000, 5);
    longWithCrash.back() = -std::numeric_limits<double>::infinity();
    QTest::newRow("an infinite loss as the last of ten thousand returns")
        << longWithCrash << 0.99 << 1 << QStringLiteral("non_finite_return");
    QTest::newRow("confidence of one") << good << 1.0 << 1 << QStringLiteral("invalid_confidence");
    QTest::newRow("confidence of zero") << good << 0.0 << 1 << QStringLiteral("invalid_confidence");
    QTest::newRow("confidence as a percentage") << good << 95.0 << 1 << QStringLiteral("invalid_confidence");
    QTest::newRow("NaN confidence") << good << nan << 1 << QStringLiteral("invalid_confidence");
    QTest::newRow("a zero-day horizon") << good << 0.95 << 0 << QStringLiteral("invalid_horizon");
    QTest::newRow("no returns at all") << std::vector<double>{} << 0.95 << 1 << QStringLiteral("insufficient_returns");
    QTest::newRow("a single return") << std::vector<double>{-0.02} << 0.95 << 1 << QStringLiteral("insufficient_returns");
}

void TestVarEstimator::invalidInputIsAnErrorNotANumber()
{
    QFETCH(std::vector<double>, returns);
    QFETCH(double, confidence);
    QFETCH(int, horizon);
    QFETCH(QString, kind);
    const VarEstimator estimator;
    const auto historical = estimator.historical(returns, confidence, horizon);
    const auto parametric = estimator.parametric(returns, confidence, horizon);
    QVERIFY(!historical.ok());
    QVERIFY(!parametric.ok());
    QCOMPARE(historical.error().kind, kind);
    QCOMPARE(parametric.error().kind, kind);
    QVERIFY(!historical.error().message.isEmpty());
    if (kind == u"non_finite_return")
        QCOMPARE(historical.error().message, parametric.error().message); // both name the first bad return
    const auto bootstrap = estimator.bootstrap(returns, AssetClass::Equity, confidence, horizon);
    // The bootstrap is the one method that answers on too few returns.
    QCOMPARE(bootstrap.ok(), kind == u"insufficient_returns");
}

QTEST_GUILESS_MAIN(TestVarEstimator)
#include "tst_varestimator.moc"
