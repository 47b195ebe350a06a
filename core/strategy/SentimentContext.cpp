// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/SentimentContext.h"

#include "cache/CacheRegistry.h"
#include "providers/AlphaVantageProvider.h"
#include "strategy/AlphaVantageAccess.h"

#include <QRegularExpression>

#include <numeric>

namespace sentinel {

SentimentContext::SentimentContext(ContextTextCache& cache, AlphaVantageProvider* provider)
    : m_cache(cache), m_provider(provider)
{
}

QString SentimentContext::name() const
{
    return cachenames::sentiment.toString();
}

QString SentimentContext::newsTicker(const Instrument& instrument)
{
    // Watchlist rows spell pairs "EUR/USD", or "EUR_USD" when they name OANDA's feed.
    static const QRegularExpression separator(QStringLiteral("[/_-]"));
    const QStringList parts = instrument.symbol.trimmed().toUpper().split(separator, Qt::SkipEmptyParts);
    const QString base = parts.value(0);
    const QString quote = parts.value(1);
    switch (instrument.assetClass()) {
    case AssetClass::Equity: return instrument.symbol.trimmed().toUpper();
    case AssetClass::Crypto: return QStringLiteral("CRYPTO:") + base;
    case AssetClass::Fx: break;
    }
    const bool dollarBase = base == u"USD" && !quote.isEmpty() && quote != u"USD";
    return QStringLiteral("FOREX:") + (dollarBase ? quote : base);
}

QString SentimentContext::sentimentLabel(double score)
{
    // "x <= -0.35: Bearish; -0.35 < x <= -0.15: Somewhat-Bearish; -0.15 < x < 0.15: Neutral;
    //  0.15 <= x < 0.35: Somewhat_Bullish; x >= 0.35: Bullish" (the API's sentiment_score_definition)
    if (score <= -0.35)
        return QStringLiteral("Bearish");
    if (score <= -0.15)
        return QStringLiteral("Somewhat-Bearish");
    if (score < 0.15)
        return QStringLiteral("Neutral");
    if (score < 0.35)
        return QStringLiteral("Somewhat-Bullish");
    return QStringLiteral("Bullish");
}

QString SentimentContext::describe(const NewsSentiment& news)
{
    const auto articles = [](qsizetype count) -> QString {
        return QString::number(count) + (count == 1 ? QStringLiteral(" article") : QStringLiteral(" articles"));
    };
    const qsizetype dropped = news.qualityIssues.size();
    // Said, not hidden: the mean is over the articles that could be read.
    const QString droppedText = dropped == 0 ? QString() : QStringLiteral("; %1 left out as unusable").arg(articles(dropped));
    if (news.items.isEmpty())
        return QStringLiteral("sentiment: no recent articles") + droppedText;
    const double mean = std::accumulate(news.items.cbegin(), news.items.cend(), 0.0,
                                        [](double sum, const NewsItem& item) { return sum + item.sentimentScore; })
                        / double(news.items.size());
    return QStringLiteral("sentiment: %1, mean score %2 (%3)")
               .arg(articles(news.items.size()), QString::number(mean, 'f', 2), sentimentLabel(mean))
           + droppedText;
}

void SentimentContext::gather(const ContextQuestion& question, Done done)
{
    // Without a key the cache can never hold anything: no lookup, no request.
    if (auto why = alphaVantageNotConfigured(m_provider))
        return done(*why);
    const QString ticker = newsTicker(question.instrument);
    gatherThrough(
        m_cache, ticker,
        [provider = m_provider, ticker](const Done& answer) {
            if (auto why = alphaVantageNotConfigured(provider))
                return answer(*why);
            if (auto why = alphaVantageQuotaUsedUp(*provider))
                return answer(*why);
            NewsRequest request;
            request.tickers = {ticker};
            request.limit = kArticles;
            provider->fetchNewsSentiment(request, [answer](const Result<NewsSentiment>& news) {
                answer(news ? Result<QString>(describe(*news)) : Result<QString>(news.error()));
            });
        },
        std::move(done));
}

} // namespace sentinel
