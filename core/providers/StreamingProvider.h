// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "providers/MarketDataProvider.h"

#include <QSet>

namespace sentinel {

class StreamedBars;

/// A candle feed whose intraday instruments are also watched on a broker's live stream (OANDA's
/// pricing stream, ADR 0120; Coinbase's market-data WebSocket, ADR 0124). What both share lives
/// here: a streamed bar that closes is pushed (barPublished) and answers the next fetch without
/// a request; `publicationDelay` after its close the broker's candles are fetched once and
/// replace it; while the stream is down every fetch goes to candles, which also fills the gap,
/// and the operator gets a `broker_disconnected` alert. A subclass only fetches candles.
class StreamingProvider : public MarketDataProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamingProvider)
public:
    ~StreamingProvider() override;

    /// From the stream when it holds every closed bar, else from candles (fetchCandles).
    void fetchBars(const BarRequest& request, BarsCallback done) final;
    /// Requests as every provider counts them, plus the stream's messages and drops.
    [[nodiscard]] ProviderStats stats() const override;
    [[nodiscard]] std::optional<StreamState> streamState() const override;
    [[nodiscard]] std::optional<StreamState> streamStateFor(const Instrument& instrument) const override;

protected:
    StreamingProvider(Clock& clock, QObject* parent);

    /// Serves `stream`'s bars (a child of this provider); `title` names the stream in the
    /// operator's alert ("OANDA pricing stream").
    void watch(StreamedBars* stream, const QString& title);
    /// Asks the broker for candles; the answer goes through windowAfterCandles.
    virtual void fetchCandles(const BarRequest& request, BarsCallback done) = 0;
    /// The bars to answer `request` with, given the broker's closed candles (oldest first): a
    /// streamed instrument's candles are merged into its streamed bars first, and win.
    [[nodiscard]] Bars windowAfterCandles(const BarRequest& request, const Bars& closed, int maxBars);

private:
    /// Fetches the broker's candles for the streamed bars of `key`, publicationDelay() after
    /// the bar that closed at `closeMs`.
    void confirm(const QString& key, qint64 closeMs);

    Clock& m_clock;
    StreamedBars* m_stream = nullptr;
    bool m_streamStarted = false;
    QSet<QString> m_confirming; ///< keys with a confirmation scheduled or under way
};

} // namespace sentinel
