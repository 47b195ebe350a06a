// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "risk/PortfolioVar.h"
#include "risk/TradeContext.h"
#include "trading/Portfolio.h"
#include "trading/TradeProposal.h"

#include <QHash>

namespace sentinel {

class InstrumentBook;
struct FreshnessVerdict;
struct RiskSettings;

/// The risk side of the account, computed from the platform's portfolio and the bars the engine
/// holds: what the risk gate decides on (a TradeContext), the portfolio VaR before and after a
/// trade, and the Risk panel's snapshot. Every figure values exposures the same way.
class PortfolioRisk final
{
public:
    PortfolioRisk(const RiskSettings& settings, const InstrumentBook& instruments);

    /// Orders approved but not filled yet count as if filled.
    struct Pending {
        QList<TradeProposal> orders;
        int tradesToday = 0;
    };

    [[nodiscard]] TradeContext tradeContext(const TradeProposal& proposal, const PortfolioSnapshot& portfolio,
                                            double signalConfidence, const FreshnessVerdict& verdict,
                                            const Pending& pending, qint64 nowMs) const;
    /// Portfolio VaR (fraction of equity), with `extraValue` more exposure in `extraKey`; 0 with
    /// no equity or no exposure.
    [[nodiscard]] double portfolioVar(const PortfolioSnapshot& portfolio, const QString& extraKey = {},
                                      double extraValue = 0) const;
    [[nodiscard]] RiskSnapshot snapshot(const PortfolioSnapshot& portfolio, int tradesToday, const QDateTime& now) const;

private:
    /// Net market value per watched instrument (positions, plus the extra), as fractions of equity.
    [[nodiscard]] QList<PortfolioExposure> exposures(const PortfolioSnapshot& portfolio, const QString& extraKey,
                                                     double extraValue) const;
    [[nodiscard]] Result<RiskReport> estimate(const QList<PortfolioExposure>& exposures) const;

    const RiskSettings& m_settings;
    const InstrumentBook& m_instruments;
};

} // namespace sentinel
