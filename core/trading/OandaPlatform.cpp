// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/OandaPlatform.h"

#include "brokers/oanda/OandaAccountCheck.h"
#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaOrderLookup.h"
#include "brokers/oanda/OandaOrders.h"
#include "brokers/oanda/OandaRest.h"
#include "common/Clock.h"
#include "common/Log.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cmath>
#include <memory>

namespace sentinel {

namespace oe = oandaError;

namespace {

QByteArray orderBody(const OrderRequest& request, const QString& instrument)
{
    const qint64 units = std::llround(request.quantity) * (request.side == Side::Buy ? 1 : -1);
    const QJsonObject order{
        {QStringLiteral("type"), QStringLiteral("MARKET")},
        {QStringLiteral("instrument"), instrument},
        {QStringLiteral("units"), QString::number(units)},
        {QStringLiteral("timeInForce"), QStringLiteral("FOK")},
        // A sell only ever reduces the long position the engine holds: never a short.
        {QStringLiteral("positionFill"), request.side == Side::Buy ? QStringLiteral("DEFAULT") : QStringLiteral("REDUCE_ONLY")},
        {QStringLiteral("clientExtensions"), QJsonObject{{QStringLiteral("id"), request.clientOrderId},
                                                         {QStringLiteral("tag"), QStringLiteral("trade-sentinel")}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("order"), order}}).toJson(QJsonDocument::Compact);
}

Fill toFill(const oanda::OrderAnswer& answer, const OrderRequest& request, const QDateTime& at)
{
    Fill fill;
    fill.clientOrderId = request.clientOrderId;
    fill.orderId = answer.orderId;
    fill.instrumentKey = request.instrumentKey;
    fill.side = answer.units && *answer.units < 0 ? Side::Sell : Side::Buy;
    fill.price = answer.price.value_or(0);
    fill.quantity = std::abs(answer.units.value_or(0));
    fill.fee = 0; // OANDA charges through the spread, already in the price
    fill.at = at;
    return fill;
}

/// Whether OANDA may have created the order although the answer does not say so.
bool inDoubt(const Error& error)
{
    return error.kind == u"timeout" || error.kind == u"network_error" || error.kind == u"truncated_body"
           || error.kind == u"body_too_large" || error.kind == oe::ServerError || error.kind == oe::BrokerError;
}

} // namespace

OandaPlatform::OandaPlatform(Clock& clock, const OandaSettings& settings, const QList<Instrument>& watchlist, QObject* parent)
    : BrokerPlatform(clock, QStringLiteral("OANDA"), parent), m_rest(new oanda::OandaRest(settings, this))
{
    for (const Instrument& instrument : watchlist) {
        const QString name = oanda::instrumentName(instrument.symbol);
        m_instrumentByKey.insert(instrument.key(), name);
        if (!m_keyByInstrument.contains(name))
            m_keyByInstrument.insert(name, instrument.key());
    }
}

OandaPlatform::~OandaPlatform() = default;

QString OandaPlatform::instrumentKeyOf(const QString& oandaInstrument) const
{
    // A position in a pair the watchlist does not follow still shows, under OANDA's own name.
    return m_keyByInstrument.value(oandaInstrument, QStringLiteral("OANDA:") + oandaInstrument);
}

void OandaPlatform::placeOrder(const OrderRequest& request, FillCallback done)
{
    const QString instrument = m_instrumentByKey.value(request.instrumentKey);
    const double whole = std::round(request.quantity);
    Error refusal;
    if (instrument.isEmpty())
        refusal = invalidOrder(QStringLiteral("%1 is not on the watchlist this OANDA account trades").arg(request.instrumentKey));
    else if (request.clientOrderId.isEmpty() || request.clientOrderId.size() > 128)
        refusal = invalidOrder(QStringLiteral("an OANDA order needs an idempotency key of 1 to 128 characters"));
    else if (!std::isfinite(request.quantity) || whole < 1 || std::abs(request.quantity - whole) > 1e-9 || whole > 1e12)
        refusal = invalidOrder(QStringLiteral("OANDA trades whole units; %1 is not a whole number from 1").arg(request.quantity),
                               QStringLiteral("size FX positions in units"));
    if (!refusal.kind.isEmpty()) {
        QTimer::singleShot(0, this, [done = std::move(done), refusal] { done(refusal); });
        return;
    }
    log::engine()->info("OANDA order {} {} {} units", request.clientOrderId, sideName(request.side), whole);
    m_rest->send("POST", m_rest->accountPath(QStringLiteral("/orders")), orderBody(request, instrument),
                 [this, request, done = std::move(done)](const Result<oanda::RestAnswer>& answer) { onOrderAnswer(request, answer, done); });
}

void OandaPlatform::onOrderAnswer(const OrderRequest& request, const Result<oanda::RestAnswer>& answer, const FillCallback& done)
{
    if (!answer) {
        log::engine()->warn("OANDA order {}: answer lost ({}); reconciling by its key", request.clientOrderId, answer.error().kind);
        return reconcile(request, 0, done);
    }
    const auto parsed = oanda::parseOrderCreate(answer->body, answer->status);
    if (!parsed) {
        if (answer->status >= 200 && answer->status < 300) {
            // Accepted, but the body cannot say what happened: ask OANDA.
            log::engine()->warn("OANDA order {}: unreadable {} answer ({}); reconciling", request.clientOrderId, answer->status,
                                parsed.error().message);
            return reconcile(request, 0, done);
        }
        if (inDoubt(parsed.error()))
            return reconcile(request, 0, done);
        return done(parsed.error()); // 400, 401, 403, 404: OANDA created no order
    }
    const oanda::OrderAnswer& order = parsed.value();
    switch (order.outcome) {
    case oanda::OrderOutcome::Filled: {
        const Fill fill = toFill(order, request, m_clock.now());
        Q_EMIT filled(fill);
        return done(fill);
    }
    case oanda::OrderOutcome::Cancelled:
        return done(rejected(QStringLiteral("OANDA cancelled the order at once: %1").arg(order.reason),
                             order.reason == u"MARKET_HALTED" ? QStringLiteral("the market is closed or halted; approve again when it trades")
                                                               : QStringLiteral("nothing was traded; see the reason")));
    case oanda::OrderOutcome::Rejected:
        if (order.reason == u"CLIENT_ORDER_ID_ALREADY_EXISTS")
            return reconcile(request, 0, done); // sent before: report what became of it
        return done(rejected(QStringLiteral("OANDA rejected the order: %1%2").arg(order.reason, order.errorMessage.isEmpty() ? QString() : u" (" + order.errorMessage + u')'),
                             QStringLiteral("nothing was traded; fix what the reason names")));
    case oanda::OrderOutcome::Pending:
        return reconcile(request, 0, done); // a MARKET FOK order should not rest: find out
    }
}

void OandaPlatform::findFill(const QString& clientOrderId, FindFillCallback done)
{
    const QString specifier = u'@' + QString::fromLatin1(QUrl::toPercentEncoding(clientOrderId));
    m_rest->get(m_rest->accountPath(QStringLiteral("/orders/") + specifier), {},
                [this, clientOrderId, done = std::move(done)](const Result<oanda::RestAnswer>& answer) {
                    if (!answer)
                        return done(answer.error());
                    const auto lookup = oanda::parseOrderLookup(answer->body, answer->status);
                    if (!lookup)
                        return done(lookup.error());
                    if (!lookup.value())
                        return done(std::optional<Fill>());
                    const oanda::OrderLookup& order = *lookup.value();
                    if (!order.clientOrderId.isEmpty() && order.clientOrderId != clientOrderId)
                        return done(oe::make(oe::UnexpectedShape,
                                             QStringLiteral("asked for order @%1 and OANDA answered with @%2").arg(clientOrderId, order.clientOrderId)));
                    if (order.state == oanda::OrderState::Cancelled)
                        return done(std::optional<Fill>());
                    if (order.state != oanda::OrderState::Filled)
                        return done(oe::make(oe::UnexpectedShape, QStringLiteral("order @%1 is still pending at OANDA").arg(clientOrderId),
                                             QStringLiteral("it will be looked up again")));
                    m_rest->get(m_rest->accountPath(QStringLiteral("/transactions/") + order.fillingTransactionId), {},
                                [this, clientOrderId, done](const Result<oanda::RestAnswer>& transaction) {
                                    if (!transaction)
                                        return done(transaction.error());
                                    const auto fill = oanda::parseFillTransaction(transaction->body, transaction->status);
                                    if (!fill)
                                        return done(fill.error());
                                    OrderRequest original;
                                    original.clientOrderId = clientOrderId;
                                    original.instrumentKey = instrumentKeyOf(fill->fill.instrument);
                                    Fill found = toFill(fill->fill, original, fill->time);
                                    found.replayed = true;
                                    done(std::optional<Fill>(found));
                                });
                });
}

void OandaPlatform::fetchPortfolio(PortfolioCallback done)
{
    oanda::checkAccount(*m_rest, [this, done = std::move(done)](const Result<oanda::AccountCheck>& account) {
        if (!account)
            return done(account.error());
        PortfolioSnapshot snapshot;
        snapshot.balance = account->summary.balance;
        snapshot.equity = account->summary.nav;
        snapshot.currency = account->summary.currency;
        snapshot.at = m_clock.now();
        snapshot.peakEquity = notePeak(snapshot.equity);
        for (const oanda::Position& held : account->positions) {
            const double units = held.longSide.units + held.shortSide.units;
            if (units == 0)
                continue;
            const auto& side = units > 0 ? held.longSide : held.shortSide;
            Position position;
            position.instrumentKey = instrumentKeyOf(held.instrument);
            position.quantity = units;
            position.averagePrice = side.averagePrice.value_or(0);
            position.marketPrice = markOr(position.instrumentKey, position.averagePrice);
            snapshot.positions.insert(position.instrumentKey, position);
        }
        done(snapshot);
    });
}

} // namespace sentinel
