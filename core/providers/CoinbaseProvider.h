// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "config/Config.h"
#include "providers/RateLimiter.h"
#include "providers/StreamingProvider.h"

#include <memory>

namespace sentinel {

namespace coinbase {
class CoinbaseRest;
struct RestReply;
}
class CoinbaseStreamBars;

/// Coinbase Advanced Trade's public candles as a market-data feed (issue 14, ADR 0121): GET
/// /api/v3/brokerage/market/products/{BTC-USD}/candles?start=&end=&granularity=, unsigned (no
/// key needed), at most `candlesPerRequest` candles a request, so a first load of
/// `historyCandles` is asked for in pages. Coinbase marks no candle complete: a candle is a
/// closed bar once its interval has passed (the parser's rule and closedBarsWindow), never the
/// one still forming. Every page goes through one RateLimiter at `coinbase.requests_per_second`
/// (Coinbase allows 10 public requests a second per address); a 429's Retry-After, or a 401
/// that is throttling in disguise, pauses it; outages open its breaker. Errors come back with
/// the kinds of providers/ProviderError.h; a body the parser refuses keeps its message and
/// becomes `unexpected_shape`.
///
/// The intraday pairs routed to it are also watched on Coinbase's market-data WebSocket
/// (CoinbaseStreamBars, ADR 0124), as StreamingProvider describes: bars built from trades are
/// pushed as they close and answer the next fetch without a request; Coinbase's candles replace
/// them and fill what a stall, a drop or a sequence gap left unwatched.
class CoinbaseProvider final : public StreamingProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoinbaseProvider)
public:
    /// `streamed`: the instruments routed to this feed; the intraday ones are watched on the
    /// WebSocket (it needs no key).
    CoinbaseProvider(Clock& clock, const CoinbaseSettings& settings, const QList<Instrument>& streamed = {},
                     QObject* parent = nullptr);
    ~CoinbaseProvider() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("coinbase"); }

    /// Coinbase aggregates its candles from trades within seconds of a bucket's end.
    [[nodiscard]] std::chrono::milliseconds publicationDelay() const override { return std::chrono::seconds{5}; }
    [[nodiscard]] int requestsWaitingForClock() const override { return m_limiter->waitingForClock(); }
    /// The per-second rate window of every request (no daily limit).
    [[nodiscard]] ProviderQuota quota() const override { return quotaOf(*m_limiter, 0); }
    void shareRateBudget(const std::shared_ptr<SharedRateBudget>& shared) override;

    /// Candles asked for when the caller has no bars yet (two requests).
    static constexpr int historyCandles = 500;
    /// The most candles one request spans. Coinbase's reference says 350; answers and clients
    /// report "less than 300" refused above that: 299 is below every reading.
    static constexpr int candlesPerRequest = 299;

    /// The WebSocket's bars; null when nothing is streamed.
    [[nodiscard]] const CoinbaseStreamBars* streamBars() const { return m_stream; }

private:
    struct Fetch;
    void fetchCandles(const BarRequest& request, BarsCallback done) override;
    void requestPage(const std::shared_ptr<Fetch>& fetch);
    void finishPage(const std::shared_ptr<Fetch>& fetch, const coinbase::RestReply& reply);
    void fail(const std::shared_ptr<Fetch>& fetch, const Error& error, std::optional<std::chrono::seconds> wait);

    Clock& m_clock;
    coinbase::CoinbaseRest* m_rest;
    RateLimiter* m_limiter;
    CoinbaseStreamBars* m_stream = nullptr;
};

} // namespace sentinel
