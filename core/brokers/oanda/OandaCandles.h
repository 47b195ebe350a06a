// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Interval.h"
#include "market/Bar.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sentinel::oanda {

/// Which prices a candle carries: OANDA sends the components the request named ("M", "B", "A").
enum class PriceComponent { Mid, Bid, Ask };

[[nodiscard]] QString priceComponentName(PriceComponent component); ///< "mid", "bid", "ask"

/// What the caller knows besides the body. All optional.
struct CandlesContext {
    /// The granularity asked for; used when the body does not name one, and must agree when it does.
    std::optional<Interval> granularity;
    /// The component to read. Unset: `mid` when the candles carry it, else `bid`, else `ask`.
    std::optional<PriceComponent> component;
};

/// The answer of GET /v3/instruments/{instrument}/candles (ADR 0112).
struct Candles {
    QString instrument;  ///< as the broker spelled it ("EUR_USD"); empty when the body names none
    Interval interval = Interval::Min1;
    PriceComponent component = PriceComponent::Mid;
    /// Every `"complete": true` candle, oldest first, as the broker labels it: the bar's opening
    /// instant (UTC), no calendar filtering (Sunday candles and the broker's daily alignment stay).
    Bars closed;
    /// The newest candle when it is still forming (`"complete": false`). Never a closed bar.
    std::optional<Bar> live;

    /// So that the two readers (below) can be held to each other.
    friend bool operator==(const Candles&, const Candles&) = default;
};

/// Parses a candles body. A pure function: no I/O, no clock, no logging. Any candle that cannot
/// be read exactly (a price that is not a decimal string, a missing member, a wrong type, high
/// below low, ...) makes the whole body an error naming the candle and the member
/// ("candles[3].mid.h"): a gap in a history would be a silently wrong series. Candles must be
/// strictly oldest first, and only the last may be incomplete.
[[nodiscard]] Result<Candles> parseCandles(const QByteArray& body, const CandlesContext& context = {});

// The two readers parseCandles chooses between (ADR 0125), public so that tests and fuzz targets
// can hold them to each other: the scanner's answer, whenever it gives one, is the DOM reader's.

/// The reference reader: QJsonDocument, then the members one by one; reads every body and names
/// every problem.
[[nodiscard]] Result<Candles> parseCandlesWithDom(const QByteArray& body, const CandlesContext& context = {});
/// The reader without a DOM (brokers/oanda/OandaCandleScan.h); nullopt when it leaves the body to
/// parseCandlesWithDom (an unusual shape, or a candle whose problem the DOM reader names).
[[nodiscard]] std::optional<Result<Candles>> parseCandlesWithScanner(const QByteArray& body, const CandlesContext& context = {});

} // namespace sentinel::oanda
