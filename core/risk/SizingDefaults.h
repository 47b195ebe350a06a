// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"

#include <optional>

namespace sentinel {

/// The smallest tradable step of an asset class: a micro lot (1,000 units) for FX, 0.0001 of a
/// coin for crypto, one share for equities. Position sizes are rounded down to it.
[[nodiscard]] double lotSizeFor(AssetClass assetClass);

/// The stop distance a position is sized for when the strategy suggests none: 2 % of the price.
[[nodiscard]] double stopDistanceOrDefault(std::optional<double> suggested, double price);

} // namespace sentinel
