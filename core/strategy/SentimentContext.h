// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/AdvisorContext.h"
#include "strategy/ContextCache.h"

#include <QPointer>

namespace sentinel {

class AlphaVantageProvider;
struct NewsSentiment;

/// The "sentiment" section: Alpha Vantage NEWS_SENTIMENT for the instrument's ticker, summarised
/// as e.g. `sentiment: 12 articles, mean score 0.18 (Somewhat-Bullish)`. Asked through the key's
/// one AlphaVantageProvider (its limiter and daily quota); left out without a request when no key
/// is configured or the quota is used up. Kept in the `sentiment` cache under the ticker (ADR 0129).
class SentimentContext final : public AdvisorContextSource
{
public:
    /// Articles asked for: Alpha Vantage's default, the latest first.
    static constexpr int kArticles = 50;

    /// `cache` must outlive this source; `provider` may be null (no key: always left out).
    SentimentContext(ContextTextCache& cache, AlphaVantageProvider* provider);

    [[nodiscard]] QString name() const override;
    void gather(const ContextQuestion& question, Done done) override;

    /// The NEWS_SENTIMENT ticker: "AAPL" for a stock, "CRYPTO:BTC" for BTC/USD, "FOREX:EUR" for
    /// EUR/USD and "FOREX:JPY" for USD/JPY (the currency that is not the dollar, whose news is
    /// about everything).
    [[nodiscard]] static QString newsTicker(const Instrument& instrument);
    /// Alpha Vantage's label for a score, by its documented thresholds.
    [[nodiscard]] static QString sentimentLabel(double score);
    /// The section's text: article count and mean overall score, and how many articles the
    /// parser dropped as unusable.
    [[nodiscard]] static QString describe(const NewsSentiment& news);

private:
    ContextTextCache& m_cache;
    QPointer<AlphaVantageProvider> m_provider;
};

} // namespace sentinel
