// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"
#include "market/BarValues.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace sentinel {

// The normalised JSON of bars, one layout for every source: what `sentinel parse alphavantage`,
// `sentinel parse oanda` and the parsers' golden tests print and compare.

/// {"open_time": "...Z", "open", "high", "low", "close", "volume", "extended_hours"}
[[nodiscard]] QJsonObject barToJson(const Bar& bar);
/// An array of barToJson().
[[nodiscard]] QJsonArray barsToJson(const Bars& bars);
/// [{"row", "rule", "message"}]
[[nodiscard]] QJsonArray issuesToJson(const QList<DataQualityIssue>& issues);
/// ISO-8601 UTC with a `Z`; empty for an invalid instant.
[[nodiscard]] QString isoUtc(const QDateTime& instant);

} // namespace sentinel
