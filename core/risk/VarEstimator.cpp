// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/VarEstimator.h"

#include "risk/FiniteScan.h"
#include "risk/NormalDistribution.h"
#include "risk/Quantile.h"
#include "risk/SampleMoments.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <vector>

namespace sentinel {

namespace {

constexpr std::size_t kMinimumReturns = 2;
constexpr double kBelowOne = 1.0 - 0x1.0p-53;

Error insufficientReturns(std::size_t n)
{
    const QString got = n == 0 ? QStringLiteral("no returns") : QStringLiteral("only %1 return(s)").arg(n);
    return Error{QStringLiteral("insufficient_returns"), QStringLiteral("%1: need at least %2").arg(got).arg(kMinimumReturns),
                 QStringLiteral("supply more history, or use the bootstrap method, which starts from an asset-class prior")};
}

// Uniform on the open interval (0, 1) from the top 53 bits. Written out instead of
// std::uniform_real_distribution / std::normal_distribution, whose algorithms differ between
// standard libraries: the same seed must give the same estimate on every platform.
double openUniform(std::mt19937_64& engine)
{
    return (double(engine() >> 11) + 0.5) * 0x1.0p-53;
}

Status checkSettings(double confidence, int horizonDays)
{
    if (Status valid = VarEstimator::checkConfidence(confidence); !valid)
        return valid;
    return VarEstimator::checkHorizon(horizonDays);
}

Status checkInputs(std::span<const double> returns, double confidence, int horizonDays)
{
    if (Status valid = checkSettings(confidence, horizonDays); !valid)
        return valid;
    return VarEstimator::checkReturns(returns);
}

// Reads VaR and shortfall from `outcomes` in one pass that also checks them; nullopt when one is
// NaN or infinite.
std::optional<RiskReport> tailReport(std::span<const double> outcomes, double confidence, int horizonDays,
                                     VarMethod method, int samples, double historicalWeight)
{
    const LowerTail tail = lowerTailType7(outcomes, 1.0 - confidence);
    if (!tail.finite)
        return std::nullopt;
    const double scale = std::sqrt(double(horizonDays));
    RiskReport report;
    report.var = -tail.quantile * scale;
    report.expectedShortfall = -tail.meanAtOrBelow * scale;
    report.confidence = confidence;
    report.horizonDays = horizonDays;
    report.method = method;
    report.samples = samples;
    report.historicalWeight = historicalWeight;
    return report;
}

} // namespace

double VolatilityPrior::dailyVolatility(AssetClass assetClass) const
{
    switch (assetClass) {
    case AssetClass::Fx: return fx;
    case AssetClass::Crypto: return crypto;
    case AssetClass::Equity: return equity;
    }
    return equity;
}

VarEstimator::VarEstimator(BootstrapOptions options) : m_options(options) {}

Status VarEstimator::checkConfidence(double confidence)
{
    if (confidence > 0.0 && confidence < 1.0)
        return okStatus();
    return Error{QStringLiteral("invalid_confidence"),
                 QStringLiteral("confidence %1 is outside (0, 1)").arg(confidence),
                 QStringLiteral("give a fraction such as 0.95 or 0.99")};
}

Status VarEstimator::checkHorizon(int horizonDays)
{
    if (horizonDays >= 1)
        return okStatus();
    return Error{QStringLiteral("invalid_horizon"), QStringLiteral("horizon of %1 days is below one day").arg(horizonDays),
                 QStringLiteral("give a whole number of days, 1 or more")};
}

Status VarEstimator::checkReturns(std::span<const double> returns)
{
    if (const std::size_t i = firstNonFinite(returns); i < returns.size())
        return Error{QStringLiteral("non_finite_return"), QStringLiteral("return #%1 is %2").arg(i + 1).arg(returns[i]),
                     QStringLiteral("drop or repair the bar that produced it")};
    return okStatus();
}

Result<RiskReport> VarEstimator::historical(std::span<const double> returns, double confidence, int horizonDays) const
{
    if (const Status valid = checkSettings(confidence, horizonDays); !valid)
        return valid.error();
    if (returns.size() < kMinimumReturns) {
        if (const Status finite = checkReturns(returns); !finite)
            return finite.error();
        return insufficientReturns(returns.size());
    }
    // The finiteness check rides along the one read of the returns; only a failure reads them
    // again, to name the first bad return.
    if (auto report = tailReport(returns, confidence, horizonDays, VarMethod::Historical, int(returns.size()), 1.0))
        return *report;
    return checkReturns(returns).error();
}

Result<RiskReport> VarEstimator::parametric(std::span<const double> returns, double confidence, int horizonDays) const
{
    if (const Status valid = checkInputs(returns, confidence, horizonDays); !valid)
        return valid.error();
    if (returns.size() < kMinimumReturns)
        return insufficientReturns(returns.size());
    const SampleMoments moments = SampleMoments::of(returns);
    const double z = inverseNormalCdf(confidence);
    const double scale = std::sqrt(double(horizonDays));
    RiskReport report;
    report.var = (z * moments.deviation - moments.mean) * scale;
    report.expectedShortfall = (moments.deviation * normalPdf(z) / (1.0 - confidence) - moments.mean) * scale;
    report.confidence = confidence;
    report.horizonDays = horizonDays;
    report.method = VarMethod::Parametric;
    report.samples = int(returns.size());
    return report;
}

Result<RiskReport> VarEstimator::bootstrap(std::span<const double> returns, double priorDailyVolatility,
                                           double confidence, int horizonDays) const
{
    if (const Status valid = checkInputs(returns, confidence, horizonDays); !valid)
        return valid.error();
    if (!(std::isfinite(priorDailyVolatility) && priorDailyVolatility > 0.0))
        return Error{QStringLiteral("invalid_prior"),
                     QStringLiteral("prior daily volatility %1 is not a positive number").arg(priorDailyVolatility),
                     QStringLiteral("check the per-asset-class volatility assumptions")};
    if (m_options.resamples < 1 || m_options.minReturns < 1)
        return Error{QStringLiteral("invalid_bootstrap_options"),
                     QStringLiteral("bootstrap needs resamples >= 1 and min_returns >= 1 (got %1 and %2)")
                         .arg(m_options.resamples)
                         .arg(m_options.minReturns),
                     {}};

    const std::size_t n = returns.size();
    const double weight = std::min(1.0, double(n) / double(m_options.minReturns));
    const auto total = std::size_t(m_options.resamples);
    // A fixed split rather than a coin flip per draw, so the blend weight is exact.
    const auto fromHistory = std::size_t(std::lround(weight * double(total)));
    const std::size_t fromPrior = total - fromHistory;

    // Stratified draws: draw j of m falls at a random point of the j-th of m equal slices of
    // probability. Each part then follows its distribution far more closely than independent
    // draws would (the history is reproduced almost exactly once fromHistory >= n), so the
    // estimate converges to the historical one instead of carrying resampling noise forever.
    std::mt19937_64 engine(m_options.seed);
    std::vector<double> draws;
    draws.reserve(total);
    if (fromHistory > 0) {
        std::vector<double> sorted(returns.begin(), returns.end());
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t j = 0; j < fromHistory; ++j) {
            const double position = (double(j) + openUniform(engine)) / double(fromHistory) * double(n);
            draws.push_back(sorted[std::min(std::size_t(position), n - 1)]);
        }
    }
    for (std::size_t j = 0; j < fromPrior; ++j) {
        // (m - 1 + u) / m can round up to exactly 1, where the quantile is infinite.
        const double probability = std::min((double(j) + openUniform(engine)) / double(fromPrior), kBelowOne);
        draws.push_back(priorDailyVolatility * approximateInverseNormalCdf(probability));
    }
    if (auto report = tailReport(draws, confidence, horizonDays, VarMethod::Bootstrap, int(n), weight))
        return *report;
    // The returns were checked and the prior's quantiles are finite, so only a prior so large that
    // a draw overflows gets here.
    return Error{QStringLiteral("invalid_prior"),
                 QStringLiteral("prior daily volatility %1 overflows the bootstrap draws").arg(priorDailyVolatility),
                 QStringLiteral("check the per-asset-class volatility assumptions")};
}

Result<RiskReport> VarEstimator::bootstrap(std::span<const double> returns, AssetClass assetClass, double confidence,
                                           int horizonDays) const
{
    return bootstrap(returns, m_options.prior.dailyVolatility(assetClass), confidence, horizonDays);
}

Result<RiskReport> VarEstimator::estimate(std::span<const double> returns, double priorDailyVolatility,
                                          double confidence, int horizonDays) const
{
    if (returns.size() >= std::size_t(std::max(m_options.minReturns, int(kMinimumReturns))))
        return historical(returns, confidence, horizonDays);
    return bootstrap(returns, priorDailyVolatility, confidence, horizonDays);
}

} // namespace sentinel
