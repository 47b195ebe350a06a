// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "providers/MarketDataProvider.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>

#include <functional>
#include <variant>

namespace sentinel {

/// What the parser may know besides the body. All optional.
struct AlphaVantageParseContext {
    /// The function that was called ("FX_INTRADAY", ...). Empty: recognised from the body.
    QString function;
    /// Rows timestamped after this are dropped as "future_timestamp". Invalid: no such check.
    QDateTime now;
    /// Says whether an intraday bar opening at this UTC instant lies in the regular session.
    /// Unset: equities use the NYSE regular hours (09:30–16:00 America/New_York, Mon–Fri).
    std::function<bool(const QDateTime& barOpenUtc)> isRegularSession;
};

/// An OHLCV series as Alpha Vantage described it, normalised: UTC instants, oldest first.
struct AlphaVantageBars {
    QString function;   ///< recognised or given function, e.g. "TIME_SERIES_INTRADAY"
    QString symbol;     ///< "IBM", "EUR/USD", "BTC/CNY"
    QString interval;   ///< "5min", "daily", ...
    QString timeZone;   ///< as the metadata named it
    Bars bars;
    QList<DataQualityIssue> issues;
};

/// CURRENCY_EXCHANGE_RATE: a quote for FX and crypto pairs.
struct AlphaVantageExchangeRate {
    QString from;
    QString to;
    double rate = 0;
    std::optional<double> bid;
    std::optional<double> ask;
    QDateTime refreshedAt; ///< UTC
};

/// One observation of an economic indicator, named by the first day of its period.
struct EconomicPoint {
    QDate date;
    double value = 0;

    friend bool operator==(const EconomicPoint&, const EconomicPoint&) = default;
};

/// An economic indicator (FEDERAL_FUNDS_RATE, CPI, ...): `{"name", "interval", "unit", "data":
/// [{"date", "value"}]}`, newest first on the wire, oldest first here, sanitised like bars.
struct AlphaVantageEconomicSeries {
    QString name;     ///< "Effective Federal Funds Rate"
    QString interval; ///< "monthly"
    QString unit;     ///< "percent", "index 1982-1984=100"
    QList<EconomicPoint> points;
    QList<DataQualityIssue> issues;
};

using AlphaVantagePayload = std::variant<AlphaVantageBars, Quote, AlphaVantageExchangeRate, IndicatorSeries,
                                         NewsSentiment, AlphaVantageEconomicSeries>;

/// Everything one Alpha Vantage body said, after sanitising.
struct AlphaVantageResponse {
    AlphaVantagePayload payload;
};

/// Parses one Alpha Vantage response body. A pure function: no I/O, no clock, no logging.
/// Field and metadata names are matched on their text, not their numbering ("1. open",
/// "1a. open (USD)", "1: Symbol"); numbers may be strings or JSON numbers; timestamps may lack
/// seconds or the time; the metadata's time zone is converted to UTC. Error bodies ("Error
/// Message", "Note", "Information"), HTML pages and cut-off JSON become typed errors
/// (providers/ProviderError.h). Bad rows are dropped and listed; no usable row is an error.
[[nodiscard]] Result<AlphaVantageResponse> parseAlphaVantage(const QByteArray& body,
                                                             const AlphaVantageParseContext& context);

/// The normalised form `sentinel parse alphavantage` prints and the golden tests compare:
/// instants as ISO-8601 UTC with `Z`, numbers as JSON numbers.
[[nodiscard]] QJsonObject toNormalisedJson(const AlphaVantageResponse& response);
/// {"error": {"kind": ..., "message": ..., "remedy": ...}}
[[nodiscard]] QJsonObject errorToJson(const Error& error);

} // namespace sentinel
