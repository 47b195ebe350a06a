// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/NormalDistribution.h"
#include "risk/PortfolioVar.h"

#include "GeneratedReturns.h"

#include <QTest>

#include <cmath>

using namespace sentinel;
using sentinel::test::generatedReturns;

namespace {

QList<double> toList(const std::vector<double>& values)
{
    return QList<double>(values.begin(), values.end());
}

PortfolioExposure exposure(const QString& key, double weight, const std::vector<double>& returns,
                           QList<qint64> times = {}, double prior = 0.013)
{
    return PortfolioExposure{key, weight, prior, ReturnSeries{std::move(times), toList(returns)}};
}

QList<qint64> days(qint64 first, qsizetype count, qint64 step = 86400)
{
    QList<qint64> times;
    for (qsizetype i = 0; i < count; ++i)
        times.append(first + i * step);
    return times;
}

} // namespace

class TestPortfolioVar final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void untimedSeriesAlignOnTheirMostRecentEnd();
    void timedSeriesAlignOnCommonTimestamps();
    void malformedSeriesAreRejected_data();
    void malformedSeriesAreRejected();
    void covarianceMatchesAHandComputation();
    void oneHoldingScalesTheSingleSeriesVar_data();
    void oneHoldingScalesTheSingleSeriesVar();
    void parametricVarFollowsTheCovariance();
    void diversificationLowersVarAndAHedgeCancelsIt();
    void shortHistoryFallsBackToTheBootstrapOnTheCautiousPrior();
    void emptyPortfolioIsAnError();
};

void TestPortfolioVar::untimedSeriesAlignOnTheirMostRecentEnd()
{
    const auto aligned = alignReturns({exposure(QStringLiteral("A"), 0.1, {1, 2, 3, 4, 5}),
                                       exposure(QStringLiteral("B"), 0.1, {30, 40, 50})});
    QVERIFY(aligned.ok());
    QCOMPARE(aligned->rows(), std::size_t(3));
    QCOMPARE(aligned->columns[0], (std::vector<double>{3, 4, 5}));
    QCOMPARE(aligned->columns[1], (std::vector<double>{30, 40, 50}));
    QCOMPARE(aligned->keys, (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
}

void TestPortfolioVar::timedSeriesAlignOnCommonTimestamps()
{
    // Crypto trades every day, the stock only on weekdays: the weekend crypto returns drop out
    // instead of being paired with Friday's stock return.
    const QList<qint64> everyDay = days(1'700'000'000, 7);
    const QList<qint64> weekdays{everyDay[0], everyDay[1], everyDay[4], everyDay[5], everyDay[6]};
    const auto aligned = alignReturns({exposure(QStringLiteral("BTC"), 0.1, {1, 2, 3, 4, 5, 6, 7}, everyDay),
                                       exposure(QStringLiteral("AAPL"), 0.1, {10, 20, 50, 60, 70}, weekdays)});
    QVERIFY(aligned.ok());
    QCOMPARE(aligned->columns[0], (std::vector<double>{1, 2, 5, 6, 7}));
    QCOMPARE(aligned->columns[1], (std::vector<double>{10, 20, 50, 60, 70}));
}

void TestPortfolioVar::malformedSeriesAreRejected_data()
{
    QTest::addColumn<QList<PortfolioExposure>>("exposures");
    QTest::addColumn<QString>("kind");
    QTest::newRow("timestamps that go backwards")
        << QList{exposure(QStringLiteral("A"), 0.1, {1, 2}, {200, 100})} << QStringLiteral("invalid_return_series");
    QTest::newRow("fewer timestamps than returns")
        << QList{exposure(QStringLiteral("A"), 0.1, {1, 2, 3}, {100, 200})} << QStringLiteral("invalid_return_series");
    QTest::newRow("one series timed and one not")
        << QList{exposure(QStringLiteral("A"), 0.1, {1, 2}, {100, 200}), exposure(QStringLiteral("B"), 0.1, {1, 2})}
        << QStringLiteral("invalid_return_series");
    QTest::newRow("a NaN return") << QList{exposure(QStringLiteral("A"), 0.1, {1, std::nan(""), 2})}
                                  << QStringLiteral("invalid_return_series");
    QTest::newRow("the same instrument twice")
        << QList{exposure(QStringLiteral("A"), 0.1, {1, 2}), exposure(QStringLiteral("A"), 0.2, {1, 2})}
        << QStringLiteral("invalid_exposure");
    QTest::newRow("an infinite weight") << QList{exposure(QStringLiteral("A"), std::numeric_limits<double>::infinity(), {1, 2})}
                                        << QStringLiteral("invalid_exposure");
}

void TestPortfolioVar::malformedSeriesAreRejected()
{
    QFETCH(QList<PortfolioExposure>, exposures);
    QFETCH(QString, kind);
    const auto report = portfolioVar(exposures, VarMethod::Historical, 0.95, 1, VarEstimator());
    QVERIFY(!report.ok());
    QCOMPARE(report.error().kind, kind);
    QVERIFY(!report.error().message.isEmpty());
}

void TestPortfolioVar::covarianceMatchesAHandComputation()
{
    // x = 1,2,3,4 (mean 2.5), y = 2,4,6,9 (mean 5.25): var x = 5/3, var y = 26.75/3,
    // cov = (−1.5·−3.25 − 0.5·−1.25 + 0.5·0.75 + 1.5·3.75) / 3 = 11.5 / 3.
    const auto aligned = alignReturns({exposure(QStringLiteral("X"), 1, {1, 2, 3, 4}), exposure(QStringLiteral("Y"), 1, {2, 4, 6, 9})});
    const std::vector<double> covariance = covarianceMatrix(aligned.value());
    QCOMPARE(covariance.size(), std::size_t(4));
    QVERIFY(std::abs(covariance[0] - 5.0 / 3.0) < 1e-14);
    QVERIFY(std::abs(covariance[3] - 26.75 / 3.0) < 1e-14);
    QVERIFY(std::abs(covariance[1] - 11.5 / 3.0) < 1e-14);
    QCOMPARE(covariance[1], covariance[2]);
}

void TestPortfolioVar::oneHoldingScalesTheSingleSeriesVar_data()
{
    QTest::addColumn<VarMethod>("method");
    QTest::newRow("historical") << VarMethod::Historical;
    QTest::newRow("parametric") << VarMethod::Parametric;
}

void TestPortfolioVar::oneHoldingScalesTheSingleSeriesVar()
{
    QFETCH(VarMethod, method);
    const VarEstimator estimator;
    const std::vector<double> returns = generatedReturns(250, 21);
    const RiskReport single = method == VarMethod::Historical ? estimator.historical(returns, 0.99, 10).value()
                                                              : estimator.parametric(returns, 0.99, 10).value();
    const RiskReport portfolio = portfolioVar({exposure(QStringLiteral("A"), 0.2, returns)}, method, 0.99, 10, estimator).value();
    QVERIFY(std::abs(portfolio.var - 0.2 * single.var) < 1e-15);
    QVERIFY(std::abs(portfolio.expectedShortfall - 0.2 * single.expectedShortfall) < 1e-15);
    QCOMPARE(portfolio.samples, 250);
    QCOMPARE(portfolio.method, method);
}

void TestPortfolioVar::parametricVarFollowsTheCovariance()
{
    const std::vector<double> a = generatedReturns(500, 1, 0.01);
    const std::vector<double> b = generatedReturns(500, 2, 0.02);
    const QList<PortfolioExposure> exposures{exposure(QStringLiteral("A"), 0.3, a), exposure(QStringLiteral("B"), -0.1, b)};
    const std::vector<double> cov = covarianceMatrix(alignReturns(exposures).value());
    const double variance = 0.09 * cov[0] + 0.01 * cov[3] + 2 * 0.3 * -0.1 * cov[1];
    double mean = 0.0;
    for (std::size_t t = 0; t < a.size(); ++t)
        mean += 0.3 * a[t] - 0.1 * b[t];
    mean /= double(a.size());
    const RiskReport report = portfolioVar(exposures, VarMethod::Parametric, 0.975, 1, VarEstimator()).value();
    QVERIFY(std::abs(report.var - (inverseNormalCdf(0.975) * std::sqrt(variance) - mean)) < 1e-15);
}

void TestPortfolioVar::diversificationLowersVarAndAHedgeCancelsIt()
{
    const VarEstimator estimator;
    const std::vector<double> a = generatedReturns(1000, 3);
    const std::vector<double> b = generatedReturns(1000, 4);
    for (const VarMethod method : {VarMethod::Historical, VarMethod::Parametric}) {
        const double alone = portfolioVar({exposure(QStringLiteral("A"), 0.2, a)}, method, 0.99, 1, estimator)->var;
        const double other = portfolioVar({exposure(QStringLiteral("B"), 0.2, b)}, method, 0.99, 1, estimator)->var;
        const double both = portfolioVar({exposure(QStringLiteral("A"), 0.2, a), exposure(QStringLiteral("B"), 0.2, b)},
                                         method, 0.99, 1, estimator)->var;
        QVERIFY(both < alone + other);
        QVERIFY(both > std::max(alone, other));
        // Long and short the same returns: nothing left at risk.
        const double hedged = portfolioVar({exposure(QStringLiteral("A"), 0.2, a), exposure(QStringLiteral("A2"), -0.2, a)},
                                           method, 0.99, 1, estimator)->var;
        QVERIFY(std::abs(hedged) < 1e-15);
    }
}

void TestPortfolioVar::shortHistoryFallsBackToTheBootstrapOnTheCautiousPrior()
{
    const VarEstimator estimator;
    const QList<PortfolioExposure> exposures{
        exposure(QStringLiteral("EURUSD"), 0.5, {}, {}, 0.006), exposure(QStringLiteral("BTC"), -0.1, {}, {}, 0.035)};
    const RiskReport report = estimatePortfolioVar(exposures, 0.99, 1, estimator).value();
    QCOMPARE(report.method, VarMethod::Bootstrap);
    QCOMPARE(report.samples, 0);
    // No history: the prior is perfectly correlated holdings, Σ|w|σ = 0.5·0.6 % + 0.1·3.5 %.
    const double cautious = inverseNormalCdf(0.99) * (0.5 * 0.006 + 0.1 * 0.035);
    QVERIFY(std::abs(report.var - cautious) / cautious < 0.01);

    const std::vector<double> longHistory = generatedReturns(60, 8);
    const RiskReport historical = estimatePortfolioVar({exposure(QStringLiteral("A"), 0.5, longHistory)}, 0.99, 1, estimator).value();
    QCOMPARE(historical.method, VarMethod::Historical);
}

void TestPortfolioVar::emptyPortfolioIsAnError()
{
    const auto nothing = estimatePortfolioVar({}, 0.95, 1, VarEstimator());
    QVERIFY(!nothing.ok());
    QCOMPARE(nothing.error().kind, QStringLiteral("empty_portfolio"));
    const auto flat = portfolioVar({exposure(QStringLiteral("A"), 0.0, {0.01, 0.02})}, VarMethod::Historical, 0.95, 1, VarEstimator());
    QCOMPARE(flat.error().kind, QStringLiteral("empty_portfolio"));
}

QTEST_GUILESS_MAIN(TestPortfolioVar)
#include "tst_portfoliovar.moc"
