// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "trading/Order.h"
#include "trading/Portfolio.h"

#include <QObject>

#include <functional>
#include <optional>

namespace sentinel {

/// Where orders go: the paper account today, a broker later. Asynchronous in shape because a
/// broker answers over the network: callbacks run later, on the platform's thread, never inside
/// the call that placed the order. Implementations must be idempotent by client order id.
class TradingPlatform : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TradingPlatform)
public:
    using FillCallback = std::function<void(const Result<Fill>&)>;
    using PortfolioCallback = std::function<void(const Result<PortfolioSnapshot>&)>;
    using FindFillCallback = std::function<void(const Result<std::optional<Fill>>&)>;

    ~TradingPlatform() override = default;

    /// "paper", or the broker's name.
    [[nodiscard]] virtual QString name() const = 0;
    /// Executes `request` and reports the fill or why it was refused. A request whose client
    /// order id was filled before reports that original fill (Fill::replayed) and trades nothing.
    virtual void placeOrder(const OrderRequest& request, FillCallback done) = 0;
    /// Reports the account as it stands now.
    virtual void fetchPortfolio(PortfolioCallback done) = 0;
    /// What became of the order sent with `clientOrderId`: its fill, or nullopt when the
    /// platform never executed it. The engine asks after an answer was lost (a crash between
    /// sending and journalling) before it sends anything new. A local account may answer at
    /// once, inside the call; a broker answers later.
    virtual void findFill(const QString& clientOrderId, FindFillCallback done) = 0;
    /// The latest price of an instrument. An account that values positions itself (a broker)
    /// has nothing to do; the paper account marks its positions with it.
    [[nodiscard]] virtual Status markPrice(const QString& instrumentKey, double price)
    {
        Q_UNUSED(instrumentKey)
        Q_UNUSED(price)
        return okStatus();
    }

Q_SIGNALS:
    /// An order was filled and the account changed (not emitted for replays). Whoever caches the
    /// portfolio must drop the cached copy.
    void filled(const sentinel::Fill& fill);

protected:
    explicit TradingPlatform(QObject* parent = nullptr) : QObject(parent) {}
};

} // namespace sentinel
