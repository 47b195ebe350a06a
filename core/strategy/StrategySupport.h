// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "market/Bar.h"
#include "strategy/Signal.h"

#include <QString>

#include <optional>
#include <vector>

// Small helpers the built-in strategies share; not part of the public strategy API.

namespace sentinel::strategy {

/// A price as a trader reads it: up to 8 significant digits, no trailing zeros ("1.0842", "187.25").
[[nodiscard]] QString formatPrice(double price);

/// `multiple` x ATR when the ATR is known and positive.
[[nodiscard]] std::optional<double> stopDistance(std::optional<double> atr, double multiple);

/// The closes of `bars` when there are at least `minimum` bars and every close is a positive
/// finite number; a strategy stays silent otherwise.
[[nodiscard]] std::optional<std::vector<double>> usableCloses(const Bars& bars, int minimum);

/// A signal computed on the last of `bars` (non-empty): its close is the reference price and its
/// opening instant names the bar; confidence is clamped to 0..1.
[[nodiscard]] Signal signalOnLastBar(const Instrument& instrument, const Bars& bars, Side side, bool isExit,
                                     double confidence, QString reason, std::optional<double> stopDistance);

} // namespace sentinel::strategy
