// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/PortfolioRisk.h"

#include "config/Config.h"
#include "engine/InstrumentBook.h"
#include "market/FreshnessGate.h"
#include "risk/RiskGate.h"
#include "risk/VarEstimator.h"

#include <cmath>

namespace sentinel {

PortfolioRisk::PortfolioRisk(const RiskSettings& settings, const InstrumentBook& instruments)
    : m_settings(settings), m_instruments(instruments)
{
}

TradeContext PortfolioRisk::tradeContext(const TradeProposal& proposal, const PortfolioSnapshot& portfolio,
                                         double signalConfidence, const FreshnessVerdict& verdict,
                                         const Pending& pending, qint64 nowMs) const
{
    TradeContext context;
    context.instrument = proposal.instrument;
    context.side = proposal.side;
    context.isExit = proposal.isExit;
    context.quantity = proposal.quantity;
    context.price = proposal.price;
    context.signalConfidence = signalConfidence;
    context.freshness = verdict.status;
    context.freshnessReason = verdict.reason;
    const InstrumentRuntime* traded = m_instruments.find(proposal.instrument.key());
    context.marketOpen = traded && traded->schedule.marketOpenAt(nowMs);
    PortfolioState& state = context.portfolio;
    state.balance = portfolio.equity;
    state.equityPeak = portfolio.peakEquity;
    for (const Position& position : portfolio.positions) {
        if (const InstrumentRuntime* runtime = m_instruments.find(position.instrumentKey)) {
            state.positions.append(Holding{runtime->instrument, position.quantity, position.marketPrice});
            state.returns.insert(position.instrumentKey, runtime->history.dailyReturns());
        }
    }
    for (const TradeProposal& order : pending.orders) {
        const double signedQuantity = order.side == Side::Buy ? order.quantity : -order.quantity;
        state.pending.append(Holding{order.instrument, signedQuantity, order.price});
    }
    if (traded)
        state.returns.insert(proposal.instrument.key(), traded->history.dailyReturns());
    state.tradesToday = pending.tradesToday;
    return context;
}

QList<PortfolioExposure> PortfolioRisk::exposures(const PortfolioSnapshot& portfolio, const QString& extraKey,
                                                  double extraValue) const
{
    QList<PortfolioExposure> exposures;
    if (portfolio.equity <= 0)
        return exposures;
    QHash<QString, double> values;
    for (const Position& position : portfolio.positions)
        values[position.instrumentKey] += position.marketValue();
    if (!extraKey.isEmpty())
        values[extraKey] += extraValue;
    const VolatilityPrior prior;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const InstrumentRuntime* runtime = m_instruments.find(it.key());
        if (!runtime || it.value() == 0)
            continue;
        exposures.append(PortfolioExposure{it.key(), it.value() / portfolio.equity,
                                           prior.dailyVolatility(runtime->instrument.assetClass()),
                                           runtime->history.dailyReturns()});
    }
    return exposures;
}

Result<RiskReport> PortfolioRisk::estimate(const QList<PortfolioExposure>& exposures) const
{
    const VarEstimator estimator(RiskGate::gateBootstrapOptions());
    return estimatePortfolioVar(exposures, m_settings.varConfidence, 1, estimator);
}

double PortfolioRisk::portfolioVar(const PortfolioSnapshot& portfolio, const QString& extraKey, double extraValue) const
{
    const QList<PortfolioExposure> held = exposures(portfolio, extraKey, extraValue);
    if (held.isEmpty())
        return 0;
    const auto report = estimate(held);
    return report ? report->var : 0;
}

RiskSnapshot PortfolioRisk::snapshot(const PortfolioSnapshot& portfolio, int tradesToday, const QDateTime& now) const
{
    RiskSnapshot risk;
    risk.at = now;
    risk.confidence = m_settings.varConfidence;
    risk.equity = portfolio.equity;
    risk.currency = portfolio.currency;
    double largest = 0;
    for (const Position& position : portfolio.positions) {
        risk.exposure += std::abs(position.marketValue());
        largest = std::max(largest, std::abs(position.marketValue()));
    }
    const QList<PortfolioExposure> held = exposures(portfolio, {}, 0);
    if (held.isEmpty()) {
        risk.methodLabel = QStringLiteral("no positions");
    } else if (const auto report = estimate(held)) {
        risk.var = report->var;
        risk.expectedShortfall = report->expectedShortfall;
        risk.methodLabel = report->methodLabel();
        risk.method = report->method;
    } else {
        risk.methodLabel = QStringLiteral("unavailable: %1").arg(report.error().message);
    }
    const double equity = std::max(portfolio.equity, 1e-9);
    risk.limits = {
        LimitUsage{QStringLiteral("portfolio VaR"), risk.var, m_settings.maxVarPct},
        LimitUsage{QStringLiteral("drawdown"), portfolio.drawdown(), m_settings.maxDrawdownPct},
        LimitUsage{QStringLiteral("largest position"), largest / equity, m_settings.maxPositionPct},
        LimitUsage{QStringLiteral("trades today"), double(tradesToday), double(m_settings.maxTradesPerDay)},
    };
    return risk;
}

} // namespace sentinel
