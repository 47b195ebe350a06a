// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/PositionCheck.h"

#include "common/AlertKinds.h"
#include "common/Log.h"
#include "engine/AlertSink.h"
#include "journal/Journal.h"

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {

bool agree(double a, double b)
{
    return std::abs(a - b) <= PositionCheck::tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

QString units(double value)
{
    return QString::number(value, 'g', 15);
}

} // namespace

PositionCheck::PositionCheck(QString brokerName, Journal& journal, AlertSink& alerts, OrderInFlight orderInFlight)
    : m_brokerName(std::move(brokerName)), m_journal(journal), m_alerts(alerts), m_orderInFlight(std::move(orderInFlight))
{
}

void PositionCheck::compare(const PortfolioSnapshot& broker)
{
    const Result<QMap<QString, double>> journal = m_journal.netPositions();
    if (!journal) {
        log::engine()->warn("positions not compared with {}: {}", m_brokerName.toStdString(), journal.error().toString());
        return;
    }
    QSet<QString> instruments(journal->keyBegin(), journal->keyEnd());
    for (auto it = broker.positions.cbegin(); it != broker.positions.cend(); ++it)
        instruments.insert(it.key());
    for (const QString& key : std::as_const(m_alerted).keys())
        instruments.insert(key);

    for (const QString& key : std::as_const(instruments)) {
        if (m_orderInFlight && m_orderInFlight(key))
            continue;
        const double held = broker.positions.value(key).quantity;
        const double journalled = journal->value(key, 0.0);
        if (agree(held, journalled)) {
            if (m_alerted.remove(key))
                log::engine()->info("{}: {} and the journal agree again at {} units", key, m_brokerName, units(held));
            continue;
        }
        const auto last = m_alerted.constFind(key);
        if (last != m_alerted.cend() && agree(last->first, held) && agree(last->second, journalled))
            continue; // alerted already; nothing changed
        m_alerted.insert(key, {held, journalled});
        m_alerts.raise(Alert::Severity::Critical, alertkind::reconciliationMismatch, key,
                       QStringLiteral("%1: %2 holds %3 units, the journal's executions add up to %4; trades made outside "
                                      "Trade Sentinel or a lost fill would explain it: check the account, then the journal")
                           .arg(key, m_brokerName, units(held), units(journalled)));
    }
}

} // namespace sentinel
