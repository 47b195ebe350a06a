// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/oanda/OandaCandles.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace sentinel::oanda {

/// One candle as read, before the rules between candles (order, the live one last).
struct ReadCandle {
    Bar bar;
    bool complete = false;
};

/// A candles body as the scanner read it: the members as they are, every candle already held to
/// the rules a candle keeps on its own (an exact decimal, an instant, a whole volume, a valid bar).
struct ScannedCandles {
    QString instrument;  ///< empty when absent
    QString granularity; ///< empty when absent
    PriceComponent component = PriceComponent::Mid;
    QList<ReadCandle> candles;
};

/// Reads a candles body without building a QJsonDocument (ADR 0125): only the common shape,
/// {"instrument", "granularity", "candles": [{"complete", "time", "volume", "mid"/"bid"/"ask":
/// {"o","h","l","c"}}]} in any order, each member once, plain strings, a whole-number volume.
/// nullopt for anything else, and for any candle the DOM reader would refuse: the caller then
/// reads the body with the DOM, which names the problem. `component` as CandlesContext's.
[[nodiscard]] std::optional<ScannedCandles> scanCandles(const QByteArray& body, std::optional<PriceComponent> component);

} // namespace sentinel::oanda
