// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/MarketDataProvider.h"

#include "common/AlertKinds.h"
#include "common/Log.h"
#include "providers/ProviderError.h"
#include "providers/RateLimiter.h"

#include <QCryptographicHash>
#include <QMetaObject>

namespace sentinel {

QString indicatorFunctionName(IndicatorKind kind)
{
    switch (kind) {
    case IndicatorKind::Rsi: return QStringLiteral("RSI");
    case IndicatorKind::Sma: return QStringLiteral("SMA");
    case IndicatorKind::Ema: return QStringLiteral("EMA");
    case IndicatorKind::Macd: return QStringLiteral("MACD");
    }
    return {};
}

QString barEndpointName(const Instrument& instrument)
{
    const bool daily = instrument.interval == Interval::Daily;
    switch (instrument.assetClass()) {
    case AssetClass::Fx: return daily ? QStringLiteral("FX_DAILY") : QStringLiteral("FX_INTRADAY");
    case AssetClass::Crypto: return daily ? QStringLiteral("DIGITAL_CURRENCY_DAILY") : QStringLiteral("CRYPTO_INTRADAY");
    case AssetClass::Equity: break;
    }
    return daily ? QStringLiteral("TIME_SERIES_DAILY") : QStringLiteral("TIME_SERIES_INTRADAY");
}

Bars closedBarsWindow(const Bars& bars, Interval interval, const QDateTime& now, const QDateTime& since, int maxBars)
{
    const qint64 lengthMs = std::chrono::duration_cast<std::chrono::milliseconds>(intervalLength(interval)).count();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    Bars window;
    for (const Bar& bar : bars) {
        const qint64 open = bar.openTime.toMSecsSinceEpoch();
        if (open + lengthMs <= nowMs && (!since.isValid() || bar.openTime > since))
            window.append(bar);
    }
    if (maxBars > 0 && window.size() > maxBars)
        window.remove(0, window.size() - maxBars);
    return window;
}

namespace {
Error unsupported(const QString& provider, const char* what)
{
    return providerError::make(providerError::Unsupported,
                               QStringLiteral("the %1 provider does not serve %2").arg(provider, QLatin1String(what)),
                               QStringLiteral("use the alpha_vantage provider for this data"));
}
} // namespace

void MarketDataProvider::fetchIndicator(const IndicatorRequest&, IndicatorCallback done)
{
    deliverLater([done = std::move(done), error = unsupported(name(), "indicator series")] { done(error); });
}

void MarketDataProvider::fetchNewsSentiment(const NewsRequest&, NewsCallback done)
{
    deliverLater([done = std::move(done), error = unsupported(name(), "news sentiment")] { done(error); });
}

void MarketDataProvider::countRequest(const QString& endpoint)
{
    ++m_stats.requests;
    ++m_stats.requestsByEndpoint[endpoint];
}

void MarketDataProvider::deliverLater(std::function<void()> work)
{
    QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
}

void MarketDataProvider::noteFailure(RateLimiter& limiter, const QString& what, const Error& error)
{
    countFailure();
    log::net()->warn("{} failed: {}: {}", what, error.kind, error.message);
    limiter.recordFailureOf(error.kind);
}

ProviderQuota MarketDataProvider::quotaOf(RateLimiter& limiter, int dailyLimit)
{
    ProviderQuota quota;
    // The limiter rolls its day over when asked, so the count is never yesterday's.
    quota.usedToday = limiter.grantedToday();
    quota.dailyLimit = dailyLimit;
    if (dailyLimit > 0)
        quota.resetsAt = limiter.nextQuotaReset();
    quota.windowLimit = limiter.limits().requestsPerMinute;
    quota.windowUsed = limiter.grantedInWindow();
    quota.window = limiter.limits().window;
    return quota;
}

QByteArray MarketDataProvider::budgetNameFor(const char* service, const QString& credential)
{
    const QByteArray digest = QCryptographicHash::hash(credential.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QByteArray(service) + ':' + digest;
}

void MarketDataProvider::alertWhenCircuitOpens(RateLimiter* limiter, const QString& service)
{
    connect(limiter, &RateLimiter::circuitOpened, this, [this, service](const QDateTime& retryAt) {
        Q_EMIT alertRaised(ProviderAlert{alertkind::circuitOpen,
                                         QStringLiteral("%1 requests paused after repeated failures; next try at %2")
                                             .arg(service, retryAt.toString(Qt::ISODate)),
                                         retryAt});
    });
}

} // namespace sentinel
