// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/AlphaVantageProvider.h"

#include "common/AlertKinds.h"
#include "common/Log.h"
#include "net/BoundedReply.h"
#include "providers/ProviderError.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

#include <memory>

namespace sentinel {

namespace pe = providerError;

namespace {

struct Pair {
    QString base;
    QString quote;
};

/// "EUR/USD" → EUR, USD; a crypto symbol without a market is quoted in USD.
Pair splitPair(const QString& symbol)
{
    const qsizetype slash = symbol.indexOf(u'/');
    if (slash < 0)
        return {symbol.toUpper(), QStringLiteral("USD")};
    return {symbol.left(slash).trimmed().toUpper(), symbol.mid(slash + 1).trimmed().toUpper()};
}

/// RFC 9110 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), in English whatever the locale.
QByteArray httpDate(const QDateTime& instant)
{
    return QLocale::c().toString(instant.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() + " GMT";
}

QString compactSymbol(const QString& symbol)
{
    QString text = symbol.toUpper();
    text.remove(u'/');
    return text;
}

} // namespace

AlphaVantageProvider::AlphaVantageProvider(Clock& clock, AlphaVantageSettings settings, QObject* parent)
    : MarketDataProvider(parent)
    , m_clock(clock)
    , m_settings(std::move(settings))
    , m_limiter(new RateLimiter(clock, RateLimits{m_settings.requestsPerMinute, m_settings.requestsPerDay,
                                                  QByteArrayLiteral("America/New_York"), 5,
                                                  std::chrono::seconds(30), std::chrono::seconds(15 * 60)},
                                this))
{
    connect(m_limiter, &RateLimiter::quotaExhausted, this, [this](const QDateTime& resumesAt) {
        Q_EMIT alertRaised(ProviderAlert{alertkind::quotaExhausted,
                                         QStringLiteral("Alpha Vantage daily quota used up; requests resume at %1")
                                             .arg(resumesAt.toString(Qt::ISODate)),
                                         resumesAt});
    });
    alertWhenCircuitOpens(m_limiter, QStringLiteral("Alpha Vantage"));
}

AlphaVantageProvider::~AlphaVantageProvider() = default;

ProviderQuota AlphaVantageProvider::quota() const
{
    return quotaOf(*m_limiter, m_settings.requestsPerDay);
}

void AlphaVantageProvider::shareRateBudget(const std::shared_ptr<SharedRateBudget>& shared)
{
    m_limiter->shareWith(shared, budgetNameFor("alphavantage", m_settings.apiKey.reveal()));
}

QString AlphaVantageProvider::loggableUrl(const QUrl& url)
{
    QUrl copy = url;
    QUrlQuery query(copy);
    query.removeAllQueryItems(QStringLiteral("apikey"));
    copy.setQuery(query);
    return copy.toString();
}

void AlphaVantageProvider::fetchBars(const BarRequest& request, BarsCallback done)
{
    const Instrument instrument = request.instrument;
    const bool daily = instrument.interval == Interval::Daily;
    const Pair pair = splitPair(instrument.symbol);
    const QString function = barEndpointName(instrument);
    QUrlQuery query;
    switch (instrument.assetClass()) {
    case AssetClass::Fx:
        query.addQueryItem(QStringLiteral("from_symbol"), pair.base);
        query.addQueryItem(QStringLiteral("to_symbol"), pair.quote);
        break;
    case AssetClass::Crypto:
        query.addQueryItem(QStringLiteral("symbol"), pair.base);
        query.addQueryItem(QStringLiteral("market"), pair.quote);
        break;
    case AssetClass::Equity:
        query.addQueryItem(QStringLiteral("symbol"), instrument.symbol.toUpper());
        break;
    }
    if (!daily)
        query.addQueryItem(QStringLiteral("interval"), intervalName(instrument.interval));
    if (function != u"DIGITAL_CURRENCY_DAILY")
        query.addQueryItem(QStringLiteral("outputsize"), QStringLiteral("compact"));

    std::function<bool(const QDateTime&)> regular;
    if (m_schedule)
        regular = [schedule = m_schedule, instrument](const QDateTime& open) { return schedule->barInSession(instrument, open); };
    send(function, query, request.dueAt, regular,
         [this, request, done = std::move(done)](Result<AlphaVantageResponse> parsed) {
             if (!parsed)
                 return done(parsed.error());
             const auto* bars = std::get_if<AlphaVantageBars>(&parsed.value().payload);
             if (!bars)
                 return done(pe::make(pe::UnexpectedShape, QStringLiteral("the answer holds no bar series"),
                                      QStringLiteral("report this response")));
             if (compactSymbol(bars->symbol) != compactSymbol(request.instrument.symbol)
                 || bars->interval != intervalName(request.instrument.interval))
                 return done(pe::make(pe::SymbolMismatch,
                                      QStringLiteral("asked for %1 %2, the answer is for %3 %4")
                                          .arg(request.instrument.symbol, intervalName(request.instrument.interval),
                                               bars->symbol, bars->interval),
                                      QStringLiteral("the data is not used; report this response")));
             BarSeries series;
             series.instrument = request.instrument;
             // Only closed bars: the newest one of an intraday answer is still forming.
             series.bars = closedBarsWindow(bars->bars, request.instrument.interval, m_clock.now(), request.since, 0);
             series.qualityIssues = bars->issues;
             for (const DataQualityIssue& issue : bars->issues)
                 series.droppedRows.append(issue.toString());
             done(series);
         });
}

void AlphaVantageProvider::fetchIndicator(const IndicatorRequest& request, IndicatorCallback done)
{
    QUrlQuery query;
    const QString function = indicatorFunctionName(request.kind);
    query.addQueryItem(QStringLiteral("symbol"), request.instrument.assetClass() == AssetClass::Equity
                                                     ? request.instrument.symbol.toUpper()
                                                     : compactSymbol(request.instrument.symbol));
    query.addQueryItem(QStringLiteral("interval"), intervalName(request.instrument.interval));
    if (request.kind != IndicatorKind::Macd)
        query.addQueryItem(QStringLiteral("time_period"), QString::number(request.timePeriod));
    query.addQueryItem(QStringLiteral("series_type"), request.seriesType);
    send(function, query, request.dueAt, {}, [done = std::move(done)](Result<AlphaVantageResponse> parsed) {
        if (!parsed)
            return done(parsed.error());
        if (const auto* series = std::get_if<IndicatorSeries>(&parsed.value().payload))
            return done(*series);
        done(pe::make(pe::UnexpectedShape, QStringLiteral("the answer holds no indicator series")));
    });
}

void AlphaVantageProvider::fetchNewsSentiment(const NewsRequest& request, NewsCallback done)
{
    QUrlQuery query;
    if (!request.tickers.isEmpty())
        query.addQueryItem(QStringLiteral("tickers"), request.tickers.join(u','));
    if (!request.topics.isEmpty())
        query.addQueryItem(QStringLiteral("topics"), request.topics.join(u','));
    if (request.since.isValid())
        query.addQueryItem(QStringLiteral("time_from"), request.since.toUTC().toString(QStringLiteral("yyyyMMddTHHmm")));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("LATEST"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(request.limit));
    send(QStringLiteral("NEWS_SENTIMENT"), query, request.dueAt, {},
         [done = std::move(done)](Result<AlphaVantageResponse> parsed) {
             if (!parsed)
                 return done(parsed.error());
             if (const auto* news = std::get_if<NewsSentiment>(&parsed.value().payload))
                 return done(*news);
             done(pe::make(pe::UnexpectedShape, QStringLiteral("the answer holds no news feed")));
         });
}

void AlphaVantageProvider::fetchEconomicSeries(const QString& function, const QString& interval, const QDateTime& dueAt,
                                               EconomicSeriesCallback done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("interval"), interval);
    send(function, query, dueAt, {}, [done = std::move(done)](Result<AlphaVantageResponse> parsed) {
        if (!parsed)
            return done(parsed.error());
        if (const auto* series = std::get_if<AlphaVantageEconomicSeries>(&parsed.value().payload))
            return done(*series);
        done(pe::make(pe::UnexpectedShape, QStringLiteral("the answer holds no economic series")));
    });
}

void AlphaVantageProvider::send(const QString& function, QUrlQuery query, const QDateTime& dueAt,
                                std::function<bool(const QDateTime&)> regularSession, ParsedCallback done)
{
    query.addQueryItem(QStringLiteral("function"), function);
    if (m_settings.apiKey.isEmpty()) {
        countFailure();
        deliverLater([done = std::move(done)] {
            done(pe::make(pe::InvalidApiKey, QStringLiteral("no Alpha Vantage API key is configured"),
                          QStringLiteral("set providers.alpha_vantage.api_key (e.g. \"${ALPHA_VANTAGE_API_KEY}\") "
                                         "or use provider: simulated")));
        });
        return;
    }
    // The done callback is shared by the start and reject paths; exactly one of them runs.
    auto shared = std::make_shared<ParsedCallback>(std::move(done));
    m_limiter->submit(
        dueAt,
        [this, function, query, regularSession = std::move(regularSession), shared] {
            start(function, query, regularSession, *shared);
        },
        [this, shared](const Error& error) {
            countFailure();
            deliverLater([shared, error] { (*shared)(error); });
        });
}

void AlphaVantageProvider::start(const QString& function, const QUrlQuery& query,
                                 std::function<bool(const QDateTime&)> regularSession, ParsedCallback done)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    countRequest(function);
    QUrl url = m_settings.baseUrl;
    url.setPath(url.path() + (url.path().endsWith(u'/') ? QStringLiteral("query") : QStringLiteral("/query")));
    QUrlQuery withKey = query;
    withKey.addQueryItem(QStringLiteral("apikey"), m_settings.apiKey.reveal());
    url.setQuery(withKey);

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("TradeSentinel/" SENTINEL_VERSION));
    // The engine's Clock is the only time (DESIGN): the request states the instant it is made for.
    // Alpha Vantage ignores it (RFC 9110 lets a client send Date); a stand-in serving a simulated
    // market answers with the bars published by then (ADR 0106).
    request.setRawHeader("Date", httpDate(m_clock.now()));
    log::net()->debug("GET {}", loggableUrl(url));
    QNetworkReply* reply = m_network->get(request);
    // A wall-clock bound besides the Clock timer below (which follows simulated time), and a
    // body cap: a slow or huge answer cannot hold the provider or fill memory (ADR 0104).
    net::BoundedReply::watch(reply, net::Limits{std::chrono::duration_cast<std::chrono::milliseconds>(m_settings.timeout),
                                                maxBodyBytes});
    // TLS errors are reported, never ignored: the reply then fails with an SSL error.
    connect(reply, &QNetworkReply::sslErrors, this, [reply](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            log::net()->error("TLS error for {}: {}", loggableUrl(reply->url()), error.errorString());
    });
    auto timedOut = std::make_shared<bool>(false);
    const TimerId timer = m_clock.callAfter(std::chrono::duration_cast<std::chrono::milliseconds>(m_settings.timeout), reply,
                                            [reply, timedOut] {
                                                *timedOut = true;
                                                reply->abort();
                                            });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, timer, timedOut, function, regularSession = std::move(regularSession), done = std::move(done)] {
                m_clock.cancel(timer);
                reply->deleteLater();
                finish(reply, function, *timedOut, regularSession, done);
            });
}

Error AlphaVantageProvider::transportError(QNetworkReply* reply, bool timedOut) const
{
    const QString where = loggableUrl(reply->url());
    const net::BoundedReply* guard = net::BoundedReply::of(reply);
    if (auto cutOff = guard ? guard->error(where) : std::nullopt) {
        // A deadline is a timeout to the limiter and the engine; the cap keeps its own kind.
        if (cutOff->kind == net::DeadlineExceeded)
            return pe::make(pe::Timeout, cutOff->message,
                            QStringLiteral("retry later; raise providers.alpha_vantage.timeout_s on a slow link"));
        return *cutOff;
    }
    if (timedOut)
        return pe::make(pe::Timeout,
                        QStringLiteral("no complete answer within %1 s from %2").arg(m_settings.timeout.count()).arg(where),
                        QStringLiteral("retry later; raise providers.alpha_vantage.timeout_s on a slow link"));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 429)
        return pe::make(pe::RateLimited, QStringLiteral("HTTP 429 Too Many Requests from %1").arg(where),
                        QStringLiteral("back off for a minute"));
    if (status >= 400)
        return pe::make(pe::HttpError, QStringLiteral("HTTP %1 from %2").arg(status).arg(where),
                        status >= 500 ? QStringLiteral("the service is failing; retry later")
                                      : QStringLiteral("check providers.alpha_vantage.base_url"));
    const QNetworkReply::NetworkError code = reply->error();
    if (code == QNetworkReply::SslHandshakeFailedError)
        return pe::make(pe::TlsError, QStringLiteral("TLS handshake with %1 failed: %2").arg(where, reply->errorString()),
                        QStringLiteral("check the system clock and certificates; TLS errors are never ignored"));
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 received = guard ? guard->body().size() : reply->bytesAvailable();
    if (announced.isValid() && received < announced.toLongLong())
        return pe::make(pe::TruncatedBody,
                        QStringLiteral("the answer from %1 ended after %2 of %3 bytes")
                            .arg(where)
                            .arg(received)
                            .arg(announced.toLongLong()),
                        QStringLiteral("the connection was cut; retry"));
    return pe::make(pe::NetworkError, QStringLiteral("request to %1 failed: %2").arg(where, reply->errorString()),
                    QStringLiteral("check the network connection and providers.alpha_vantage.base_url"));
}

void AlphaVantageProvider::finish(QNetworkReply* reply, const QString& function, bool timedOut,
                                  const std::function<bool(const QDateTime&)>& regularSession, const ParsedCallback& done)
{
    Result<AlphaVantageResponse> result = [&]() -> Result<AlphaVantageResponse> {
        const net::BoundedReply* guard = net::BoundedReply::of(reply);
        if (timedOut || reply->error() != QNetworkReply::NoError || (guard && guard->failure() != net::BoundedReply::Failure::None))
            return transportError(reply, timedOut);
        AlphaVantageParseContext context;
        context.function = function;
        context.now = m_clock.now();
        context.isRegularSession = regularSession;
        return parseAlphaVantage(guard ? guard->body() : reply->readAll(), context);
    }();

    if (result.ok()) {
        m_limiter->recordSuccess();
        return done(std::move(result));
    }
    // Error has masked any secret a provider message echoed when it was made.
    const Error error = result.error();
    noteFailure(*m_limiter, function, error);
    if (error.kind == pe::RateLimited)
        m_limiter->pauseUntil(m_clock.now().addSecs(60));
    else if (error.kind == pe::BurstLimited)
        m_limiter->pauseUntil(m_clock.now().addSecs(2));
    else if (error.kind == pe::QuotaExhausted)
        m_limiter->markQuotaExhausted();
    done(error);
}

} // namespace sentinel
