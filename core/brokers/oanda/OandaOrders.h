// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sentinel::oanda {

/// What became of an order OANDA was sent (ADR 0112). Only Filled moved money.
enum class OrderOutcome {
    Filled,    ///< `orderFillTransaction`
    Cancelled, ///< accepted, then cancelled at once (201 with `orderCancelTransaction`): a rejection
    Rejected,  ///< refused as specified (400/404 with `orderRejectTransaction`)
    Pending,   ///< created and neither filled nor cancelled yet (not a MARKET FOK order)
};

[[nodiscard]] QString orderOutcomeName(OrderOutcome outcome); ///< "filled", "cancelled", ...

/// The answer of POST /v3/accounts/{id}/orders.
struct OrderAnswer {
    OrderOutcome outcome = OrderOutcome::Rejected;
    QString orderId;       ///< the order's transaction id; empty for a rejection, which creates none
    QString transactionId; ///< the fill's, cancel's or reject's transaction id
    QString clientOrderId; ///< `clientExtensions.id`: the proposal's idempotency key, when sent
    QString instrument;
    std::optional<double> units; ///< signed: negative sells
    std::optional<double> price; ///< the fill price
    QString tradeId;             ///< the trade a fill opened, when it opened one
    QString reason;              ///< the cancel `reason` or the `rejectReason`
    QString errorCode;           ///< a rejection's `errorCode`
    QString errorMessage;        ///< a rejection's `errorMessage`
    QString lastTransactionId;

    [[nodiscard]] bool isRejection() const { return outcome == OrderOutcome::Cancelled || outcome == OrderOutcome::Rejected; }
};

/// Parses an order-create answer by the transactions it carries, not its status alone: a fill
/// is a fill, a 201 with a cancel is a rejection, a 400 with a reject transaction is a rejection
/// with its reason. `httpStatus` (0: unknown) types an error answer without a transaction
/// (401, a 400 naming a bad field, ...) as the Error of brokers/oanda/OandaErrors.h.
[[nodiscard]] Result<OrderAnswer> parseOrderCreate(const QByteArray& body, int httpStatus);

class FieldReader;
/// Reads an ORDER_FILL transaction's order id, id, instrument, units, price and opened trade into
/// `answer` (shared by the order answer and the transaction lookup).
[[nodiscard]] Status readFillTransaction(const FieldReader& fill, OrderAnswer& answer);

} // namespace sentinel::oanda
