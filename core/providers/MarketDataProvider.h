// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Instrument.h"
#include "market/Bar.h"
#include "providers/DataQuality.h"
#include "providers/StreamState.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace sentinel {

class RateLimiter;
class SharedRateBudget;

/// Ask for the bars of one instrument, newest last. `since` (optional) lets a provider that
/// supports it return only newer bars; `dueAt` orders queued requests (earlier first).
struct BarRequest {
    Instrument instrument;
    QDateTime since;        ///< invalid: full history the provider offers
    QDateTime dueAt;        ///< when the bar that motivates this request was due (queue order)
};

/// Bars as a provider returned them, after sanitising: only closed bars, oldest first.
/// `droppedRows` lists rows rejected by data-quality rules as text, `qualityIssues` the same
/// rows typed (rule code and the row's own label), so nothing is silently discarded.
struct BarSeries {
    Instrument instrument;
    Bars bars;
    QStringList droppedRows;
    QList<DataQualityIssue> qualityIssues;
};

/// The latest price of one instrument. For FX and crypto (CURRENCY_EXCHANGE_RATE) the
/// equity-only fields stay unset; for equities (GLOBAL_QUOTE) bid and ask stay unset.
struct Quote {
    QString symbol;
    double price = 0;
    std::optional<double> bid;
    std::optional<double> ask;
    std::optional<double> open;
    std::optional<double> high;
    std::optional<double> low;
    std::optional<double> previousClose;
    std::optional<double> change;
    std::optional<double> changePercent; ///< percent, e.g. 0.51 for "0.5100%"
    std::optional<double> volume;
    QDate latestTradingDay;              ///< equities only
    QDateTime refreshedAt;               ///< UTC; exchange rates only
};

enum class IndicatorKind { Rsi, Sma, Ema, Macd };

[[nodiscard]] QString indicatorFunctionName(IndicatorKind kind); ///< "RSI", "SMA", ...

/// The endpoint a bar request for this instrument counts against, named as Alpha Vantage names
/// it ("FX_INTRADAY", "TIME_SERIES_DAILY", ...), so every provider's statistics read alike.
[[nodiscard]] QString barEndpointName(const Instrument& instrument);

/// Keeps the bars a provider may hand out: closed by `now`, newer than `since` (when valid),
/// and at most `maxBars` of the newest. `bars` must be oldest first.
[[nodiscard]] Bars closedBarsWindow(const Bars& bars, Interval interval, const QDateTime& now, const QDateTime& since,
                                    int maxBars);

struct IndicatorRequest {
    Instrument instrument;
    IndicatorKind kind = IndicatorKind::Rsi;
    int timePeriod = 14;                          ///< ignored by MACD
    QString seriesType = QStringLiteral("close"); ///< open, high, low, close
    QDateTime dueAt;
};

/// One point of an indicator: named values ("RSI"; "MACD", "MACD_Signal", "MACD_Hist").
struct IndicatorPoint {
    QDateTime time; ///< UTC
    QMap<QString, double> values;

    friend bool operator==(const IndicatorPoint&, const IndicatorPoint&) = default;
};

/// An indicator series, oldest first, sanitised like bars.
struct IndicatorSeries {
    QString symbol;
    QString indicator;   ///< "RSI", "SMA", "EMA", "MACD"
    QString interval;    ///< as the provider named it ("5min", "daily", "weekly")
    QList<IndicatorPoint> points;
    QList<DataQualityIssue> qualityIssues;
};

struct NewsRequest {
    QStringList tickers;     ///< Alpha Vantage style: "AAPL", "FOREX:EUR", "CRYPTO:BTC"
    QStringList topics;
    QDateTime since;         ///< invalid: the provider's default window
    int limit = 50;
    QDateTime dueAt;
};

struct TickerSentiment {
    QString ticker;
    double relevance = 0;
    double score = 0;
    QString label;
};

struct NewsItem {
    QString title;
    QString url;
    QString source;
    QDateTime publishedAt; ///< UTC
    double sentimentScore = 0; ///< -1 bearish .. +1 bullish
    QString sentimentLabel;
    QList<TickerSentiment> tickers;
};

/// News items, newest first as the provider ranks them.
struct NewsSentiment {
    QList<NewsItem> items;
    QList<DataQualityIssue> qualityIssues;
};

/// Request statistics every provider keeps, so caching and quotas can be measured on any of
/// them, including the simulated and replay providers.
struct ProviderStats {
    qint64 requests = 0;                   ///< requests sent (or, offline, served)
    qint64 failures = 0;                   ///< requests that ended in an error
    QHash<QString, qint64> requestsByEndpoint; ///< e.g. "FX_INTRADAY" → 12
    qint64 streamMessages = 0;             ///< lines a price stream delivered (prices and heartbeats)
    qint64 streamDrops = 0;                ///< stream connections lost (closed, failed or silent)
};

/// How much of a provider's request budget is used: what the Caches panel shows as the quota.
struct ProviderQuota {
    int usedToday = 0;     ///< requests granted since the last reset
    int dailyLimit = 0;    ///< 0: no daily limit
    QDateTime resetsAt;    ///< UTC; invalid without a daily limit
    int windowLimit = 0;   ///< requests allowed per `window` (the rate limit); 0: none
    int windowUsed = 0;    ///< requests granted within the window that ends now
    std::chrono::milliseconds window{std::chrono::minutes{1}};
};

/// Something the operator must see about a provider (not only a log line): the daily quota is
/// used up, the circuit breaker opened. `resumesAt` says when requests go out again.
struct ProviderAlert {
    QString kind;      ///< an alert kind from common/AlertKinds.h: alertkind::quotaExhausted, alertkind::circuitOpen
    QString message;
    QDateTime resumesAt; ///< UTC; invalid when unknown
};

using BarsCallback = std::function<void(const Result<BarSeries>&)>;
using IndicatorCallback = std::function<void(const Result<IndicatorSeries>&)>;
using NewsCallback = std::function<void(const Result<NewsSentiment>&)>;

/// Asynchronous market data source. Lives in the engine thread. A callback is always invoked
/// later from the event loop (never from inside the fetch call) and exactly once.
/// Failures are Errors whose kind is one of the constants in providers/ProviderError.h.
class MarketDataProvider : public QObject
{
    Q_OBJECT
public:
    explicit MarketDataProvider(QObject* parent = nullptr) : QObject(parent) {}

    [[nodiscard]] virtual QString name() const = 0;
    virtual void fetchBars(const BarRequest& request, BarsCallback done) = 0;
    /// Providers that cannot answer these reply with an "unsupported" error.
    virtual void fetchIndicator(const IndicatorRequest& request, IndicatorCallback done);
    virtual void fetchNewsSentiment(const NewsRequest& request, NewsCallback done);

    [[nodiscard]] virtual ProviderStats stats() const { return m_stats; }
    [[nodiscard]] qint64 requestCount() const { return stats().requests; }
    /// How long after a bar closes the provider publishes it: asking at the close would get the
    /// old bar. Simulated and replayed feeds publish at once.
    [[nodiscard]] virtual std::chrono::milliseconds publicationDelay() const { return std::chrono::milliseconds{0}; }
    /// Requests accepted but held until an instant of the Clock (rate limits): they are not in
    /// flight, and a simulation must move the clock for them to leave (ADR 0106).
    [[nodiscard]] virtual int requestsWaitingForClock() const { return 0; }
    /// The price stream's state, for feeds that stream; nullopt for polled feeds.
    [[nodiscard]] virtual std::optional<StreamState> streamState() const { return std::nullopt; }
    /// The state of the stream that serves `instrument`; nullopt when it is polled.
    [[nodiscard]] virtual std::optional<StreamState> streamStateFor(const Instrument& /*instrument*/) const
    {
        return std::nullopt;
    }
    /// The name of the feed that serves `instrument` (a routed desk mixes them).
    [[nodiscard]] virtual QString feedNameFor(const Instrument& /*instrument*/) const { return name(); }
    /// Counts this feed's requests in a window shared with the other desks on the same account or
    /// key (ADR 0126). Feeds without a rate limit ignore it.
    virtual void shareRateBudget(const std::shared_ptr<SharedRateBudget>& /*shared*/) {}
    /// The feeds behind this provider, each reported on its own (rates, quotas, stream): this
    /// one, unless it routes or wraps others.
    [[nodiscard]] virtual QList<const MarketDataProvider*> feeds() const { return {this}; }
    /// The daily budget, for providers that have one; by default every request counts, unlimited.
    [[nodiscard]] virtual ProviderQuota quota() const { return ProviderQuota{int(requestCount()), 0, {}}; }

Q_SIGNALS:
    /// Raised when the operator should know: quota used up, circuit open.
    void alertRaised(const sentinel::ProviderAlert& alert);
    /// A feed that pushes (a price stream) closed a bar of `instrumentKey`: a fetch now gets it,
    /// before the schedule's next poll. Polled feeds never raise it (ADR 0120).
    void barPublished(const QString& instrumentKey);
    /// A stream went live or was lost: streamState() and streamStateFor() changed.
    void streamStateChanged();

protected:
    /// Counts one request on `endpoint` (and returns nothing: providers call it as they send).
    void countRequest(const QString& endpoint);
    void countFailure() { ++m_stats.failures; }
    /// Runs `work` from the event loop, never from inside the caller's stack, so callbacks keep
    /// the "invoked later" promise even when the answer is known at once.
    void deliverLater(std::function<void()> work);
    /// Counts a failed request, logs it as `what` failed, and tells `limiter`: an outage counts
    /// towards its breaker, any other failure is an answer and resets it.
    void noteFailure(RateLimiter& limiter, const QString& what, const Error& error);
    /// The quota of a feed whose every request passes `limiter`: its rate window, and its daily
    /// budget when it has one.
    [[nodiscard]] static ProviderQuota quotaOf(RateLimiter& limiter, int dailyLimit);
    /// The name a shared rate window goes by for a secret credential ("alphavantage:" + a short
    /// digest of the key): desks on the same key meet there, and the key is never written.
    [[nodiscard]] static QByteArray budgetNameFor(const char* service, const QString& credential);
    /// Raises a `circuit_open` alert naming `service` ("OANDA") whenever `limiter`'s breaker opens.
    void alertWhenCircuitOpens(RateLimiter* limiter, const QString& service);

private:
    ProviderStats m_stats;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::ProviderAlert)
