// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace sentinel {

/// Direction of a signal or an order.
enum class Side { Buy, Sell };

/// "buy" or "sell": the spelling journals, JSON and the UI use.
[[nodiscard]] QString sideName(Side side);
[[nodiscard]] std::optional<Side> parseSide(QStringView name);
[[nodiscard]] constexpr Side opposite(Side side) { return side == Side::Buy ? Side::Sell : Side::Buy; }

} // namespace sentinel
