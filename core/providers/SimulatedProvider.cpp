// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/SimulatedProvider.h"

#include <QHash>
#include <QTimer>

#include <cmath>

namespace sentinel {

namespace {
constexpr int maxBars = 200;

double startPrice(const Instrument& instrument)
{
    if (instrument.assetClass() == AssetClass::Fx)
        return 1.0 + double(qHash(instrument.symbol) % 500) / 1000.0;
    if (instrument.assetClass() == AssetClass::Crypto)
        return 1000.0 + double(qHash(instrument.symbol) % 60000);
    return 50.0 + double(qHash(instrument.symbol) % 400);
}

/// A value in [-1, 1) from a hash of the inputs: reproducible noise without state.
double noise(quint64 seed, const QString& key, qint64 slot)
{
    const size_t h = qHashMulti(seed, key, slot);
    return double(h % 2'000'001) / 1'000'000.0 - 1.0;
}
} // namespace

SimulatedProvider::SimulatedProvider(Clock& clock, quint64 seed, QObject* parent)
    : MarketDataProvider(parent), m_clock(clock), m_seed(seed)
{
}

Bar SimulatedProvider::barAt(const Instrument& instrument, qint64 openMs) const
{
    const qint64 lengthMs = std::chrono::milliseconds(intervalLength(instrument.interval)).count();
    const qint64 slot = openMs / lengthMs;
    // Price follows a slow sine of the slot plus bounded noise: deterministic per slot.
    const double base = startPrice(instrument);
    const double drift = 0.02 * std::sin(double(slot) / 97.0) + 0.01 * std::sin(double(slot) / 13.0);
    const double open = base * (1.0 + drift + 0.002 * noise(m_seed, instrument.key(), slot));
    const double close = base * (1.0 + drift + 0.002 * noise(m_seed, instrument.key(), slot + 1));
    const double wiggle = base * 0.001 * (1.0 + std::abs(noise(m_seed ^ 0x9e37, instrument.key(), slot)));
    Bar bar;
    bar.openTime = QDateTime::fromMSecsSinceEpoch(openMs, Qt::UTC);
    bar.open = open;
    bar.close = close;
    bar.high = std::max(open, close) + wiggle;
    bar.low = std::min(open, close) - wiggle;
    bar.volume = 1000.0 * (1.5 + noise(m_seed, instrument.symbol, slot));
    return bar;
}

void SimulatedProvider::fetchBars(const BarRequest& request, BarsCallback done)
{
    ++m_requests;
    const qint64 lengthMs = std::chrono::milliseconds(intervalLength(request.instrument.interval)).count();
    const qint64 nowMs = m_clock.nowMs();
    // Newest bar whose interval has ended.
    const qint64 newestOpen = (nowMs / lengthMs) * lengthMs - lengthMs;
    qint64 firstOpen = newestOpen - (maxBars - 1) * lengthMs;
    if (request.since.isValid())
        firstOpen = std::max(firstOpen, (request.since.toMSecsSinceEpoch() / lengthMs + 1) * lengthMs);
    BarSeries series;
    series.instrument = request.instrument;
    for (qint64 open = firstOpen; open <= newestOpen; open += lengthMs)
        series.bars.append(barAt(request.instrument, open));
    // Always answer from the event loop, never inside the call.
    QTimer::singleShot(0, this, [series = std::move(series), done = std::move(done)] { done(series); });
}

} // namespace sentinel
