// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trading/Portfolio.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>

namespace sentinel {

class AlertSink;
class Journal;

/// Holds a broker's positions against the journal's (issue 14): each read of a broker account
/// is compared, instrument by instrument, with what the journal's executions add up to. A
/// difference is a `reconciliation_mismatch` alert naming both figures, raised once per
/// difference (again only if the figures change) and logged as settled when they agree again.
/// Instruments with an order on its way are skipped: their fill is not journalled yet.
class PositionCheck final
{
public:
    using OrderInFlight = std::function<bool(const QString& instrumentKey)>;

    PositionCheck(QString brokerName, Journal& journal, AlertSink& alerts, OrderInFlight orderInFlight);

    void compare(const PortfolioSnapshot& broker);
    /// Instruments whose difference is alerted and not settled yet.
    [[nodiscard]] QStringList mismatched() const { return m_alerted.keys(); }

    /// Units closer than this (relative to the larger figure, at least 1e-9 units) agree.
    static constexpr double tolerance = 1e-9;

private:
    QString m_brokerName;
    Journal& m_journal;
    AlertSink& m_alerts;
    OrderInFlight m_orderInFlight;
    QHash<QString, QPair<double, double>> m_alerted; ///< instrument → (broker, journal) last alerted
};

} // namespace sentinel
