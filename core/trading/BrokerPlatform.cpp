// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/BrokerPlatform.h"

#include "common/Log.h"

#include <QTimer>

#include <cmath>

namespace sentinel {

BrokerPlatform::BrokerPlatform(Clock& clock, QString broker, QObject* parent)
    : TradingPlatform(parent), m_clock(clock), m_broker(std::move(broker))
{
}

BrokerPlatform::~BrokerPlatform() = default;

Error BrokerPlatform::rejected(const QString& message, const QString& remedy)
{
    return Error{QStringLiteral("order_rejected"), message, remedy};
}

Error BrokerPlatform::invalidOrder(const QString& message, const QString& remedy)
{
    return Error{QStringLiteral("invalid_order"), message, remedy};
}

double BrokerPlatform::notePeak(double equity)
{
    m_peakEquity = std::max(m_peakEquity, equity);
    return m_peakEquity;
}

Status BrokerPlatform::markPrice(const QString& instrumentKey, double price)
{
    if (std::isfinite(price) && price > 0)
        m_marks.insert(instrumentKey, price);
    return okStatus();
}

std::chrono::milliseconds BrokerPlatform::reconcileWait(int attempt) const
{
    return m_reconcileWaits.value(std::min<qsizetype>(attempt, m_reconcileWaits.size() - 1), std::chrono::seconds(30));
}

void BrokerPlatform::reconcile(const OrderRequest& request, int attempt, const FillCallback& done)
{
    findFill(request.clientOrderId, [this, request, attempt, done](const Result<std::optional<Fill>>& found) {
        if (found && found.value()) {
            Fill fill = *found.value();
            fill.instrumentKey = request.instrumentKey;
            fill.replayed = false; // the engine learns of this fill now
            log::engine()->info("{} order {}: reconciled, filled {} @ {}", m_broker, request.clientOrderId, fill.quantity, fill.price);
            Q_EMIT filled(fill);
            return done(fill);
        }
        if (found)
            return done(rejected(QStringLiteral("%1 has no order with key %2: it was never created").arg(m_broker, request.clientOrderId),
                                 QStringLiteral("nothing was traded; approve again if still wanted")));
        // Still in doubt: never guess, never send again; ask again later.
        const auto wait = reconcileWait(attempt);
        log::engine()->warn("{} order {}: reconciliation attempt {} failed ({}); next in {} s", m_broker, request.clientOrderId,
                            attempt + 1, found.error().toString(), std::chrono::duration<double>(wait).count());
        QTimer::singleShot(wait, this, [this, request, attempt, done] { reconcile(request, attempt + 1, done); });
    });
}

} // namespace sentinel
