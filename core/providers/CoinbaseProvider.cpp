// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/CoinbaseProvider.h"

#include "brokers/coinbase/CoinbaseCandles.h"
#include "brokers/coinbase/CoinbaseError.h"
#include "brokers/coinbase/CoinbaseGranularity.h"
#include "brokers/coinbase/CoinbaseRest.h"
#include "providers/CoinbaseStreamBars.h"
#include "providers/ProviderError.h"

#include <algorithm>

namespace sentinel {

namespace pe = providerError;
namespace ce = coinbaseError;

namespace {

RateLimits limitsFor(const CoinbaseSettings& settings)
{
    RateLimits limits;
    limits.requestsPerMinute = settings.requestsPerSecond;
    limits.window = std::chrono::seconds{1}; // Coinbase counts per second
    limits.requestsPerDay = 100'000'000;      // and sets no daily quota
    limits.resetTimeZone = QByteArrayLiteral("UTC");
    return limits;
}

/// Coinbase's kinds in the providers' vocabulary, which the engine's retry policy reads.
Error asProviderError(const Error& error)
{
    const QString& kind = error.kind;
    if (kind == ce::Unauthorized || kind == ce::PermissionDenied || kind == ce::InvalidKey)
        return pe::retyped(error, pe::InvalidApiKey);
    if (kind == ce::ApiError || kind == u"invalid_config")
        return pe::retyped(error, pe::InvalidCall); // a 4xx with Coinbase's reason: asking again will not help
    if (kind == ce::RateLimited)
        return pe::retyped(error, pe::RateLimited);
    if (kind == ce::ServerError || kind == ce::HttpError)
        return pe::retyped(error, pe::HttpError);
    // missing_field, invalid_number, invalid_bar, unsorted_candles, ...: the body cannot be trusted.
    return pe::sharedKindOrUnexpectedShape(error);
}

} // namespace

/// One fetchBars call: its window in pages of candlesPerRequest, the bars gathered so far.
struct CoinbaseProvider::Fetch {
    BarRequest request;
    BarsCallback done;
    QString path;
    coinbase::Granularity granularity = coinbase::Granularity::OneMinute;
    qint64 step = 60;      ///< seconds a candle spans
    qint64 nextStart = 0;  ///< unix seconds of the next page's first candle
    qint64 end = 0;        ///< unix seconds of the newest candle asked for (the one forming now)
    Bars bars;             ///< closed, oldest first
};

CoinbaseProvider::CoinbaseProvider(Clock& clock, const CoinbaseSettings& settings, const QList<Instrument>& streamed, QObject* parent)
    : StreamingProvider(clock, parent),
      m_clock(clock),
      m_rest(new coinbase::CoinbaseRest(settings, this)),
      m_limiter(new RateLimiter(clock, limitsFor(settings), this))
{
    const bool anyIntraday = std::any_of(streamed.cbegin(), streamed.cend(),
                                         [](const Instrument& instrument) { return instrument.interval != Interval::Daily; });
    if (anyIntraday) {
        m_stream = new CoinbaseStreamBars(clock, settings.wsUrl, streamed, this);
        watch(m_stream, QStringLiteral("Coinbase market-data feed"));
    }
    alertWhenCircuitOpens(m_limiter, QStringLiteral("Coinbase"));
}

void CoinbaseProvider::shareRateBudget(const std::shared_ptr<SharedRateBudget>& shared)
{
    // The public candles are limited per address, not per key: every desk of the installation counts.
    m_limiter->shareWith(shared, QByteArrayLiteral("coinbase:public"));
}

CoinbaseProvider::~CoinbaseProvider() = default;

void CoinbaseProvider::fetchCandles(const BarRequest& request, BarsCallback done)
{
    auto fetch = std::make_shared<Fetch>();
    fetch->request = request;
    fetch->done = std::move(done);
    const QString product = coinbaseProductId(request.instrument.symbol);
    const auto granularity = coinbase::parseGranularity(intervalName(request.instrument.interval));
    if (product.isEmpty() || !granularity) {
        countFailure();
        const Error error = pe::make(pe::InvalidCall, QStringLiteral("Coinbase has no candles for %1").arg(request.instrument.key()),
                                     QStringLiteral("watch a BASE/QUOTE crypto pair such as BTC/USD"));
        return deliverLater([fetch, error] { fetch->done(error); });
    }
    fetch->path = QStringLiteral("/market/products/%1/candles").arg(product);
    fetch->granularity = *granularity;
    fetch->step = coinbase::granularitySeconds(*granularity);
    // From the grid slot forming now back over the history, or from the newest bar held (asked
    // again, then dropped by the window) when that is nearer.
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    fetch->end = now - now % fetch->step;
    qint64 start = fetch->end - qint64{historyCandles} * fetch->step;
    if (request.since.isValid())
        start = std::max(start, request.since.toSecsSinceEpoch() - request.since.toSecsSinceEpoch() % fetch->step);
    fetch->nextStart = std::min(start, fetch->end);
    requestPage(fetch);
}

void CoinbaseProvider::requestPage(const std::shared_ptr<Fetch>& fetch)
{
    m_limiter->submit(
        fetch->request.dueAt,
        [this, fetch] {
            countRequest(barEndpointName(fetch->request.instrument));
            const qint64 pageEnd = std::min(fetch->end, fetch->nextStart + qint64{candlesPerRequest - 1} * fetch->step);
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("start"), QString::number(fetch->nextStart));
            query.addQueryItem(QStringLiteral("end"), QString::number(pageEnd));
            query.addQueryItem(QStringLiteral("granularity"), coinbase::granularityName(fetch->granularity));
            fetch->nextStart = pageEnd + fetch->step;
            m_rest->get(fetch->path, query, [this, fetch](const coinbase::RestReply& reply) { finishPage(fetch, reply); });
        },
        [this, fetch](const Error& error) {
            countFailure();
            deliverLater([fetch, error] { fetch->done(error); });
        });
}

void CoinbaseProvider::finishPage(const std::shared_ptr<Fetch>& fetch, const coinbase::RestReply& reply)
{
    if (!reply.answer)
        return fail(fetch, reply.answer.error(), reply.retryAfter);
    auto candles = coinbase::parseCoinbaseCandles(reply.answer->body, {fetch->granularity, m_clock.now()});
    if (!candles)
        return fail(fetch, candles.error(), std::nullopt);
    m_limiter->recordSuccess();
    // Pages come oldest first and do not overlap; a candle answered twice is kept once.
    for (const Bar& bar : candles->closed) {
        if (fetch->bars.isEmpty() || bar.openTime > fetch->bars.back().openTime)
            fetch->bars.append(bar);
    }
    if (fetch->nextStart <= fetch->end)
        return requestPage(fetch);
    BarSeries series;
    series.instrument = fetch->request.instrument;
    // The forming candle (candles->forming) is never a closed bar, whatever the clock says later.
    series.bars = windowAfterCandles(fetch->request, fetch->bars, historyCandles);
    fetch->done(series);
}

void CoinbaseProvider::fail(const std::shared_ptr<Fetch>& fetch, const Error& coinbaseError, std::optional<std::chrono::seconds> wait)
{
    const Error error = asProviderError(coinbaseError);
    noteFailure(*m_limiter, QStringLiteral("Coinbase candles for %1").arg(fetch->request.instrument.key()), error);
    if (wait) // Coinbase said how long (Retry-After), or the client backs off a disguised 401
        m_limiter->pauseUntil(m_clock.now().addSecs(wait->count()));
    fetch->done(error);
}

} // namespace sentinel
