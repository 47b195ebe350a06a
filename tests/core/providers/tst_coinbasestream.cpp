// SPDX-License-Identifier: GPL-3.0-or-later
// Coinbase's market-data WebSocket as the live crypto feed (ADR 0124), against loopback
// stand-ins: a WebSocket host the test writes trades and heartbeats to, stalls, numbers out of
// sequence and drops (FakeCoinbaseWs), and a REST host serving candles. Time is a ManualClock:
// silence, back-off and bar closes are the clock's, nothing sleeps.
#include "brokers/coinbase/CoinbaseMarketStream.h"
#include "common/AlertKinds.h"
#include "common/ManualClock.h"
#include "providers/CoinbaseProvider.h"
#include "providers/CoinbaseStreamBars.h"

#include "FetchBarsOnce.h"
#include "CoinbaseBodies.h"
#include "FakeCoinbaseWs.h"
#include "FakeHttpServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

namespace {

const QByteArray candlesPath = "/api/v3/brokerage/market/products/BTC-USD/candles";
const QString btc = QStringLiteral("BTC-USD");

QDateTime at(const char* hhmmss)
{
    return QDateTime(QDate(2026, 11, 24), QTime::fromString(QString::fromLatin1(hhmmss), QStringLiteral("HH:mm:ss.zzz")), Qt::UTC);
}

Instrument btcUsdM1()
{
    return Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min1};
}

Bar bar(const QDateTime& open, double o, double h, double l, double c)
{
    return Bar{open, o, h, l, c, 2.5, false};
}

using Stream = coinbase::CoinbaseMarketStream;

} // namespace

class TestCoinbaseStream final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void subscribesToHeartbeatsAndTradesWithoutAKey();
    void tradesMakeBarsThatArePushedAndAnswerWithoutARequest();
    void theCandleReplacesTheStreamedBar();
    void missedHeartbeatsDropTheConnectionAndTheGapIsFilledFromCandles();
    void aSequenceGapResubscribesAndTheGapIsFilledFromCandles();
    void reconnectsBackOffFromOneSecondToSixty();
    void anUnacknowledgedSubscriptionIsDroppedAfterTenSeconds();
    void badMessagesAreCountedAndTheSnapshotIsSkipped();

private:
    CoinbaseSettings settings() const;
    Result<BarSeries> fetchOnce(MarketDataProvider& provider);
    /// Moves the clock to `to` in steps of 5 s with a heartbeat at each, as a healthy feed.
    void keepAlive(const CoinbaseProvider& provider, const QDateTime& to);
    /// Fetches the history (candles), then waits until the subscription is acknowledged.
    void goLive(CoinbaseProvider& provider);
    /// Lets the loopback sockets deliver until `condition` holds (real time, bounded).
    static bool settle(const std::function<bool()>& condition) { return QTest::qWaitFor(condition, 5'000); }
    static const coinbase::MarketStreamStats& statsOf(const CoinbaseProvider& provider) { return provider.streamBars()->streamStats(); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeHttpServer> m_rest;
    std::unique_ptr<FakeCoinbaseWs> m_ws;
    Bars m_candles; ///< what the REST stand-in answers (the forming one is dropped by the parser)
};

void TestCoinbaseStream::init()
{
    m_clock = std::make_unique<ManualClock>(at("10:00:00.000"));
    m_rest = std::make_unique<FakeHttpServer>();
    m_ws = std::make_unique<FakeCoinbaseWs>();
    QVERIFY(m_rest->start());
    QVERIFY(m_ws->start());
    m_candles = {bar(at("09:58:00.000"), 68000, 68100, 67900, 68050), bar(at("09:59:00.000"), 68050, 68120, 68010, 68080)};
    m_rest->route(candlesPath, [this](const RecordedRequest&) { return CannedResponse::json(coinbaseCandlesBody(m_candles)); });
}

void TestCoinbaseStream::cleanup()
{
    m_ws.reset();
    m_rest.reset();
    m_clock.reset();
}

CoinbaseSettings TestCoinbaseStream::settings() const
{
    CoinbaseSettings settings;
    settings.baseUrl = m_rest->baseUrl();
    settings.wsUrl = m_ws->url();
    settings.timeout = 2s;
    return settings;
}

Result<BarSeries> TestCoinbaseStream::fetchOnce(MarketDataProvider& provider)
{
    return fetchBarsOnce(provider, BarRequest{btcUsdM1(), {}, m_clock->now()});
}

void TestCoinbaseStream::keepAlive(const CoinbaseProvider& provider, const QDateTime& to)
{
    while (m_clock->now() < to) {
        m_clock->advanceTo(std::min(m_clock->now().addSecs(5), to));
        const qint64 before = statsOf(provider).heartbeats;
        m_ws->sendHeartbeat(m_clock->now());
        QVERIFY(settle([&] { return statsOf(provider).heartbeats > before; }));
    }
}

void TestCoinbaseStream::goLive(CoinbaseProvider& provider)
{
    QVERIFY(fetchOnce(provider).ok());
    QVERIFY(settle([&provider] { return provider.streamBars()->isLive(); }));
    QCOMPARE(m_ws->openConnections(), 1);
}

void TestCoinbaseStream::subscribesToHeartbeatsAndTradesWithoutAKey()
{
    const Instrument eth{QStringLiteral("ETH/USD"), QStringLiteral("CRYPTO"), Interval::Min5};
    const Instrument btcFive{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5};
    const Instrument btcDaily{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Daily};
    CoinbaseProvider provider(*m_clock, settings(), {btcUsdM1(), eth, btcFive, btcDaily});
    goLive(provider);

    // One channel a message, heartbeats first; each product once; no JWT for public channels.
    QCOMPARE(m_ws->received().size(), 2);
    const QJsonObject heartbeats = QJsonDocument::fromJson(m_ws->received().at(0)).object();
    QCOMPARE(heartbeats.value(QStringLiteral("type")).toString(), QStringLiteral("subscribe"));
    QCOMPARE(heartbeats.value(QStringLiteral("channel")).toString(), QStringLiteral("heartbeats"));
    const QJsonObject trades = QJsonDocument::fromJson(m_ws->received().at(1)).object();
    QCOMPARE(trades.value(QStringLiteral("channel")).toString(), QStringLiteral("market_trades"));
    QCOMPARE(trades.value(QStringLiteral("product_ids")).toVariant().toStringList(), (QStringList{btc, QStringLiteral("ETH-USD")}));
    for (const QByteArray& message : m_ws->received())
        QVERIFY2(!message.contains("jwt"), message.constData());
    QVERIFY(provider.streamBars()->streams(btcFive));
    QVERIFY(!provider.streamBars()->streams(btcDaily)); // daily bars are Coinbase's candles only
}

void TestCoinbaseStream::tradesMakeBarsThatArePushedAndAnswerWithoutARequest()
{
    CoinbaseProvider provider(*m_clock, settings(), {btcUsdM1()});
    QSignalSpy pushed(&provider, &MarketDataProvider::barPublished);
    goLive(provider); // the history from candles (two pages of 299), the subscription acknowledged
    const int historyRequests = m_rest->requestCount(candlesPath);
    QCOMPARE(historyRequests, 2);

    m_clock->advanceTo(at("10:00:05.000"));
    m_ws->sendTrade(btc, at("10:00:05.000"), 68100.00, 0.5);
    // One message, newest first, as Coinbase may list them, its newest trade already in 10:01: the
    // bar follows the trades' times, and 10:01's trade closes 10:00 only after the older ones.
    m_ws->sendTrades(btc, {{at("10:01:00.100"), 68125.00, 0.5}, {at("10:00:59.900"), 68120.00, 0.25},
                           {at("10:00:45.000"), 68000.00, 1.0}, {at("10:00:30.000"), 68300.00, 0.125}});
    QVERIFY(settle([&pushed] { return pushed.size() == 1; }));
    QCOMPARE(pushed.at(0).at(0).toString(), btcUsdM1().key());

    keepAlive(provider, at("10:01:00.200"));
    const Result<BarSeries> live = fetchOnce(provider);
    QVERIFY(live.ok());
    QCOMPARE(live->bars.size(), 3);
    const Bar& streamed = live->bars.constLast();
    QCOMPARE(streamed.openTime, at("10:00:00.000"));
    QCOMPARE(streamed.open, 68100.00);
    QCOMPARE(streamed.high, 68300.00);
    QCOMPARE(streamed.low, 68000.00);
    QCOMPARE(streamed.close, 68120.00);
    QCOMPARE(streamed.volume, 1.875); // the sum of the trades' sizes
    QCOMPARE(m_rest->requestCount(candlesPath), historyRequests); // the stream answered

    // No trade after 10:01:30: the clock closes 10:01 half a second after its end, once.
    m_ws->sendTrade(btc, at("10:01:30.000"), 68140.00, 0.5);
    QVERIFY(settle([&provider] { return statsOf(provider).trades == 6; }));
    keepAlive(provider, at("10:02:00.400"));
    QCOMPARE(pushed.size(), 1);
    m_clock->advanceTo(at("10:02:00.500"));
    QCOMPARE(pushed.size(), 2);
    m_clock->advanceTo(at("10:02:01.000"));
    QCOMPARE(pushed.size(), 2);
    const ProviderStats stats = provider.stats();
    QCOMPARE(stats.streamMessages, statsOf(provider).messages);
    QVERIFY(stats.streamMessages >= 12); // acknowledgements, trades, heartbeats
    QCOMPARE(stats.streamDrops, 0);
}

void TestCoinbaseStream::theCandleReplacesTheStreamedBar()
{
    CoinbaseProvider provider(*m_clock, settings(), {btcUsdM1()});
    goLive(provider);
    m_ws->sendTrade(btc, at("10:00:10.000"), 68100.00, 0.5);
    m_ws->sendTrade(btc, at("10:01:00.000"), 68110.00, 0.5);
    QVERIFY(settle([&provider] { return provider.streamBars()->bars(btcUsdM1()).size() == 3; }));

    // Coinbase's candle for 10:00 says otherwise (it saw trades the stream did not).
    m_candles.append(bar(at("10:00:00.000"), 68090, 68440, 67980, 68150));
    keepAlive(provider, at("10:01:05.000")); // the confirmation, publicationDelay after the close
    QVERIFY(settle([this] { return m_rest->requestCount(candlesPath) == 3; }));
    QVERIFY(settle([&provider] { return provider.streamBars()->bars(btcUsdM1()).constLast().high == 68440; }));
    const QUrlQuery query(m_rest->requests().constLast().url);
    QCOMPARE(query.queryItemValue(QStringLiteral("start")).toLongLong(), at("09:59:00.000").toSecsSinceEpoch()); // from the newest candle held

    const Result<BarSeries> answer = fetchOnce(provider);
    QVERIFY(answer.ok());
    QCOMPARE(answer->bars.size(), 3);
    QCOMPARE(answer->bars.constLast().close, 68150.0);
    QCOMPARE(m_rest->requestCount(candlesPath), 3);
}

void TestCoinbaseStream::missedHeartbeatsDropTheConnectionAndTheGapIsFilledFromCandles()
{
    CoinbaseProvider provider(*m_clock, settings(), {btcUsdM1()});
    QSignalSpy alerts(&provider, &MarketDataProvider::alertRaised);
    goLive(provider);
    const int requestsBefore = m_rest->requestCount(candlesPath);

    // Heartbeats until 10:00:05, then nothing: silent from 10:00:15 on.
    m_clock->advanceTo(at("10:00:05.000"));
    m_ws->sendHeartbeat(m_clock->now());
    QVERIFY(settle([&provider] { return statsOf(provider).heartbeats == 1; }));
    m_clock->advanceTo(at("10:00:14.999"));
    QVERIFY(provider.streamBars()->isLive());
    m_clock->advanceTo(at("10:00:15.000"));
    QVERIFY(!provider.streamBars()->isLive());
    QCOMPARE(alerts.size(), 1);
    const auto alert = alerts.at(0).at(0).value<ProviderAlert>();
    QCOMPARE(alert.kind, alertkind::brokerDisconnected);
    QVERIFY2(alert.message.contains(QStringLiteral("no message and no heartbeat")), qPrintable(alert.message));
    QCOMPARE(alert.resumesAt, at("10:00:16.000"));
    const std::optional<StreamState> down = provider.streamState();
    QVERIFY(down && !down->live);
    QCOMPARE(down->since, at("10:00:15.000"));
    QCOMPARE(down->retryAt, at("10:00:16.000"));
    QCOMPARE(down->drops, 1);
    QCOMPARE(provider.stats().streamDrops, 1);
    QVERIFY(settle([this] { return m_ws->openConnections() == 0; }));

    // While it is down, a fetch is answered from candles.
    QVERIFY(fetchOnce(provider).ok());
    QCOMPARE(m_rest->requestCount(candlesPath), requestsBefore + 2);

    // Back at 10:00:16, subscribed afresh: 10:00 was watched in part only, so it comes from
    // candles; 10:01 is whole and is the stream's.
    m_clock->advanceTo(at("10:00:16.000"));
    QVERIFY(settle([&provider] { return provider.streamBars()->isLive(); }));
    QCOMPARE(m_ws->connections(), 2);
    QCOMPARE(m_ws->received().size(), 4);
    const std::optional<StreamState> back = provider.streamState();
    QVERIFY(back && back->live);
    QCOMPARE(back->since, at("10:00:16.000"));
    QVERIFY(!back->retryAt.isValid());
    m_ws->sendTrade(btc, at("10:00:30.000"), 68200.00, 0.5);
    m_ws->sendTrade(btc, at("10:01:10.000"), 68300.00, 0.5);
    m_ws->sendTrade(btc, at("10:02:00.000"), 68310.00, 0.5);
    QVERIFY(settle([&provider] { return statsOf(provider).trades == 3; }));
    keepAlive(provider, at("10:02:00.100"));
    m_candles.append(bar(at("10:00:00.000"), 68090, 68440, 67980, 68150));
    const Result<BarSeries> filled = fetchOnce(provider); // the gap from candles, then the stream's 10:01
    QVERIFY(filled.ok());
    QCOMPARE(filled->bars.size(), 4);
    QCOMPARE(filled->bars.at(2).openTime, at("10:00:00.000"));
    QCOMPARE(filled->bars.at(2).high, 68440.0);
    QCOMPARE(filled->bars.at(3).openTime, at("10:01:00.000"));
    QCOMPARE(filled->bars.at(3).close, 68300.0);
    const int afterFill = m_rest->requestCount(candlesPath);
    QVERIFY(fetchOnce(provider).ok()); // no gap left: the stream answers
    QCOMPARE(m_rest->requestCount(candlesPath), afterFill);
}

void TestCoinbaseStream::aSequenceGapResubscribesAndTheGapIsFilledFromCandles()
{
    CoinbaseProvider provider(*m_clock, settings(), {btcUsdM1()});
    QSignalSpy alerts(&provider, &MarketDataProvider::alertRaised);
    goLive(provider);
    m_ws->sendTrade(btc, at("10:00:04.000"), 68100.00, 0.5);
    QVERIFY(settle([&provider] { return statsOf(provider).trades == 1; }));

    // Message n+1 is lost: n+2 shows it at once, without waiting for silence.
    m_clock->advanceTo(at("10:00:08.000"));
    m_ws->skipSequenceNumber();
    m_ws->sendTrade(btc, at("10:00:08.000"), 68200.00, 0.5);
    QVERIFY(settle([&provider] { return !provider.streamBars()->isLive(); }));
    QCOMPARE(statsOf(provider).gaps, 1);
    QCOMPARE(statsOf(provider).trades, 1); // the trade after the gap is not taken
    QCOMPARE(alerts.size(), 1);
    QVERIFY2(alerts.at(0).at(0).value<ProviderAlert>().message.contains(QStringLiteral("never arrived")),
             qPrintable(alerts.at(0).at(0).value<ProviderAlert>().message));
    QCOMPARE(provider.streamState()->retryAt, at("10:00:09.000"));

    // A new connection subscribes again; the partial 10:00 comes from candles.
    m_clock->advanceTo(at("10:00:09.000"));
    QVERIFY(settle([&provider] { return provider.streamBars()->isLive(); }));
    QCOMPARE(m_ws->connections(), 2);
    QCOMPARE(m_ws->received().size(), 4);
    m_ws->sendTrade(btc, at("10:01:05.000"), 68300.00, 0.5);
    m_ws->sendTrade(btc, at("10:02:00.000"), 68310.00, 0.5);
    QVERIFY(settle([&provider] { return statsOf(provider).trades == 3; }));
    keepAlive(provider, at("10:02:00.100"));
    m_candles.append(bar(at("10:00:00.000"), 68090, 68440, 67980, 68150));
    const int before = m_rest->requestCount(candlesPath);
    const Result<BarSeries> filled = fetchOnce(provider);
    QVERIFY(filled.ok());
    QCOMPARE(m_rest->requestCount(candlesPath), before + 2); // the history again, in two pages
    QCOMPARE(filled->bars.size(), 4);
    QCOMPARE(filled->bars.at(2).high, 68440.0);
    QCOMPARE(filled->bars.at(3).open, 68300.0);
}

void TestCoinbaseStream::reconnectsBackOffFromOneSecondToSixty()
{
    Stream stream(*m_clock, m_ws->url(), {btc});
    QSignalSpy dropped(&stream, &Stream::dropped);
    m_ws->setRefusing(true);
    stream.start();
    QList<qint64> waits;
    for (int attempt = 1; attempt <= 8; ++attempt) {
        QVERIFY(settle([&dropped, attempt] { return dropped.size() == attempt; }));
        QCOMPARE(dropped.constLast().at(0).value<Error>().kind, QStringLiteral("network_error"));
        const qint64 retryAt = dropped.constLast().at(1).toLongLong();
        waits << (retryAt - m_clock->nowMs()) / 1000;
        m_clock->advanceTo(QDateTime::fromMSecsSinceEpoch(retryAt, Qt::UTC));
    }
    QCOMPARE(waits, (QList<qint64>{1, 2, 4, 8, 16, 32, 60, 60}));

    // The ninth try is answered: a connection that goes live starts the back-off again.
    m_ws->setRefusing(false);
    QVERIFY(settle([&stream] { return stream.state() == Stream::State::Live; }));
    m_ws->dropAll();
    QVERIFY(settle([&dropped] { return dropped.size() == 9; }));
    // An aborted connection reads as a socket error or a closing, as Qt happens to report it.
    const QString kind = dropped.constLast().at(0).value<Error>().kind;
    QVERIFY2(kind == u"network_error" || kind == u"stream_ended", qPrintable(kind));
    QCOMPARE(dropped.constLast().at(1).toLongLong() - m_clock->nowMs(), 1000);
}

void TestCoinbaseStream::anUnacknowledgedSubscriptionIsDroppedAfterTenSeconds()
{
    // Heartbeats alone keep no bars: a connection is live once the trades subscription is.
    Stream stream(*m_clock, m_ws->url(), {btc});
    QSignalSpy dropped(&stream, &Stream::dropped);
    m_ws->setAcknowledging(false);
    stream.start();
    QVERIFY(settle([this] { return m_ws->received().size() == 2; }));
    for (int second = 1; second < 10; ++second) {
        m_clock->advanceBy(1s);
        m_ws->sendHeartbeat(m_clock->now());
        QVERIFY(settle([&stream, second] { return stream.stats().heartbeats == second; }));
    }
    QCOMPARE(stream.state(), Stream::State::Connecting);
    QCOMPARE(dropped.size(), 0);
    m_clock->advanceBy(1s);
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).value<Error>().kind, QStringLiteral("not_subscribed"));
}

void TestCoinbaseStream::badMessagesAreCountedAndTheSnapshotIsSkipped()
{
    Stream stream(*m_clock, m_ws->url(), {btc});
    QSignalSpy trades(&stream, &Stream::tradeReceived);
    QSignalSpy dropped(&stream, &Stream::dropped);
    stream.start();
    QVERIFY(settle([&stream] { return stream.state() == Stream::State::Live; }));

    m_ws->sendRaw("not json at all");
    m_ws->sendRaw(R"({"channel":"level2","timestamp":"2026-11-24T10:00:00Z","sequence_num":2,"events":[]})");
    m_ws->sendSnapshot(btc, {{at("09:59:58.000"), 68000.00, 1.0}, {at("09:59:59.000"), 68001.00, 1.0}});
    m_ws->sendTrade(btc, at("10:00:00.500"), 68002.00, 0.5);
    QVERIFY(settle([&stream] { return stream.stats().trades == 1; }));
    QCOMPARE(trades.size(), 1);
    QCOMPARE(stream.stats().badMessages, 2);
    QCOMPARE(dropped.size(), 0);

    // Coinbase's own error message ends the connection with its reason.
    m_ws->sendRaw(R"({"type":"error","message":"failure to subscribe"})");
    QVERIFY(settle([&dropped] { return dropped.size() == 1; }));
    QCOMPARE(dropped.at(0).at(0).value<Error>().kind, QStringLiteral("ws_error"));

    // A message over the cap is refused by the socket, which closes.
    m_clock->advanceTo(QDateTime::fromMSecsSinceEpoch(dropped.at(0).at(1).toLongLong(), Qt::UTC));
    QVERIFY(settle([&stream] { return stream.state() == Stream::State::Live; }));
    m_ws->sendRaw(QByteArray(coinbase::kMaxWsMessageBytes + 10, 'x'));
    QVERIFY(settle([&dropped] { return dropped.size() == 2; }));
    QCOMPARE(dropped.at(1).at(0).value<Error>().kind, QStringLiteral("stream_ended"));
}

QTEST_GUILESS_MAIN(TestCoinbaseStream)
#include "tst_coinbasestream.moc"
