// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Config.h"
#include "risk/RiskVerdict.h"
#include "risk/TradeContext.h"
#include "risk/VarEstimator.h"

namespace sentinel {

/// The last word before a trade is proposed or executed. Runs its checks in a fixed order and
/// returns every one that failed:
///   trade sanity, data freshness, market open, exit validity, balance, drawdown, portfolio VaR
///   after the trade, position limit, asset-class concentration, daily trade count, volatility
///   against signal confidence.
/// Exits and reductions (orders that shrink a position without flipping it, pending orders
/// included) skip the entry limits: stale data or a breached limit never traps a position.
/// Pure and cheap (no I/O), so the engine calls it again at approval time.
class RiskGate
{
public:
    /// Draws per cold-start estimate inside the gate. Stratified draws (ADR 0031) keep 2,000
    /// within a fraction of a percent of 10,000, and a verdict within its 100 µs budget.
    static constexpr int kGateResamples = 2000;

    /// `bootstrap.minReturns` is taken from `settings.minHistoricalReturns`.
    explicit RiskGate(RiskSettings settings, BootstrapOptions bootstrap = gateBootstrapOptions());

    [[nodiscard]] static BootstrapOptions gateBootstrapOptions()
    {
        BootstrapOptions options;
        options.resamples = kGateResamples;
        return options;
    }

    [[nodiscard]] RiskVerdict evaluate(const TradeContext& trade) const;

    [[nodiscard]] const RiskSettings& settings() const { return m_settings; }

private:
    RiskSettings m_settings;
    VarEstimator m_estimator;
};

} // namespace sentinel
