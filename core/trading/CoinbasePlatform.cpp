// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/CoinbasePlatform.h"

#include "brokers/coinbase/CoinbaseAccountCheck.h"
#include "brokers/coinbase/CoinbaseError.h"
#include "brokers/coinbase/CoinbaseFills.h"
#include "brokers/coinbase/CoinbaseOrders.h"
#include "brokers/coinbase/CoinbaseRest.h"
#include "common/Clock.h"
#include "common/Log.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>

namespace sentinel {

namespace ce = coinbaseError;

namespace {

/// The units as Coinbase's base_size: at most eight decimals, no trailing zeros ("0.001", "10").
QString baseSize(double quantity)
{
    QString text = QString::number(quantity, 'f', 8);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

QByteArray orderBody(const OrderRequest& request, const QString& product, const QString& size)
{
    const QJsonObject ioc{{QStringLiteral("base_size"), size}};
    const QJsonObject order{{QStringLiteral("client_order_id"), request.clientOrderId},
                            {QStringLiteral("product_id"), product},
                            {QStringLiteral("side"), request.side == Side::Buy ? QStringLiteral("BUY") : QStringLiteral("SELL")},
                            {QStringLiteral("order_configuration"), QJsonObject{{QStringLiteral("market_market_ioc"), ioc}}}};
    return QJsonDocument(order).toJson(QJsonDocument::Compact);
}

/// Whether Coinbase may have created the order although the answer does not say so.
bool inDoubt(const Error& error)
{
    return error.kind == u"timeout" || error.kind == u"network_error" || error.kind == u"truncated_body"
           || error.kind == u"body_too_large" || error.kind == ce::ServerError;
}

QString reasonOf(const coinbase::OrderRejection& rejection)
{
    QString reason = rejection.error;
    if (!rejection.message.isEmpty())
        reason += u": " + rejection.message;
    if (!rejection.details.isEmpty() && rejection.details != rejection.message)
        reason += u" (" + rejection.details + u')';
    for (const QString& more : {rejection.newOrderFailureReason, rejection.previewFailureReason}) {
        if (!more.isEmpty() && !more.startsWith(u"UNKNOWN") && more != rejection.error)
            reason += u"; " + more;
    }
    return reason;
}

} // namespace

CoinbasePlatform::CoinbasePlatform(Clock& clock, const CoinbaseSettings& settings, const QList<Instrument>& watchlist, QObject* parent)
    : BrokerPlatform(clock, QStringLiteral("Coinbase"), parent), m_rest(new coinbase::CoinbaseRest(settings, this))
{
    for (const Instrument& instrument : watchlist) {
        const QString product = coinbaseProductId(instrument.symbol);
        if (product.isEmpty())
            continue;
        m_productByKey.insert(instrument.key(), product);
        if (!m_keyByProduct.contains(product))
            m_keyByProduct.insert(product, instrument.key());
        const QString base = product.section(u'-', 0, 0);
        if (!m_keyByCurrency.contains(base))
            m_keyByCurrency.insert(base, instrument.key());
    }
}

CoinbasePlatform::~CoinbasePlatform() = default;

QString CoinbasePlatform::instrumentKeyOfProduct(const QString& productId) const
{
    return m_keyByProduct.value(productId, QStringLiteral("COINBASE:") + productId);
}

void CoinbasePlatform::placeOrder(const OrderRequest& request, FillCallback done)
{
    const QString product = m_productByKey.value(request.instrumentKey);
    const QString size = std::isfinite(request.quantity) ? baseSize(request.quantity) : QString();
    Error refusal;
    if (product.isEmpty())
        refusal = invalidOrder(QStringLiteral("%1 is not on the watchlist this Coinbase account trades").arg(request.instrumentKey));
    else if (request.clientOrderId.isEmpty() || request.clientOrderId.size() > 128)
        refusal = invalidOrder(QStringLiteral("a Coinbase order needs an idempotency key of 1 to 128 characters"));
    else if (!std::isfinite(request.quantity) || request.quantity <= 0 || request.quantity > 1e12 || size == u"0")
        refusal = invalidOrder(QStringLiteral("%1 units of %2 is not an amount Coinbase can trade (8 decimals at most)").arg(request.quantity).arg(product),
                               QStringLiteral("size the order in whole units of the base currency's smallest step"));
    if (!refusal.kind.isEmpty()) {
        QTimer::singleShot(0, this, [done = std::move(done), refusal] { done(refusal); });
        return;
    }
    log::engine()->info("Coinbase order {} {} {} {} (live)", request.clientOrderId, sideName(request.side), size, product);
    m_rest->post(QStringLiteral("/orders"), orderBody(request, product, size),
                 [this, request, done = std::move(done)](const coinbase::RestReply& reply) { onOrderAnswer(request, reply, done); });
}

void CoinbasePlatform::onOrderAnswer(const OrderRequest& request, const coinbase::RestReply& reply, const FillCallback& done)
{
    if (!reply.answer) {
        if (inDoubt(reply.answer.error())) {
            log::engine()->warn("Coinbase order {}: answer lost ({}); reconciling by its key", request.clientOrderId, reply.answer.error().kind);
            return reconcile(request, 0, done);
        }
        return done(reply.answer.error()); // 4xx, 401, 429, a key that cannot sign: Coinbase created no order
    }
    const auto parsed = coinbase::parseCreateOrderAnswer(reply.answer->body);
    if (!parsed) {
        // Answered 2xx, but the body cannot say what happened: ask Coinbase.
        log::engine()->warn("Coinbase order {}: unreadable answer ({}); reconciling", request.clientOrderId, parsed.error().message);
        return reconcile(request, 0, done);
    }
    if (parsed->rejection)
        return done(rejected(QStringLiteral("Coinbase refused the order: %1").arg(reasonOf(*parsed->rejection)),
                             QStringLiteral("nothing was traded; fix what the reason names")));
    settle(request, parsed->orderId, 0, done);
}

void CoinbasePlatform::settle(const OrderRequest& request, const QString& orderId, int attempt, const FillCallback& done)
{
    const QString path = QStringLiteral("/orders/historical/") + QString::fromLatin1(QUrl::toPercentEncoding(orderId));
    m_rest->get(path, {}, [this, request, orderId, attempt, done](const coinbase::RestReply& reply) {
        // The order exists: its outcome is asked for until Coinbase tells it, never guessed.
        auto askAgain = [this, request, orderId, attempt, done](const QString& why) {
            const auto wait = reconcileWait(attempt);
            log::engine()->warn("Coinbase order {}: not settled yet ({}); asking again in {} s", request.clientOrderId, why,
                                std::chrono::duration<double>(wait).count());
            QTimer::singleShot(wait, this, [this, request, orderId, attempt, done] { settle(request, orderId, attempt + 1, done); });
        };
        if (!reply.answer)
            return askAgain(reply.answer.error().toString());
        const auto order = coinbase::parseHistoricalOrder(reply.answer->body);
        if (!order)
            return askAgain(order.error().toString());
        if (order->clientOrderId != request.clientOrderId)
            return askAgain(QStringLiteral("Coinbase answered with order key %1").arg(order->clientOrderId));
        if (!order->isFinal())
            return askAgain(QStringLiteral("status %1").arg(order->status));
        if (order->filledSize.value <= 0)
            return done(rejected(QStringLiteral("Coinbase ended the order %1 with nothing filled (%2%3)")
                                     .arg(order->orderId, order->status,
                                          order->cancelMessage.isEmpty() ? QString() : u": " + order->cancelMessage),
                                 QStringLiteral("nothing was traded; an immediate-or-cancel order found no price to trade at")));
        fillOf(order.value(), [this, request, askAgain, done](const Result<Fill>& fill) {
            if (!fill)
                return askAgain(fill.error().toString());
            Fill traded = fill.value();
            traded.clientOrderId = request.clientOrderId;
            traded.instrumentKey = request.instrumentKey;
            log::engine()->info("Coinbase order {}: filled {} @ {}", request.clientOrderId, traded.quantity, traded.price);
            Q_EMIT filled(traded);
            done(traded);
        });
    });
}

void CoinbasePlatform::fillOf(const coinbase::CoinbaseOrder& order, std::function<void(const Result<Fill>&)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("order_ids"), order.orderId);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    m_rest->get(QStringLiteral("/orders/historical/fills"), query, [order, done = std::move(done)](const coinbase::RestReply& reply) {
        if (!reply.answer)
            return done(reply.answer.error());
        const auto page = coinbase::parseFills(reply.answer->body);
        if (!page)
            return done(page.error());
        Fill fill;
        fill.orderId = order.orderId;
        fill.side = order.side;
        double size = 0;
        double value = 0;
        for (const coinbase::CoinbaseFill& part : page->fills) {
            if (part.orderId != order.orderId || part.price.value <= 0)
                continue;
            const double units = part.sizeInQuote ? part.size.value / part.price.value : part.size.value;
            size += units;
            value += units * part.price.value;
            fill.fee += part.commission.value;
            fill.at = std::max(fill.at, part.tradeTime);
        }
        if (size > 0) {
            fill.quantity = size;
            fill.price = value / size;
        } else if (order.averageFilledPrice && order.averageFilledPrice->value > 0) {
            // Fills not listed (yet): the order's own figures are Coinbase's booking too.
            fill.quantity = order.filledSize.value;
            fill.price = order.averageFilledPrice->value;
            fill.fee = order.totalFees ? order.totalFees->value : 0;
            fill.at = order.createdTime;
        } else {
            return done(ce::make(ce::UnexpectedShape, QStringLiteral("order %1 is filled but Coinbase lists no fills for it").arg(order.orderId),
                                 QStringLiteral("it will be asked again")));
        }
        done(fill);
    });
}

void CoinbasePlatform::findFill(const QString& clientOrderId, FindFillCallback done)
{
    searchOrders(clientOrderId, {}, 0, std::move(done));
}

void CoinbasePlatform::searchOrders(const QString& clientOrderId, const QString& cursor, int page, FindFillCallback done)
{
    const QDateTime now = m_clock.now().toUTC();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("start_date"), now.addDays(-lookbackDays).toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("end_date"), now.addSecs(3600).toString(Qt::ISODate)); // an order placed this instant, clocks apart
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("250"));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    m_rest->get(QStringLiteral("/orders/historical/batch"), query,
                [this, clientOrderId, page, done = std::move(done)](const coinbase::RestReply& reply) {
                    if (!reply.answer)
                        return done(reply.answer.error());
                    const auto orders = coinbase::parseHistoricalOrders(reply.answer->body);
                    if (!orders)
                        return done(orders.error());
                    for (const coinbase::CoinbaseOrder& order : orders->orders) {
                        if (order.clientOrderId != clientOrderId)
                            continue;
                        if (!order.isFinal())
                            return done(ce::make(ce::UnexpectedShape, QStringLiteral("order %1 is still %2 at Coinbase").arg(clientOrderId, order.status),
                                                 QStringLiteral("it will be looked up again")));
                        if (order.filledSize.value <= 0)
                            return done(std::optional<Fill>()); // ended without trading anything
                        return fillOf(order, [this, clientOrderId, productId = order.productId, done](const Result<Fill>& fill) {
                            if (!fill)
                                return done(fill.error());
                            Fill found = fill.value();
                            found.clientOrderId = clientOrderId;
                            found.instrumentKey = instrumentKeyOfProduct(productId);
                            found.replayed = true;
                            done(std::optional<Fill>(found));
                        });
                    }
                    if (!orders->hasNext)
                        return done(std::optional<Fill>()); // not among the week's orders: never created
                    if (orders->cursor.isEmpty() || page + 1 >= maxOrderPages)
                        return done(ce::make(ce::UnexpectedShape,
                                             QStringLiteral("order %1 is not among the %2 pages of orders read").arg(clientOrderId).arg(page + 1),
                                             QStringLiteral("it will be looked up again")));
                    searchOrders(clientOrderId, orders->cursor, page + 1, done);
                });
}

void CoinbasePlatform::fetchPortfolio(PortfolioCallback done)
{
    coinbase::checkAccount(*m_rest, [this, done = std::move(done)](const Result<coinbase::AccountCheck>& account) {
        if (!account)
            return done(account.error());
        PortfolioSnapshot snapshot;
        snapshot.balance = account->balance;
        snapshot.equity = account->balance;
        snapshot.currency = account->currency;
        snapshot.at = m_clock.now();
        for (const coinbase::CoinbaseAccount& wallet : account->holdings) {
            Position position;
            position.instrumentKey = m_keyByCurrency.value(wallet.currency, QStringLiteral("COINBASE:") + wallet.currency);
            position.quantity = wallet.available.value + wallet.hold.value;
            // Coinbase reports no cost basis: the position is valued, and entered, at the last mark.
            position.marketPrice = markOr(position.instrumentKey, 0);
            position.averagePrice = position.marketPrice;
            snapshot.equity += position.marketValue();
            snapshot.positions.insert(position.instrumentKey, position);
        }
        snapshot.peakEquity = notePeak(snapshot.equity);
        done(snapshot);
    });
}

} // namespace sentinel
