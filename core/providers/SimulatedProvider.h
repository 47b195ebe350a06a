// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "providers/MarketDataProvider.h"

namespace sentinel {

/// Deterministic simulated market feed: the same (seed, instrument, bar time) always gives the
/// same bar, so caching and replays are reproducible. Walking skeleton: a random walk per
/// instrument, bars every interval, around the clock.
class SimulatedProvider final : public MarketDataProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatedProvider)
public:
    SimulatedProvider(Clock& clock, quint64 seed, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override { return QStringLiteral("simulated"); }
    void fetchBars(const BarRequest& request, BarsCallback done) override;
    [[nodiscard]] int requestCount() const { return m_requests; }

private:
    [[nodiscard]] Bar barAt(const Instrument& instrument, qint64 openMs) const;

    Clock& m_clock;
    quint64 m_seed;
    int m_requests = 0;
};

} // namespace sentinel
