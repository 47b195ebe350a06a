// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/StopWatch.h"

#include "market/FreshnessGate.h"

namespace sentinel {

namespace {

/// As the strategies write prices in their reasons: up to 8 significant digits ("1.0812").
QString price(double value)
{
    return QString::number(value, 'g', 8);
}

} // namespace

std::optional<Signal> StopWatch::check(const Instrument& instrument, const PositionState& position,
                                       const std::optional<PositionOrigin>& origin, const Bar& lastBar,
                                       const FreshDataToken& fresh)
{
    const QString key = instrument.key();
    // A token proves one instrument's newest bar fresh, not another's, nor an older bar's close.
    if (fresh.instrumentKey() != key || fresh.barOpenMs() != lastBar.openTime.toMSecsSinceEpoch())
        return std::nullopt;
    if (position.isFlat() || !origin || !origin->stopPrice) {
        m_crossings.remove(key);
        return std::nullopt;
    }
    const double stop = *origin->stopPrice;
    const double last = lastBar.close;
    const bool crossed = position.isLong() ? last <= stop : last >= stop;
    if (!crossed) {
        m_crossings.remove(key); // back on the safe side: the next crossing is a new one
        return std::nullopt;
    }
    const auto known = m_crossings.constFind(key);
    if (known != m_crossings.cend() && known->proposed && known->openedAt == origin->openedAt && known->stop == stop)
        return std::nullopt;
    m_crossings.insert(key, Crossing{origin->openedAt, stop, false});

    Signal exit;
    exit.instrument = instrument;
    exit.side = position.isLong() ? Side::Sell : Side::Buy;
    exit.isExit = true;
    exit.confidence = 1.0; // a crossed stop is not a matter of degree
    exit.reason = QStringLiteral("protective stop %1 crossed (last %2)").arg(price(stop), price(last));
    exit.referencePrice = last;
    exit.barOpenTime = lastBar.openTime;
    return exit;
}

void StopWatch::proposed(const QString& instrumentKey)
{
    const auto it = m_crossings.find(instrumentKey);
    if (it != m_crossings.end())
        it->proposed = true;
}

} // namespace sentinel
