// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Interval.h"

#include <QString>

#include <optional>

namespace sentinel::oanda {

/// OANDA's name for an interval: M1, M5, M15, M30, H1, D.
[[nodiscard]] QString granularityName(Interval interval);
/// The interval of an OANDA granularity name; nothing for the granularities the engine does not
/// use (S5, H4, W, M, ...) and for anything else.
[[nodiscard]] std::optional<Interval> parseGranularity(QStringView name);
/// "M1, M5, M15, M30, H1, D", for error messages.
[[nodiscard]] QString supportedGranularities();

} // namespace sentinel::oanda
