// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace sentinel::oanda {

/// One level of a price's book side.
struct PriceLevel {
    double price = 0;
    double liquidity = 0;
    friend bool operator==(const PriceLevel&, const PriceLevel&) = default;
};

/// A PRICE: the broker's bid and ask ladders for one instrument at one instant.
struct Price {
    QString instrument;
    QDateTime time; ///< UTC, to the millisecond
    /// Whether the instrument can be traded now (`tradeable`, or the older `status` text).
    bool tradeable = false;
    QList<PriceLevel> bids; ///< best first, as sent
    QList<PriceLevel> asks;
    std::optional<double> closeoutBid;
    std::optional<double> closeoutAsk;
};

/// A HEARTBEAT: the stream is alive, nothing new to say.
struct Heartbeat {
    QDateTime time;
};

using StreamMessage = std::variant<Price, Heartbeat>;

/// A pricing stream line is a few hundred bytes, a deep book a few KiB; a longer one is refused.
inline constexpr qsizetype kMaxStreamLineBytes = 64 * 1024;

/// Parses one line of GET /v3/accounts/{id}/pricing/stream (NDJSON). A trailing "\r\n" is
/// allowed; an empty line, a line over kMaxStreamLineBytes, a `type` other than PRICE and
/// HEARTBEAT, and any PRICE member that cannot be read exactly are typed errors.
[[nodiscard]] Result<StreamMessage> parseStreamLine(QByteArrayView line);

/// The answer of GET /v3/accounts/{id}/pricing.
struct Pricing {
    QList<Price> prices;
    QDateTime time; ///< the answer's own `time`; invalid when the body has none
};

[[nodiscard]] Result<Pricing> parsePricing(const QByteArray& body);

} // namespace sentinel::oanda
