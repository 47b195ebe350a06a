// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaOrders.h"

#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaFields.h"

#include <tuple>
#include <utility>

namespace sentinel::oanda {

namespace oe = oandaError;

namespace {

bool isSuccess(int httpStatus)
{
    return httpStatus == 0 || (httpStatus >= 200 && httpStatus <= 299);
}

/// The idempotency key: the transaction's own `clientOrderID`, else the created order's
/// `clientExtensions.id`.
Result<QString> clientOrderId(const FieldReader& transaction, const FieldReader& root)
{
    auto own = transaction.optionalText(u"clientOrderID");
    if (!own || !own.value().isEmpty())
        return own;
    for (const QStringView holder : {QStringView(u"orderCreateTransaction"), QStringView(u"orderRejectTransaction")}) {
        if (!root.has(holder))
            continue;
        const auto created = root.child(holder);
        if (!created)
            return created.error();
        if (!created.value().has(u"clientExtensions"))
            continue;
        const auto extensions = created.value().child(u"clientExtensions");
        if (!extensions)
            return extensions.error();
        return extensions.value().optionalText(u"id");
    }
    return QString();
}

} // namespace

Status readFillTransaction(const FieldReader& fill, OrderAnswer& answer)
{
    for (auto [key, target] : {std::pair{u"orderID", &answer.orderId}, std::pair{u"id", &answer.transactionId},
                               std::pair{u"instrument", &answer.instrument}}) {
        if (auto read = store(fill.text(QStringView(key)), *target); !read)
            return read.error();
    }
    const auto units = fill.decimal(u"units");
    if (!units)
        return units.error();
    answer.units = units.value();
    const auto price = fill.decimal(u"price");
    if (!price)
        return price.error();
    if (price.value() <= 0)
        return fill.invalid(u"price", QStringLiteral("is %1; a fill price must be positive").arg(price.value()));
    answer.price = price.value();
    if (fill.has(u"tradeOpened")) {
        const auto opened = fill.child(u"tradeOpened");
        if (!opened)
            return opened.error();
        const auto trade = opened.value().text(u"tradeID");
        if (!trade)
            return trade.error();
        answer.tradeId = trade.value();
    }
    return okStatus();
}

namespace {

Status readCancel(const FieldReader& cancel, OrderAnswer& answer)
{
    for (auto [key, target] : {std::pair{u"orderID", &answer.orderId}, std::pair{u"id", &answer.transactionId},
                               std::pair{u"reason", &answer.reason}}) {
        if (auto read = store(cancel.text(QStringView(key)), *target); !read)
            return read.error();
    }
    return okStatus();
}

Status readReject(const FieldReader& reject, const FieldReader& root, OrderAnswer& answer)
{
    const auto id = reject.text(u"id");
    if (!id)
        return id.error();
    answer.transactionId = id.value();
    for (auto [reader, key, target] :
         {std::tuple{&reject, u"instrument", &answer.instrument}, std::tuple{&root, u"errorCode", &answer.errorCode},
          std::tuple{&root, u"errorMessage", &answer.errorMessage}}) {
        if (auto read = store(reader->optionalText(QStringView(key)), *target); !read)
            return read.error();
    }
    const auto reason = reject.optionalText(u"rejectReason");
    if (!reason)
        return reason.error();
    answer.reason = reason.value().isEmpty() ? answer.errorCode : reason.value();
    if (answer.reason.isEmpty())
        return reject.missing(u"rejectReason");
    const auto units = reject.optionalDecimal(u"units");
    if (!units)
        return units.error();
    answer.units = units.value();
    return okStatus();
}

} // namespace

QString orderOutcomeName(OrderOutcome outcome)
{
    switch (outcome) {
    case OrderOutcome::Filled:
        return QStringLiteral("filled");
    case OrderOutcome::Cancelled:
        return QStringLiteral("cancelled");
    case OrderOutcome::Rejected:
        return QStringLiteral("rejected");
    case OrderOutcome::Pending:
        return QStringLiteral("pending");
    }
    return QStringLiteral("rejected");
}

Result<OrderAnswer> parseOrderCreate(const QByteArray& body, int httpStatus)
{
    const auto object = readObjectBody(body);
    if (!object)
        return isSuccess(httpStatus) ? object.error() : oe::parseErrorBody(httpStatus, body);
    const FieldReader root(object.value(), QString());
    OrderAnswer answer;
    const auto last = root.optionalText(u"lastTransactionID");
    if (!last)
        return last.error();
    answer.lastTransactionId = last.value();

    // Which transaction is present decides; the status only has to agree with it.
    const bool fill = root.has(u"orderFillTransaction");
    const bool cancel = root.has(u"orderCancelTransaction");
    const bool reject = root.has(u"orderRejectTransaction");
    if (int(fill) + int(cancel) + int(reject) > 1)
        return oe::make(oe::UnexpectedShape,
                        QStringLiteral("the answer carries more than one of orderFillTransaction, orderCancelTransaction "
                                       "and orderRejectTransaction"),
                        QStringLiteral("look the order up by its client id before sending anything new"));
    if ((fill || cancel) && !isSuccess(httpStatus))
        return oe::make(oe::UnexpectedShape,
                        QStringLiteral("HTTP %1 carries an order %2 transaction").arg(httpStatus).arg(fill ? u"fill" : u"cancel"),
                        QStringLiteral("look the order up by its client id before sending anything new"));
    const QStringView key = fill ? QStringView(u"orderFillTransaction")
                            : cancel ? QStringView(u"orderCancelTransaction")
                            : reject ? QStringView(u"orderRejectTransaction")
                                     : QStringView(u"orderCreateTransaction");
    if (!root.has(key)) {
        if (!isSuccess(httpStatus) || root.has(u"errorMessage"))
            return oe::fromErrorAnswer(httpStatus, root.object());
        return root.missing(u"orderFillTransaction");
    }
    const auto transaction = root.child(key);
    if (!transaction)
        return transaction.error();
    Status read = okStatus();
    if (fill) {
        answer.outcome = OrderOutcome::Filled;
        read = readFillTransaction(transaction.value(), answer);
    } else if (cancel) {
        answer.outcome = OrderOutcome::Cancelled;
        read = readCancel(transaction.value(), answer);
    } else if (reject) {
        answer.outcome = OrderOutcome::Rejected;
        read = readReject(transaction.value(), root, answer);
    } else {
        answer.outcome = OrderOutcome::Pending;
        const auto id = transaction.value().text(u"id");
        if (!id)
            return id.error();
        answer.orderId = id.value();
        answer.transactionId = id.value();
        const auto instrument = transaction.value().optionalText(u"instrument");
        if (!instrument)
            return instrument.error();
        answer.instrument = instrument.value();
    }
    if (!read)
        return read.error();
    // A cancel names neither instrument nor units: the created order does.
    if (root.has(u"orderCreateTransaction") && (answer.instrument.isEmpty() || !answer.units)) {
        const auto created = root.child(u"orderCreateTransaction");
        if (!created)
            return created.error();
        const auto instrument = created.value().optionalText(u"instrument");
        if (!instrument)
            return instrument.error();
        const auto units = created.value().optionalDecimal(u"units");
        if (!units)
            return units.error();
        if (answer.instrument.isEmpty())
            answer.instrument = instrument.value();
        if (!answer.units)
            answer.units = units.value();
    }
    const auto idempotencyKey = clientOrderId(transaction.value(), root);
    if (!idempotencyKey)
        return idempotencyKey.error();
    answer.clientOrderId = idempotencyKey.value();
    return answer;
}

} // namespace sentinel::oanda
