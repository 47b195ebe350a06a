// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/OandaProvider.h"

#include "brokers/oanda/OandaCandles.h"
#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaGranularity.h"
#include "brokers/oanda/OandaRest.h"
#include "providers/OandaStreamBars.h"
#include "providers/ProviderError.h"

#include <algorithm>

namespace sentinel {

namespace pe = providerError;
namespace oe = oandaError;

namespace {

RateLimits limitsFor(const OandaSettings& settings)
{
    RateLimits limits;
    limits.requestsPerMinute = settings.requestsPerMinute;
    limits.requestsPerDay = 10'000'000; // OANDA sets no daily quota
    limits.resetTimeZone = QByteArrayLiteral("UTC");
    return limits;
}

/// OANDA's kinds in the providers' vocabulary, which the engine's retry policy reads.
Error asProviderError(const Error& error)
{
    const QString& kind = error.kind;
    if (kind == oe::Unauthorized || kind == oe::Forbidden)
        return pe::retyped(error, pe::InvalidApiKey);
    if (kind == oe::InvalidRequest || kind == oe::NotFound || kind == oe::UnsupportedGranularity)
        return pe::retyped(error, pe::InvalidCall);
    if (kind == oe::RateLimited)
        return pe::retyped(error, pe::RateLimited);
    if (kind == oe::ServerError || kind == oe::BrokerError)
        return pe::retyped(error, pe::HttpError);
    // missing_field, invalid_field, invalid_bar, out_of_order: the body cannot be trusted.
    return pe::sharedKindOrUnexpectedShape(error);
}

} // namespace

OandaProvider::OandaProvider(Clock& clock, const OandaSettings& settings, const QList<Instrument>& streamed, QObject* parent)
    : StreamingProvider(clock, parent),
      m_clock(clock),
      m_rest(new oanda::OandaRest(settings, this)),
      m_limiter(new RateLimiter(clock, limitsFor(settings), this)),
      // One token's requests, whichever desk sends them.
      m_budgetName(budgetNameFor("oanda", settings.token.reveal()))
{
    const bool anyIntraday = std::any_of(streamed.cbegin(), streamed.cend(),
                                         [](const Instrument& instrument) { return instrument.interval != Interval::Daily; });
    if (!settings.accountId.isEmpty() && anyIntraday) {
        m_stream = new OandaStreamBars(clock, *m_rest, streamed, this);
        watch(m_stream, QStringLiteral("OANDA pricing stream"));
    }
    alertWhenCircuitOpens(m_limiter, QStringLiteral("OANDA"));
}

OandaProvider::~OandaProvider() = default;

void OandaProvider::shareRateBudget(const std::shared_ptr<SharedRateBudget>& shared)
{
    m_limiter->shareWith(shared, m_budgetName);
}

void OandaProvider::fetchCandles(const BarRequest& request, BarsCallback done)
{
    auto shared = std::make_shared<BarsCallback>(std::move(done));
    m_limiter->submit(
        request.dueAt, [this, request, shared] { start(request, *shared); },
        [this, shared](const Error& error) {
            countFailure();
            deliverLater([shared, error] { (*shared)(error); });
        });
}

void OandaProvider::start(const BarRequest& request, const BarsCallback& done)
{
    countRequest(barEndpointName(request.instrument));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("granularity"), oanda::granularityName(request.instrument.interval));
    query.addQueryItem(QStringLiteral("price"), QStringLiteral("M"));
    if (request.since.isValid()) {
        // From the newest bar held: OANDA answers it again plus everything after, up to the cap.
        query.addQueryItem(QStringLiteral("from"), request.since.toUTC().toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("count"), QString::number(maxCandles));
    } else {
        query.addQueryItem(QStringLiteral("count"), QString::number(historyCandles));
    }
    const QString path = QStringLiteral("/v3/instruments/%1/candles").arg(oanda::instrumentName(request.instrument.symbol));
    m_rest->get(path, query, [this, request, done](const Result<oanda::RestAnswer>& answer) { finish(request, answer, done); });
}

void OandaProvider::finish(const BarRequest& request, const Result<oanda::RestAnswer>& answer, const BarsCallback& done)
{
    const Result<BarSeries> result = [&]() -> Result<BarSeries> {
        if (!answer)
            return answer.error();
        if (answer->status != 200)
            return oe::parseErrorBody(answer->status, answer->body);
        auto candles = oanda::parseCandles(answer->body, {request.instrument.interval, oanda::PriceComponent::Mid});
        if (!candles)
            return candles.error();
        if (!candles->instrument.isEmpty() && candles->instrument != oanda::instrumentName(request.instrument.symbol))
            return pe::make(pe::SymbolMismatch,
                            QStringLiteral("asked OANDA for %1 and got candles for %2").arg(oanda::instrumentName(request.instrument.symbol), candles->instrument),
                            QStringLiteral("report this answer; the bars were not used"));
        BarSeries series;
        series.instrument = request.instrument;
        // The forming candle (candles->live) is never a closed bar, whatever the clock says.
        series.bars = windowAfterCandles(request, candles->closed, maxCandles);
        return series;
    }();
    if (result.ok()) {
        m_limiter->recordSuccess();
        return done(result);
    }
    const Error error = asProviderError(result.error());
    noteFailure(*m_limiter, QStringLiteral("OANDA candles for %1").arg(request.instrument.key()), error);
    if (error.kind == pe::RateLimited)
        m_limiter->pauseUntil(m_clock.now().addSecs(1));
    done(error);
}

} // namespace sentinel
