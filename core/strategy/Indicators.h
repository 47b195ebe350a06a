// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"

#include <optional>
#include <span>
#include <vector>

// Pure indicator arithmetic shared by the strategies. Each returns nothing when the input is too
// short or holds a value that is not finite, instead of a number that would look valid.

namespace sentinel::indicators {

/// Mean of the last `period` values.
[[nodiscard]] std::optional<double> sma(std::span<const double> values, int period);

/// Wilder's RSI series: element i is the RSI after values[i + period] (the first needs period + 1
/// values). Averages are seeded with the plain mean of the first `period` changes, then smoothed
/// as avg = (avg * (period - 1) + change) / period. No losses gives 100, no movement at all 50.
[[nodiscard]] std::vector<double> wilderRsi(std::span<const double> values, int period);

/// Wilder's average true range after the last bar (needs period + 1 bars).
[[nodiscard]] std::optional<double> wilderAtr(const Bars& bars, int period);

/// Closes of `bars` when every one is a positive finite number.
[[nodiscard]] std::optional<std::vector<double>> validCloses(const Bars& bars);

} // namespace sentinel::indicators
