// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/RiskGate.h"

#include "common/Log.h"
#include "risk/FiniteScan.h"
#include "risk/PortfolioVar.h"
#include "risk/SampleMoments.h"

#include <QMap>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sentinel {

namespace {

constexpr double kNoFigure = std::numeric_limits<double>::quiet_NaN();

using MaybeReason = std::optional<RiskReason>;

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', 2) + u'%';
}

double signedQuantity(const TradeContext& trade)
{
    return trade.side == Side::Buy ? trade.quantity : -trade.quantity;
}

/// Net units and latest mark of one instrument across holdings and pending orders.
struct NetHolding {
    Instrument instrument;
    double units = 0.0;
    double markPrice = 0.0;
};

// Keyed by Instrument::key() in a QMap so the VaR sees its columns in a fixed order and the
// same state always gives the same figure to the last bit.
using NetHoldings = QMap<QString, NetHolding>;

NetHoldings netHoldings(const PortfolioState& portfolio)
{
    NetHoldings net;
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

bool usableConfidence(double confidence)
{
    return std::isfinite(confidence) && confidence >= 0.0 && confidence <= 1.0;
}

/// What the trade does to its instrument's position, pending orders included.
struct PositionChange {
    NetHoldings holdings; ///< before the trade
    double heldUnits = 0.0;
    double tradeUnits = 0.0;
    bool reduces = false; ///< an exit or reduction: the entry limits do not apply
};

// Pending orders count: two approved exits must not together sell more than is held.
PositionChange positionChange(const TradeContext& trade, bool tradeUsable)
{
    PositionChange change;
    change.holdings = netHoldings(trade.portfolio);
    change.heldUnits = change.holdings.value(trade.instrument.key()).units;
    change.tradeUnits = signedQuantity(trade);
    const bool opposes = change.heldUnits != 0.0 && std::signbit(change.heldUnits) != std::signbit(change.tradeUnits);
    change.reduces = tradeUsable && opposes
        && std::abs(change.tradeUnits) <= std::abs(change.heldUnits) * (1.0 + 1e-12);
    return change;
}

/// The holdings as they would be after the trade, valued at the trade's price.
NetHoldings holdingsAfter(const TradeContext& trade, const PositionChange& change)
{
    NetHoldings after = change.holdings;
    NetHolding& traded = after[trade.instrument.key()];
    traded.instrument = trade.instrument;
    traded.units += change.tradeUnits;
    traded.markPrice = trade.price;
    return after;
}

/// Every number the gate reads that is NaN or infinite, named. NaN compares false both ways, so
/// a limit written `value > limit` would wave it through; infinities turn into NaN one division
/// later. Such an input is refused outright, exits included (issue 18).
QList<RiskReason> nonFiniteInputs(const TradeContext& trade, const RiskSettings& settings)
{
    QList<RiskReason> reasons;
    auto check = [&reasons](const QString& what, double value) {
        if (!std::isfinite(value))
            reasons.append({RiskReasonCode::NotFinite,
                            QStringLiteral("%1 is %2, not a finite number: nothing is judged on it").arg(what).arg(value),
                            value, kNoFigure});
    };
    check(QStringLiteral("quantity"), trade.quantity);
    check(QStringLiteral("price"), trade.price);
    check(QStringLiteral("signal confidence"), trade.signalConfidence);
    const PortfolioState& portfolio = trade.portfolio;
    if (portfolio.balance)
        check(QStringLiteral("balance"), *portfolio.balance);
    check(QStringLiteral("equity peak"), portfolio.equityPeak);
    for (const auto& [list, kind] : {std::pair{&portfolio.positions, QStringLiteral("position")},
                                     std::pair{&portfolio.pending, QStringLiteral("pending order")}}) {
        for (const Holding& holding : *list) {
            // Named only when refused: formatting every holding's name cost a verdict 1.4x its time.
            if (!std::isfinite(holding.quantity))
                check(QStringLiteral("%1 %2 quantity").arg(kind, holding.instrument.key()), holding.quantity);
            if (!std::isfinite(holding.markPrice))
                check(QStringLiteral("%1 %2 mark price").arg(kind, holding.instrument.key()), holding.markPrice);
        }
    }
    for (auto it = portfolio.returns.cbegin(); it != portfolio.returns.cend(); ++it) {
        const QList<double>& returns = it.value().returns;
        if (const qsizetype bad = qsizetype(firstNonFinite(returns)); bad < returns.size())
            check(QStringLiteral("return #%1 of %2").arg(bad + 1).arg(it.key()), returns[bad]);
    }
    check(QStringLiteral("risk.var_confidence"), settings.varConfidence);
    check(QStringLiteral("risk.max_var_pct"), settings.maxVarPct);
    check(QStringLiteral("risk.max_position_pct"), settings.maxPositionPct);
    check(QStringLiteral("risk.max_drawdown_pct"), settings.maxDrawdownPct);
    check(QStringLiteral("risk.max_asset_class_pct"), settings.maxAssetClassPct);
    check(QStringLiteral("risk.volatility_confidence_multiple"), settings.volatilityConfidenceMultiple);
    return reasons;
}

/// A figure computed from finite inputs can still overflow (1e308 units at 1e308): it fails its
/// check instead of comparing false against the limit. `nameOf()` names the figure, called only
/// when it fails: the verdict's passing path formats nothing.
template <typename NameOf>
MaybeReason notFiniteFigure(NameOf nameOf, double value, double limit)
{
    if (std::isfinite(value) && std::isfinite(limit))
        return std::nullopt;
    return RiskReason{RiskReasonCode::NotFinite,
                      QStringLiteral("%1 is %2 against a limit of %3, not a finite comparison: the check fails closed")
                          .arg(nameOf())
                          .arg(value)
                          .arg(limit),
                      value, limit};
}

/// Net holdings whose units or value overflow when finite holdings are added up: an exit judged
/// against an infinite position would always "reduce" it.
QList<RiskReason> nonFiniteHoldings(const NetHoldings& holdings)
{
    QList<RiskReason> reasons;
    for (const NetHolding& holding : holdings) {
        const double value = holding.units * holding.markPrice;
        if (!std::isfinite(holding.units) || !std::isfinite(value))
            reasons.append({RiskReasonCode::NotFinite,
                            QStringLiteral("net %1 holding (%2 units, value %3) is not a finite number: nothing is judged on it")
                                .arg(holding.instrument.key())
                                .arg(holding.units)
                                .arg(value),
                            value, kNoFigure});
    }
    return reasons;
}

// ---- the checks, in the order they run ---------------------------------------------------

/// 1. The trade itself. Nothing that needs its figures runs when they are unusable. A figure
/// that is not finite has its not_finite reason already; this names the finite ones out of range.
QList<RiskReason> tradeSanityReasons(const TradeContext& trade)
{
    QList<RiskReason> reasons;
    if (std::isfinite(trade.quantity) && !usableNumber(trade.quantity))
        reasons.append({RiskReasonCode::InvalidTrade,
                        QStringLiteral("quantity %1 is not a positive number").arg(trade.quantity), trade.quantity,
                        kNoFigure});
    if (std::isfinite(trade.price) && !usableNumber(trade.price))
        reasons.append({RiskReasonCode::InvalidTrade,
                        QStringLiteral("price %1 is not a positive number").arg(trade.price), trade.price, kNoFigure});
    if (std::isfinite(trade.signalConfidence) && !usableConfidence(trade.signalConfidence))
        reasons.append({RiskReasonCode::InvalidTrade,
                        QStringLiteral("signal confidence %1 is outside [0, 1]").arg(trade.signalConfidence),
                        trade.signalConfidence, 1.0});
    return reasons;
}

/// 2. Stale or unknown data never opens a position; it never traps one either.
MaybeReason freshnessReason(const TradeContext& trade)
{
    if (trade.freshness != Freshness::Stale && trade.freshness != Freshness::Unknown)
        return std::nullopt;
    const QString why = trade.freshnessReason.isEmpty() ? QString() : QStringLiteral(": ") + trade.freshnessReason;
    return RiskReason{RiskReasonCode::DataNotFresh,
                      QStringLiteral("data for %1 is %2%3").arg(trade.instrument.symbol, freshnessName(trade.freshness), why),
                      kNoFigure, kNoFigure};
}

/// 3. An exchange order outside the session cannot fill, whichever way it goes.
MaybeReason marketOpenReason(const TradeContext& trade)
{
    if (trade.instrument.assetClass() != AssetClass::Equity || trade.marketOpen)
        return std::nullopt;
    return RiskReason{RiskReasonCode::MarketClosed,
                      QStringLiteral("%1 is closed: the order cannot fill before the next session").arg(trade.instrument.market),
                      kNoFigure, kNoFigure};
}

/// 4. Something flagged as an exit has to be one.
MaybeReason exitReason(const TradeContext& trade, bool tradeUsable, const PositionChange& change)
{
    if (!trade.isExit || !tradeUsable || change.reduces)
        return std::nullopt;
    return RiskReason{RiskReasonCode::NotAReduction,
                      QStringLiteral("exit of %1 units would not reduce the position of %2 units (pending orders included)")
                          .arg(change.tradeUnits)
                          .arg(change.heldUnits),
                      std::abs(change.tradeUnits), std::abs(change.heldUnits)};
}

/// 5. Money to trade with. Without it the limits below have nothing to be a fraction of.
MaybeReason balanceReason(const std::optional<double>& balance)
{
    if (balance && usableNumber(*balance))
        return std::nullopt;
    return RiskReason{RiskReasonCode::BalanceUnavailable,
                      balance ? QStringLiteral("balance %1 is not positive: no entry is sized against it").arg(*balance)
                              : QStringLiteral("balance unknown: the platform did not report it"),
                      balance.value_or(kNoFigure), 0.0};
}

// Each limit below is tested the way the rule reads (`value >= limit`, `value > limit`), after
// notFiniteFigure() has failed any figure that is not a number: NaN would compare false and
// pass the limit.

/// 6. Drawdown from the equity peak.
MaybeReason drawdownReason(double balance, double equityPeak, const RiskSettings& settings)
{
    const double peak = std::max(equityPeak, balance);
    const double drawdown = (peak - balance) / peak;
    if (MaybeReason bad = notFiniteFigure([] { return QStringLiteral("drawdown"); }, drawdown, settings.maxDrawdownPct))
        return bad;
    if (drawdown >= settings.maxDrawdownPct)
        return RiskReason{RiskReasonCode::DrawdownLimit,
                          QStringLiteral("drawdown %1 from the peak reaches the limit of %2")
                              .arg(percent(drawdown), percent(settings.maxDrawdownPct)),
                          drawdown, settings.maxDrawdownPct};
    return std::nullopt;
}

/// The VaR the limit was checked against, and the reason when the check failed.
struct VarCheck {
    std::optional<RiskReport> report;
    MaybeReason reason;
};

/// 7. Portfolio VaR with the trade (and every pending order) in it.
VarCheck portfolioVarCheck(const NetHoldings& after, const PortfolioState& portfolio, double balance,
                           const RiskSettings& settings, const VarEstimator& estimator)
{
    QList<PortfolioExposure> exposures;
    for (const NetHolding& holding : after) {
        const QString holdingKey = holding.instrument.key();
        exposures.append(PortfolioExposure{holdingKey, holding.units * holding.markPrice / balance,
                                           estimator.options().prior.dailyVolatility(holding.instrument.assetClass()),
                                           portfolio.returns.value(holdingKey)});
    }
    const auto report = estimatePortfolioVar(exposures, settings.varConfidence, 1, estimator);
    if (!report)
        return {std::nullopt,
                RiskReason{RiskReasonCode::VarUnavailable,
                           QStringLiteral("portfolio VaR cannot be computed: %1").arg(report.error().message), kNoFigure,
                           settings.maxVarPct}};
    if (MaybeReason bad = notFiniteFigure([] { return QStringLiteral("portfolio VaR after the trade"); }, report->var, settings.maxVarPct))
        return {report.value(), std::move(bad)};
    if (report->var > settings.maxVarPct)
        return {report.value(),
                RiskReason{RiskReasonCode::VarLimit,
                           QStringLiteral("portfolio VaR %1 (%2 at %3) after the trade exceeds the limit of %4")
                               .arg(percent(report->var), report->methodLabel(), percent(settings.varConfidence),
                                    percent(settings.maxVarPct)),
                           report->var, settings.maxVarPct}};
    return {report.value(), std::nullopt};
}

/// 8. Position size in this instrument, pending orders included.
MaybeReason positionLimitReason(const TradeContext& trade, const NetHoldings& after, double balance,
                                const RiskSettings& settings)
{
    const NetHolding traded = after.value(trade.instrument.key());
    const double fraction = std::abs(traded.units * traded.markPrice) / balance;
    if (MaybeReason bad = notFiniteFigure(
            [&trade] { return QStringLiteral("position in %1 as a fraction of equity").arg(trade.instrument.symbol); },
                                          fraction, settings.maxPositionPct))
        return bad;
    if (fraction > settings.maxPositionPct)
        return RiskReason{RiskReasonCode::PositionLimit,
                          QStringLiteral("position in %1 would be %2 of equity (pending orders included), above the limit of %3")
                              .arg(trade.instrument.symbol, percent(fraction), percent(settings.maxPositionPct)),
                          fraction, settings.maxPositionPct};
    return std::nullopt;
}

/// 9. Concentration in the trade's asset class.
MaybeReason concentrationReason(AssetClass assetClass, const NetHoldings& after, double balance,
                                const RiskSettings& settings)
{
    double gross = 0.0;
    for (const NetHolding& holding : after) {
        if (holding.instrument.assetClass() == assetClass)
            gross += std::abs(holding.units * holding.markPrice);
    }
    const double fraction = gross / balance;
    if (MaybeReason bad = notFiniteFigure(
            [assetClass] { return QStringLiteral("%1 exposure as a fraction of equity").arg(assetClassName(assetClass)); },
                                          fraction, settings.maxAssetClassPct))
        return bad;
    if (fraction > settings.maxAssetClassPct)
        return RiskReason{RiskReasonCode::ConcentrationLimit,
                          QStringLiteral("%1 exposure would be %2 of equity (pending orders included), above the limit of %3")
                              .arg(assetClassName(assetClass), percent(fraction), percent(settings.maxAssetClassPct)),
                          fraction, settings.maxAssetClassPct};
    return std::nullopt;
}

/// 10. Trades today, approved-but-unexecuted ones included.
MaybeReason tradesPerDayReason(const PortfolioState& portfolio, const RiskSettings& settings)
{
    const int trades = portfolio.tradesToday + int(portfolio.pending.size());
    if (trades >= settings.maxTradesPerDay)
        return RiskReason{RiskReasonCode::DailyTradeLimit,
                          QStringLiteral("%1 trades today (pending included) reach the daily limit of %2")
                              .arg(trades)
                              .arg(settings.maxTradesPerDay),
                          double(trades), double(settings.maxTradesPerDay)};
    return std::nullopt;
}

/// 11. Volatility against confidence: the calmer the market, the weaker a signal may be.
MaybeReason volatilityReason(const TradeContext& trade, const RiskSettings& settings, const VarEstimator& estimator)
{
    const AssetClass assetClass = trade.instrument.assetClass();
    const double typical = estimator.options().prior.dailyVolatility(assetClass);
    const QList<double> series = trade.portfolio.returns.value(trade.instrument.key()).returns;
    const qsizetype window = std::min<qsizetype>(series.size(), std::max(2, settings.volatilityWindow));
    const bool measured = window >= 2 && VarEstimator::checkReturns(series).ok();
    const double recent = measured ? SampleMoments::of(std::span<const double>(series).last(std::size_t(window))).deviation
                                   : typical;
    const double allowed = typical * settings.volatilityConfidenceMultiple * trade.signalConfidence;
    if (MaybeReason bad = notFiniteFigure([] { return QStringLiteral("daily volatility"); }, recent, allowed))
        return bad;
    if (recent > allowed)
        return RiskReason{RiskReasonCode::VolatilityTooHigh,
                          QStringLiteral("daily volatility %1 (%2) is above the %3 a signal of confidence %4 may trade in "
                                         "(%5 typical for %6)")
                              .arg(percent(recent),
                                   measured ? QStringLiteral("last %1 returns").arg(window)
                                            : QStringLiteral("no history: typical"),
                                   percent(allowed), QString::number(trade.signalConfidence, 'f', 2), percent(typical),
                                   assetClassName(assetClass)),
                          recent, allowed};
    return std::nullopt;
}

void add(RiskVerdict& verdict, MaybeReason reason)
{
    if (reason)
        verdict.reasons.append(std::move(*reason));
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
    const bool tradeUsable = usableNumber(trade.quantity) && usableNumber(trade.price);
    const PositionChange change = positionChange(trade, tradeUsable);
    verdict.isReduction = change.reduces;
    verdict.reasons = nonFiniteInputs(trade, m_settings);
    verdict.reasons += nonFiniteHoldings(change.holdings);
    verdict.reasons += tradeSanityReasons(trade);
    if (!change.reduces)
        add(verdict, freshnessReason(trade));
    add(verdict, marketOpenReason(trade));
    add(verdict, exitReason(trade, tradeUsable, change));
    if (change.reduces) {
        verdict.approved = verdict.reasons.isEmpty();
        return verdict;
    }

    // The entry limits.
    const PortfolioState& portfolio = trade.portfolio;
    add(verdict, balanceReason(portfolio.balance));
    const bool balanceUsable = portfolio.balance && usableNumber(*portfolio.balance);
    if (balanceUsable)
        add(verdict, drawdownReason(*portfolio.balance, portfolio.equityPeak, m_settings));
    if (balanceUsable && tradeUsable) {
        const double balance = *portfolio.balance;
        const NetHoldings after = holdingsAfter(trade, change);
        VarCheck var = portfolioVarCheck(after, portfolio, balance, m_settings, m_estimator);
        verdict.varAfterTrade = var.report;
        add(verdict, std::move(var.reason));
        add(verdict, positionLimitReason(trade, after, balance, m_settings));
        add(verdict, concentrationReason(trade.instrument.assetClass(), after, balance, m_settings));
    }
    add(verdict, tradesPerDayReason(portfolio, m_settings));
    if (usableConfidence(trade.signalConfidence))
        add(verdict, volatilityReason(trade, m_settings, m_estimator));

    verdict.approved = verdict.reasons.isEmpty();
    if (!verdict.approved)
        log::risk()->info("{} {} refused: {} reason(s), first {}", trade.instrument.key(),
                          trade.side == Side::Buy ? "buy" : "sell", verdict.reasons.size(),
                          riskReasonName(verdict.reasons.first().code));
    return verdict;
}

} // namespace sentinel
