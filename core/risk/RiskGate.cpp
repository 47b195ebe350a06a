// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/RiskGate.h"

#include "common/Log.h"
#include "risk/PortfolioVar.h"
#include "risk/SampleMoments.h"

#include <QMap>

#include <cmath>
#include <limits>

namespace sentinel {

namespace {

constexpr double kNoFigure = std::numeric_limits<double>::quiet_NaN();

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', 2) + u'%';
}

QString freshnessName(DataFreshness freshness)
{
    switch (freshness) {
    case DataFreshness::Fresh: return QStringLiteral("fresh");
    case DataFreshness::Warn: return QStringLiteral("warn");
    case DataFreshness::Stale: return QStringLiteral("stale");
    case DataFreshness::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

double signedQuantity(const TradeContext& trade)
{
    return trade.side == TradeSide::Buy ? trade.quantity : -trade.quantity;
}

/// Net units and latest mark of one instrument across holdings and pending orders.
struct NetHolding {
    Instrument instrument;
    double units = 0.0;
    double markPrice = 0.0;
};

// Keyed by Instrument::key() in a QMap so the VaR sees its columns in a fixed order and the
// same state always gives the same figure to the last bit.
QMap<QString, NetHolding> netHoldings(const PortfolioState& portfolio)
{
    QMap<QString, NetHolding> net;
    for (const QList<Holding>* list : {&portfolio.positions, &portfolio.pending}) {
        for (const Holding& holding : *list) {
            NetHolding& entry = net[holding.instrument.key()];
            entry.instrument = holding.instrument;
            entry.units += holding.quantity;
            entry.markPrice = holding.markPrice;
        }
    }
    return net;
}

bool usableNumber(double value)
{
    return std::isfinite(value) && value > 0.0;
}

} // namespace

RiskGate::RiskGate(RiskSettings settings, BootstrapOptions bootstrap)
    : m_settings(settings)
    , m_estimator([&] {
          bootstrap.minReturns = settings.minHistoricalReturns;
          return bootstrap;
      }())
{
}

RiskVerdict RiskGate::evaluate(const TradeContext& trade) const
{
    RiskVerdict verdict;
    auto fail = [&verdict](RiskReasonCode code, QString message, double value, double limit) {
        verdict.reasons.append(RiskReason{code, std::move(message), value, limit});
    };
    const QString key = trade.instrument.key();
    const AssetClass assetClass = trade.instrument.assetClass();
    const PortfolioState& portfolio = trade.portfolio;

    // 1. The trade itself. Nothing below that needs its figures runs when they are unusable.
    const bool tradeUsable = usableNumber(trade.quantity) && usableNumber(trade.price);
    if (!usableNumber(trade.quantity))
        fail(RiskReasonCode::InvalidTrade, QStringLiteral("quantity %1 is not a positive number").arg(trade.quantity),
             trade.quantity, kNoFigure);
    if (!usableNumber(trade.price))
        fail(RiskReasonCode::InvalidTrade, QStringLiteral("price %1 is not a positive number").arg(trade.price),
             trade.price, kNoFigure);
    const bool confidenceUsable = std::isfinite(trade.signalConfidence) && trade.signalConfidence >= 0.0
        && trade.signalConfidence <= 1.0;
    if (!confidenceUsable)
        fail(RiskReasonCode::InvalidTrade,
             QStringLiteral("signal confidence %1 is outside [0, 1]").arg(trade.signalConfidence),
             trade.signalConfidence, 1.0);

    // Is this an exit or a reduction? Pending orders count: two approved exits must not
    // together sell more than is held.
    const QMap<QString, NetHolding> holdings = netHoldings(portfolio);
    const double heldUnits = holdings.value(key).units;
    const double tradeUnits = signedQuantity(trade);
    const bool opposes = heldUnits != 0.0 && std::signbit(heldUnits) != std::signbit(tradeUnits);
    const bool reduces = tradeUsable && opposes && std::abs(tradeUnits) <= std::abs(heldUnits) * (1.0 + 1e-12);
    verdict.isReduction = reduces;
    const bool entry = !reduces;

    // 2. Freshness: stale or unknown data never opens a position; it never traps one either.
    if (entry && (trade.freshness == DataFreshness::Stale || trade.freshness == DataFreshness::Unknown)) {
        const QString why = trade.freshnessReason.isEmpty() ? QString() : QStringLiteral(": ") + trade.freshnessReason;
        fail(RiskReasonCode::DataNotFresh,
             QStringLiteral("data for %1 is %2%3").arg(trade.instrument.symbol, freshnessName(trade.freshness), why),
             kNoFigure, kNoFigure);
    }

    // 3. An exchange order outside the session cannot fill, whichever way it goes.
    if (assetClass == AssetClass::Equity && !trade.marketOpen)
        fail(RiskReasonCode::MarketClosed,
             QStringLiteral("%1 is closed: the order cannot fill before the next session").arg(trade.instrument.market),
             kNoFigure, kNoFigure);

    // 4. Something flagged as an exit has to be one.
    if (trade.isExit && tradeUsable && !reduces)
        fail(RiskReasonCode::NotAReduction,
             QStringLiteral("exit of %1 units would not reduce the position of %2 units (pending orders included)")
                 .arg(tradeUnits)
                 .arg(heldUnits),
             std::abs(tradeUnits), std::abs(heldUnits));

    if (!entry) {
        verdict.approved = verdict.reasons.isEmpty();
        return verdict;
    }

    // 5. Money to trade with. Without it the limits below have nothing to be a fraction of.
    const std::optional<double> balance = portfolio.balance;
    const bool balanceUsable = balance && usableNumber(*balance);
    if (!balanceUsable) {
        fail(RiskReasonCode::BalanceUnavailable,
             balance ? QStringLiteral("balance %1 is not positive: no entry is sized against it").arg(*balance)
                     : QStringLiteral("balance unknown: the platform did not report it"),
             balance.value_or(kNoFigure), 0.0);
    }

    // 6. Drawdown from the equity peak.
    if (balanceUsable) {
        const double peak = std::max(portfolio.equityPeak, *balance);
        const double drawdown = (peak - *balance) / peak;
        if (drawdown >= m_settings.maxDrawdownPct)
            fail(RiskReasonCode::DrawdownLimit,
                 QStringLiteral("drawdown %1 from the peak reaches the limit of %2")
                     .arg(percent(drawdown), percent(m_settings.maxDrawdownPct)),
                 drawdown, m_settings.maxDrawdownPct);
    }

    const bool sized = balanceUsable && tradeUsable;
    QMap<QString, NetHolding> after = holdings;
    if (sized) {
        NetHolding& traded = after[key];
        traded.instrument = trade.instrument;
        traded.units += tradeUnits;
        traded.markPrice = trade.price;
    }

    // 7. Portfolio VaR with the trade (and every pending order) in it.
    if (sized) {
        QList<PortfolioExposure> exposures;
        for (const NetHolding& holding : after) {
            const QString holdingKey = holding.instrument.key();
            exposures.append(PortfolioExposure{holdingKey, holding.units * holding.markPrice / *balance,
                                               m_estimator.options().prior.dailyVolatility(holding.instrument.assetClass()),
                                               portfolio.returns.value(holdingKey)});
        }
        const auto report = estimatePortfolioVar(exposures, m_settings.varConfidence, 1, m_estimator);
        if (!report) {
            fail(RiskReasonCode::VarUnavailable,
                 QStringLiteral("portfolio VaR cannot be computed: %1").arg(report.error().message), kNoFigure,
                 m_settings.maxVarPct);
        } else {
            verdict.varAfterTrade = report.value();
            if (report->var > m_settings.maxVarPct)
                fail(RiskReasonCode::VarLimit,
                     QStringLiteral("portfolio VaR %1 (%2 at %3) after the trade exceeds the limit of %4")
                         .arg(percent(report->var), report->methodLabel(), percent(m_settings.varConfidence),
                              percent(m_settings.maxVarPct)),
                     report->var, m_settings.maxVarPct);
        }
    }

    // 8. Position size in this instrument, pending orders included.
    if (sized) {
        const NetHolding& traded = after[key];
        const double fraction = std::abs(traded.units * traded.markPrice) / *balance;
        if (fraction > m_settings.maxPositionPct)
            fail(RiskReasonCode::PositionLimit,
                 QStringLiteral("position in %1 would be %2 of equity (pending orders included), above the limit of %3")
                     .arg(trade.instrument.symbol, percent(fraction), percent(m_settings.maxPositionPct)),
                 fraction, m_settings.maxPositionPct);
    }

    // 9. Concentration in the trade's asset class.
    if (sized) {
        double gross = 0.0;
        for (const NetHolding& holding : after) {
            if (holding.instrument.assetClass() == assetClass)
                gross += std::abs(holding.units * holding.markPrice);
        }
        const double fraction = gross / *balance;
        if (fraction > m_settings.maxAssetClassPct)
            fail(RiskReasonCode::ConcentrationLimit,
                 QStringLiteral("%1 exposure would be %2 of equity (pending orders included), above the limit of %3")
                     .arg(assetClassName(assetClass), percent(fraction), percent(m_settings.maxAssetClassPct)),
                 fraction, m_settings.maxAssetClassPct);
    }

    // 10. Trades today, approved-but-unexecuted ones included.
    const int trades = portfolio.tradesToday + int(portfolio.pending.size());
    if (trades >= m_settings.maxTradesPerDay)
        fail(RiskReasonCode::DailyTradeLimit,
             QStringLiteral("%1 trades today (pending included) reach the daily limit of %2")
                 .arg(trades)
                 .arg(m_settings.maxTradesPerDay),
             trades, m_settings.maxTradesPerDay);

    // 11. Volatility against confidence: the calmer the market, the weaker a signal may be.
    if (confidenceUsable) {
        const double typical = m_estimator.options().prior.dailyVolatility(assetClass);
        const QList<double> series = portfolio.returns.value(key).returns;
        const qsizetype window = std::min<qsizetype>(series.size(), std::max(2, m_settings.volatilityWindow));
        const bool measured = window >= 2 && VarEstimator::checkReturns(series).ok();
        const double recent = measured ? SampleMoments::of(std::span<const double>(series).last(std::size_t(window))).deviation
                                       : typical;
        const double allowed = typical * m_settings.volatilityConfidenceMultiple * trade.signalConfidence;
        if (recent > allowed)
            fail(RiskReasonCode::VolatilityTooHigh,
                 QStringLiteral("daily volatility %1 (%2) is above the %3 a signal of confidence %4 may trade in "
                                "(%5 typical for %6)")
                     .arg(percent(recent),
                          measured ? QStringLiteral("last %1 returns").arg(window) : QStringLiteral("no history: typical"),
                          percent(allowed), QString::number(trade.signalConfidence, 'f', 2), percent(typical),
                          assetClassName(assetClass)),
                 recent, allowed);
    }

    verdict.approved = verdict.reasons.isEmpty();
    if (!verdict.approved)
        log::risk()->info("{} {} refused: {} reason(s), first {}", key, trade.side == TradeSide::Buy ? "buy" : "sell",
                          verdict.reasons.size(), riskReasonName(verdict.reasons.first().code));
    return verdict;
}

} // namespace sentinel
