// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"

#include <QByteArray>

namespace sentinel::test {

/// A GET .../market/products/{id}/candles answer in the recorded format
/// (tests/data/coinbase/market_product_candles_ONE_HOUR.json): every value a string, `start` in
/// unix seconds, newest first. `bars` are oldest first.
[[nodiscard]] QByteArray coinbaseCandlesBody(const Bars& bars);

} // namespace sentinel::test
