// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Interval.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace sentinel::coinbase {

/// The candle sizes Coinbase's candles endpoint offers, by its own names.
enum class Granularity { OneMinute, FiveMinute, FifteenMinute, ThirtyMinute, OneHour, TwoHour, SixHour, OneDay };

/// "ONE_HOUR", as the request's `granularity` parameter spells it.
[[nodiscard]] QString granularityName(Granularity granularity);
[[nodiscard]] qint64 granularitySeconds(Granularity granularity);
/// The project's interval of the same length; TWO_HOUR and SIX_HOUR have none.
[[nodiscard]] std::optional<Interval> granularityInterval(Granularity granularity);
/// "ONE_HOUR" (any case) or a project interval name ("60min", "daily").
[[nodiscard]] std::optional<Granularity> parseGranularity(QStringView name);
[[nodiscard]] std::optional<Granularity> granularityOfSeconds(qint64 seconds);
/// Every accepted name, for messages.
[[nodiscard]] QString knownGranularityNames();

} // namespace sentinel::coinbase
