// SPDX-License-Identifier: GPL-3.0-or-later
// makeAdvisorContext: the four sources on the four named caches of a CacheRegistry (so their hit
// rates reach the Caches panel), with and without an Alpha Vantage key; with one, a single
// question gathers all four sections from the loopback stand-in serving the recorded bodies.
#include "BarSeries.h"
#include "ContextTestSupport.h"

#include "cache/CacheRegistry.h"
#include "common/ManualClock.h"
#include "providers/AlphaVantageProvider.h"
#include "strategy/AdvisorContextFactory.h"
#include "strategy/ContextCache.h"

#include <QTest>

#include <chrono>
#include <memory>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestAdvisorContextFactory final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void theFourCachesAreMadeWithTheirConfiguredLifetimes();
    void withoutAKeyTheOutsideWorldIsLeftOut();
    void withAKeyOneQuestionGathersEverySection();
    void aSecondContextSharesTheCaches();

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CacheRegistry> m_caches;
};

namespace {

/// Forty five-minute bars from 2024-01-18 13:00Z rising by one: the newest opens 16:15Z.
ContextQuestion risingQuestion()
{
    Bars bars = barsFromCloses(closesInSteps(100, 1, 40));
    for (qsizetype i = 0; i < bars.size(); ++i)
        bars[i].openTime = QDateTime(QDate(2024, 1, 18), QTime(13, 0), Qt::UTC).addSecs(300 * i);
    return ContextQuestion{Instrument{QStringLiteral("AAPL"), QStringLiteral("XNAS"), Interval::Min5}, bars};
}

QList<ContextSection> gatherSections(AdvisorContext& context, const ContextQuestion& question)
{
    const auto sections = awaitCallback<QList<ContextSection>>([&](auto done) { context.gather(question, done); });
    return sections.value_or(QList<ContextSection>{});
}

} // namespace

void TestAdvisorContextFactory::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2024, 1, 18), QTime(16, 30), Qt::UTC));
    CacheSettings settings;
    settings.ttl.indicators = 7min; // not the defaults, so the test sees they are the configured ones
    settings.ttl.regime = 9min;
    settings.ttl.sentiment = 45min;
    settings.ttl.macro = 12h;
    m_caches = std::make_unique<CacheRegistry>(settings, *m_clock);
}

void TestAdvisorContextFactory::cleanup()
{
    m_caches.reset();
    m_clock.reset();
}

void TestAdvisorContextFactory::theFourCachesAreMadeWithTheirConfiguredLifetimes()
{
    const std::unique_ptr<AdvisorContext> context = makeAdvisorContext(*m_caches, *m_clock, nullptr);
    QCOMPARE(context->sourceNames(), (QStringList{QStringLiteral("indicators"), QStringLiteral("regime"),
                                                  QStringLiteral("sentiment"), QStringLiteral("macro")}));
    QCOMPARE(context->deadline(), 3000ms);
    const std::pair<const char*, std::chrono::milliseconds> expected[] = {
        {"indicators", 7min}, {"regime", 9min}, {"sentiment", 45min}, {"macro", 12h}};
    for (const auto& [name, ttl] : expected) {
        auto* cache = dynamic_cast<ContextTextCache*>(m_caches->find(QString::fromLatin1(name)));
        QVERIFY2(cache, name);
        QCOMPARE(cache->defaultTtl(), ttl);
    }
    QCOMPARE(m_caches->snapshot().size(), 4);
}

void TestAdvisorContextFactory::withoutAKeyTheOutsideWorldIsLeftOut()
{
    const std::unique_ptr<AdvisorContext> context = makeAdvisorContext(*m_caches, *m_clock, nullptr);
    const QList<ContextSection> sections = gatherSections(*context, risingQuestion());
    QCOMPARE(sections.size(), 4);
    QCOMPARE(sections.at(0).text, QStringLiteral("indicators: close 139; sma10 134.5; sma30 124.5; rsi14 100.0; atr14 1.5"));
    QVERIFY(sections.at(1).text.startsWith(u"regime: trending up, volatility normal"));
    QCOMPARE(sections.at(2).leftOutBecause, QStringLiteral("no Alpha Vantage key configured"));
    QCOMPARE(sections.at(3).leftOutBecause, QStringLiteral("no Alpha Vantage key configured"));

    // The same bar again: both computed sections are hits in the registry's report.
    gatherSections(*context, risingQuestion());
    for (const CacheStats& stats : m_caches->snapshot()) {
        if (stats.name == u"indicators" || stats.name == u"regime") {
            QCOMPARE(stats.hits, 1u);
            QCOMPARE(stats.loads, 1u);
        } else {
            QCOMPARE(stats.lookups(), 0u);
        }
    }
}

void TestAdvisorContextFactory::withAKeyOneQuestionGathersEverySection()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.route("/query", [](const RecordedRequest& request) {
        const QString function = QUrlQuery(request.url).queryItemValue(QStringLiteral("function"));
        if (function == u"NEWS_SENTIMENT")
            return recordedAlphaVantage("oatmeal_news_sentiment_aapl_trimmed.json");
        if (function == u"FEDERAL_FUNDS_RATE")
            return recordedAlphaVantage("crazzyghost_federal_funds_rate.json");
        if (function == u"CPI")
            return recordedAlphaVantage("crazzyghost_cpi.json");
        return CannedResponse::json(R"({"Error Message": "Invalid API call."})");
    });
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(server));
    const std::unique_ptr<AdvisorContext> context = makeAdvisorContext(*m_caches, *m_clock, &provider);
    const QList<ContextSection> sections = gatherSections(*context, risingQuestion());
    QCOMPARE(sections.size(), 4);
    for (const ContextSection& section : sections)
        QVERIFY2(section.present(), qPrintable(section.source + u": " + section.leftOutBecause));
    QCOMPARE(sections.at(2).text, QStringLiteral("sentiment: 3 articles, mean score 0.04 (Neutral)"));
    QCOMPARE(sections.at(3).text, QStringLiteral("macro: federal funds rate 0.33 % (2022-04-01); CPI 287.504 (2022-03-01)"));
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(provider.quota().usedToday, 3);

    // Asked again within the lifetimes: every section from memory, no request, at once.
    std::optional<QList<ContextSection>> again;
    context->gather(risingQuestion(), [&again](const QList<ContextSection>& given) { again = given; });
    QVERIFY(again.has_value());
    QCOMPARE(*again, sections);
    QCOMPARE(server.requestCount(), 3);
}

void TestAdvisorContextFactory::aSecondContextSharesTheCaches()
{
    const std::unique_ptr<AdvisorContext> first = makeAdvisorContext(*m_caches, *m_clock, nullptr);
    gatherSections(*first, risingQuestion());
    const std::unique_ptr<AdvisorContext> second = makeAdvisorContext(*m_caches, *m_clock, nullptr, 500ms);
    QCOMPARE(second->deadline(), 500ms);
    gatherSections(*second, risingQuestion());
    QCOMPARE(m_caches->snapshot().size(), 4);
    auto* indicators = dynamic_cast<ContextTextCache*>(m_caches->find(u"indicators"));
    QVERIFY(indicators);
    QCOMPARE(indicators->stats().hits, 1u);
}

QTEST_GUILESS_MAIN(TestAdvisorContextFactory)
#include "tst_advisorcontextfactory.moc"
