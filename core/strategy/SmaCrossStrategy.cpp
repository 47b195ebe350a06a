// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/SmaCrossStrategy.h"

#include "strategy/Indicators.h"
#include "strategy/StrategySupport.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace sentinel {

SmaCrossStrategy::SmaCrossStrategy(Parameters parameters) : m_parameters(parameters)
{
    assert(parameters.fastPeriod > 0 && parameters.fastPeriod < parameters.slowPeriod);
}

QString SmaCrossStrategy::name() const
{
    return QStringLiteral("sma_cross");
}

int SmaCrossStrategy::minimumBars() const
{
    // The slow average on the last bar and on the one before it.
    return m_parameters.slowPeriod + 1;
}

std::optional<Signal> SmaCrossStrategy::evaluate(const Instrument& instrument, const Bars& closedBars,
                                                 const PositionState& position) const
{
    const auto closes = strategy::usableCloses(closedBars, minimumBars());
    if (!closes)
        return std::nullopt;
    const std::span<const double> all(*closes);
    const std::span<const double> before = all.first(all.size() - 1);
    const auto fastNow = indicators::sma(all, m_parameters.fastPeriod);
    const auto slowNow = indicators::sma(all, m_parameters.slowPeriod);
    const auto fastBefore = indicators::sma(before, m_parameters.fastPeriod);
    const auto slowBefore = indicators::sma(before, m_parameters.slowPeriod);
    if (!fastNow || !slowNow || !fastBefore || !slowBefore)
        return std::nullopt;

    const bool crossedAbove = *fastBefore <= *slowBefore && *fastNow > *slowNow;
    const bool crossedBelow = *fastBefore >= *slowBefore && *fastNow < *slowNow;
    std::optional<Side> side;
    bool isExit = false;
    if (crossedAbove && !position.isLong()) {
        side = Side::Buy;
        isExit = position.isShort();
    } else if (crossedBelow && position.isLong()) {
        side = Side::Sell;
        isExit = true;
    }
    if (!side)
        return std::nullopt;

    const auto atr = indicators::wilderAtr(closedBars, m_parameters.atrPeriod);
    // Confidence grows with how decisively the averages separated, measured in ATRs so it means
    // the same on EUR/USD and on BTC/USD.
    double confidence = 0.5;
    if (atr && *atr > 0)
        confidence = std::clamp(0.5 + 0.5 * std::abs(*fastNow - *slowNow) / *atr, 0.0, 1.0);

    const QString reason = QStringLiteral("SMA(%1) crossed %2 SMA(%3) at %4")
                               .arg(m_parameters.fastPeriod)
                               .arg(crossedAbove ? QStringLiteral("above") : QStringLiteral("below"))
                               .arg(m_parameters.slowPeriod)
                               .arg(strategy::formatPrice(closes->back()));
    return strategy::signalOnLastBar(instrument, closedBars, *side, isExit, confidence, reason,
                                     strategy::stopDistance(atr, m_parameters.stopAtrMultiple));
}

} // namespace sentinel
