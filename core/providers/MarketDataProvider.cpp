// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/MarketDataProvider.h"

#include "providers/ProviderError.h"

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

namespace {
Error unsupported(const QString& provider, const char* what)
{
    return providerError::make(providerError::Unsupported,
                               QStringLiteral("the %1 provider does not serve %2").arg(provider, QLatin1String(what)),
                               QStringLiteral("use the alpha_vantage provider for this data"));
}
} // namespace

void MarketDataProvider::fetchQuote(const QuoteRequest&, QuoteCallback done)
{
    deliverLater([done = std::move(done), error = unsupported(name(), "quotes")] { done(error); });
}

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

} // namespace sentinel
