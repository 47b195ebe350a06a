// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/StreamedBars.h"

#include <algorithm>

namespace sentinel {

StreamedBars::StreamedBars(Clock& clock, const QList<Instrument>& instruments,
                           const std::function<QString(const QString&)>& streamName, QObject* parent)
    : QObject(parent), m_clock(clock)
{
    for (const Instrument& instrument : instruments) {
        if (instrument.interval == Interval::Daily || m_series.contains(instrument.key()))
            continue;
        auto series = std::make_shared<Series>(instrument);
        m_series.insert(instrument.key(), series);
        const QString name = streamName(instrument.symbol);
        if (!m_byStreamName.contains(name))
            m_streamNames << name;
        m_byStreamName.insert(name, series);
    }
}

StreamedBars::~StreamedBars() = default;

StreamState StreamedBars::streamState() const
{
    StreamState state;
    state.live = m_liveSinceMs.has_value();
    state.drops = m_drops;
    if (m_liveSinceMs)
        state.since = QDateTime::fromMSecsSinceEpoch(*m_liveSinceMs, Qt::UTC);
    else if (m_droppedAtMs)
        state.since = QDateTime::fromMSecsSinceEpoch(*m_droppedAtMs, Qt::UTC);
    if (!state.live && m_retryAtMs)
        state.retryAt = QDateTime::fromMSecsSinceEpoch(*m_retryAtMs, Qt::UTC);
    if (!state.live)
        state.lostBecause = m_lostBecause;
    return state;
}

Instrument StreamedBars::instrument(const QString& instrumentKey) const
{
    const auto series = m_series.value(instrumentKey);
    return series ? series->instrument : Instrument{};
}

bool StreamedBars::canAnswer(const Instrument& instrument) const
{
    const auto series = m_series.value(instrument.key());
    return series && m_liveSinceMs && *m_liveSinceMs <= series->confirmedThroughMs;
}

Bars StreamedBars::bars(const Instrument& instrument) const
{
    const auto series = m_series.value(instrument.key());
    return series ? series->bars : Bars{};
}

QDateTime StreamedBars::newestCandleOpen(const Instrument& instrument) const
{
    const auto series = m_series.value(instrument.key());
    if (!series || series->confirmedThroughMs == std::numeric_limits<qint64>::min())
        return {};
    return QDateTime::fromMSecsSinceEpoch(series->confirmedThroughMs - series->builder.lengthMs(), Qt::UTC);
}

void StreamedBars::takeCandles(const Instrument& instrument, const Bars& complete)
{
    const auto series = m_series.value(instrument.key());
    if (!series || complete.isEmpty())
        return;
    // Both lists are oldest first: merge them, the candle winning where both have an interval.
    Bars merged;
    merged.reserve(series->bars.size() + complete.size());
    auto held = series->bars.cbegin();
    auto candle = complete.cbegin();
    while (held != series->bars.cend() || candle != complete.cend()) {
        if (candle == complete.cend() || (held != series->bars.cend() && held->openTime < candle->openTime)) {
            merged.append(*held++);
            continue;
        }
        if (held != series->bars.cend() && held->openTime == candle->openTime)
            ++held;
        merged.append(*candle++);
    }
    if (merged.size() > maxBars)
        merged.remove(0, merged.size() - maxBars);
    series->bars = std::move(merged);
    series->confirmedThroughMs = std::max(series->confirmedThroughMs,
                                          complete.constLast().openTime.toMSecsSinceEpoch() + series->builder.lengthMs());
}

void StreamedBars::addPrice(const QString& streamName, qint64 ms, double price, double volume)
{
    for (auto it = m_byStreamName.constFind(streamName); it != m_byStreamName.cend() && it.key() == streamName; ++it) {
        Series& series = **it;
        if (const std::optional<Bar> closed = series.builder.addPrice(ms, price, volume))
            append(series, *closed);
        armCloseTimer(series);
    }
}

void StreamedBars::armCloseTimer(Series& series)
{
    const std::optional<qint64> endMs = series.builder.formingBarEndMs();
    if (!endMs || (series.closeTimer != 0 && series.closeTimerForMs == *endMs))
        return;
    m_clock.cancel(series.closeTimer);
    series.closeTimerForMs = *endMs;
    const QString key = series.instrument.key();
    series.closeTimer = m_clock.callAt(QDateTime::fromMSecsSinceEpoch(*endMs + closeGrace.count(), Qt::UTC), this, [this, key] {
        if (const auto found = m_series.value(key))
            closeByClock(*found);
    });
}

void StreamedBars::closeByClock(Series& series)
{
    series.closeTimer = 0;
    if (const std::optional<Bar> closed = series.builder.closeUpTo(m_clock.nowMs() - closeGrace.count()))
        append(series, *closed);
}

void StreamedBars::append(Series& series, const Bar& bar)
{
    if (!series.bars.isEmpty() && bar.openTime <= series.bars.constLast().openTime)
        return; // the broker's candle for this interval is already here, and it wins
    series.bars.append(bar);
    if (series.bars.size() > maxBars)
        series.bars.removeFirst();
    Q_EMIT barClosed(series.instrument.key(), bar.openTime.toMSecsSinceEpoch() + series.builder.lengthMs());
}

void StreamedBars::markLive(qint64 sinceMs)
{
    m_liveSinceMs = sinceMs;
    for (const auto& series : std::as_const(m_series))
        series->builder.watchFrom(sinceMs);
    Q_EMIT streamLive();
}

void StreamedBars::markDropped(const Error& reason, qint64 retryAtMs)
{
    const bool wasLive = m_liveSinceMs.has_value();
    ++m_drops;
    m_liveSinceMs.reset();
    m_retryAtMs = retryAtMs;
    m_lostBecause = reason.message;
    if (wasLive || !m_droppedAtMs)
        m_droppedAtMs = m_clock.nowMs(); // down since the first drop, not the latest retry
    for (const auto& series : std::as_const(m_series)) {
        series->builder.stopWatching();
        m_clock.cancel(series->closeTimer);
        series->closeTimer = 0;
    }
    if (wasLive)
        Q_EMIT streamDropped(reason, retryAtMs);
    else
        Q_EMIT retryScheduled();
}

} // namespace sentinel
