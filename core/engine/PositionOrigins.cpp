// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/PositionOrigins.h"

#include "common/Log.h"
#include "engine/Snapshots.h"
#include "journal/Journal.h"

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {

bool same(double a, double b)
{
    return std::abs(a - b) <= PositionOrigins::tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace

QHash<QString, PositionOrigin> PositionOrigins::fromFills(const QList<FillRecord>& fills)
{
    QHash<QString, PositionOrigin> held;
    for (const FillRecord& fill : fills) {
        PositionOrigin& origin = held[fill.instrumentKey]; // a flat instrument has none, so it starts at 0 units
        const double before = origin.units;
        const double traded = fill.side == Side::Buy ? fill.quantity : -fill.quantity;
        // Compared with what was held, so fractions of a coin and millions of FX units both close exactly.
        if (same(before, -traded)) {
            held.remove(fill.instrumentKey);
            continue;
        }
        const double after = before + traded;
        if (before == 0 || (before > 0) != (after > 0)) {
            // Opened from flat, or through flat to the other side: a new position, a new age.
            origin.openedAt = QDateTime::fromMSecsSinceEpoch(fill.atMs, Qt::UTC);
            origin.stopPrice = fill.isExit ? std::nullopt : fill.stopPrice;
        } else if ((traded > 0) == (before > 0) && !fill.isExit) {
            // An entry added to it: the newest entry's stop guards the whole position, even when
            // that entry recorded none (an older, smaller position's stop is not this one's).
            origin.stopPrice = fill.stopPrice;
        }
        origin.units = after;
    }
    return held;
}

void PositionOrigins::refresh(qint64 executions)
{
    if (m_known && executions == m_executions)
        return;
    const auto fills = m_journal.fills();
    if (!fills) {
        // Not remembered: the next refresh reads again, and until then nothing is said.
        log::engine()->warn("position ages and stops: {}", fills.error().toString());
        m_known = false;
        m_origins.clear();
        return;
    }
    m_origins = fromFills(fills.value());
    m_executions = executions;
    m_known = true;
}

std::optional<PositionOrigin> PositionOrigins::of(const QString& instrumentKey, double units) const
{
    if (!m_known || units == 0)
        return std::nullopt;
    const auto it = m_origins.constFind(instrumentKey);
    if (it == m_origins.cend() || !same(it->units, units))
        return std::nullopt;
    return *it;
}

void PositionOrigins::annotate(PortfolioView& view, qint64 executions)
{
    refresh(executions);
    for (PositionView& position : view.positions) {
        if (const std::optional<PositionOrigin> origin = of(position.instrumentKey, position.quantity)) {
            position.openedAt = origin->openedAt;
            position.stopPrice = origin->stopPrice;
        }
    }
}

} // namespace sentinel
