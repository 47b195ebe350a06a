// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/oanda/OandaAccount.h"
#include "brokers/oanda/OandaCandles.h"
#include "brokers/oanda/OandaOrders.h"
#include "brokers/oanda/OandaPricing.h"

#include <QJsonObject>

// The normalised JSON of each OANDA answer: what `sentinel parse oanda` prints and the golden
// tests compare. Instants are ISO-8601 UTC with `Z`, numbers are JSON numbers.

namespace sentinel::oanda {

/// The layout of `sentinel parse alphavantage` ("type": "bars", "symbol", "interval", "bars",
/// ...) plus "granularity", "price" and "live_bar" (null when no candle is forming).
[[nodiscard]] QJsonObject toJson(const Candles& candles);
[[nodiscard]] QJsonObject toJson(const StreamMessage& message);
[[nodiscard]] QJsonObject toJson(const Pricing& pricing);
[[nodiscard]] QJsonObject toJson(const OrderAnswer& answer);
[[nodiscard]] QJsonObject toJson(const AccountSummary& summary);
[[nodiscard]] QJsonObject toJson(const QList<Position>& positions);

} // namespace sentinel::oanda
