// SPDX-License-Identifier: GPL-3.0-or-later
// The advisor's "sentiment" section against a real HTTP server on 127.0.0.1 serving a recorded
// NEWS_SENTIMENT body (tests/data/alphavantage/SOURCES.md) and the recorded error bodies, through
// a real AlphaVantageProvider, so its limiter and daily quota are the ones that count.
#include "ContextTestSupport.h"

#include "common/ManualClock.h"
#include "providers/AlphaVantageProvider.h"
#include "strategy/SentimentContext.h"

#include <QTest>

#include <chrono>
#include <memory>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestSentimentContext final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void newsTickerFollowsAlphaVantagesForms_data();
    void newsTickerFollowsAlphaVantagesForms();
    void labelFollowsTheDocumentedThresholds_data();
    void labelFollowsTheDocumentedThresholds();
    void recordedFeedIsSummarised();
    void theSameTickerAskedTwiceIsOneRequest();
    void aCurrencyPairAsksForItsCurrency();
    void unusableArticlesAreCountedNotAveraged();
    void badBodiesLeaveItOutWithTheReason_data();
    void badBodiesLeaveItOutWithTheReason();
    void noKeyLeavesItOutWithoutARequest();
    void usedUpQuotaLeavesItOutWithoutARequest();

private:
    ContextQuestion question(const QString& symbol, const QString& market) const;

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ContextTextCache> m_cache;
};

namespace {
Instrument instrument(const QString& symbol, const QString& market)
{
    return Instrument{symbol, market, Interval::Min5};
}
} // namespace

void TestSentimentContext::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    // The recorded articles were published up to 2024-01-18T04:50:04Z; later than that, none is
    // in the future.
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2024, 1, 18), QTime(12, 0), Qt::UTC));
    m_cache = std::make_unique<ContextTextCache>(QStringLiteral("sentiment"), *m_clock, 30min, 64);
}

void TestSentimentContext::cleanup()
{
    m_cache.reset();
    m_clock.reset();
    m_server.reset();
}

ContextQuestion TestSentimentContext::question(const QString& symbol, const QString& market) const
{
    return ContextQuestion{instrument(symbol, market), {}};
}

void TestSentimentContext::newsTickerFollowsAlphaVantagesForms_data()
{
    QTest::addColumn<Instrument>("instrument");
    QTest::addColumn<QString>("ticker");
    QTest::newRow("a stock is its symbol") << instrument(QStringLiteral("aapl"), QStringLiteral("XNAS")) << QStringLiteral("AAPL");
    QTest::newRow("a pair is its base currency") << instrument(QStringLiteral("EUR/USD"), QStringLiteral("FX")) << QStringLiteral("FOREX:EUR");
    QTest::newRow("a dollar-based pair is its other currency")
        << instrument(QStringLiteral("USD/JPY"), QStringLiteral("FX")) << QStringLiteral("FOREX:JPY");
    QTest::newRow("an oanda-spelled pair is read the same")
        << instrument(QStringLiteral("GBP_USD"), QStringLiteral("FX")) << QStringLiteral("FOREX:GBP");
    QTest::newRow("a crypto pair is its coin") << instrument(QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO")) << QStringLiteral("CRYPTO:BTC");
    QTest::newRow("a coinbase-spelled crypto pair is read the same")
        << instrument(QStringLiteral("eth-usd"), QStringLiteral("CRYPTO")) << QStringLiteral("CRYPTO:ETH");
}

void TestSentimentContext::newsTickerFollowsAlphaVantagesForms()
{
    QFETCH(Instrument, instrument);
    QFETCH(QString, ticker);
    QCOMPARE(SentimentContext::newsTicker(instrument), ticker);
}

void TestSentimentContext::labelFollowsTheDocumentedThresholds_data()
{
    // "x <= -0.35: Bearish; -0.35 < x <= -0.15: Somewhat-Bearish; -0.15 < x < 0.15: Neutral;
    //  0.15 <= x < 0.35: Somewhat_Bullish; x >= 0.35: Bullish"
    QTest::addColumn<double>("score");
    QTest::addColumn<QString>("label");
    QTest::newRow("-0.35 is bearish") << -0.35 << QStringLiteral("Bearish");
    QTest::newRow("-0.34 is somewhat bearish") << -0.34 << QStringLiteral("Somewhat-Bearish");
    QTest::newRow("-0.15 is somewhat bearish") << -0.15 << QStringLiteral("Somewhat-Bearish");
    QTest::newRow("-0.149 is neutral") << -0.149 << QStringLiteral("Neutral");
    QTest::newRow("0.149 is neutral") << 0.149 << QStringLiteral("Neutral");
    QTest::newRow("0.15 is somewhat bullish") << 0.15 << QStringLiteral("Somewhat-Bullish");
    QTest::newRow("0.349 is somewhat bullish") << 0.349 << QStringLiteral("Somewhat-Bullish");
    QTest::newRow("0.35 is bullish") << 0.35 << QStringLiteral("Bullish");
}

void TestSentimentContext::labelFollowsTheDocumentedThresholds()
{
    QFETCH(double, score);
    QFETCH(QString, label);
    QCOMPARE(SentimentContext::sentimentLabel(score), label);
}

void TestSentimentContext::recordedFeedIsSummarised()
{
    m_server->route("/query", recordedAlphaVantage("oatmeal_news_sentiment_aapl_trimmed.json"));
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server));
    SentimentContext source(*m_cache, &provider);
    QCOMPARE(source.name(), QStringLiteral("sentiment"));

    // Overall scores 0.168117, -0.062351 and 0.009649: mean 0.115415 / 3 = 0.0385, Neutral.
    const Result<QString> text = gatherOnce(source, question(QStringLiteral("AAPL"), QStringLiteral("XNAS")));
    QCOMPARE(presentText(text), QStringLiteral("sentiment: 3 articles, mean score 0.04 (Neutral)"));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(queryItem(*m_server, 0, "function"), QStringLiteral("NEWS_SENTIMENT"));
    QCOMPARE(queryItem(*m_server, 0, "tickers"), QStringLiteral("AAPL"));
    QCOMPARE(queryItem(*m_server, 0, "limit"), QStringLiteral("50"));
    QCOMPARE(queryItem(*m_server, 0, "apikey"), kContextApiKey);
    // Counted where every request of the key is: the provider's limiter and daily quota.
    QCOMPARE(provider.quota().usedToday, 1);
    QCOMPARE(provider.stats().requestsByEndpoint.value(QStringLiteral("NEWS_SENTIMENT")), 1);
}

void TestSentimentContext::theSameTickerAskedTwiceIsOneRequest()
{
    m_server->route("/query", recordedAlphaVantage("oatmeal_news_sentiment_aapl_trimmed.json"));
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server));
    SentimentContext source(*m_cache, &provider);
    const Result<QString> first = gatherOnce(source, question(QStringLiteral("AAPL"), QStringLiteral("XNAS")));
    QVERIFY(first.ok());
    // Another interval of the same stock is the same ticker: answered from the cache, at once.
    std::optional<Result<QString>> second;
    source.gather(ContextQuestion{Instrument{QStringLiteral("AAPL"), QStringLiteral("XNAS"), Interval::Min1}, {}},
                  [&second](Result<QString> text) { second = std::move(text); });
    QVERIFY(second.has_value());
    QCOMPARE(presentText(*second), presentText(first));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_cache->stats().hits, 1u);
    QCOMPARE(m_cache->stats().loads, 1u);
}

void TestSentimentContext::aCurrencyPairAsksForItsCurrency()
{
    m_server->route("/query", recordedAlphaVantage("oatmeal_news_sentiment_aapl_trimmed.json"));
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server));
    SentimentContext source(*m_cache, &provider);
    QVERIFY(gatherOnce(source, question(QStringLiteral("EUR/USD"), QStringLiteral("FX"))).ok());
    QVERIFY(gatherOnce(source, question(QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"))).ok());
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(queryItem(*m_server, 0, "tickers"), QStringLiteral("FOREX:EUR"));
    QCOMPARE(queryItem(*m_server, 1, "tickers"), QStringLiteral("CRYPTO:BTC"));
}

void TestSentimentContext::unusableArticlesAreCountedNotAveraged()
{
    // Constructed here: one article in the documented shape and one whose score is outside [-1, 1].
    m_server->route("/query", CannedResponse::json(R"({"items": "2", "feed": [
        {"title": "A", "url": "https://example.com/a", "time_published": "20240118T090000", "source": "X",
         "overall_sentiment_score": 0.21, "overall_sentiment_label": "Somewhat-Bullish", "ticker_sentiment": []},
        {"title": "B", "url": "https://example.com/b", "time_published": "20240118T080000", "source": "X",
         "overall_sentiment_score": "7.5", "overall_sentiment_label": "Bullish", "ticker_sentiment": []}]})"));
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server));
    SentimentContext source(*m_cache, &provider);
    const Result<QString> text = gatherOnce(source, question(QStringLiteral("IBM"), QStringLiteral("XNYS")));
    QCOMPARE(presentText(text),
             QStringLiteral("sentiment: 1 article, mean score 0.21 (Somewhat-Bullish); 1 article left out as unusable"));
}

void TestSentimentContext::badBodiesLeaveItOutWithTheReason_data()
{
    QTest::addColumn<CannedResponse>("response");
    QTest::addColumn<QString>("reason"); ///< the start of the message the section is left out with

    QTest::newRow("a per-minute note") << recordedAlphaVantage("note_rate_limit_5_per_minute_legacy.json")
                                       << QStringLiteral("Alpha Vantage: Thank you for using Alpha Vantage!");
    QTest::newRow("the daily limit information")
        << recordedAlphaVantage("information_rate_limit_25_per_day.json") << QStringLiteral("Alpha Vantage: ");
    QTest::newRow("an error message") << recordedAlphaVantage("error_invalid_api_call_fx_daily.json")
                                      << QStringLiteral("Alpha Vantage rejected the call: ");
    QTest::newRow("a feed whose every score is not a number")
        << CannedResponse::json(R"({"feed": [{"title": "A", "time_published": "20240118T090000", "overall_sentiment_score": "high"}]})")
        << QStringLiteral("none of the 1 news items is usable");
    QTest::newRow("an answer without a feed")
        << CannedResponse::json(R"({"items": "0", "sentiment_score_definition": "x <= -0.35: Bearish"})")
        << QStringLiteral("the response has none of the expected members");
    QTest::newRow("an http error") << CannedResponse::json(R"({"oops": true})", 503) << QStringLiteral("HTTP 503 from ");
}

void TestSentimentContext::badBodiesLeaveItOutWithTheReason()
{
    QFETCH(CannedResponse, response);
    QFETCH(QString, reason);
    m_server->route("/query", response);
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server));
    SentimentContext source(*m_cache, &provider);
    const Result<QString> text = gatherOnce(source, question(QStringLiteral("AAPL"), QStringLiteral("XNAS")));
    QVERIFY2(!text.ok(), qPrintable(presentText(text)));
    QVERIFY2(text.error().message.startsWith(reason), qPrintable(text.error().message));
    QVERIFY(!text.error().message.contains(kContextApiKey));
    // Nothing is kept: the next question asks again.
    QCOMPARE(m_cache->size(), 0);
}

void TestSentimentContext::noKeyLeavesItOutWithoutARequest()
{
    AlphaVantageSettings settings = alphaVantageAt(*m_server);
    settings.apiKey = Secret();
    AlphaVantageProvider keyless(*m_clock, settings);
    for (AlphaVantageProvider* provider : {&keyless, static_cast<AlphaVantageProvider*>(nullptr)}) {
        SentimentContext source(*m_cache, provider);
        const Result<QString> text = gatherOnce(source, question(QStringLiteral("AAPL"), QStringLiteral("XNAS")));
        QVERIFY(!text.ok());
        QCOMPARE(text.error().kind, QString::fromUtf16(contextError::NoApiKey));
        QCOMPARE(text.error().message, QStringLiteral("no Alpha Vantage key configured"));
    }
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(keyless.requestCount(), 0);
    QCOMPARE(m_cache->stats().lookups(), 0u);
}

void TestSentimentContext::usedUpQuotaLeavesItOutWithoutARequest()
{
    m_server->route("/query", recordedAlphaVantage("oatmeal_news_sentiment_aapl_trimmed.json"));
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server));
    SentimentContext source(*m_cache, &provider);
    QVERIFY(gatherOnce(source, question(QStringLiteral("AAPL"), QStringLiteral("XNAS"))).ok());
    // The service says the day's quota is spent.
    provider.rateLimiter().markQuotaExhausted();

    // 2024-01-18 12:00Z is 07:00 EST: the quota resets at midnight EST, 2024-01-19 05:00Z.
    const Result<QString> other = gatherOnce(source, question(QStringLiteral("MSFT"), QStringLiteral("XNAS")));
    QVERIFY(!other.ok());
    QCOMPARE(other.error().kind, QString::fromUtf16(contextError::QuotaUsedUp));
    QCOMPARE(other.error().message, QStringLiteral("Alpha Vantage daily quota used up (resets at 2024-01-19T05:00:00Z)"));
    // What is cached is still served.
    QVERIFY(gatherOnce(source, question(QStringLiteral("AAPL"), QStringLiteral("XNAS"))).ok());
    QCOMPARE(m_server->requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestSentimentContext)
#include "tst_sentimentcontext.moc"
