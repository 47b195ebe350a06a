// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/StreamingProvider.h"

#include "common/AlertKinds.h"
#include "providers/StreamedBars.h"

namespace sentinel {

StreamingProvider::StreamingProvider(Clock& clock, QObject* parent) : MarketDataProvider(parent), m_clock(clock) {}

StreamingProvider::~StreamingProvider() = default;

void StreamingProvider::watch(StreamedBars* stream, const QString& title)
{
    m_stream = stream;
    connect(m_stream, &StreamedBars::barClosed, this, [this](const QString& key, qint64 closeMs) {
        Q_EMIT barPublished(key);
        confirm(key, closeMs);
    });
    connect(m_stream, &StreamedBars::streamDropped, this, [this, title](const Error& reason, qint64 retryAtMs) {
        const QDateTime retryAt = QDateTime::fromMSecsSinceEpoch(retryAtMs, Qt::UTC);
        Q_EMIT alertRaised(ProviderAlert{alertkind::brokerDisconnected,
                                         QStringLiteral("%1 lost (%2); bars come from candles until it is back; reconnecting at %3")
                                             .arg(title, reason.message, retryAt.toString(Qt::ISODate)),
                                         retryAt});
        Q_EMIT streamStateChanged();
    });
    connect(m_stream, &StreamedBars::streamLive, this, &MarketDataProvider::streamStateChanged);
    connect(m_stream, &StreamedBars::retryScheduled, this, &MarketDataProvider::streamStateChanged);
}

void StreamingProvider::fetchBars(const BarRequest& request, BarsCallback done)
{
    if (m_stream) {
        m_stream->start(); // on first use, in the engine's thread
        m_streamStarted = true;
        if (m_stream->canAnswer(request.instrument)) {
            BarSeries series;
            series.instrument = request.instrument;
            series.bars = closedBarsWindow(m_stream->bars(request.instrument), request.instrument.interval, m_clock.now(),
                                           request.since, int(StreamedBars::maxBars));
            deliverLater([series = std::move(series), done = std::move(done)] { done(series); });
            return;
        }
    }
    fetchCandles(request, std::move(done));
}

Bars StreamingProvider::windowAfterCandles(const BarRequest& request, const Bars& closed, int maxBars)
{
    if (!m_stream || !m_stream->streams(request.instrument))
        return closedBarsWindow(closed, request.instrument.interval, m_clock.now(), request.since, maxBars);
    // The broker's candles replace the streamed bars; the answer has both.
    m_stream->takeCandles(request.instrument, closed);
    return closedBarsWindow(m_stream->bars(request.instrument), request.instrument.interval, m_clock.now(), request.since, maxBars);
}

ProviderStats StreamingProvider::stats() const
{
    ProviderStats stats = MarketDataProvider::stats();
    if (m_stream) {
        stats.streamMessages = m_stream->messagesReceived();
        stats.streamDrops = m_stream->streamState().drops;
    }
    return stats;
}

std::optional<StreamState> StreamingProvider::streamState() const
{
    // Not started yet (no fetch reached this desk's provider: the shared cache answered them all)
    // is not "down": nothing is streamed and nothing is missed.
    if (!m_stream || !m_streamStarted)
        return std::nullopt;
    return m_stream->streamState();
}

std::optional<StreamState> StreamingProvider::streamStateFor(const Instrument& instrument) const
{
    if (!m_stream || !m_streamStarted || !m_stream->streams(instrument))
        return std::nullopt;
    return m_stream->streamState();
}

void StreamingProvider::confirm(const QString& key, qint64 closeMs)
{
    if (m_confirming.contains(key))
        return; // the one scheduled asks for every candle since the newest held
    m_confirming.insert(key);
    const QDateTime due = QDateTime::fromMSecsSinceEpoch(closeMs + publicationDelay().count(), Qt::UTC);
    m_clock.callAt(due, this, [this, key] {
        BarRequest request;
        request.instrument = m_stream->instrument(key);
        request.since = m_stream->newestCandleOpen(request.instrument);
        request.dueAt = m_clock.now();
        fetchCandles(request, [this, key](const Result<BarSeries>&) { m_confirming.remove(key); });
    });
}

} // namespace sentinel
