// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "common/Side.h"

#include <optional>

namespace sentinel {

/// The smallest tradable step of an asset class: a micro lot (1,000 units) for FX, 0.0001 of a
/// coin for crypto, one share for equities. Position sizes are rounded down to it.
[[nodiscard]] double lotSizeFor(AssetClass assetClass);

/// The stop distance a position is sized for when the strategy suggests none: 2 % of the price.
[[nodiscard]] double stopDistanceOrDefault(std::optional<double> suggested, double price);

/// The protective stop an entry at `price` sized for `stopDistance` implies (ADR 0140): below a
/// buy, above a sell. None when it is not a positive finite price (a buy whose distance reaches
/// zero could never be stopped out).
[[nodiscard]] std::optional<double> protectiveStop(Side side, double price, double stopDistance);

} // namespace sentinel
