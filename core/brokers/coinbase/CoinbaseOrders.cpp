// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseOrders.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "brokers/coinbase/CoinbaseFields.h"
#include "common/Excerpt.h"

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

/// How much of Coinbase's prose a rejection quotes.
constexpr qsizetype kReasonChars = 300;

OrderRejection readRejection(FieldReader& root)
{
    OrderRejection rejection;
    const QString failureReason = root.optionalString(u"failure_reason");
    FieldReader error(root.object(u"error_response"), root.path(u"error_response"));
    rejection.error = error.optionalString(u"error");
    rejection.message = excerpt(error.optionalString(u"message"), kReasonChars);
    rejection.details = excerpt(error.optionalString(u"error_details"), kReasonChars);
    rejection.previewFailureReason = error.optionalString(u"preview_failure_reason");
    rejection.newOrderFailureReason = error.optionalString(u"new_order_failure_reason");
    if (rejection.error.isEmpty())
        rejection.error = failureReason;
    if (!error.ok())
        root.fail(error.error());
    else if (rejection.error.isEmpty() && rejection.message.isEmpty() && rejection.newOrderFailureReason.isEmpty()
             && rejection.previewFailureReason.isEmpty())
        root.fail(ce::make(ce::MissingField, QStringLiteral("the order was refused but the answer gives no reason"),
                           QStringLiteral("look the order up on Coinbase; report this body")));
    return rejection;
}

CoinbaseOrder readOrder(FieldReader& reader)
{
    CoinbaseOrder order;
    order.orderId = reader.string(u"order_id");
    order.clientOrderId = reader.string(u"client_order_id");
    order.productId = reader.string(u"product_id");
    order.side = reader.side(u"side");
    order.status = reader.string(u"status");
    order.orderType = reader.optionalString(u"order_type");
    order.timeInForce = reader.optionalString(u"time_in_force");
    order.createdTime = reader.time(u"created_time");
    order.filledSize = reader.decimal(u"filled_size");
    order.averageFilledPrice = reader.optionalDecimal(u"average_filled_price");
    order.filledValue = reader.optionalDecimal(u"filled_value");
    order.totalFees = reader.optionalDecimal(u"total_fees");
    order.rejectReason = reader.optionalString(u"reject_reason");
    order.rejectMessage = excerpt(reader.optionalString(u"reject_message"), kReasonChars);
    order.cancelMessage = excerpt(reader.optionalString(u"cancel_message"), kReasonChars);
    const QJsonObject configuration = reader.object(u"order_configuration");
    if (!reader.ok())
        return order;
    // One key names the kind of order ("market_market_ioc", "limit_limit_gtc", …).
    if (configuration.size() != 1 || !configuration.begin().value().isObject()) {
        reader.fail(ce::make(ce::UnexpectedShape,
                             QStringLiteral("%1 holds %2 members; exactly one order kind was expected")
                                 .arg(reader.path(u"order_configuration"))
                                 .arg(configuration.size()),
                             QStringLiteral("report this body")));
        return order;
    }
    order.configuration = configuration.begin().key();
    FieldReader sizes(configuration.begin().value().toObject(), reader.path(u"order_configuration.") + order.configuration);
    order.baseSize = sizes.optionalDecimal(u"base_size");
    order.quoteSize = sizes.optionalDecimal(u"quote_size");
    order.limitPrice = sizes.optionalDecimal(u"limit_price");
    if (!sizes.ok())
        reader.fail(sizes.error());
    return order;
}

} // namespace

bool CoinbaseOrder::isFinal() const
{
    return status == u"FILLED" || status == u"CANCELLED" || status == u"EXPIRED" || status == u"FAILED";
}

Result<CreateOrderAnswer> parseCreateOrderAnswer(const QByteArray& body)
{
    Result<QJsonObject> root = parseObjectBody(body, kMaxRestBodyBytes, QStringLiteral("the order answer"));
    if (!root)
        return root.error();
    FieldReader reader(*root, QStringLiteral("body"));
    CreateOrderAnswer answer;
    if (!reader.boolean(u"success")) {
        if (!reader.ok())
            return reader.error();
        answer.rejection = readRejection(reader);
        if (!reader.ok())
            return reader.error();
        return answer;
    }
    FieldReader success(reader.object(u"success_response"), reader.path(u"success_response"));
    answer.orderId = success.string(u"order_id");
    answer.clientOrderId = success.string(u"client_order_id");
    answer.productId = success.optionalString(u"product_id");
    if (success.ok() && !success.optionalString(u"side").isEmpty())
        answer.side = success.side(u"side");
    if (!reader.ok())
        return reader.error();
    if (!success.ok())
        return success.error();
    if (answer.orderId.isEmpty())
        return ce::make(ce::MissingField, QStringLiteral("the order was accepted but the answer carries no order id"),
                        QStringLiteral("look the order up by its client_order_id before sending anything new"));
    return answer;
}

Result<CoinbaseOrder> parseHistoricalOrder(const QByteArray& body)
{
    Result<QJsonObject> root = parseObjectBody(body, kMaxRestBodyBytes, QStringLiteral("the order"));
    if (!root)
        return root.error();
    FieldReader reader(*root, QStringLiteral("body"));
    FieldReader orderReader(reader.object(u"order"), reader.path(u"order"));
    if (!reader.ok())
        return reader.error();
    CoinbaseOrder order = readOrder(orderReader);
    if (!orderReader.ok())
        return orderReader.error();
    return order;
}

Result<OrderPage> parseHistoricalOrders(const QByteArray& body)
{
    Result<QJsonObject> root = parseObjectBody(body, kMaxRestBodyBytes, QStringLiteral("the order list"));
    if (!root)
        return root.error();
    FieldReader reader(*root, QStringLiteral("body"));
    OrderPage page;
    const QJsonArray orders = reader.array(u"orders");
    page.hasNext = reader.boolean(u"has_next");
    page.cursor = reader.optionalString(u"cursor");
    page.orders = readEach<CoinbaseOrder>(reader, orders, QStringLiteral("orders"), readOrder);
    if (!reader.ok())
        return reader.error();
    return page;
}

} // namespace sentinel::coinbase
