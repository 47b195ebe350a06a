// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "market/Bar.h"

#include <QString>

// The market regime the advisor's "regime" section reports: a simple, deterministic rule on the
// closed bars, written down in docs/adr/0129-advisor-context-sources.md.

namespace sentinel {

enum class Trend { Up, Down, Ranging };
enum class Volatility { Low, Normal, High };

struct MarketRegime {
    Trend trend = Trend::Ranging;
    Volatility volatility = Volatility::Normal;
    /// How far SMA(30) moved over the last kSlopeBars bars, in ATR(14)s (signed).
    double slopeInAtr = 0;
    /// ATR(14) now over the mean of ATR(14) at each of the last kAtrMeanBars bars.
    double atrRatio = 1;
};

namespace regime {
inline constexpr int kSmaPeriod = 30;
inline constexpr int kSlopeBars = 10;
inline constexpr int kAtrPeriod = 14;
inline constexpr int kAtrMeanBars = 20;
/// SMA(30) moving at least one ATR over ten bars (a tenth of an ATR a bar) is a trend.
inline constexpr double kTrendSlope = 1.0;
inline constexpr double kLowVolatility = 0.8;  ///< ATR below 0.8x its mean
inline constexpr double kHighVolatility = 1.25; ///< ATR above 1.25x its mean
/// SMA(30) now and ten bars ago.
inline constexpr int kMinimumBars = kSmaPeriod + kSlopeBars;

[[nodiscard]] QString trendName(Trend trend);            ///< "trending up", "trending down", "ranging"
[[nodiscard]] QString volatilityName(Volatility volatility); ///< "low", "normal", "high"
} // namespace regime

/// The regime after the last of `bars` (oldest first), or why there is none: fewer than
/// regime::kMinimumBars bars, or a price that is not a positive finite number.
[[nodiscard]] Result<MarketRegime> classifyRegime(const Bars& bars);

} // namespace sentinel
