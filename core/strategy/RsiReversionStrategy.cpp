// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/RsiReversionStrategy.h"

#include "strategy/Indicators.h"
#include "strategy/StrategySupport.h"

#include <algorithm>
#include <cassert>

namespace sentinel {

RsiReversionStrategy::RsiReversionStrategy(Parameters parameters) : m_parameters(parameters)
{
    assert(parameters.period > 0 && parameters.oversold < parameters.overbought);
}

QString RsiReversionStrategy::name() const
{
    return QStringLiteral("rsi_reversion");
}

int RsiReversionStrategy::minimumBars() const
{
    // Two RSI values (this bar and the one before) to see the level being crossed.
    return m_parameters.period + 2;
}

std::optional<Signal> RsiReversionStrategy::evaluate(const Instrument& instrument, const Bars& closedBars,
                                                     const PositionState& position) const
{
    const auto closes = strategy::usableCloses(closedBars, minimumBars());
    if (!closes)
        return std::nullopt;
    const std::vector<double> rsi = indicators::wilderRsi(*closes, m_parameters.period);
    if (rsi.size() < 2)
        return std::nullopt;
    const double now = rsi.back();
    const double before = rsi[rsi.size() - 2];

    std::optional<Side> side;
    bool isExit = false;
    double confidence = 0;
    if (position.isLong() && now > m_parameters.overbought) {
        side = Side::Sell;
        isExit = true;
        confidence = 0.5 + 0.5 * (now - m_parameters.overbought) / (100.0 - m_parameters.overbought);
    } else if (!position.isLong() && now < m_parameters.oversold
               && (position.isShort() || before >= m_parameters.oversold)) {
        side = Side::Buy;
        isExit = position.isShort();
        confidence = 0.5 + 0.5 * (m_parameters.oversold - now) / m_parameters.oversold;
    }
    if (!side)
        return std::nullopt;

    const QString reason = QStringLiteral("RSI(%1) at %2 is %3 %4 at %5")
                               .arg(m_parameters.period)
                               .arg(now, 0, 'f', 1)
                               .arg(*side == Side::Sell ? QStringLiteral("above overbought") : QStringLiteral("below oversold"))
                               .arg(*side == Side::Sell ? m_parameters.overbought : m_parameters.oversold)
                               .arg(strategy::formatPrice(closes->back()));
    return strategy::signalOnLastBar(instrument, closedBars, *side, isExit, confidence, reason,
                                     strategy::stopDistance(indicators::wilderAtr(closedBars, m_parameters.atrPeriod),
                                                            m_parameters.stopAtrMultiple));
}

} // namespace sentinel
