// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/MarketRegime.h"

#include "strategy/AdvisorContext.h"
#include "strategy/Indicators.h"
#include "strategy/StrategySupport.h"

#include <numeric>

namespace sentinel {

QString regime::trendName(Trend trend)
{
    switch (trend) {
    case Trend::Up: return QStringLiteral("trending up");
    case Trend::Down: return QStringLiteral("trending down");
    case Trend::Ranging: break;
    }
    return QStringLiteral("ranging");
}

QString regime::volatilityName(Volatility volatility)
{
    switch (volatility) {
    case Volatility::Low: return QStringLiteral("low");
    case Volatility::High: return QStringLiteral("high");
    case Volatility::Normal: break;
    }
    return QStringLiteral("normal");
}

Result<MarketRegime> classifyRegime(const Bars& bars)
{
    using namespace regime;
    if (bars.size() < kMinimumBars)
        return contextError::tooFewBars(QStringLiteral("regime"), bars.size(), kMinimumBars);
    const auto closes = strategy::usableCloses(bars, kMinimumBars);
    if (!closes)
        return contextError::unusableBars();
    const std::span<const double> all(*closes);
    const auto smaNow = indicators::sma(all, kSmaPeriod);
    const auto smaBefore = indicators::sma(all.first(all.size() - kSlopeBars), kSmaPeriod);
    // ATR(14) after each of the last kAtrMeanBars bars, the newest last; every prefix starts at
    // the first bar, so each value is the one the ATR had then.
    std::vector<double> atrs;
    for (qsizetype end = bars.size() - kAtrMeanBars + 1; end <= bars.size(); ++end) {
        const auto atr = indicators::wilderAtr(bars.first(end), kAtrPeriod);
        if (!atr)
            return contextError::unusableBars();
        atrs.push_back(*atr);
    }
    if (!smaNow || !smaBefore)
        return contextError::unusableBars();

    MarketRegime result;
    const double atr = atrs.back();
    const double atrMean = std::accumulate(atrs.begin(), atrs.end(), 0.0) / double(atrs.size());
    // A market that does not move at all has no range to measure against: ranging, and its
    // volatility the same as its own past.
    result.slopeInAtr = atr > 0 ? (*smaNow - *smaBefore) / atr : 0.0;
    result.atrRatio = atrMean > 0 ? atr / atrMean : 1.0;
    if (result.slopeInAtr >= kTrendSlope)
        result.trend = Trend::Up;
    else if (result.slopeInAtr <= -kTrendSlope)
        result.trend = Trend::Down;
    if (result.atrRatio < kLowVolatility)
        result.volatility = Volatility::Low;
    else if (result.atrRatio > kHighVolatility)
        result.volatility = Volatility::High;
    return result;
}

} // namespace sentinel
