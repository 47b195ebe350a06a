// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "config/Config.h"
#include "trading/BrokerPlatform.h"

#include <QHash>
#include <QList>

namespace sentinel {

namespace oanda {
class OandaRest;
struct RestAnswer;
} // namespace oanda

/// An OANDA v20 account as the trading platform (issue 14, ADR 0118). Orders are MARKET FOK
/// with `clientExtensions.id` = the proposal's idempotency key; a buy may open or add to a
/// position, a sell is REDUCE_ONLY, so the engine's long-only book never becomes a short at the
/// broker. What moved money is read from the transaction the answer carries (ADR 0112): a fill
/// is a Fill; a cancel (201, e.g. MARKET_HALTED) or a reject (400) is a typed `order_rejected`
/// with OANDA's reason.
///
/// Nothing is executed twice, nothing is lost: when the answer is lost or in doubt (timeout,
/// connection cut, 5xx, a body that cannot be read, a key OANDA says exists already), the
/// platform asks OANDA for the order by its key before it answers, and keeps asking (2 s, 5 s,
/// 15 s, then every 30 s) until OANDA says filled or never created (BrokerPlatform::reconcile).
/// Only then does `done` run.
class OandaPlatform final : public BrokerPlatform
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OandaPlatform)
public:
    /// `watchlist` maps OANDA's instruments back to the engine's instrument keys.
    OandaPlatform(Clock& clock, const OandaSettings& settings, const QList<Instrument>& watchlist, QObject* parent = nullptr);
    ~OandaPlatform() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("oanda"); }
    void placeOrder(const OrderRequest& request, FillCallback done) override;
    /// Balance and NAV from the account summary, positions from openPositions, each valued at the
    /// engine's last mark (markPrice), else at its average price.
    void fetchPortfolio(PortfolioCallback done) override;
    void findFill(const QString& clientOrderId, FindFillCallback done) override;

private:
    void onOrderAnswer(const OrderRequest& request, const Result<oanda::RestAnswer>& answer, const FillCallback& done);
    [[nodiscard]] QString instrumentKeyOf(const QString& oandaInstrument) const;

    oanda::OandaRest* m_rest;
    QHash<QString, QString> m_keyByInstrument; ///< "EUR_USD" → the first watchlist key for it
    QHash<QString, QString> m_instrumentByKey; ///< instrument key → "EUR_USD"
};

} // namespace sentinel
