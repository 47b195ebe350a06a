// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "config/Config.h"
#include "providers/RateLimiter.h"
#include "providers/StreamingProvider.h"

namespace sentinel {

namespace oanda {
class OandaRest;
struct RestAnswer;
}
class OandaStreamBars;

/// OANDA v20 candles as a market-data feed (issue 14, ADR 0117): GET
/// /v3/instruments/{pair}/candles with mid prices, only `"complete": true` candles handed out as
/// closed bars (the forming one never), then the same closed-bar window as every provider. One
/// OandaRest connection set, every request through one RateLimiter (at most
/// `requests_per_minute`, a breaker on outages). Errors come back with the kinds of
/// providers/ProviderError.h; a body the parser refuses keeps its message and becomes
/// `unexpected_shape`, so the breaker counts it.
///
/// With an account id, the intraday instruments it serves are also watched on the pricing stream
/// (OandaStreamBars, ADR 0120), as StreamingProvider describes: a streamed bar is pushed as it
/// closes and answers the next fetch without a request; the broker's complete candle replaces it.
class OandaProvider final : public StreamingProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OandaProvider)
public:
    /// `streamed`: the instruments routed to this feed; the intraday ones are streamed when the
    /// settings name an account.
    OandaProvider(Clock& clock, const OandaSettings& settings, const QList<Instrument>& streamed = {},
                  QObject* parent = nullptr);
    ~OandaProvider() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("oanda"); }

    /// OANDA completes a candle within a second or two of its close.
    [[nodiscard]] std::chrono::milliseconds publicationDelay() const override { return std::chrono::seconds{5}; }
    [[nodiscard]] int requestsWaitingForClock() const override { return m_limiter->waitingForClock(); }
    /// The rate window of every request (no daily limit).
    [[nodiscard]] ProviderQuota quota() const override { return quotaOf(*m_limiter, 0); }
    void shareRateBudget(const std::shared_ptr<SharedRateBudget>& shared) override;

    /// Candles asked for when the caller has no bars yet; OANDA's own default is 500.
    static constexpr int historyCandles = 500;
    /// The most candles one request may ask for (OANDA's limit).
    static constexpr int maxCandles = 5000;

    /// The pricing stream's bars; null when nothing is streamed.
    [[nodiscard]] const OandaStreamBars* streamBars() const { return m_stream; }

private:
    void fetchCandles(const BarRequest& request, BarsCallback done) override;
    void start(const BarRequest& request, const BarsCallback& done);
    void finish(const BarRequest& request, const Result<oanda::RestAnswer>& answer, const BarsCallback& done);

    Clock& m_clock;
    oanda::OandaRest* m_rest;
    RateLimiter* m_limiter;
    OandaStreamBars* m_stream = nullptr;
    QByteArray m_budgetName;
};

} // namespace sentinel
