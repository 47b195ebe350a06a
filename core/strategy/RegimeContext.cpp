// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/RegimeContext.h"

#include "cache/CacheRegistry.h"

namespace sentinel {

QString RegimeContext::name() const
{
    return cachenames::regime.toString();
}

QString RegimeContext::describe(const MarketRegime& market)
{
    QString slope = QString::number(market.slopeInAtr, 'f', 2);
    if (market.slopeInAtr > 0)
        slope.prepend(u'+');
    return QStringLiteral("regime: %1, volatility %2 (sma30 moved %3 atr14 over %4 bars; atr14 %5x its %6-bar mean)")
        .arg(regime::trendName(market.trend), regime::volatilityName(market.volatility), slope)
        .arg(regime::kSlopeBars)
        .arg(QString::number(market.atrRatio, 'f', 2))
        .arg(regime::kAtrMeanBars);
}

void RegimeContext::gather(const ContextQuestion& question, Done done)
{
    // Checked before the cache: a question that cannot be answered is no lookup.
    if (question.closedBars.size() < regime::kMinimumBars)
        return done(contextError::tooFewBars(QStringLiteral("regime"), question.closedBars.size(), regime::kMinimumBars));
    gatherThrough(
        m_cache, question.lastBarKey(),
        [bars = question.closedBars](const Done& answer) {
            const Result<MarketRegime> classified = classifyRegime(bars);
            answer(classified ? Result<QString>(describe(*classified)) : Result<QString>(classified.error()));
        },
        std::move(done));
}

} // namespace sentinel
