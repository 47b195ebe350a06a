// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "risk/RiskReport.h"
#include "risk/VarEstimator.h"

#include <QList>
#include <QString>
#include <QtGlobal>

#include <vector>

namespace sentinel {

/// Returns of one instrument, oldest first. `closeTimes` (UTC seconds since the epoch of the bar
/// that ends each return) lets series from markets with different hours be aligned on common
/// timestamps; when every series leaves it empty, series are aligned on their most recent end.
struct ReturnSeries {
    QList<qint64> closeTimes;
    QList<double> returns;
};

/// One holding of the portfolio as the VaR sees it.
struct PortfolioExposure {
    QString key;                        ///< Instrument::key()
    double weight = 0.0;                ///< signed market value / account equity (short < 0)
    double priorDailyVolatility = 0.0;  ///< the asset-class prior, used while history is short
    ReturnSeries series;
};

/// Returns of several instruments on common timestamps: columns[i][t] is instrument i at row t.
struct AlignedReturns {
    QStringList keys;
    std::vector<std::vector<double>> columns;

    [[nodiscard]] std::size_t rows() const { return columns.empty() ? 0 : columns.front().size(); }
};

/// Intersects the series' timestamps (or aligns untimed series on their tails). Rejects series
/// whose timestamps are not strictly increasing, do not match their returns, or mix timed and
/// untimed series, and any non-finite return.
[[nodiscard]] Result<AlignedReturns> alignReturns(const QList<PortfolioExposure>& exposures);

/// Sample covariance (n − 1) of the aligned columns, row-major k × k. Needs two rows.
[[nodiscard]] std::vector<double> covarianceMatrix(const AlignedReturns& aligned);

/// Portfolio VaR as a fraction of equity, from the aligned returns of every non-zero exposure.
///   Historical: the historical estimate on the portfolio's return series Σ wᵢ rᵢ,ₜ.
///   Parametric: z·√(wᵀΣw) − wᵀμ from the covariance Σ of the aligned returns.
///   Bootstrap:  the blend on the portfolio series, with a prior volatility Σ |wᵢ|·σᵢ (perfectly
///               correlated holdings: the cautious assumption while correlations are unknown).
[[nodiscard]] Result<RiskReport> portfolioVar(const QList<PortfolioExposure>& exposures, VarMethod method,
                                              double confidence, int horizonDays, const VarEstimator& estimator);

/// What the gate uses: historical once minReturns rows are aligned, the bootstrap before.
[[nodiscard]] Result<RiskReport> estimatePortfolioVar(const QList<PortfolioExposure>& exposures, double confidence,
                                                      int horizonDays, const VarEstimator& estimator);

} // namespace sentinel
