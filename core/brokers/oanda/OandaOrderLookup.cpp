// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaOrderLookup.h"

#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaFields.h"

namespace sentinel::oanda {

namespace oe = oandaError;

namespace {

std::optional<OrderState> parseState(const QString& text)
{
    if (text == u"PENDING")
        return OrderState::Pending;
    if (text == u"FILLED")
        return OrderState::Filled;
    if (text == u"TRIGGERED")
        return OrderState::Triggered;
    if (text == u"CANCELLED")
        return OrderState::Cancelled;
    return std::nullopt;
}

/// The root object of a 200 answer carrying `key`, or the error the answer is instead.
Result<FieldReader> answerRoot(const QByteArray& body, int httpStatus, QStringView key)
{
    if (httpStatus != 200)
        return oe::parseErrorBody(httpStatus, body);
    auto root = readAnswer(body, key);
    if (!root)
        return root.error();
    if (!root.value().has(key))
        return root.value().missing(key);
    return root;
}

} // namespace

Result<std::optional<OrderLookup>> parseOrderLookup(const QByteArray& body, int httpStatus)
{
    if (httpStatus == 404) {
        // Only OANDA's own "no such order" means never created; a 404 for the account is not.
        const auto object = readObjectBody(body);
        if (object && object.value().value(u"errorCode").toString() == u"ORDER_DOESNT_EXIST")
            return std::optional<OrderLookup>();
        return oe::parseErrorBody(httpStatus, body);
    }
    const auto root = answerRoot(body, httpStatus, u"order");
    if (!root)
        return root.error();
    const auto order = root.value().child(u"order");
    if (!order)
        return order.error();
    OrderLookup lookup;
    if (auto id = store(order.value().text(u"id"), lookup.orderId); !id)
        return id.error();
    const auto stateText = order.value().text(u"state");
    if (!stateText)
        return stateText.error();
    const auto state = parseState(stateText.value());
    if (!state)
        return order.value().invalid(u"state", QStringLiteral("'%1' is not an order state (PENDING, FILLED, TRIGGERED, CANCELLED)").arg(stateText.value().left(40)));
    lookup.state = *state;
    if (order.value().has(u"clientExtensions")) {
        const auto extensions = order.value().child(u"clientExtensions");
        if (!extensions)
            return extensions.error();
        if (auto key = store(extensions.value().optionalText(u"id"), lookup.clientOrderId); !key)
            return key.error();
    }
    if (lookup.state == OrderState::Filled) {
        if (auto filling = store(order.value().text(u"fillingTransactionID"), lookup.fillingTransactionId); !filling)
            return filling.error();
    }
    return std::optional<OrderLookup>(lookup);
}

Result<FillTransaction> parseFillTransaction(const QByteArray& body, int httpStatus)
{
    const auto root = answerRoot(body, httpStatus, u"transaction");
    if (!root)
        return root.error();
    const auto transaction = root.value().child(u"transaction");
    if (!transaction)
        return transaction.error();
    const auto type = transaction.value().text(u"type");
    if (!type)
        return type.error();
    if (type.value() != u"ORDER_FILL")
        return oe::make(oe::UnexpectedShape,
                        QStringLiteral("transaction %1 is %2, not ORDER_FILL").arg(transaction.value().pathOf(u"type"), type.value().left(40)),
                        QStringLiteral("look the order up again; the filling transaction id did not name a fill"));
    FillTransaction fill;
    fill.fill.outcome = OrderOutcome::Filled;
    if (Status read = readFillTransaction(transaction.value(), fill.fill); !read)
        return read.error();
    const auto time = transaction.value().time(u"time");
    if (!time)
        return time.error();
    fill.time = time.value();
    if (auto key = store(transaction.value().optionalText(u"clientOrderID"), fill.fill.clientOrderId); !key)
        return key.error();
    return fill;
}

} // namespace sentinel::oanda
