// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace sentinel::coinbase {

/// One candle as read, before the rules between candles (order, grid, now).
struct RawCandle {
    qint64 start = 0; ///< unix seconds
    Bar bar;
};

/// Reads a candles body without building a QJsonDocument (ADR 0125): only the common shape,
/// {"candles": [{"start", "low", "high", "open", "close", "volume"}, ...]}, members in any order,
/// each once, every value a plain string. nullopt for anything else, and for any candle the DOM
/// reader would refuse (a value that is no exact decimal, a bar that breaks market/BarValues.h's
/// rules, a body or a list above its cap): the caller then reads the body with the DOM, which
/// names the problem. Newest first, as in the body.
[[nodiscard]] std::optional<QList<RawCandle>> scanCandles(const QByteArray& body);

} // namespace sentinel::coinbase
