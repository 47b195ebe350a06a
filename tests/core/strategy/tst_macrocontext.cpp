// SPDX-License-Identifier: GPL-3.0-or-later
// The advisor's "macro" section against a real HTTP server on 127.0.0.1 serving the recorded
// FEDERAL_FUNDS_RATE and CPI bodies (tests/data/alphavantage/SOURCES.md), through a real
// AlphaVantageProvider, so its limiter and daily quota are the ones that count.
#include "ContextTestSupport.h"

#include "common/ManualClock.h"
#include "providers/AlphaVantageProvider.h"
#include "strategy/MacroContext.h"

#include <QTest>

#include <chrono>
#include <memory>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestMacroContext final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void recordedSeriesAreSummarised();
    void askedTwiceIsAnsweredFromTheCache();
    void aBadSeriesLeavesItOutNamingIt_data();
    void aBadSeriesLeavesItOutNamingIt();
    void noKeyLeavesItOutWithoutARequest();
    void usedUpQuotaLeavesItOutWithoutARequest();

private:
    /// Answers FEDERAL_FUNDS_RATE and CPI with the recorded bodies, except `function` with `instead`.
    void serve(const QString& function = {}, const CannedResponse& instead = {});

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ContextTextCache> m_cache;
    const ContextQuestion m_question{Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5}, {}};
};

void TestMacroContext::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2022, 5, 20), QTime(14, 0), Qt::UTC));
    m_cache = std::make_unique<ContextTextCache>(QStringLiteral("macro"), *m_clock, 24h, 64);
}

void TestMacroContext::cleanup()
{
    m_cache.reset();
    m_clock.reset();
    m_server.reset();
}

void TestMacroContext::serve(const QString& function, const CannedResponse& instead)
{
    m_server->route("/query", [function, instead](const RecordedRequest& request) {
        const QString asked = QUrlQuery(request.url).queryItemValue(QStringLiteral("function"));
        if (asked == function)
            return instead;
        if (asked == u"FEDERAL_FUNDS_RATE")
            return recordedAlphaVantage("crazzyghost_federal_funds_rate.json");
        if (asked == u"CPI")
            return recordedAlphaVantage("crazzyghost_cpi.json");
        return CannedResponse::json(R"({"Error Message": "Invalid API call."})");
    });
}

void TestMacroContext::recordedSeriesAreSummarised()
{
    serve();
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server));
    MacroContext source(*m_cache, &provider);
    QCOMPARE(source.name(), QStringLiteral("macro"));
    // The newest row of each body: 0.33 percent for 2022-04-01, 287.504 for 2022-03-01.
    const Result<QString> text = gatherOnce(source, m_question);
    QCOMPARE(presentText(text), QStringLiteral("macro: federal funds rate 0.33 % (2022-04-01); CPI 287.504 (2022-03-01)"));
    QCOMPARE(m_server->requestCount(), 2);
    QSet<QString> functions;
    for (qsizetype i = 0; i < 2; ++i) {
        functions << queryItem(*m_server, i, "function");
        QCOMPARE(queryItem(*m_server, i, "interval"), QStringLiteral("monthly"));
        QCOMPARE(queryItem(*m_server, i, "apikey"), kContextApiKey);
    }
    QCOMPARE(functions, (QSet<QString>{QStringLiteral("FEDERAL_FUNDS_RATE"), QStringLiteral("CPI")}));
    QCOMPARE(provider.quota().usedToday, 2);
}

void TestMacroContext::askedTwiceIsAnsweredFromTheCache()
{
    serve();
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server));
    MacroContext source(*m_cache, &provider);
    const Result<QString> first = gatherOnce(source, m_question);
    QVERIFY(first.ok());
    // Another instrument, hours later: the same two series, both from memory, at once.
    m_clock->advanceBy(6h);
    std::optional<Result<QString>> second;
    source.gather(ContextQuestion{Instrument{QStringLiteral("AAPL"), QStringLiteral("XNAS"), Interval::Min1}, {}},
                  [&second](Result<QString> text) { second = std::move(text); });
    QVERIFY(second.has_value());
    QCOMPARE(presentText(*second), presentText(first));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_cache->stats().hits, 2u);
    QCOMPARE(m_cache->stats().loads, 2u);
    QVERIFY(m_cache->contains(QStringLiteral("FEDERAL_FUNDS_RATE")));
    QVERIFY(m_cache->contains(QStringLiteral("CPI")));
}

void TestMacroContext::aBadSeriesLeavesItOutNamingIt_data()
{
    QTest::addColumn<QString>("function");
    QTest::addColumn<CannedResponse>("response");
    QTest::addColumn<QString>("reason");

    QTest::newRow("the daily limit information for CPI")
        << QStringLiteral("CPI") << recordedAlphaVantage("information_rate_limit_25_per_day.json")
        << QStringLiteral("CPI: Alpha Vantage: Thank you for using Alpha Vantage! Our standard API rate limit is 25");
    QTest::newRow("an error message for the federal funds rate")
        << QStringLiteral("FEDERAL_FUNDS_RATE") << recordedAlphaVantage("error_invalid_api_call_fx_daily.json")
        << QStringLiteral("federal funds rate: Alpha Vantage rejected the call: ");
    // Constructed here, in the recorded bodies' shape, with one row each.
    const auto cpi = [](const char* row) {
        return CannedResponse::json(QByteArray(R"({"name": "Consumer Price Index for all Urban Consumers", )"
                                               R"("interval": "monthly", "unit": "index 1982-1984=100", "data": [)")
                                    + row + "]}");
    };
    const auto fedFunds = [](const char* interval, const char* row) {
        return CannedResponse::json(QByteArray(R"({"name": "Effective Federal Funds Rate", "unit": "percent", "interval": ")")
                                    + interval + R"(", "data": [)" + row + "]}");
    };
    const QString noCpi = QStringLiteral("CPI: no usable value in the Consumer Price Index for all Urban Consumers series (1 rows)");
    QTest::newRow("a month without a value, the source's dot")
        << QStringLiteral("CPI") << cpi(R"({"date": "2022-04-01", "value": "."})") << noCpi;
    QTest::newRow("rows without a date") << QStringLiteral("CPI") << cpi(R"({"value": "287.504"})") << noCpi;
    QTest::newRow("a value that is not a number")
        << QStringLiteral("FEDERAL_FUNDS_RATE") << fedFunds("monthly", R"({"date": "2022-04-01", "value": "n/a"})")
        << QStringLiteral("federal funds rate: no usable value in the Effective Federal Funds Rate series (1 rows)");
    QTest::newRow("daily steps where monthly were asked")
        << QStringLiteral("FEDERAL_FUNDS_RATE") << fedFunds("daily", R"({"date": "2022-05-19", "value": "0.83"})")
        << QStringLiteral("federal funds rate: asked for monthly federal funds rate values, the answer is in daily steps");
    QTest::newRow("an answer of another kind")
        << QStringLiteral("CPI") << recordedAlphaVantage("crazzyghost_fx_daily.json")
        << QStringLiteral("CPI: the answer holds no economic series");
}

void TestMacroContext::aBadSeriesLeavesItOutNamingIt()
{
    QFETCH(QString, function);
    QFETCH(CannedResponse, response);
    QFETCH(QString, reason);
    serve(function, response);
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server));
    MacroContext source(*m_cache, &provider);
    const Result<QString> text = gatherOnce(source, m_question);
    QVERIFY2(!text.ok(), qPrintable(presentText(text)));
    QVERIFY2(text.error().message.startsWith(reason), qPrintable(text.error().message));
    QVERIFY(!text.error().message.contains(kContextApiKey));
    // The good series is kept; the bad one is not, so the next question asks for it again.
    QCOMPARE(m_cache->size(), 1);
    QVERIFY(!m_cache->contains(function));
}

void TestMacroContext::noKeyLeavesItOutWithoutARequest()
{
    serve();
    AlphaVantageSettings settings = alphaVantageAt(*m_server);
    settings.apiKey = Secret();
    AlphaVantageProvider keyless(*m_clock, settings);
    MacroContext source(*m_cache, &keyless);
    const Result<QString> text = gatherOnce(source, m_question);
    QVERIFY(!text.ok());
    QCOMPARE(text.error().message, QStringLiteral("no Alpha Vantage key configured"));
    MacroContext without(*m_cache, nullptr);
    QCOMPARE(gatherOnce(without, m_question).error().kind, QString::fromUtf16(contextError::NoApiKey));
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(m_cache->stats().lookups(), 0u);
}

void TestMacroContext::usedUpQuotaLeavesItOutWithoutARequest()
{
    serve();
    // One request a day: the federal funds rate takes it, CPI finds the quota spent.
    AlphaVantageProvider provider(*m_clock, alphaVantageAt(*m_server, 1));
    MacroContext source(*m_cache, &provider);
    const Result<QString> text = gatherOnce(source, m_question);
    QVERIFY(!text.ok());
    QCOMPARE(text.error().kind, QString::fromUtf16(contextError::QuotaUsedUp));
    // 2022-05-20 14:00Z is 10:00 EDT: the quota resets at midnight EDT, 2022-05-21 04:00Z.
    QCOMPARE(text.error().message, QStringLiteral("CPI: Alpha Vantage daily quota used up (resets at 2022-05-21T04:00:00Z)"));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(queryItem(*m_server, 0, "function"), QStringLiteral("FEDERAL_FUNDS_RATE"));
}

QTEST_GUILESS_MAIN(TestMacroContext)
#include "tst_macrocontext.moc"
