// SPDX-License-Identifier: GPL-3.0-or-later
// OandaProvider against a real HTTP server on 127.0.0.1 serving the recorded OANDA candle bodies
// (tests/data/oanda/golden) and misbehaving on purpose: what the request carries, which candles
// become closed bars, and how each failure is typed for the engine.
#include "common/ManualClock.h"
#include "providers/OandaProvider.h"
#include "providers/ProviderError.h"

#include "FakeHttpServer.h"
#include "TestData.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestOandaProvider final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void recordedCandlesBecomeClosedBars();
    void theFormingCandleIsNeverAClosedBar();
    void requestCarriesTokenPairGranularityAndMidPrices();
    void aKnownBarAsksFromItOnward();
    void errorAnswersAreTypedForTheEngine_data();
    void errorAnswersAreTypedForTheEngine();
    void candlesForAnotherPairAreRefused();
    void aStalledServerTimesOut();
    void repeatedServerErrorsOpenTheCircuit();

private:
    Result<BarSeries> fetchOnce(OandaProvider& provider, const BarRequest& request);
    OandaSettings settings() const;

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
};

namespace {

const QString token = QStringLiteral("oanda-test-token-5b1e0c9d");

Instrument eurUsdHourly()
{
    return Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min60};
}

CannedResponse golden(const QString& folder, int status = 200)
{
    return CannedResponse::fromFile(dataPath(QStringLiteral("oanda/golden/%1/input.json").arg(folder)), status);
}

const QByteArray candlesPath = "/v3/instruments/EUR_USD/candles";

} // namespace

void TestOandaProvider::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    // A week after the recorded H1 candles (2017-01-03): every complete candle has closed.
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2017, 1, 10), QTime(12, 0), Qt::UTC));
}

void TestOandaProvider::cleanup()
{
    m_server.reset();
    m_clock.reset();
}

OandaSettings TestOandaProvider::settings() const
{
    OandaSettings settings;
    settings.accountId = QStringLiteral("101-004-1234567-001");
    settings.token = Secret(token);
    settings.baseUrl = m_server->baseUrl();
    settings.timeout = 2s;
    return settings;
}

Result<BarSeries> TestOandaProvider::fetchOnce(OandaProvider& provider, const BarRequest& request)
{
    std::optional<Result<BarSeries>> answer;
    provider.fetchBars(request, [&answer](const Result<BarSeries>& result) { answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10'000))
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no answer within 10 s")};
    return *answer;
}

void TestOandaProvider::recordedCandlesBecomeClosedBars()
{
    m_server->route(candlesPath, golden(QStringLiteral("recorded_candles_h1_mid_eur_usd")));
    OandaProvider provider(*m_clock, settings());
    const auto series = fetchOnce(provider, BarRequest{eurUsdHourly(), {}, {}});
    QVERIFY2(series.ok(), qPrintable(series.ok() ? QString() : series.error().toString()));
    QCOMPARE(series->bars.size(), 9);
    const Bar& first = series->bars.front();
    QCOMPARE(first.openTime, QDateTime(QDate(2017, 1, 3), QTime(0, 0), Qt::UTC));
    QCOMPARE(first.open, 1.04577);
    QCOMPARE(first.high, 1.04712);
    QCOMPARE(first.low, 1.04572);
    QCOMPARE(first.close, 1.04662);
    QCOMPARE(first.volume, 481.0);
    for (qsizetype i = 1; i < series->bars.size(); ++i)
        QVERIFY(series->bars[i - 1].openTime < series->bars[i].openTime);
    QCOMPARE(provider.stats().requests, 1);
}

void TestOandaProvider::theFormingCandleIsNeverAClosedBar()
{
    m_server->route(candlesPath, golden(QStringLiteral("incomplete_last_candle_is_the_live_bar_not_a_closed_one")));
    OandaProvider provider(*m_clock, settings());
    const auto series = fetchOnce(provider, BarRequest{eurUsdHourly(), {}, {}});
    QVERIFY(series.ok());
    QFile body(dataPath(QStringLiteral("oanda/golden/incomplete_last_candle_is_the_live_bar_not_a_closed_one/input.json")));
    QVERIFY(body.open(QIODevice::ReadOnly));
    const QJsonArray candles = QJsonDocument::fromJson(body.readAll()).object().value(u"candles").toArray();
    QCOMPARE(candles.last().toObject().value(u"complete").toBool(), false);
    // Even a week later by the clock, the candle OANDA calls incomplete is not handed out.
    QCOMPARE(series->bars.size(), candles.size() - 1);
    const QDateTime forming = QDateTime::fromString(candles.last().toObject().value(u"time").toString(), Qt::ISODateWithMs);
    QVERIFY(series->bars.back().openTime < forming);
}

void TestOandaProvider::requestCarriesTokenPairGranularityAndMidPrices()
{
    m_server->route(candlesPath, golden(QStringLiteral("recorded_candles_h1_mid_eur_usd")));
    OandaProvider provider(*m_clock, settings());
    QVERIFY(fetchOnce(provider, BarRequest{eurUsdHourly(), {}, {}}).ok());
    QCOMPARE(m_server->requestCount(candlesPath), 1);
    const RecordedRequest& request = m_server->requests().front();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.headers.value("authorization"), "Bearer " + token.toUtf8());
    QCOMPARE(request.headers.value("accept-datetime-format"), QByteArray("RFC3339"));
    const QUrlQuery query(request.url);
    QCOMPARE(query.queryItemValue(QStringLiteral("granularity")), QStringLiteral("H1"));
    QCOMPARE(query.queryItemValue(QStringLiteral("price")), QStringLiteral("M"));
    QCOMPARE(query.queryItemValue(QStringLiteral("count")), QString::number(OandaProvider::historyCandles));
    QVERIFY(!query.hasQueryItem(QStringLiteral("from")));
}

void TestOandaProvider::aKnownBarAsksFromItOnward()
{
    m_server->route(candlesPath, golden(QStringLiteral("recorded_candles_h1_mid_eur_usd")));
    OandaProvider provider(*m_clock, settings());
    const QDateTime since(QDate(2017, 1, 3), QTime(4, 0), Qt::UTC);
    const auto series = fetchOnce(provider, BarRequest{eurUsdHourly(), since, {}});
    QVERIFY(series.ok());
    const QUrlQuery query(m_server->requests().front().url);
    QCOMPARE(query.queryItemValue(QStringLiteral("from")), QStringLiteral("2017-01-03T04:00:00Z"));
    QCOMPARE(query.queryItemValue(QStringLiteral("count")), QString::number(OandaProvider::maxCandles));
    // Only bars newer than the one already held are new.
    QVERIFY(!series->bars.isEmpty());
    for (const Bar& bar : series->bars)
        QVERIFY(bar.openTime > since);
}

void TestOandaProvider::errorAnswersAreTypedForTheEngine_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("401 recorded") << "recorded_error_401_insufficient_authorization" << 401 << "invalid_api_key" << "Insufficient authorization";
    QTest::newRow("400 recorded") << "recorded_error_400_invalid_instrument" << 400 << "invalid_call" << "";
    QTest::newRow("html 502") << "html_page_is_typed" << 502 << "http_error" << "";
    QTest::newRow("bad price") << "non_numeric_price_string_names_field_and_index" << 200 << "unexpected_shape" << "candles[";
    QTest::newRow("cut off") << "cut_off_body_is_truncated" << 200 << "truncated_body" << "";
    QTest::newRow("html 200") << "html_page_is_typed" << 200 << "html_body" << "";
}

void TestOandaProvider::errorAnswersAreTypedForTheEngine()
{
    QFETCH(QString, folder);
    QFETCH(int, status);
    QFETCH(QString, kind);
    QFETCH(QString, mentions);
    m_server->route(candlesPath, golden(folder, status));
    OandaProvider provider(*m_clock, settings());
    const auto series = fetchOnce(provider, BarRequest{eurUsdHourly(), {}, {}});
    QVERIFY(!series.ok());
    QCOMPARE(series.error().kind, kind);
    QVERIFY2(series.error().message.contains(mentions), qPrintable(series.error().message));
    QVERIFY(!series.error().toString().contains(token));
    QCOMPARE(provider.stats().failures, 1);
}

void TestOandaProvider::candlesForAnotherPairAreRefused()
{
    m_server->route("/v3/instruments/EUR_JPY/candles", golden(QStringLiteral("recorded_candles_h1_mid_eur_usd")));
    OandaProvider provider(*m_clock, settings());
    const auto series = fetchOnce(provider, BarRequest{Instrument{QStringLiteral("EUR/JPY"), QStringLiteral("FX"), Interval::Min60}, {}, {}});
    QVERIFY(!series.ok());
    QCOMPARE(series.error().kind, QStringLiteral("symbol_mismatch"));
}

void TestOandaProvider::aStalledServerTimesOut()
{
    CannedResponse stall;
    stall.behaviour = CannedResponse::Behaviour::Stall;
    m_server->route(candlesPath, stall);
    OandaProvider provider(*m_clock, settings());
    QElapsedTimer wall;
    wall.start();
    const auto series = fetchOnce(provider, BarRequest{eurUsdHourly(), {}, {}});
    QVERIFY(!series.ok());
    QCOMPARE(series.error().kind, QStringLiteral("timeout"));
    QVERIFY(wall.elapsed() < 8'000);
}

void TestOandaProvider::repeatedServerErrorsOpenTheCircuit()
{
    m_server->route(candlesPath, CannedResponse::json(R"({"errorMessage":"Service unavailable"})", 503));
    OandaProvider provider(*m_clock, settings());
    QSignalSpy alerts(&provider, &MarketDataProvider::alertRaised);
    for (int i = 0; i < 5; ++i) {
        const auto series = fetchOnce(provider, BarRequest{eurUsdHourly(), {}, {}});
        QVERIFY(!series.ok());
        QCOMPARE(series.error().kind, QStringLiteral("http_error"));
    }
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.front().front().value<ProviderAlert>().kind, QStringLiteral("circuit_open"));
    // Open: the next request is refused without reaching the server.
    const auto refused = fetchOnce(provider, BarRequest{eurUsdHourly(), {}, {}});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, QStringLiteral("circuit_open"));
    QCOMPARE(m_server->requestCount(candlesPath), 5);
}

QTEST_GUILESS_MAIN(TestOandaProvider)
#include "tst_oandaprovider.moc"
