// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Interval.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace sentinel {

/// One OHLCV bar, named by its opening instant (UTC), as Alpha Vantage labels bars.
/// A bar is closed once its interval has ended.
struct Bar {
    QDateTime openTime; ///< UTC
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    double volume = 0;
    /// Outside the instrument's regular session (pre- or post-market trading), as far as the
    /// provider can tell. Strategies that trade the regular session only should skip these.
    bool extendedHours = false;

    friend bool operator==(const Bar&, const Bar&) = default;
};

using Bars = QList<Bar>;

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::Bar)
