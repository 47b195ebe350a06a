// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sentinel::test {

/// A GET .../candles answer in the recorded format (tests/data/oanda/golden): `complete` bars
/// marked complete, then `forming` (if any) marked incomplete. Prices with five decimals.
[[nodiscard]] QByteArray oandaCandlesBody(const QString& instrument, const QString& granularity, const Bars& complete,
                                          const std::optional<Bar>& forming = std::nullopt);

} // namespace sentinel::test
