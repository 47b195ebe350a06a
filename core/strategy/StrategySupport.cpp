// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/StrategySupport.h"

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

} // namespace sentinel::strategy
