// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/SizingDefaults.h"

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

} // namespace sentinel
