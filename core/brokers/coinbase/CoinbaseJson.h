// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/coinbase/CoinbaseCandles.h"

#include <QJsonObject>

namespace sentinel::coinbase {

/// The normalised JSON of a candles answer, what `sentinel parse coinbase` prints: the layout of
/// `sentinel parse alphavantage` ("type": "bars", "interval", "bars", ...; market/BarJson.h) plus
/// "granularity", "granularity_inferred" and "live_bar" (the candle still forming, null when none;
/// never among the bars), as `sentinel parse oanda` prints it.
[[nodiscard]] QJsonObject toJson(const CoinbaseCandles& candles);

} // namespace sentinel::coinbase
