// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/oanda/OandaOrders.h"
#include "common/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace sentinel::oanda {

/// An order's state as GET /v3/accounts/{id}/orders/@{clientOrderID} reports it.
enum class OrderState { Pending, Filled, Triggered, Cancelled };

/// What OANDA knows of the order sent with one idempotency key (ADR 0118).
struct OrderLookup {
    QString orderId;
    OrderState state = OrderState::Pending;
    QString clientOrderId;        ///< clientExtensions.id, which must be the key asked for
    QString fillingTransactionId; ///< set when state is Filled
};

/// Parses the order lookup. nullopt when OANDA says no order has that client id (404 with
/// ORDER_DOESNT_EXIST): the order was never created. Any other error answer is its typed Error.
[[nodiscard]] Result<std::optional<OrderLookup>> parseOrderLookup(const QByteArray& body, int httpStatus);

/// A fill read back from GET /v3/accounts/{id}/transactions/{id}: the same fields as a fill in an
/// order answer, plus its instant. A transaction of another type is `unexpected_shape`.
struct FillTransaction {
    OrderAnswer fill;
    QDateTime time;
};
[[nodiscard]] Result<FillTransaction> parseFillTransaction(const QByteArray& body, int httpStatus);

} // namespace sentinel::oanda
