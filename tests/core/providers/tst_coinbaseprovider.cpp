// SPDX-License-Identifier: GPL-3.0-or-later
// CoinbaseProvider against a real HTTP server on 127.0.0.1 serving the recorded Coinbase candle
// bodies (tests/data/coinbase): the pages a history is asked for in, which candles become closed
// bars, how Coinbase's ways of saying "slow down" hold the next request back, and how each
// failure is typed for the engine.
#include "common/ManualClock.h"
#include "providers/CoinbaseProvider.h"
#include "providers/ProviderError.h"

#include "AwaitCallback.h"
#include "FakeHttpServer.h"
#include "TestData.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestCoinbaseProvider final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void historyIsAskedForInPagesAndBecomesClosedBars();
    void theCandleStillFormingIsNotABar();
    void aKnownBarAsksFromItOnward();
    void a429WithRetryAfterHoldsTheNextRequestBack();
    void a401ToThePublicFeedIsThrottlingNotABadKey();
    void errorAnswersAreTypedForTheEngine_data();
    void errorAnswersAreTypedForTheEngine();
    void repeatedServerErrorsOpenTheCircuit();
    void aRowCoinbaseCannotNameIsAnInvalidCall();

private:
    Result<BarSeries> fetchOnce(CoinbaseProvider& provider, const BarRequest& request);
    void serveRecordedCandles();
    CoinbaseSettings settings() const;

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
};

namespace {

// The recorded ONE_HOUR candles open at 2024-04-04 00:00 and 01:00 UTC.
const qint64 firstCandle = 1712188800;
const qint64 secondCandle = 1712192400;
const QByteArray candlesPath = "/api/v3/brokerage/market/products/BTC-USD/candles";

Instrument btcUsdHourly()
{
    return Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min60};
}

QDateTime at(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC);
}

CannedResponse golden(const QString& folder, const QString& file = QStringLiteral("input.json"), int status = 200)
{
    return CannedResponse::fromFile(dataPath(QStringLiteral("coinbase/golden/%1/%2").arg(folder, file)), status);
}

qint64 queryValue(const RecordedRequest& request, const char* name)
{
    return QUrlQuery(request.url).queryItemValue(QLatin1String(name)).toLongLong();
}

} // namespace

void TestCoinbaseProvider::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    // Two and a half hours after the first recorded candle opened: both have closed.
    m_clock = std::make_unique<ManualClock>(at(firstCandle + 2 * 3600 + 1800));
}

void TestCoinbaseProvider::cleanup()
{
    m_server.reset();
    m_clock.reset();
}

CoinbaseSettings TestCoinbaseProvider::settings() const
{
    CoinbaseSettings settings;
    settings.baseUrl = m_server->baseUrl(); // the feed needs no key
    settings.timeout = 2s;
    return settings;
}

void TestCoinbaseProvider::serveRecordedCandles()
{
    // Like Coinbase: the recorded candles only to a page whose window holds them, newest first.
    const QByteArray recorded = readFile(dataPath(QStringLiteral("coinbase/market_product_candles_ONE_HOUR.json")));
    m_server->route(candlesPath, [recorded](const RecordedRequest& request) {
        const bool holds = queryValue(request, "start") <= firstCandle && queryValue(request, "end") >= secondCandle;
        return CannedResponse::json(holds ? recorded : QByteArray(R"({"candles":[]})"));
    });
}

Result<BarSeries> TestCoinbaseProvider::fetchOnce(CoinbaseProvider& provider, const BarRequest& request)
{
    const auto answer = awaitCallback<Result<BarSeries>>([&](auto done) { provider.fetchBars(request, done); }, 10'000);
    return answer ? *answer : Result<BarSeries>(Error{QStringLiteral("test_timeout"), QStringLiteral("no answer within 10 s")});
}

void TestCoinbaseProvider::historyIsAskedForInPagesAndBecomesClosedBars()
{
    serveRecordedCandles();
    CoinbaseProvider provider(*m_clock, settings());
    const auto series = fetchOnce(provider, BarRequest{btcUsdHourly(), {}, {}});
    QVERIFY2(series.ok(), qPrintable(series.ok() ? QString() : series.error().toString()));
    QCOMPARE(series->bars.size(), 2);
    QCOMPARE(series->bars[0].openTime, at(firstCandle));
    QCOMPARE(series->bars[0].open, 65984.18);
    QCOMPARE(series->bars[0].close, 66314.59);
    QCOMPARE(series->bars[1].openTime, at(secondCandle));
    QCOMPARE(series->bars[1].volume, 355.82896243);

    // 500 hourly candles back from the slot forming now, in two pages of at most 299, unsigned.
    const QList<RecordedRequest>& requests = m_server->requests();
    QCOMPARE(requests.size(), 2);
    const qint64 formingSlot = secondCandle + 3600;
    QCOMPARE(queryValue(requests[0], "start"), formingSlot - qint64{CoinbaseProvider::historyCandles} * 3600);
    QCOMPARE(queryValue(requests[1], "end"), formingSlot);
    QCOMPARE(queryValue(requests[1], "start"), queryValue(requests[0], "end") + 3600); // no gap, no overlap
    for (const RecordedRequest& request : requests) {
        QCOMPARE(QUrlQuery(request.url).queryItemValue(QStringLiteral("granularity")), QStringLiteral("ONE_HOUR"));
        QVERIFY((queryValue(request, "end") - queryValue(request, "start")) / 3600 + 1 <= CoinbaseProvider::candlesPerRequest);
        QVERIFY(!request.headers.contains("authorization"));
    }
    QCOMPARE(provider.stats().requests, 2);
}

void TestCoinbaseProvider::theCandleStillFormingIsNotABar()
{
    serveRecordedCandles();
    m_clock = std::make_unique<ManualClock>(at(secondCandle + 1800)); // the 01:00 candle runs until 02:00
    CoinbaseProvider provider(*m_clock, settings());
    const auto series = fetchOnce(provider, BarRequest{btcUsdHourly(), {}, {}});
    QVERIFY2(series.ok(), qPrintable(series.ok() ? QString() : series.error().toString()));
    QCOMPARE(series->bars.size(), 1);
    QCOMPARE(series->bars[0].openTime, at(firstCandle));
}

void TestCoinbaseProvider::aKnownBarAsksFromItOnward()
{
    serveRecordedCandles();
    CoinbaseProvider provider(*m_clock, settings());
    const auto series = fetchOnce(provider, BarRequest{btcUsdHourly(), at(firstCandle), {}});
    QVERIFY(series.ok());
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(queryValue(m_server->requests().front(), "start"), firstCandle);
    QCOMPARE(series->bars.size(), 1); // only the bar newer than the one held
    QCOMPARE(series->bars[0].openTime, at(secondCandle));
}

void TestCoinbaseProvider::a429WithRetryAfterHoldsTheNextRequestBack()
{
    CannedResponse limited = CannedResponse::fromFile(dataPath(QStringLiteral("coinbase/error_429_rate_limit_exceeded.json")), 429);
    limited.headers.insert("Retry-After", "7");
    m_server->route(candlesPath, limited);
    CoinbaseProvider provider(*m_clock, settings());
    const auto refused = fetchOnce(provider, BarRequest{btcUsdHourly(), at(firstCandle), {}});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, QStringLiteral("rate_limited"));

    serveRecordedCandles();
    std::optional<Result<BarSeries>> answer;
    provider.fetchBars(BarRequest{btcUsdHourly(), at(firstCandle), {}}, [&answer](const Result<BarSeries>& result) { answer = result; });
    QCOMPARE(provider.requestsWaitingForClock(), 1);
    m_clock->advanceBy(6s);
    QTest::qWait(50);
    QCOMPARE(m_server->requests().size(), 1); // still waiting: Coinbase said seven seconds
    m_clock->advanceBy(1s);
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->ok());
    QCOMPARE(m_server->requests().size(), 2);
}

void TestCoinbaseProvider::a401ToThePublicFeedIsThrottlingNotABadKey()
{
    m_server->route(candlesPath, CannedResponse::fromFile(dataPath(QStringLiteral("coinbase/error_401_unauthorized.txt")), 401, "text/plain"));
    CoinbaseProvider provider(*m_clock, settings());
    const auto refused = fetchOnce(provider, BarRequest{btcUsdHourly(), at(firstCandle), {}});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, QStringLiteral("rate_limited"));
    QVERIFY2(refused.error().message.contains(u"throttling"), qPrintable(refused.error().message));
    // The next request waits out the client's own back-off.
    serveRecordedCandles();
    std::optional<Result<BarSeries>> answer;
    provider.fetchBars(BarRequest{btcUsdHourly(), at(firstCandle), {}}, [&answer](const Result<BarSeries>& result) { answer = result; });
    QCOMPARE(provider.requestsWaitingForClock(), 1);
    m_clock->advanceBy(2s);
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->ok());
}

void TestCoinbaseProvider::errorAnswersAreTypedForTheEngine_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("a candle that is not a number is an unexpected shape")
        << "non_numeric_open_names_field_and_index" << "input.json" << 200 << "unexpected_shape" << "candles[1].open";
    QTest::newRow("an HTML page instead of candles") << "html_page_instead_of_candles" << "input.html" << 200 << "html_body" << "";
    QTest::newRow("oldest first is an unexpected shape") << "oldest_first_candles_are_unsorted" << "input.json" << 200 << "unexpected_shape" << "";
    QTest::newRow("a body cut in half is truncated") << "candles_cut_in_half_are_truncated" << "input.json" << 200 << "truncated_body" << "";
    QTest::newRow("too many candles asked for is an invalid call") << "http_400_too_many_candles" << "input.json" << 400 << "invalid_call" << "300";
    QTest::newRow("a 502 is an HTTP error") << "http_502_empty_body" << "input.txt" << 502 << "http_error" << "502";
}

void TestCoinbaseProvider::errorAnswersAreTypedForTheEngine()
{
    QFETCH(QString, folder);
    QFETCH(QString, file);
    QFETCH(int, status);
    QFETCH(QString, kind);
    QFETCH(QString, mentions);
    m_server->route(candlesPath, golden(folder, file, status));
    CoinbaseProvider provider(*m_clock, settings());
    const auto series = fetchOnce(provider, BarRequest{btcUsdHourly(), at(firstCandle), {}});
    QVERIFY(!series.ok());
    QCOMPARE(series.error().kind, kind);
    QVERIFY2(series.error().message.contains(mentions), qPrintable(series.error().message));
    QCOMPARE(provider.stats().failures, 1);
}

void TestCoinbaseProvider::repeatedServerErrorsOpenTheCircuit()
{
    m_server->route(candlesPath, CannedResponse::json(R"({"error":"INTERNAL","message":"try later"})", 503));
    CoinbaseProvider provider(*m_clock, settings());
    QSignalSpy alerts(&provider, &MarketDataProvider::alertRaised);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(fetchOnce(provider, BarRequest{btcUsdHourly(), at(firstCandle), {}}).error().kind, QStringLiteral("http_error"));
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.front().front().value<ProviderAlert>().kind, QStringLiteral("circuit_open"));
    QCOMPARE(fetchOnce(provider, BarRequest{btcUsdHourly(), at(firstCandle), {}}).error().kind, QStringLiteral("circuit_open"));
    QCOMPARE(m_server->requestCount(candlesPath), 5);
}

void TestCoinbaseProvider::aRowCoinbaseCannotNameIsAnInvalidCall()
{
    CoinbaseProvider provider(*m_clock, settings());
    const auto series = fetchOnce(provider, BarRequest{Instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5}, {}, {}});
    QCOMPARE(series.error().kind, QStringLiteral("invalid_call"));
    QCOMPARE(m_server->requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestCoinbaseProvider)
#include "tst_coinbaseprovider.moc"
