// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// Small helpers the built-in strategies share; not part of the public strategy API.

namespace sentinel::strategy {

/// A price as a trader reads it: up to 8 significant digits, no trailing zeros ("1.0842", "187.25").
[[nodiscard]] QString formatPrice(double price);

/// `multiple` x ATR when the ATR is known and positive.
[[nodiscard]] std::optional<double> stopDistance(std::optional<double> atr, double multiple);

} // namespace sentinel::strategy
