// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Interval.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace sentinel {

enum class AssetClass { Fx, Crypto, Equity };

[[nodiscard]] QString assetClassName(AssetClass assetClass);

/// A watched instrument: what it is, where it trades and at what bar interval we follow it.
struct Instrument {
    QString symbol;   ///< "EUR/USD", "BTC/USD", "AAPL"
    QString market;   ///< ISO MIC ("XNYS", "XNAS"), "FX" or "CRYPTO"
    Interval interval = Interval::Min5;

    [[nodiscard]] AssetClass assetClass() const;
    /// Stable key for caches and journals: "XNYS:AAPL:5min".
    [[nodiscard]] QString key() const;

    friend bool operator==(const Instrument&, const Instrument&) = default;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::Instrument)
