// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Side.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace sentinel {

/// A market order as the engine asks a platform to execute it. `clientOrderId` is the
/// idempotency key: sending the same request again (after a crash, a timeout) never trades twice.
struct OrderRequest {
    QString clientOrderId;
    QString instrumentKey;    ///< Instrument::key(), e.g. "FX:EUR/USD:5min"
    Side side = Side::Buy;
    double quantity = 0;      ///< units, always positive; the side gives the direction
    double referencePrice = 0; ///< the price the decision was made at (last close)

    friend bool operator==(const OrderRequest&, const OrderRequest&) = default;
};

/// An executed order.
struct Fill {
    QString clientOrderId;
    QString orderId;          ///< assigned by the platform
    QString instrumentKey;
    Side side = Side::Buy;
    double price = 0;         ///< execution price, slippage included
    double quantity = 0;
    double fee = 0;           ///< account currency
    QDateTime at;             ///< UTC
    bool replayed = false;    ///< true when this is the stored fill of an order sent before (nothing changed)

    [[nodiscard]] double notional() const { return price * quantity; }
    friend bool operator==(const Fill&, const Fill&) = default;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::Fill)
