// SPDX-License-Identifier: GPL-3.0-or-later
// AlphaVantageProvider against a real HTTP server on 127.0.0.1 that serves recorded bodies and
// misbehaves on purpose. The network round trip needs the event loop (QTRY_*); time for
// quotas, back-off and timeouts comes from a ManualClock.
#include "common/Log.h"
#include "common/ManualClock.h"
#include "providers/AlphaVantageProvider.h"
#include "providers/ProviderError.h"

#include "FakeHttpServer.h"
#include "TestData.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestAlphaVantageProvider final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void recordedFxIntradayBecomesClosedUtcBars();
    void eachRequestIsDatedByTheEngineClockNotTheWallClock();
    void misbehavingServerGivesTypedErrors_data();
    void misbehavingServerGivesTypedErrors();
    void stalledConnectionTimesOutOnTheClock();
    void rateLimitNoteHoldsTheNextRequestForAMinute();
    void neverMoreRequestsThanTheLimitsAllow();
    void repeatedFailuresOpenTheCircuit();
    void apiKeyNeverAppearsInALogLine();
    void missingApiKeyFailsWithoutARequest();
    void answerForAnotherSymbolIsRejected();
    void aTricklingServerIsCutOffInWallClockTime();
    void anOversizedAnswerIsAbortedUnread_data();
    void anOversizedAnswerIsAbortedUnread();

private:
    AlphaVantageSettings settings(int perMinute = 5, int perDay = 25) const;
    Result<BarSeries> fetchOnce(AlphaVantageProvider& provider, const Instrument& instrument);

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
};

namespace {

const QString apiKey = QStringLiteral("TESTKEY-7f3a9c");

Instrument eurUsd()
{
    return Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
}

CannedResponse recorded(const char* file, int status = 200)
{
    return CannedResponse::fromFile(dataPath(QStringLiteral("alphavantage/") + QString::fromLatin1(file)), status);
}

} // namespace

void TestAlphaVantageProvider::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    // Ten minutes after the last recorded FX bar opened: every bar of that body is closed.
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2020, 5, 6), QTime(22, 5), Qt::UTC));
}

void TestAlphaVantageProvider::cleanup()
{
    m_server.reset();
    m_clock.reset();
}

AlphaVantageSettings TestAlphaVantageProvider::settings(int perMinute, int perDay) const
{
    AlphaVantageSettings s;
    s.apiKey = Secret(apiKey);
    s.baseUrl = m_server->baseUrl();
    s.requestsPerMinute = perMinute;
    s.requestsPerDay = perDay;
    s.timeout = 10s;
    return s;
}

Result<BarSeries> TestAlphaVantageProvider::fetchOnce(AlphaVantageProvider& provider, const Instrument& instrument)
{
    std::optional<Result<BarSeries>> result;
    provider.fetchBars(BarRequest{instrument, {}, {}}, [&](const Result<BarSeries>& r) { result = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
    if (!result)
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no answer"), {}};
    return *result;
}

void TestAlphaVantageProvider::recordedFxIntradayBecomesClosedUtcBars()
{
    m_server->route("/query", recorded("crazzyghost_fx_intraday_5min.json"));
    AlphaVantageProvider provider(*m_clock, settings());
    const auto result = fetchOnce(provider, eurUsd());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->bars.size(), 2);
    QCOMPARE(result->bars.first().openTime, QDateTime(QDate(2020, 5, 6), QTime(21, 50), Qt::UTC));
    QCOMPARE(result->bars.last().close, 1.0794);
    QCOMPARE(m_server->requestCount(), 1);
    const QUrlQuery query(m_server->requests().first().url);
    QCOMPARE(query.queryItemValue(QStringLiteral("function")), QStringLiteral("FX_INTRADAY"));
    QCOMPARE(query.queryItemValue(QStringLiteral("from_symbol")), QStringLiteral("EUR"));
    QCOMPARE(query.queryItemValue(QStringLiteral("to_symbol")), QStringLiteral("USD"));
    QCOMPARE(query.queryItemValue(QStringLiteral("interval")), QStringLiteral("5min"));
    QCOMPARE(query.queryItemValue(QStringLiteral("apikey")), apiKey);
    QCOMPARE(provider.requestCount(), 1);
    QCOMPARE(provider.stats().requestsByEndpoint.value(QStringLiteral("FX_INTRADAY")), 1);

    // Five minutes earlier the 21:55 bar was still forming: it is not returned.
    ManualClock earlier(QDateTime(QDate(2020, 5, 6), QTime(21, 58), Qt::UTC));
    AlphaVantageProvider early(earlier, settings());
    const auto partial = fetchOnce(early, eurUsd());
    QVERIFY(partial.ok());
    QCOMPARE(partial->bars.size(), 1);
}

void TestAlphaVantageProvider::eachRequestIsDatedByTheEngineClockNotTheWallClock()
{
    // A simulation's stand-in serves the market as of the request's Date (ADR 0106), so the
    // header must carry the engine's instant, in RFC 9110 form, whatever the locale.
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto restoreLocale = qScopeGuard([&] { QLocale::setDefault(previous); });
    m_server->route("/query", recorded("crazzyghost_fx_intraday_5min.json"));
    AlphaVantageProvider provider(*m_clock, settings());
    QVERIFY(fetchOnce(provider, eurUsd()).ok());
    m_clock->advanceTo(QDateTime(QDate(2020, 5, 7), QTime(9, 0, 7), Qt::UTC));
    QVERIFY(fetchOnce(provider, eurUsd()).ok());
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->requests().at(0).headers.value("date"), QByteArray("Wed, 06 May 2020 22:05:00 GMT"));
    QCOMPARE(m_server->requests().at(1).headers.value("date"), QByteArray("Thu, 07 May 2020 09:00:07 GMT"));
}

void TestAlphaVantageProvider::misbehavingServerGivesTypedErrors_data()
{
    QTest::addColumn<CannedResponse>("response");
    QTest::addColumn<QString>("kind");
    QTest::newRow("http 200 with a per-minute note is rate limited")
        << recorded("note_rate_limit_5_per_minute_legacy.json") << QStringLiteral("rate_limited");
    QTest::newRow("http 200 with the daily information is quota exhausted")
        << recorded("information_rate_limit_25_per_day.json") << QStringLiteral("quota_exhausted");
    QTest::newRow("http 200 with an error message is an invalid call")
        << recorded("error_invalid_api_call_fx_daily.json") << QStringLiteral("invalid_call");
    QTest::newRow("http 500 is an http error")
        << CannedResponse::json(R"({"oops":true})", 500) << QStringLiteral("http_error");
    CannedResponse html = CannedResponse::json("<html><head><title>Maintenance</title></head><body>back soon</body></html>");
    html.contentType = "text/html";
    QTest::newRow("an html page with status 200 is an html body") << html << QStringLiteral("html_body");
    CannedResponse cut = recorded("crazzyghost_fx_intraday_5min.json");
    cut.behaviour = CannedResponse::Behaviour::TruncateBody;
    QTest::newRow("a body cut in half is truncated") << cut << QStringLiteral("truncated_body");
    QTest::newRow("a body with NUL bytes is binary, not truncated")
        << CannedResponse::json(QByteArray("{\"Meta Data\": {\"1. Information\": \"FX\"", 36) + QByteArray(64, '\0'))
        << QStringLiteral("binary_body");
    CannedResponse closed;
    closed.behaviour = CannedResponse::Behaviour::CloseAbruptly;
    QTest::newRow("a connection closed without an answer is a network error") << closed << QStringLiteral("network_error");
}

void TestAlphaVantageProvider::misbehavingServerGivesTypedErrors()
{
    QFETCH(CannedResponse, response);
    QFETCH(QString, kind);
    m_server->route("/query", response);
    AlphaVantageProvider provider(*m_clock, settings());
    const auto result = fetchOnce(provider, eurUsd());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, kind);
    QVERIFY(!result.error().message.contains(apiKey));
    // Qt's HTTP stack itself resends a GET once when the connection closes before any byte
    // of an answer (ADR 0022): the server may see two requests then, never more.
    if (kind == u"network_error")
        QVERIFY(m_server->requestCount() <= 2);
    else
        QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(provider.requestCount(), 1);
}

void TestAlphaVantageProvider::stalledConnectionTimesOutOnTheClock()
{
    CannedResponse stall;
    stall.behaviour = CannedResponse::Behaviour::Stall;
    m_server->route("/query", stall);
    AlphaVantageProvider provider(*m_clock, settings());
    std::optional<Result<BarSeries>> result;
    provider.fetchBars(BarRequest{eurUsd(), {}, {}}, [&](const Result<BarSeries>& r) { result = r; });
    QTRY_COMPARE(m_server->requestCount(), 1);
    m_clock->advanceBy(9s);
    QVERIFY(!result.has_value()); // the abort would answer synchronously: nothing yet
    m_clock->advanceBy(1s);
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, QStringLiteral("timeout"));
}

void TestAlphaVantageProvider::rateLimitNoteHoldsTheNextRequestForAMinute()
{
    m_server->route("/query", recorded("note_rate_limit_5_per_minute_legacy.json"));
    AlphaVantageProvider provider(*m_clock, settings());
    QCOMPARE(fetchOnce(provider, eurUsd()).error().kind, QStringLiteral("rate_limited"));
    m_server->route("/query", recorded("crazzyghost_fx_intraday_5min.json"));
    std::optional<Result<BarSeries>> result;
    provider.fetchBars(BarRequest{eurUsd(), {}, {}}, [&](const Result<BarSeries>& r) { result = r; });
    QCOMPARE(provider.rateLimiter().queued(), 1);
    m_clock->advanceBy(59s);
    QCOMPARE(provider.rateLimiter().queued(), 1);
    m_clock->advanceBy(1s);
    QCOMPARE(provider.rateLimiter().queued(), 0);
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->ok());
    QCOMPARE(m_server->requestCount(), 2);
}

void TestAlphaVantageProvider::neverMoreRequestsThanTheLimitsAllow()
{
    m_server->route("/query", recorded("crazzyghost_fx_intraday_5min.json"));
    AlphaVantageProvider provider(*m_clock, settings(5, 7));
    QSignalSpy alerts(&provider, &MarketDataProvider::alertRaised);
    QList<Result<BarSeries>> results;
    for (int i = 0; i < 10; ++i)
        provider.fetchBars(BarRequest{eurUsd(), {}, m_clock->now().addSecs(i)},
                           [&](const Result<BarSeries>& r) { results.append(r); });
    QTRY_COMPARE(results.size(), 5);
    QCOMPARE(m_server->requestCount(), 5);
    QCOMPARE(provider.rateLimiter().queued(), 5);

    m_clock->advanceBy(60s); // two more fit in the day; the other three are refused
    QTRY_COMPARE(results.size(), 10);
    QCOMPARE(m_server->requestCount(), 7);
    int exhausted = 0;
    for (const auto& r : results)
        exhausted += !r.ok() && r.error().kind == u"quota_exhausted" ? 1 : 0;
    QCOMPARE(exhausted, 3);
    QCOMPARE(alerts.count(), 1);
    const auto alert = alerts.first().first().value<ProviderAlert>();
    QCOMPARE(alert.kind, QStringLiteral("quota_exhausted"));
    // 2020-05-06 22:06Z is 18:06 EDT: the quota resets at midnight EDT, 04:00Z.
    QCOMPARE(alert.resumesAt, QDateTime(QDate(2020, 5, 7), QTime(4, 0), Qt::UTC));

    m_clock->advanceTo(QDateTime(QDate(2020, 5, 7), QTime(4, 0), Qt::UTC));
    QVERIFY(fetchOnce(provider, eurUsd()).ok());
    QCOMPARE(m_server->requestCount(), 8);
}

void TestAlphaVantageProvider::repeatedFailuresOpenTheCircuit()
{
    m_server->route("/query", CannedResponse::json("{}", 503));
    AlphaVantageProvider provider(*m_clock, settings(100, 1000));
    QSignalSpy alerts(&provider, &MarketDataProvider::alertRaised);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(fetchOnce(provider, eurUsd()).error().kind, QStringLiteral("http_error"));
    QCOMPARE(fetchOnce(provider, eurUsd()).error().kind, QStringLiteral("circuit_open"));
    QCOMPARE(m_server->requestCount(), 5);
    QCOMPARE(alerts.count(), 1);
    QCOMPARE(alerts.first().first().value<ProviderAlert>().kind, QStringLiteral("circuit_open"));

    m_server->route("/query", recorded("crazzyghost_fx_intraday_5min.json"));
    m_clock->advanceBy(30s);
    QVERIFY(fetchOnce(provider, eurUsd()).ok());
    QCOMPARE(m_server->requestCount(), 6);
}

void TestAlphaVantageProvider::apiKeyNeverAppearsInALogLine()
{
    // A raw sink, without the redacting wrapper: the provider itself must not write the key.
    std::ostringstream captured;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
    auto logger = sentinel::log::net();
    logger->sinks().push_back(sink);
    const auto oldLevel = logger->level();
    logger->set_level(spdlog::level::trace);
    m_server->route("/query", recorded("error_apikey_missing.json"));
    AlphaVantageProvider provider(*m_clock, settings());
    const auto result = fetchOnce(provider, eurUsd());
    logger->sinks().pop_back();
    logger->set_level(oldLevel);
    QCOMPARE(result.error().kind, QStringLiteral("invalid_api_key"));
    const QString text = QString::fromStdString(captured.str());
    QVERIFY2(text.contains(u"GET http://127.0.0.1"), qPrintable(text));
    QVERIFY2(!text.contains(apiKey), qPrintable(text));
    QVERIFY(!text.contains(u"apikey="));
}

void TestAlphaVantageProvider::missingApiKeyFailsWithoutARequest()
{
    AlphaVantageSettings s = settings();
    s.apiKey = Secret();
    AlphaVantageProvider provider(*m_clock, s);
    QCOMPARE(fetchOnce(provider, eurUsd()).error().kind, QStringLiteral("invalid_api_key"));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestAlphaVantageProvider::answerForAnotherSymbolIsRejected()
{
    m_server->route("/query", recorded("crazzyghost_fx_intraday_5min.json"));
    AlphaVantageProvider provider(*m_clock, settings());
    const auto result = fetchOnce(provider, Instrument{QStringLiteral("GBP/USD"), QStringLiteral("FX"), Interval::Min5});
    QCOMPARE(result.error().kind, QStringLiteral("symbol_mismatch"));
}

void TestAlphaVantageProvider::aTricklingServerIsCutOffInWallClockTime()
{
    // The Clock is not moved: only the wall-clock deadline can end this request.
    CannedResponse trickle = recorded("crazzyghost_fx_intraday_5min.json");
    trickle.behaviour = CannedResponse::Behaviour::Trickle;
    trickle.trickleIntervalMs = 2000;
    m_server->route("/query", trickle);
    AlphaVantageSettings s = settings();
    s.timeout = 1s;
    AlphaVantageProvider provider(*m_clock, s);
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = fetchOnce(provider, eurUsd());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, QStringLiteral("timeout"));
    QVERIFY2(elapsed.elapsed() < 5000, QByteArray::number(elapsed.elapsed()).constData());
    QVERIFY(!result.error().toString().contains(apiKey));
}

void TestAlphaVantageProvider::anOversizedAnswerIsAbortedUnread_data()
{
    QTest::addColumn<qint64>("announced");
    QTest::addColumn<qint64>("sent");
    QTest::addRow("a 400 MB content-length is refused before the body")
        << qint64(400) * 1024 * 1024 << qint64(2) * 1024 * 1024;
    QTest::addRow("a body without a length that grows past the cap")
        << qint64(-1) << AlphaVantageProvider::maxBodyBytes + 4 * 1024 * 1024;
}

void TestAlphaVantageProvider::anOversizedAnswerIsAbortedUnread()
{
    QFETCH(qint64, announced);
    QFETCH(qint64, sent);
    CannedResponse flood;
    flood.behaviour = CannedResponse::Behaviour::Flood;
    flood.announcedLength = announced;
    flood.floodBytes = sent;
    m_server->route("/query", flood);
    AlphaVantageProvider provider(*m_clock, settings());
    const auto result = fetchOnce(provider, eurUsd());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, QStringLiteral("body_too_large"));
}

QTEST_GUILESS_MAIN(TestAlphaVantageProvider)
#include "tst_alphavantageprovider.moc"
