// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "strategy/Side.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace sentinel {

/// What a strategy concluded from the closed bars of one instrument. A value: it names the bar it
/// was computed on, so the engine can prove it was not computed on stale data.
struct Signal {
    Instrument instrument;
    Side side = Side::Buy;
    bool isExit = false;          ///< closes (part of) the position instead of opening one
    double confidence = 0;        ///< 0..1, how clear the setup is (not a probability of profit)
    QString reason;               ///< "SMA(10) crossed above SMA(30) at 1.0842"
    double referencePrice = 0;    ///< close of the bar it was computed on
    QDateTime barOpenTime;        ///< UTC opening instant of that bar
    std::optional<double> stopDistance; ///< suggested stop distance in price units (2 x ATR)

    friend bool operator==(const Signal&, const Signal&) = default;
};

/// What the strategy needs to know about the current position in the instrument.
/// Quantity is signed: positive long, negative short, zero flat.
struct PositionState {
    double quantity = 0;
    double averagePrice = 0;

    [[nodiscard]] bool isLong() const { return quantity > 0; }
    [[nodiscard]] bool isShort() const { return quantity < 0; }
    [[nodiscard]] bool isFlat() const { return quantity == 0; }
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::Signal)
