// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/PortfolioVar.h"

#include "risk/NormalDistribution.h"

#include <QHash>
#include <QSet>

#include <cmath>
#include <optional>

namespace sentinel {

namespace {

Error seriesError(const QString& key, const QString& problem)
{
    return Error{QStringLiteral("invalid_return_series"), QStringLiteral("returns of %1: %2").arg(key, problem),
                 QStringLiteral("rebuild the series from the instrument's closed bars")};
}

std::optional<Error> checkSeries(const PortfolioExposure& exposure)
{
    const ReturnSeries& series = exposure.series;
    if (!series.closeTimes.isEmpty() && series.closeTimes.size() != series.returns.size())
        return seriesError(exposure.key, QStringLiteral("%1 timestamps for %2 returns")
                                             .arg(series.closeTimes.size())
                                             .arg(series.returns.size()));
    for (qsizetype i = 1; i < series.closeTimes.size(); ++i) {
        if (series.closeTimes[i] <= series.closeTimes[i - 1])
            return seriesError(exposure.key, QStringLiteral("timestamp #%1 is not after the one before it").arg(i + 1));
    }
    if (const Status finite = VarEstimator::checkReturns(series.returns); !finite)
        return seriesError(exposure.key, finite.error().message);
    return std::nullopt;
}

QList<PortfolioExposure> nonZero(const QList<PortfolioExposure>& exposures)
{
    QList<PortfolioExposure> held;
    for (const PortfolioExposure& exposure : exposures) {
        if (exposure.weight != 0.0)
            held.append(exposure);
    }
    return held;
}

Result<QList<PortfolioExposure>> checkedHoldings(const QList<PortfolioExposure>& exposures)
{
    QSet<QString> seen;
    for (const PortfolioExposure& exposure : exposures) {
        if (!std::isfinite(exposure.weight))
            return Error{QStringLiteral("invalid_exposure"), QStringLiteral("weight of %1 is %2").arg(exposure.key).arg(exposure.weight),
                         QStringLiteral("check the position's quantity and mark price")};
        if (seen.contains(exposure.key))
            return Error{QStringLiteral("invalid_exposure"), QStringLiteral("%1 appears twice").arg(exposure.key),
                         QStringLiteral("net the positions of one instrument into one exposure")};
        seen.insert(exposure.key);
    }
    QList<PortfolioExposure> held = nonZero(exposures);
    if (held.isEmpty())
        return Error{QStringLiteral("empty_portfolio"), QStringLiteral("the portfolio holds nothing, so it has no VaR"), {}};
    return held;
}

std::vector<double> portfolioSeries(const AlignedReturns& aligned, const QList<PortfolioExposure>& held)
{
    std::vector<double> series(aligned.rows(), 0.0);
    for (std::size_t i = 0; i < aligned.columns.size(); ++i) {
        const double weight = held[qsizetype(i)].weight;
        for (std::size_t t = 0; t < series.size(); ++t)
            series[t] += weight * aligned.columns[i][t];
    }
    return series;
}

double cautiousPriorVolatility(const QList<PortfolioExposure>& held)
{
    double sum = 0.0;
    for (const PortfolioExposure& exposure : held)
        sum += std::abs(exposure.weight) * exposure.priorDailyVolatility;
    return sum;
}

} // namespace

Result<AlignedReturns> alignReturns(const QList<PortfolioExposure>& exposures)
{
    AlignedReturns aligned;
    if (exposures.isEmpty())
        return aligned;
    bool anyTimed = false;
    bool anyUntimed = false;
    for (const PortfolioExposure& exposure : exposures) {
        if (const auto problem = checkSeries(exposure))
            return *problem;
        // An empty series carries no timestamps but does not make the set untimed.
        if (!exposure.series.closeTimes.isEmpty())
            anyTimed = true;
        else if (!exposure.series.returns.isEmpty())
            anyUntimed = true;
    }
    if (anyTimed && anyUntimed)
        return Error{QStringLiteral("invalid_return_series"),
                     QStringLiteral("some return series carry timestamps and some do not"),
                     QStringLiteral("give every series its bar close times, or none")};

    for (const PortfolioExposure& exposure : exposures)
        aligned.keys.append(exposure.key);
    aligned.columns.resize(std::size_t(exposures.size()));

    if (!anyTimed) {
        qsizetype rows = exposures.front().series.returns.size();
        for (const PortfolioExposure& exposure : exposures)
            rows = std::min(rows, exposure.series.returns.size());
        for (qsizetype i = 0; i < exposures.size(); ++i) {
            const QList<double>& returns = exposures[i].series.returns;
            aligned.columns[std::size_t(i)].assign(returns.end() - rows, returns.end());
        }
        return aligned;
    }

    // Timestamps every series has, in the order of the first series (all are increasing).
    QList<qint64> common = exposures.front().series.closeTimes;
    for (qsizetype i = 1; i < exposures.size() && !common.isEmpty(); ++i) {
        const QSet<qint64> times(exposures[i].series.closeTimes.begin(), exposures[i].series.closeTimes.end());
        common.removeIf([&times](qint64 t) { return !times.contains(t); });
    }
    for (qsizetype i = 0; i < exposures.size(); ++i) {
        const ReturnSeries& series = exposures[i].series;
        QHash<qint64, double> byTime;
        byTime.reserve(series.closeTimes.size());
        for (qsizetype t = 0; t < series.closeTimes.size(); ++t)
            byTime.insert(series.closeTimes[t], series.returns[t]);
        std::vector<double>& column = aligned.columns[std::size_t(i)];
        column.reserve(std::size_t(common.size()));
        for (const qint64 t : common)
            column.push_back(byTime.value(t));
    }
    return aligned;
}

std::vector<double> covarianceMatrix(const AlignedReturns& aligned)
{
    const std::size_t k = aligned.columns.size();
    const std::size_t n = aligned.rows();
    std::vector<double> covariance(k * k, 0.0);
    if (n < 2)
        return covariance;
    std::vector<double> means(k, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
        for (const double value : aligned.columns[i])
            means[i] += value;
        means[i] /= double(n);
    }
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = i; j < k; ++j) {
            double sum = 0.0;
            for (std::size_t t = 0; t < n; ++t)
                sum += (aligned.columns[i][t] - means[i]) * (aligned.columns[j][t] - means[j]);
            covariance[i * k + j] = covariance[j * k + i] = sum / double(n - 1);
        }
    }
    return covariance;
}

namespace {

// The validated holdings, their aligned returns and the portfolio's own return series.
struct PreparedPortfolio {
    QList<PortfolioExposure> held;
    AlignedReturns aligned;
    std::vector<double> series;
};

Result<PreparedPortfolio> prepare(const QList<PortfolioExposure>& exposures)
{
    auto holdings = checkedHoldings(exposures);
    if (!holdings)
        return holdings.error();
    auto alignment = alignReturns(holdings.value());
    if (!alignment)
        return alignment.error();
    PreparedPortfolio prepared{std::move(holdings).value(), std::move(alignment).value(), {}};
    prepared.series = portfolioSeries(prepared.aligned, prepared.held);
    return prepared;
}

Result<RiskReport> varianceCovarianceVar(const PreparedPortfolio& portfolio, double confidence, int horizonDays,
                                         const VarEstimator& estimator)
{
    // Validation and the sample count come from the single-series estimate on the portfolio
    // series; the figures come from wᵀΣw and wᵀμ, which is what variance–covariance VaR means.
    auto checked = estimator.parametric(portfolio.series, confidence, horizonDays);
    if (!checked)
        return checked;
    const std::vector<double> covariance = covarianceMatrix(portfolio.aligned);
    const std::size_t k = portfolio.aligned.columns.size();
    double variance = 0.0;
    double mean = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        const double wi = portfolio.held[qsizetype(i)].weight;
        const auto& column = portfolio.aligned.columns[i];
        double columnMean = 0.0;
        for (const double value : column)
            columnMean += value;
        mean += wi * columnMean / double(column.size());
        for (std::size_t j = 0; j < k; ++j)
            variance += wi * portfolio.held[qsizetype(j)].weight * covariance[i * k + j];
    }
    const double sigma = std::sqrt(std::max(variance, 0.0));
    const double z = inverseNormalCdf(confidence);
    const double scale = std::sqrt(double(horizonDays));
    RiskReport report = checked.value();
    report.var = (z * sigma - mean) * scale;
    report.expectedShortfall = (sigma * normalPdf(z) / (1.0 - confidence) - mean) * scale;
    return report;
}

} // namespace

Result<RiskReport> portfolioVar(const QList<PortfolioExposure>& exposures, VarMethod method, double confidence,
                                int horizonDays, const VarEstimator& estimator)
{
    auto prepared = prepare(exposures);
    if (!prepared)
        return prepared.error();
    const PreparedPortfolio& portfolio = prepared.value();
    switch (method) {
    case VarMethod::Historical:
        return estimator.historical(portfolio.series, confidence, horizonDays);
    case VarMethod::Bootstrap:
        return estimator.bootstrap(portfolio.series, cautiousPriorVolatility(portfolio.held), confidence, horizonDays);
    case VarMethod::Parametric:
        return varianceCovarianceVar(portfolio, confidence, horizonDays, estimator);
    }
    return Error{QStringLiteral("invalid_method"), QStringLiteral("unknown VaR method"), {}};
}

Result<RiskReport> estimatePortfolioVar(const QList<PortfolioExposure>& exposures, double confidence, int horizonDays,
                                        const VarEstimator& estimator)
{
    auto prepared = prepare(exposures);
    if (!prepared)
        return prepared.error();
    const PreparedPortfolio& portfolio = prepared.value();
    return estimator.estimate(portfolio.series, cautiousPriorVolatility(portfolio.held), confidence, horizonDays);
}

} // namespace sentinel
