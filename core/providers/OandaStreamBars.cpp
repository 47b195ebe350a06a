// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/OandaStreamBars.h"

#include "brokers/oanda/OandaPriceStream.h"
#include "brokers/oanda/OandaRest.h"

#include <algorithm>

namespace sentinel {

OandaStreamBars::OandaStreamBars(Clock& clock, oanda::OandaRest& rest, const QList<Instrument>& instruments, QObject* parent)
    : QObject(parent), m_clock(clock)
{
    QStringList names;
    for (const Instrument& instrument : instruments) {
        if (instrument.interval == Interval::Daily || m_series.contains(instrument.key()))
            continue;
        auto series = std::make_shared<Series>(instrument);
        m_series.insert(instrument.key(), series);
        const QString name = oanda::instrumentName(instrument.symbol);
        // One pair watched at two intervals shares the stream's prices.
        if (!m_byOandaName.contains(name))
            names << name;
        m_byOandaName.insert(name, series);
    }
    m_stream = new oanda::OandaPriceStream(clock, rest, names, this);
    connect(m_stream, &oanda::OandaPriceStream::priceReceived, this, &OandaStreamBars::onPrice);
    connect(m_stream, &oanda::OandaPriceStream::wentLive, this, &OandaStreamBars::onLive);
    connect(m_stream, &oanda::OandaPriceStream::dropped, this, &OandaStreamBars::onDropped);
}

OandaStreamBars::~OandaStreamBars() = default;

void OandaStreamBars::start()
{
    if (!m_series.isEmpty())
        m_stream->start();
}

const oanda::PriceStreamStats& OandaStreamBars::streamStats() const
{
    return m_stream->stats();
}

StreamState OandaStreamBars::streamState() const
{
    StreamState state;
    state.live = m_liveSinceMs.has_value();
    state.drops = m_stream->stats().drops;
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

bool OandaStreamBars::canAnswer(const Instrument& instrument) const
{
    const auto series = m_series.value(instrument.key());
    return series && m_liveSinceMs && *m_liveSinceMs <= series->confirmedThroughMs;
}

Bars OandaStreamBars::bars(const Instrument& instrument) const
{
    const auto series = m_series.value(instrument.key());
    return series ? series->bars : Bars{};
}

QDateTime OandaStreamBars::newestCandleOpen(const Instrument& instrument) const
{
    const auto series = m_series.value(instrument.key());
    if (!series || series->confirmedThroughMs == std::numeric_limits<qint64>::min())
        return {};
    return QDateTime::fromMSecsSinceEpoch(series->confirmedThroughMs - series->builder.lengthMs(), Qt::UTC);
}

void OandaStreamBars::takeCandles(const Instrument& instrument, const Bars& complete)
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

void OandaStreamBars::onPrice(const oanda::Price& price)
{
    if (price.bids.isEmpty() || price.asks.isEmpty())
        return; // no two-sided price: nothing to build a mid from
    const double mid = (price.bids.constFirst().price + price.asks.constFirst().price) / 2;
    const qint64 ms = price.time.toMSecsSinceEpoch();
    for (auto it = m_byOandaName.constFind(price.instrument); it != m_byOandaName.cend() && it.key() == price.instrument; ++it) {
        Series& series = **it;
        if (const std::optional<Bar> closed = series.builder.addPrice(ms, mid))
            append(series, *closed);
        armCloseTimer(series);
    }
}

void OandaStreamBars::armCloseTimer(Series& series)
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

void OandaStreamBars::closeByClock(Series& series)
{
    series.closeTimer = 0;
    if (const std::optional<Bar> closed = series.builder.closeUpTo(m_clock.nowMs() - closeGrace.count()))
        append(series, *closed);
}

void OandaStreamBars::append(Series& series, const Bar& bar)
{
    if (!series.bars.isEmpty() && bar.openTime <= series.bars.constLast().openTime)
        return; // the broker's candle for this interval is already here, and it wins
    series.bars.append(bar);
    if (series.bars.size() > maxBars)
        series.bars.removeFirst();
    Q_EMIT barClosed(series.instrument.key(), bar.openTime.toMSecsSinceEpoch() + series.builder.lengthMs());
}

void OandaStreamBars::onLive(qint64 sinceMs)
{
    m_liveSinceMs = sinceMs;
    for (const auto& series : std::as_const(m_series))
        series->builder.watchFrom(sinceMs);
    Q_EMIT streamLive();
}

void OandaStreamBars::onDropped(const Error& reason, qint64 retryAtMs)
{
    const bool wasLive = m_liveSinceMs.has_value();
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
}

} // namespace sentinel
