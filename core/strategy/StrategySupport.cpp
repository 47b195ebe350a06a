// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/StrategySupport.h"

#include "strategy/Indicators.h"

#include <algorithm>

namespace sentinel::strategy {

QString formatPrice(double price)
{
    return QString::number(price, 'g', 8);
}

std::optional<double> stopDistance(std::optional<double> atr, double multiple)
{
    if (!atr || *atr <= 0 || multiple <= 0)
        return std::nullopt;
    return *atr * multiple;
}

std::optional<std::vector<double>> usableCloses(const Bars& bars, int minimum)
{
    if (bars.size() < minimum)
        return std::nullopt;
    return indicators::validCloses(bars);
}

Signal signalOnLastBar(const Instrument& instrument, const Bars& bars, Side side, bool isExit, double confidence,
                       QString reason, std::optional<double> stopDistance)
{
    const Bar& last = bars.last();
    return Signal{instrument, side, isExit, std::clamp(confidence, 0.0, 1.0), std::move(reason), last.close,
                  last.openTime, stopDistance, std::nullopt};
}

} // namespace sentinel::strategy
