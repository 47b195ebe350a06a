// SPDX-License-Identifier: GPL-3.0-or-later
// OANDA's pricing stream as the live feed (ADR 0120), against loopback stand-ins: a streaming
// host the test writes to, stalls and drops (FakeOandaStream), and a REST host serving candles.
// Time is a ManualClock: silence, back-off and bar closes are the clock's, nothing sleeps.
#include "brokers/oanda/OandaPriceStream.h"
#include "brokers/oanda/OandaRest.h"
#include "common/AlertKinds.h"
#include "common/ManualClock.h"
#include "providers/OandaProvider.h"
#include "providers/OandaStreamBars.h"

#include "FetchBarsOnce.h"
#include "FakeHttpServer.h"
#include "FakeOandaStream.h"
#include "OandaBodies.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

namespace {

const QString token = QStringLiteral("oanda-stream-token-77c1f0");
const QByteArray candlesPath = "/v3/instruments/EUR_USD/candles";

QDateTime at(const char* hhmmss)
{
    return QDateTime(QDate(2026, 11, 24), QTime::fromString(QString::fromLatin1(hhmmss), QStringLiteral("HH:mm:ss.zzz")), Qt::UTC);
}

Instrument eurUsdM1()
{
    return Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min1};
}

Bar bar(const QDateTime& open, double o, double h, double l, double c)
{
    return Bar{open, o, h, l, c, 10, false};
}

} // namespace

class TestOandaStream final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void streamedBarsArePushedAndAnswerWithoutARequest();
    void theBrokersCandleReplacesTheStreamedBar();
    void aSilentStreamIsDroppedAndTheGapFilledFromCandles();
    void reconnectsBackOffFromOneSecondToSixty();
    void aLongStallEndsInALiveStreamAgain();
    void badLinesAreSkippedAndTheStreamCarriesTheToken();

private:
    OandaSettings settings() const;
    Result<BarSeries> fetchOnce(MarketDataProvider& provider);
    /// Moves the clock to `to` in steps of 5 s with a heartbeat at each, as a healthy stream.
    void keepAlive(const OandaProvider& provider, const QDateTime& to);
    /// Fetches the history (candles), then brings the stream live at the clock's time.
    void goLive(OandaProvider& provider);
    /// Lets the loopback sockets deliver until `condition` holds (real time, bounded).
    static bool settle(const std::function<bool()>& condition) { return QTest::qWaitFor(condition, 5'000); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeHttpServer> m_rest;
    std::unique_ptr<FakeOandaStream> m_stream;
    Bars m_candles; ///< what the REST stand-in answers as complete candles
};

void TestOandaStream::init()
{
    m_clock = std::make_unique<ManualClock>(at("10:00:00.000"));
    m_rest = std::make_unique<FakeHttpServer>();
    m_stream = std::make_unique<FakeOandaStream>();
    QVERIFY(m_rest->start());
    QVERIFY(m_stream->start());
    m_candles = {bar(at("09:58:00.000"), 1.1000, 1.1010, 1.0990, 1.1005), bar(at("09:59:00.000"), 1.1005, 1.1012, 1.1001, 1.1008)};
    m_rest->route(candlesPath, [this](const RecordedRequest&) {
        return CannedResponse::json(oandaCandlesBody(QStringLiteral("EUR_USD"), QStringLiteral("M1"), m_candles));
    });
}

void TestOandaStream::cleanup()
{
    m_stream.reset();
    m_rest.reset();
    m_clock.reset();
}

OandaSettings TestOandaStream::settings() const
{
    OandaSettings settings;
    settings.accountId = QStringLiteral("101-004-1234567-001");
    settings.token = Secret(token);
    settings.baseUrl = m_rest->baseUrl();
    settings.streamUrl = m_stream->baseUrl();
    settings.timeout = 2s;
    return settings;
}

Result<BarSeries> TestOandaStream::fetchOnce(MarketDataProvider& provider)
{
    return fetchBarsOnce(provider, BarRequest{eurUsdM1(), {}, m_clock->now()});
}

void TestOandaStream::keepAlive(const OandaProvider& provider, const QDateTime& to)
{
    while (m_clock->now() < to) {
        m_clock->advanceTo(std::min(m_clock->now().addSecs(5), to));
        const qint64 before = provider.streamBars()->streamStats().heartbeats;
        m_stream->sendHeartbeat(m_clock->now());
        QVERIFY(settle([&] { return provider.streamBars()->streamStats().heartbeats > before; }));
    }
}

void TestOandaStream::goLive(OandaProvider& provider)
{
    QVERIFY(fetchOnce(provider).ok());
    QVERIFY(settle([this] { return m_stream->openStreams() == 1; }));
    m_stream->sendHeartbeat(m_clock->now());
    QVERIFY(settle([&provider] { return provider.streamBars()->isLive(); }));
}

void TestOandaStream::streamedBarsArePushedAndAnswerWithoutARequest()
{
    OandaProvider provider(*m_clock, settings(), {eurUsdM1()});
    QSignalSpy pushed(&provider, &MarketDataProvider::barPublished);
    goLive(provider); // the history from candles; the stream connects

    m_clock->advanceTo(at("10:00:05.000"));
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:00:05.000"), 1.1010);
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:00:30.000"), 1.1030);
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:00:45.000"), 1.1000);
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:00:59.900"), 1.1020);
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:01:00.100"), 1.1025); // opens 10:01: 10:00 closes
    QVERIFY(settle([&pushed] { return pushed.size() == 1; }));
    QCOMPARE(pushed.at(0).at(0).toString(), eurUsdM1().key());

    keepAlive(provider, at("10:01:00.200"));
    const Result<BarSeries> live = fetchOnce(provider);
    QVERIFY(live.ok());
    QCOMPARE(live->bars.size(), 3);
    const Bar& streamed = live->bars.constLast();
    QCOMPARE(streamed.openTime, at("10:00:00.000"));
    QCOMPARE(streamed.open, 1.1010);
    QCOMPARE(streamed.high, 1.1030);
    QCOMPARE(streamed.low, 1.1000);
    QCOMPARE(streamed.close, 1.1020);
    QCOMPARE(streamed.volume, 4.0);
    QCOMPARE(m_rest->requestCount(candlesPath), 1); // the stream answered

    // No price after 10:01:30: the clock closes 10:01 half a second after its end, once.
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:01:30.000"), 1.1040);
    QVERIFY(settle([&provider] { return provider.streamBars()->streamStats().prices == 6; }));
    keepAlive(provider, at("10:02:00.400"));
    QCOMPARE(pushed.size(), 1);
    m_clock->advanceTo(at("10:02:00.500"));
    QCOMPARE(pushed.size(), 2);
    m_clock->advanceTo(at("10:02:01.000"));
    QCOMPARE(pushed.size(), 2);
}

void TestOandaStream::theBrokersCandleReplacesTheStreamedBar()
{
    OandaProvider provider(*m_clock, settings(), {eurUsdM1()});
    goLive(provider);
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:00:10.000"), 1.1010);
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:01:00.000"), 1.1011);
    QVERIFY(settle([&provider] { return provider.streamBars()->bars(eurUsdM1()).size() == 3; }));

    // The broker's candle for 10:00 says otherwise (it saw prices the stream did not).
    m_candles.append(bar(at("10:00:00.000"), 1.1009, 1.1044, 1.0980, 1.1015));
    keepAlive(provider, at("10:01:05.000")); // the confirmation, publicationDelay after the close
    QVERIFY(settle([this] { return m_rest->requestCount(candlesPath) == 2; }));
    QVERIFY(settle([&provider] { return provider.streamBars()->bars(eurUsdM1()).constLast().high == 1.1044; }));
    const QUrlQuery query(m_rest->requests().constLast().url);
    QCOMPARE(query.queryItemValue(QStringLiteral("from")), QStringLiteral("2026-11-24T09:59:00Z")); // from the newest candle held

    const Result<BarSeries> answer = fetchOnce(provider);
    QVERIFY(answer.ok());
    QCOMPARE(answer->bars.size(), 3);
    QCOMPARE(answer->bars.constLast().close, 1.1015);
    QCOMPARE(m_rest->requestCount(candlesPath), 2);
}

void TestOandaStream::aSilentStreamIsDroppedAndTheGapFilledFromCandles()
{
    OandaProvider provider(*m_clock, settings(), {eurUsdM1()});
    QSignalSpy alerts(&provider, &MarketDataProvider::alertRaised);
    goLive(provider);

    // Heartbeats until 10:00:05, then nothing: silent from 10:00:15 on.
    m_clock->advanceTo(at("10:00:05.000"));
    m_stream->sendHeartbeat(m_clock->now());
    QVERIFY(settle([&provider] { return provider.streamBars()->streamStats().heartbeats == 2; }));
    m_clock->advanceTo(at("10:00:14.999"));
    QVERIFY(provider.streamBars()->isLive());
    m_clock->advanceTo(at("10:00:15.000"));
    QVERIFY(!provider.streamBars()->isLive());
    QCOMPARE(alerts.size(), 1);
    const auto alert = alerts.at(0).at(0).value<ProviderAlert>();
    QCOMPARE(alert.kind, alertkind::brokerDisconnected);
    QVERIFY2(alert.message.contains(QStringLiteral("no price and no heartbeat")), qPrintable(alert.message));
    QVERIFY(!alert.message.contains(token));
    QCOMPARE(alert.resumesAt, at("10:00:16.000"));
    const std::optional<StreamState> down = provider.streamState();
    QVERIFY(down && !down->live);
    QCOMPARE(down->since, at("10:00:15.000"));
    QCOMPARE(down->retryAt, at("10:00:16.000"));
    QCOMPARE(down->drops, 1);
    QVERIFY(settle([this] { return m_stream->openStreams() == 0; }));

    // While it is down, a fetch is answered from candles.
    QVERIFY(fetchOnce(provider).ok());
    QCOMPARE(m_rest->requestCount(candlesPath), 2);

    // Back at 10:00:16: 10:00 was watched in part only, so it will come from candles; 10:01 is
    // whole and is the stream's.
    m_clock->advanceTo(at("10:00:16.000"));
    QVERIFY(settle([this] { return m_stream->connections() == 2 && m_stream->openStreams() == 1; }));
    m_stream->sendHeartbeat(m_clock->now());
    QVERIFY(settle([&provider] { return provider.streamBars()->isLive(); }));
    const std::optional<StreamState> back = provider.streamState();
    QVERIFY(back && back->live);
    QCOMPARE(back->since, at("10:00:16.000"));
    QVERIFY(!back->retryAt.isValid());
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:00:30.000"), 1.1020);
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:01:10.000"), 1.1030);
    m_stream->sendPrice(QStringLiteral("EUR_USD"), at("10:02:00.000"), 1.1031);
    QVERIFY(settle([&provider] { return provider.streamBars()->streamStats().prices == 3; }));
    keepAlive(provider, at("10:02:00.100"));
    m_candles.append(bar(at("10:00:00.000"), 1.1009, 1.1044, 1.0980, 1.1015));
    const Result<BarSeries> filled = fetchOnce(provider); // the gap from candles, then the stream's 10:01
    QVERIFY(filled.ok());
    QCOMPARE(m_rest->requestCount(candlesPath), 3);
    QCOMPARE(filled->bars.size(), 4);
    QCOMPARE(filled->bars.at(2).openTime, at("10:00:00.000"));
    QCOMPARE(filled->bars.at(2).high, 1.1044);
    QCOMPARE(filled->bars.at(3).openTime, at("10:01:00.000"));
    QCOMPARE(filled->bars.at(3).close, 1.1030);
    QVERIFY(fetchOnce(provider).ok()); // no gap left: the stream answers
    QCOMPARE(m_rest->requestCount(candlesPath), 3);
}

void TestOandaStream::reconnectsBackOffFromOneSecondToSixty()
{
    oanda::OandaRest rest(settings());
    oanda::OandaPriceStream stream(*m_clock, rest, {QStringLiteral("EUR_USD")});
    QSignalSpy dropped(&stream, &oanda::OandaPriceStream::dropped);
    m_stream->refuseWith(503, R"({"errorMessage":"Service unavailable"})");
    stream.start();
    QList<qint64> waits;
    for (int attempt = 1; attempt <= 8; ++attempt) {
        QVERIFY(settle([&dropped, attempt] { return dropped.size() == attempt; }));
        const auto reason = dropped.constLast().at(0).value<Error>();
        QCOMPARE(reason.kind, QStringLiteral("server_error"));
        const qint64 retryAt = dropped.constLast().at(1).toLongLong();
        waits << (retryAt - m_clock->nowMs()) / 1000;
        m_clock->advanceTo(QDateTime::fromMSecsSinceEpoch(retryAt, Qt::UTC));
    }
    QCOMPARE(waits, (QList<qint64>{1, 2, 4, 8, 16, 32, 60, 60}));

    // The ninth try is answered: a connection that goes live starts the back-off again.
    m_stream->refuseWith(0, {});
    QVERIFY(settle([this] { return m_stream->openStreams() == 1; }));
    QCOMPARE(m_stream->connections(), 9);
    m_stream->sendHeartbeat(m_clock->now());
    QVERIFY(settle([&stream] { return stream.state() == oanda::OandaPriceStream::State::Live; }));
    m_stream->dropAll();
    QVERIFY(settle([&dropped] { return dropped.size() == 9; }));
    QCOMPARE(dropped.constLast().at(1).toLongLong() - m_clock->nowMs(), 1000);
}

void TestOandaStream::aLongStallEndsInALiveStreamAgain()
{
    // Ten silent connections in a row (the stand-in answers each, then says nothing): the
    // eleventh that speaks is live again.
    oanda::OandaRest rest(settings());
    oanda::OandaPriceStream stream(*m_clock, rest, {QStringLiteral("EUR_USD")});
    QSignalSpy dropped(&stream, &oanda::OandaPriceStream::dropped);
    stream.start();
    for (int silent = 1; silent <= 10; ++silent) {
        QVERIFY2(settle([this, silent] { return m_stream->connections() == silent && m_stream->openStreams() >= 1; }),
                 qPrintable(QStringLiteral("connection %1 never came: %2 connections").arg(silent).arg(m_stream->connections())));
        m_clock->advanceBy(10s);
        QCOMPARE(dropped.size(), silent);
        m_clock->advanceTo(QDateTime::fromMSecsSinceEpoch(dropped.constLast().at(1).toLongLong(), Qt::UTC));
    }
    QVERIFY(settle([this] { return m_stream->connections() == 11 && m_stream->openStreams() >= 1; }));
    m_stream->sendHeartbeat(m_clock->now());
    QVERIFY(settle([&stream] { return stream.state() == oanda::OandaPriceStream::State::Live; }));
}

void TestOandaStream::badLinesAreSkippedAndTheStreamCarriesTheToken()
{
    oanda::OandaRest rest(settings());
    oanda::OandaPriceStream stream(*m_clock, rest, {QStringLiteral("EUR_USD"), QStringLiteral("USD_JPY")});
    QSignalSpy prices(&stream, &oanda::OandaPriceStream::priceReceived);
    QSignalSpy dropped(&stream, &oanda::OandaPriceStream::dropped);
    stream.start();
    QVERIFY(settle([this] { return m_stream->openStreams() == 1; }));
    QVERIFY2(m_stream->lastRequestHead().contains(QByteArray("Authorization: Bearer ").append(token.toUtf8())), m_stream->lastRequestHead().constData());
    QVERIFY(m_stream->lastRequestHead().contains("/v3/accounts/101-004-1234567-001/pricing/stream?instruments=EUR_USD,USD_JPY"));

    m_stream->sendRaw("{\"type\":\"TRANSACTION\"}\nnot json at all\n\n");
    m_stream->sendPrice(QStringLiteral("EUR_USD"), m_clock->now(), 1.1);
    // A price split across two writes is one line.
    m_stream->sendRaw(R"({"type":"HEARTBEAT",)");
    m_stream->sendRaw(R"("time":"2026-11-24T10:00:00.000000000Z"})" "\n");
    QVERIFY(settle([&stream] { return stream.stats().heartbeats == 1; }));
    QCOMPARE(prices.size(), 1);
    QCOMPARE(stream.stats().badLines, 2);
    QCOMPARE(dropped.size(), 0);

    // A line that never ends is cut at its cap and the connection dropped.
    m_stream->sendRaw(QByteArray(oanda::kMaxStreamLineBytes + 10, 'x'));
    QVERIFY(settle([&dropped] { return dropped.size() == 1; }));
    QCOMPARE(dropped.at(0).at(0).value<Error>().kind, QStringLiteral("line_too_long"));
}

QTEST_GUILESS_MAIN(TestOandaStream)
#include "tst_oandastream.moc"
