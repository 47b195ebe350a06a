// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/SizingDefaults.h"

#include <cmath>

namespace sentinel {

double lotSizeFor(AssetClass assetClass)
{
    switch (assetClass) {
    case AssetClass::Fx: return 1000; // a micro lot
    case AssetClass::Crypto: return 0.0001;
    case AssetClass::Equity: return 1;
    }
    return 1;
}

double stopDistanceOrDefault(std::optional<double> suggested, double price)
{
    constexpr double defaultStopFraction = 0.02;
    return suggested.value_or(price * defaultStopFraction);
}

std::optional<double> protectiveStop(Side side, double price, double stopDistance)
{
    const double stop = side == Side::Buy ? price - stopDistance : price + stopDistance;
    if (!std::isfinite(stop) || stop <= 0)
        return std::nullopt;
    return stop;
}

} // namespace sentinel
