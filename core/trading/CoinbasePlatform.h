// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "config/Config.h"
#include "trading/BrokerPlatform.h"

#include <QHash>
#include <QList>

namespace sentinel {

namespace coinbase {
class CoinbaseRest;
struct CoinbaseOrder;
struct RestReply;
} // namespace coinbase

/// A Coinbase Advanced Trade account as the trading platform (issue 14, ADR 0122). Real money
/// always: Coinbase has no practice account, so the engine builds this only with
/// `coinbase.allow_live: true`. Orders are `market_market_ioc` with `base_size` = the units and
/// `client_order_id` = the proposal's idempotency key. A refusal Coinbase answers with HTTP 200
/// and `success: false` is a typed `order_rejected` naming Coinbase's reason. An accepted order
/// is read back (GET /orders/historical/{id}) until it is final, and its fills (GET
/// /orders/historical/fills) make the Fill: average price, size and commission as Coinbase
/// booked them; an IOC that found nothing to trade is `order_rejected`.
///
/// Nothing is executed twice: when the answer is lost or in doubt (timeout, cut connection, 5xx,
/// a 2xx that cannot be read), the platform lists the orders of the last week
/// (/orders/historical/batch) and matches `client_order_id` (findFill), asking again on the
/// BrokerPlatform schedule until Coinbase says traded or never created. It never sends twice.
class CoinbasePlatform final : public BrokerPlatform
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoinbasePlatform)
public:
    /// `watchlist` maps Coinbase's products and currencies back to the engine's instrument keys.
    CoinbasePlatform(Clock& clock, const CoinbaseSettings& settings, const QList<Instrument>& watchlist, QObject* parent = nullptr);
    ~CoinbasePlatform() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("coinbase"); }
    void placeOrder(const OrderRequest& request, FillCallback done) override;
    /// Cash from the USD (else first fiat) wallet; each other wallet holding anything is a
    /// position in the watchlist pair with that base currency, valued at the engine's last mark.
    void fetchPortfolio(PortfolioCallback done) override;
    void findFill(const QString& clientOrderId, FindFillCallback done) override;

    /// How far back findFill lists orders.
    static constexpr int lookbackDays = 7;
    /// Pages of /orders/historical/batch read at most per lookup.
    static constexpr int maxOrderPages = 20;

private:
    void onOrderAnswer(const OrderRequest& request, const coinbase::RestReply& reply, const FillCallback& done);
    /// Reads an accepted order back until it is final, then its fills; tells `done`.
    void settle(const OrderRequest& request, const QString& orderId, int attempt, const FillCallback& done);
    /// The Fill of a final order with something filled, from its fills (or its own figures).
    void fillOf(const coinbase::CoinbaseOrder& order, std::function<void(const Result<Fill>&)> done);
    void searchOrders(const QString& clientOrderId, const QString& cursor, int page, FindFillCallback done);
    [[nodiscard]] QString instrumentKeyOfProduct(const QString& productId) const;

    coinbase::CoinbaseRest* m_rest;
    QHash<QString, QString> m_productByKey;  ///< instrument key → "BTC-USD"
    QHash<QString, QString> m_keyByProduct;  ///< "BTC-USD" → the first watchlist key for it
    QHash<QString, QString> m_keyByCurrency; ///< "BTC" → the first watchlist key with that base
};

} // namespace sentinel
