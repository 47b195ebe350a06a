// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/IndicatorContext.h"

#include "cache/CacheRegistry.h"
#include "strategy/Indicators.h"
#include "strategy/StrategySupport.h"

namespace sentinel {

namespace {
constexpr int kFastSma = 10;
constexpr int kSlowSma = 30;
constexpr int kRsiPeriod = 14;
constexpr int kAtrPeriod = 14;
} // namespace

QString IndicatorContext::name() const
{
    return cachenames::indicators.toString();
}

Result<QString> IndicatorContext::describe(const Bars& bars)
{
    if (bars.size() < kMinimumBars)
        return contextError::tooFewBars(QStringLiteral("indicators"), bars.size(), kMinimumBars);
    const auto closes = strategy::usableCloses(bars, kMinimumBars);
    const auto fast = closes ? indicators::sma(*closes, kFastSma) : std::nullopt;
    const auto slow = closes ? indicators::sma(*closes, kSlowSma) : std::nullopt;
    const std::vector<double> rsi = closes ? indicators::wilderRsi(*closes, kRsiPeriod) : std::vector<double>{};
    const auto atr = indicators::wilderAtr(bars, kAtrPeriod);
    if (!fast || !slow || rsi.empty() || !atr)
        return contextError::unusableBars();
    return QStringLiteral("indicators: close %1; sma10 %2; sma30 %3; rsi14 %4; atr14 %5")
        .arg(strategy::formatPrice(bars.last().close), strategy::formatPrice(*fast), strategy::formatPrice(*slow),
             QString::number(rsi.back(), 'f', 1), strategy::formatPrice(*atr));
}

void IndicatorContext::gather(const ContextQuestion& question, Done done)
{
    // Checked before the cache: a question that cannot be answered is no lookup.
    if (question.closedBars.size() < kMinimumBars)
        return done(contextError::tooFewBars(QStringLiteral("indicators"), question.closedBars.size(), kMinimumBars));
    gatherThrough(m_cache, question.lastBarKey(),
                  [bars = question.closedBars](const Done& answer) { answer(describe(bars)); }, std::move(done));
}

} // namespace sentinel
