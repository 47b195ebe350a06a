// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/AdviceRecord.h"
#include "common/Instrument.h"
#include "common/PositionState.h"
#include "common/Side.h"

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
    std::optional<AdviceRecord> advice; ///< what the LLM advisor said; none for a rule strategy

    friend bool operator==(const Signal&, const Signal&) = default;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::Signal)
