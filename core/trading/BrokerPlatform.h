// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/TradingPlatform.h"

#include <QHash>
#include <QList>

#include <chrono>

namespace sentinel {

class Clock;

/// What the broker platforms (OANDA, Coinbase) share beside TradingPlatform: reconciling an order
/// whose answer was lost or is in doubt by asking the broker for its key, and the engine's last
/// prices for valuing the positions the broker reports (ADR 0118, ADR 0122).
class BrokerPlatform : public TradingPlatform
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrokerPlatform)
public:
    ~BrokerPlatform() override;

    [[nodiscard]] Status markPrice(const QString& instrumentKey, double price) override;
    /// The waits between reconciliation attempts after an answer in doubt; the last repeats.
    void setReconcileSchedule(QList<std::chrono::milliseconds> waits) { m_reconcileWaits = std::move(waits); }

protected:
    /// `broker` names the broker in log lines and messages ("OANDA").
    BrokerPlatform(Clock& clock, QString broker, QObject* parent);

    /// Asks findFill for `request`'s key until the broker gives a definite answer: a fill (emitted
    /// as filled() and handed to `done`), or never created (`order_rejected`). Anything else asks
    /// again after the schedule (2 s, 5 s, 15 s, then every 30 s). The order is never sent again.
    void reconcile(const OrderRequest& request, int attempt, const FillCallback& done);
    /// How long to wait before attempt `attempt + 1` of a lookup in doubt.
    [[nodiscard]] std::chrono::milliseconds reconcileWait(int attempt) const;
    /// The engine's last price for `instrumentKey`, else `fallback`.
    [[nodiscard]] double markOr(const QString& instrumentKey, double fallback) const { return m_marks.value(instrumentKey, fallback); }
    /// Records `equity` and returns the highest seen by this process (the drawdown limit's peak).
    double notePeak(double equity);
    [[nodiscard]] const QString& broker() const { return m_broker; }

    [[nodiscard]] static Error rejected(const QString& message, const QString& remedy);
    [[nodiscard]] static Error invalidOrder(const QString& message, const QString& remedy = {});

    Clock& m_clock;

private:
    QString m_broker;
    QHash<QString, double> m_marks;
    double m_peakEquity = 0;
    QList<std::chrono::milliseconds> m_reconcileWaits{std::chrono::seconds(2), std::chrono::seconds(5),
                                                      std::chrono::seconds(15), std::chrono::seconds(30)};
};

} // namespace sentinel
