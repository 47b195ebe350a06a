// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/DemoOpening.h"

#include "common/ManualClock.h"
#include "providers/SimulatedProvider.h"
#include "strategy/StrategyRegistry.h"

namespace sentinel {

namespace {

/// As many closed bars as the engine's history holds for a decision (more than any rule needs).
constexpr int kHistoryBars = 200;

/// Whether `strategy` proposes an entry on the bars of `instrument` that have closed by `close`.
bool proposesAt(const Strategy& strategy, SimulatedProvider& market, const Instrument& instrument, const QDateTime& close)
{
    const qint64 stepMs = std::chrono::milliseconds(intervalLength(instrument.interval)).count();
    Bars bars;
    bars.reserve(kHistoryBars);
    for (int back = kHistoryBars; back >= 1; --back)
        bars.append(market.barAt(instrument, close.addMSecs(-qint64(back) * stepMs)));
    const auto signal = strategy.evaluate(instrument, bars, PositionState{});
    return signal && !signal->isExit;
}

} // namespace

quint64 demoOpeningSeed(const Config& config, const QDateTime& now, std::chrono::seconds within, quint64 first, int candidates)
{
    if (config.provider != ProviderKind::Simulated)
        return first;
    auto created = StrategyRegistry::create(config.strategyName);
    if (!created)
        return first; // the advisor cannot be asked ahead of time
    const std::unique_ptr<Strategy>& strategy = created.value();
    QList<Instrument> roundTheClock;
    for (const Instrument& instrument : config.watchlist)
        if (instrument.assetClass() == AssetClass::Crypto && instrument.interval != Interval::Daily)
            roundTheClock << instrument;
    ManualClock clock(now); // barAt() does not read it; the provider needs one
    const QDateTime horizon = now.addSecs(within.count());
    for (int offset = 0; offset < candidates; ++offset) {
        SimulatedProvider market(clock, first + quint64(offset));
        for (const Instrument& instrument : roundTheClock) {
            const qint64 stepMs = std::chrono::milliseconds(intervalLength(instrument.interval)).count();
            // The first bar closing after `now`, then each one up to the horizon.
            QDateTime close = QDateTime::fromMSecsSinceEpoch((now.toMSecsSinceEpoch() / stepMs + 1) * stepMs, Qt::UTC);
            for (; close <= horizon; close = close.addMSecs(stepMs))
                if (proposesAt(*strategy, market, instrument, close))
                    return first + quint64(offset);
        }
    }
    return first;
}

} // namespace sentinel
