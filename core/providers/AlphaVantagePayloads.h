// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "providers/AlphaVantageParser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The Alpha Vantage parser's readers, one per kind of answer; parseAlphaVantage()
// (providers/AlphaVantageParser.h) picks one from the body's members. Not part of the public
// provider API.

namespace sentinel {
namespace alphaVantage {

/// A "Time Series ..." object (equity, FX or crypto): `orderedKeys` are the series' keys in
/// document order, duplicates included (empty when unknown: no order check then).
/// (AlphaVantageTimeSeries.cpp)
[[nodiscard]] Result<AlphaVantageResponse> parseBars(const QJsonObject& root, const QString& seriesKey,
                                                     const QStringList& orderedKeys,
                                                     const AlphaVantageParseContext& context);

// AlphaVantageEndpoints.cpp

/// A "Technical Analysis: <indicator>" object; `orderedKeys` as for parseBars().
[[nodiscard]] Result<AlphaVantageResponse> parseIndicator(const QJsonObject& root, const QString& seriesKey,
                                                          const QStringList& orderedKeys,
                                                          const AlphaVantageParseContext& context);
/// The "Global Quote" object.
[[nodiscard]] Result<AlphaVantageResponse> parseQuote(const QJsonObject& object);
/// The "Realtime Currency Exchange Rate" object.
[[nodiscard]] Result<AlphaVantageResponse> parseExchangeRate(const QJsonObject& object,
                                                             const AlphaVantageParseContext& context);
/// The "feed" array of NEWS_SENTIMENT.
[[nodiscard]] Result<AlphaVantageResponse> parseNews(const QJsonArray& feed, const AlphaVantageParseContext& context);

// AlphaVantageEconomic.cpp

/// An economic indicator body (FEDERAL_FUNDS_RATE, CPI, ...): its "data" array of dated values.
[[nodiscard]] Result<AlphaVantageResponse> parseEconomicSeries(const QJsonObject& root,
                                                               const AlphaVantageParseContext& context);

} // namespace alphaVantage
} // namespace sentinel
