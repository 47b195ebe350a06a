// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace sentinel {

/// Bar intervals, named as Alpha Vantage names them.
enum class Interval { Min1, Min5, Min15, Min30, Min60, Daily };

[[nodiscard]] QString intervalName(Interval interval);
[[nodiscard]] std::optional<Interval> parseInterval(QStringView name);
/// Length of an intraday bar; a daily bar is one session, so this returns 24 h for Daily
/// and callers that need session semantics must ask the calendar.
[[nodiscard]] std::chrono::minutes intervalLength(Interval interval);
[[nodiscard]] QString knownIntervalNames();

} // namespace sentinel
