// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/coinbase/CoinbaseDecimal.h"
#include "common/Error.h"
#include "common/Side.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace sentinel::coinbase {

/// Why Coinbase refused an order: POST /orders answered HTTP 200 with `success: false`.
/// A refusal is an answer, not a failure to read one, so it is a value (ADR 0113).
struct OrderRejection {
    QString error;                  ///< "INSUFFICIENT_FUND"; failure_reason when error_response has none
    QString message;                ///< Coinbase's words, cut to an excerpt
    QString details;                ///< error_details
    QString previewFailureReason;
    QString newOrderFailureReason;
};

/// The answer to POST /api/v3/brokerage/orders: accepted (orderId set) or rejected.
struct CreateOrderAnswer {
    QString orderId;       ///< Coinbase's id; empty when rejected
    QString clientOrderId; ///< our idempotency key, echoed; empty when rejected
    QString productId;
    std::optional<Side> side;
    std::optional<OrderRejection> rejection;

    [[nodiscard]] bool accepted() const { return !rejection.has_value(); }
};

/// One order as GET /orders/historical/{id} and /orders/historical/batch describe it.
struct CoinbaseOrder {
    QString orderId;
    QString clientOrderId; ///< the idempotency key the order was sent with: reconciliation matches on it
    QString productId;
    Side side = Side::Buy;
    QString status;        ///< PENDING, OPEN, FILLED, CANCELLED, EXPIRED, FAILED, … as sent
    QString orderType;     ///< MARKET, LIMIT, …
    QString timeInForce;
    QString configuration; ///< the order_configuration key, e.g. "market_market_ioc"
    std::optional<Decimal> baseSize;
    std::optional<Decimal> quoteSize;
    std::optional<Decimal> limitPrice;
    QDateTime createdTime;
    Decimal filledSize;
    std::optional<Decimal> averageFilledPrice;
    std::optional<Decimal> filledValue;
    std::optional<Decimal> totalFees;
    QString rejectReason;  ///< REJECT_REASON_UNSPECIFIED when none
    QString rejectMessage;
    QString cancelMessage;

    /// FILLED, CANCELLED, EXPIRED and FAILED never change again.
    [[nodiscard]] bool isFinal() const;
};

/// One page of GET /orders/historical/batch.
struct OrderPage {
    QList<CoinbaseOrder> orders;
    bool hasNext = false;
    QString cursor;
};

/// Parses the answer to POST /orders. Both `success: true` with `success_response` and
/// `success: false` with `error_response` are answers; a body that is neither is a typed error.
[[nodiscard]] Result<CreateOrderAnswer> parseCreateOrderAnswer(const QByteArray& body);
/// Parses GET /orders/historical/{order_id}: {"order": {...}}.
[[nodiscard]] Result<CoinbaseOrder> parseHistoricalOrder(const QByteArray& body);
/// Parses GET /orders/historical/batch: {"orders": [...], "has_next", "cursor"}.
[[nodiscard]] Result<OrderPage> parseHistoricalOrders(const QByteArray& body);

} // namespace sentinel::coinbase
