// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Instrument.h"
#include "risk/RiskReport.h"

#include <QtGlobal>

#include <span>

namespace sentinel {

/// Typical daily return volatility per asset class, the prior the bootstrap leans on while a
/// series is too short to speak for itself. Sources and caveats: docs/adr/0031-bootstrap-var-cold-start.md.
struct VolatilityPrior {
    double fx = 0.006;     ///< ≈ 9.7 % a year over 260 days: major pairs' long-run realised vol
    double equity = 0.013; ///< ≈ 20.6 % a year over 252 days: long-run VIX level, a single stock's floor
    double crypto = 0.035; ///< ≈ 67 % a year over 365 days: BTC's realised vol in calm years

    [[nodiscard]] double dailyVolatility(AssetClass assetClass) const;
};

/// How the cold-start bootstrap blends history with the prior.
struct BootstrapOptions {
    static constexpr quint64 kDefaultSeed = 0x5e47'1e1b'0075'72a9ULL;

    int minReturns = 30;   ///< from this many returns on, estimation is purely historical
    int resamples = 10000; ///< draws per estimate
    quint64 seed = kDefaultSeed; ///< std::mt19937_64 seed: same inputs, same estimate
    VolatilityPrior prior;
};

/// Single-series value at risk and expected shortfall, with the cold-start fallback.
///
/// Every estimate is made for one period (the period of the returns, a day for daily returns) and
/// scaled to the horizon by √horizonDays. Historical VaR reads the type-7 quantile
/// (kProductionQuantileConvention); its expected shortfall is the mean of the returns at or below
/// that quantile, so it is never below the VaR. Inputs are validated: a NaN or infinite return,
/// a confidence outside (0, 1) or a horizon below one day is an Error, never a number.
class VarEstimator
{
public:
    explicit VarEstimator(BootstrapOptions options = {});

    [[nodiscard]] const BootstrapOptions& options() const { return m_options; }

    /// Needs at least two returns.
    [[nodiscard]] Result<RiskReport> historical(std::span<const double> returns, double confidence,
                                                int horizonDays = 1) const;
    /// Variance–covariance VaR: z·σ − μ with the exact normal quantile z, sample σ (n − 1), and
    /// expected shortfall σ·φ(z)/(1 − c) − μ. Needs at least two returns.
    [[nodiscard]] Result<RiskReport> parametric(std::span<const double> returns, double confidence,
                                                int horizonDays = 1) const;
    /// Resamples a blend: a share w = min(1, n / minReturns) of the draws comes from the observed
    /// returns, the rest from N(0, priorDailyVolatility²), both stratified (one seeded draw per
    /// equal slice of probability); VaR and shortfall are read from the draws as for historical.
    /// Positive from n = 0; equals the historical estimate up to one order-statistic gap once
    /// n >= minReturns and resamples >= n.
    [[nodiscard]] Result<RiskReport> bootstrap(std::span<const double> returns, double priorDailyVolatility,
                                               double confidence, int horizonDays = 1) const;
    [[nodiscard]] Result<RiskReport> bootstrap(std::span<const double> returns, AssetClass assetClass,
                                               double confidence, int horizonDays = 1) const;
    /// What the gate uses: historical once there are minReturns returns, the bootstrap before.
    [[nodiscard]] Result<RiskReport> estimate(std::span<const double> returns, double priorDailyVolatility,
                                              double confidence, int horizonDays = 1) const;

    /// Validation shared with the portfolio estimate and the CLI.
    [[nodiscard]] static Status checkConfidence(double confidence);
    [[nodiscard]] static Status checkHorizon(int horizonDays);
    [[nodiscard]] static Status checkReturns(std::span<const double> returns);

private:
    BootstrapOptions m_options;
};

} // namespace sentinel
