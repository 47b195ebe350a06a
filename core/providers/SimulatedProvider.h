// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "market/MarketSchedule.h"
#include "providers/MarketDataProvider.h"

#include <QHash>
#include <QVector>

namespace sentinel {

/// A deterministic market for the demo profile and `sentinel run --simulate`: seeded price
/// paths with realistic volatility per asset class (FX 8 %, equities 25 %, crypto 65 % a
/// year). Every bar is a pure function of (seed, symbol, interval, opening instant), so the same
/// bar fetched twice is identical and caches can be measured. Bars exist only while the
/// instrument's market is open (the session predicate); only closed bars up to clock.now()
/// are returned, the newest `maxBars` or those newer than `since`. Counts requests like a real
/// provider.
///
/// The path: within one UTC day, geometric Brownian motion in bar-sized steps, bridged so it
/// ends at the next day's anchor; day anchors follow a multi-scale random walk that looks like
/// GBM over weeks but stays near the symbol's start price over years (ADR 0023).
class SimulatedProvider final : public MarketDataProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatedProvider)
public:
    SimulatedProvider(Clock& clock, quint64 seed, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override { return QStringLiteral("simulated"); }
    void fetchBars(const BarRequest& request, BarsCallback done) override;

    /// Which bars exist: those the schedule puts in a session. Null (the default): FX closed
    /// Fri 21:00Z–Sun 21:00Z, crypto always open, equities Mon–Fri 14:30–21:00Z; daily bars
    /// Mon–Fri except crypto (every day). The schedule must outlive the provider.
    void setSchedule(const MarketSchedule* schedule) { m_schedule = schedule; }
    void setMaxBars(int maxBars) { m_maxBars = maxBars; }

    /// The default session rule on its own, for callers that want to wrap it.
    [[nodiscard]] static bool defaultSession(const Instrument& instrument, const QDateTime& barOpen);
    /// The price a symbol's path is centred on ("EUR/USD" ≈ 1.08, "BTC/USD" ≈ 65000, "AAPL" ≈ 190;
    /// unknown symbols: derived from a hash of the symbol, within the asset class's usual range).
    [[nodiscard]] static double startPrice(const QString& symbol, AssetClass assetClass);
    [[nodiscard]] static double annualVolatility(AssetClass assetClass);

    /// The bar opening at `openTime` (aligned to the interval), whether or not the market is open.
    [[nodiscard]] Bar barAt(const Instrument& instrument, const QDateTime& openTime);

private:
    [[nodiscard]] double dayAnchor(const Instrument& instrument, qint64 day) const;
    const QVector<double>& dayPath(const Instrument& instrument, qint64 day);

    Clock& m_clock;
    quint64 m_seed;
    int m_maxBars = 200;
    [[nodiscard]] bool inSession(const Instrument& instrument, const QDateTime& barOpen) const;

    const MarketSchedule* m_schedule = nullptr;
    QHash<QString, QVector<double>> m_pathCache; // "<key>@<day>" → log prices at bar boundaries
};

} // namespace sentinel
