// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/coinbase/CoinbaseGranularity.h"
#include "common/Error.h"
#include "market/Bar.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace sentinel::coinbase {

/// What the candles parser needs besides the body.
struct CandleParseOptions {
    /// The granularity the request asked for. Unset: inferred from the candles' spacing.
    std::optional<Granularity> granularity;
    /// Decides which candles are closed; required (an invalid instant is a no_clock error).
    QDateTime now;
};

/// A candles answer, normalised: UTC instants, oldest first, split into closed bars and the one
/// still forming. Coinbase marks no candle complete; a candle is closed once start + granularity
/// <= now (ADR 0113).
struct CoinbaseCandles {
    /// Unset only for an empty answer without a given granularity.
    std::optional<Granularity> granularity;
    bool granularityInferred = false;
    Bars closed;                ///< oldest first
    std::optional<Bar> forming; ///< the newest candle while its interval runs; never a closed bar

    /// So that the two readers (below) can be held to each other.
    friend bool operator==(const CoinbaseCandles&, const CoinbaseCandles&) = default;
};

/// The most candles one answer may hold (Coinbase serves at most 350 a request).
inline constexpr qsizetype kMaxCandles = 10000;

/// Parses the body of GET /api/v3/brokerage/market/products/{id}/candles (or the authenticated
/// /products/{id}/candles): {"candles":[{"start":"1712192400","low":"…","high":"…","open":"…",
/// "close":"…","volume":"…"}, …]}, newest first. The whole answer is refused with a typed error
/// (coinbase/CoinbaseError.h) naming the candle index and field when any candle is bad: a value
/// that is no exact decimal, inconsistent OHLC, a duplicate or out-of-order start, a start off the
/// granularity's grid or after `now`. A pure function: no I/O, no clock, no logging.
[[nodiscard]] Result<CoinbaseCandles> parseCoinbaseCandles(const QByteArray& body, const CandleParseOptions& options);

// The two readers parseCoinbaseCandles chooses between (ADR 0125), public so that tests and fuzz
// targets can hold them to each other: the scanner's answer, whenever it gives one, is the DOM
// reader's.

/// The reference reader: QJsonDocument, then the fields one by one; reads every body and names
/// every problem.
[[nodiscard]] Result<CoinbaseCandles> parseCoinbaseCandlesWithDom(const QByteArray& body, const CandleParseOptions& options);
/// The reader without a DOM (brokers/coinbase/CoinbaseCandleScan.h); nullopt when it leaves the
/// body to parseCoinbaseCandlesWithDom (an unusual shape, or a candle whose problem the DOM
/// reader names).
[[nodiscard]] std::optional<Result<CoinbaseCandles>> parseCoinbaseCandlesWithScanner(const QByteArray& body,
                                                                                    const CandleParseOptions& options);

} // namespace sentinel::coinbase
