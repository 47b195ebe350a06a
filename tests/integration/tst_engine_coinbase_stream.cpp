// SPDX-License-Identifier: GPL-3.0-or-later
// A simulated day of BTC/USD 1-minute bars from Coinbase's market-data WebSocket (ADR 0124), run
// by the real engine on a ManualClock against two loopback stand-ins: a WebSocket host that
// sends a trade and a heartbeat every 5 s, falls silent for three minutes (acknowledging no
// subscription meanwhile), loses one message (a sequence gap) and drops the connection once, and
// a REST host answering candles built from the same trades. What must hold: every closed bar
// reaches the engine once, in order, with no gap; the stall is caught within 10 s + one
// interval, the gap and the drop at once, and what went unwatched is filled from candles; crypto
// never closes, so no request is counted as made while closed.
#include "CoinbaseBodies.h"
#include "FakeCoinbaseWs.h"
#include "FakeHttpServer.h"
#include "StreamDaySettler.h"
#include "common/AlertKinds.h"
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <spdlog/spdlog.h>

#include <cmath>
#include <numbers>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

namespace {

constexpr qint64 second = 1000;
constexpr qint64 barMs = 60 * second;
constexpr qint64 stepMs = 5 * second;

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

const QDateTime dayStart = utc("2026-11-28T00:00:00Z");   // a Saturday: crypto trades anyway
const QDateTime dayEnd = utc("2026-11-29T00:00:00Z");
const QDateTime stallFrom = utc("2026-11-28T10:02:30Z");  // no message at all for three minutes
const QDateTime stallUntil = utc("2026-11-28T10:05:30Z");
const QDateTime gapAt = utc("2026-11-28T13:17:10Z");      // one message lost
const QDateTime dropAt = utc("2026-11-28T15:31:00Z");     // the connection closed once

Instrument btcUsd()
{
    return Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min1};
}

/// The trade at `ms` (one every 5 s), rounded as the wire carries it: two waves of price, so
/// bars differ and the strategy has work, and sizes that vary.
double priceAt(qint64 ms)
{
    const double t = double(ms) / 1000.0;
    const double price = 68'000 + 900 * std::sin(2 * std::numbers::pi * t / 21'600) + 120 * std::sin(2 * std::numbers::pi * t / 1'020);
    return std::round(price * 100) / 100;
}

double sizeAt(qint64 ms)
{
    return 0.01 + 0.005 * double((ms / stepMs) % 7);
}

/// Coinbase's candle of the interval opening at `openMs`, from the trades before `untilMs`.
Bar candleAt(qint64 openMs, qint64 untilMs)
{
    Bar bar;
    bar.openTime = QDateTime::fromMSecsSinceEpoch(openMs, Qt::UTC);
    bar.open = bar.high = bar.low = bar.close = priceAt(openMs);
    bar.volume = 0;
    for (qint64 ms = openMs; ms < std::min(openMs + barMs, untilMs); ms += stepMs) {
        const double price = priceAt(ms);
        bar.high = std::max(bar.high, price);
        bar.low = std::min(bar.low, price);
        bar.close = price;
        bar.volume += sizeAt(ms);
    }
    return bar;
}

} // namespace

class TestEngineCoinbaseStream final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { spdlog::set_level(qEnvironmentVariableIsSet("SENTINEL_TEST_VERBOSE") ? spdlog::level::info : spdlog::level::err); }
    void aDayOfStreamedBarsWithAStallAGapAndADrop();

private:
    /// GET .../candles?start=&end=&granularity=ONE_MINUTE: every candle of the window that has
    /// opened by now, the one forming included (as Coinbase answers), newest first.
    CannedResponse candles(const RecordedRequest& request);

    ManualClock m_clock{dayStart};
    QList<qint64> m_candleRequests; ///< engine-clock ms of each candle request
};

CannedResponse TestEngineCoinbaseStream::candles(const RecordedRequest& request)
{
    const qint64 now = m_clock.nowMs();
    m_candleRequests << now;
    const QUrlQuery query(request.url);
    const qint64 start = query.queryItemValue(QStringLiteral("start")).toLongLong() * second;
    const qint64 end = query.queryItemValue(QStringLiteral("end")).toLongLong() * second;
    Bars window;
    for (qint64 open = start; open <= std::min(end, now); open += barMs)
        window << candleAt(open, now);
    return CannedResponse::json(coinbaseCandlesBody(window));
}

void TestEngineCoinbaseStream::aDayOfStreamedBarsWithAStallAGapAndADrop()
{
    FakeHttpServer rest;
    FakeCoinbaseWs ws;
    QVERIFY(rest.start());
    QVERIFY(ws.start());
    rest.route("/api/v3/brokerage/market/products/BTC-USD/candles", [this](const RecordedRequest& request) { return candles(request); });

    Config config = ConfigLoader().loadDemoProfile().config;
    config.provider = ProviderKind::Coinbase;
    config.watchlist = {btcUsd()};
    config.coinbase.baseUrl = rest.baseUrl();
    config.coinbase.wsUrl = ws.url();
    QTemporaryDir dir;
    EngineOptions options;
    options.offline = true;
    options.autoApprove = true;
    options.journalPath = dir.filePath(QStringLiteral("coinbase-day.sqlite"));
    QList<qint64> barOpens;       // every bar the engine took, in the order it took them
    QList<qint64> disconnectedAt; // engine-clock ms of each broker_disconnected alert
    Engine engine(config, &m_clock, options);

    connect(&engine, &Engine::barsAppended, this, [&barOpens](const BarUpdate& update) {
        for (const Bar& bar : update.bars)
            barOpens << bar.openTime.toMSecsSinceEpoch();
    });
    connect(&engine, &Engine::alertRaised, this, [this, &disconnectedAt](const AlertView& alert) {
        if (alert.kind == alertkind::brokerDisconnected)
            disconnectedAt << m_clock.nowMs();
    });
    engine.start();

    // A connection is usable once its client has subscribed: simulated seconds must not pass
    // before a loopback handshake completes.
    StreamDaySettler settler(engine, [&ws] { return ws.messagesDelivered(); }, [&ws] { return ws.subscribedConnections() > 0; });
    QElapsedTimer wall;
    wall.start();
    for (qint64 ms = dayStart.toMSecsSinceEpoch(); ms < dayEnd.toMSecsSinceEpoch(); ms += stepMs) {
        m_clock.advanceTo(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
        const QDateTime now = m_clock.now();
        if (now == dropAt)
            ws.dropAll();
        if (now == gapAt)
            ws.skipSequenceNumber();
        const bool stalled = now >= stallFrom && now < stallUntil;
        ws.setAcknowledging(!stalled);
        if (!stalled) {
            ws.sendTrade(QStringLiteral("BTC-USD"), now, priceAt(ms), sizeAt(ms));
            ws.sendHeartbeat(now);
        }
        settler.settle(now.toString(Qt::ISODate));
    }
    const RunStatistics stats = engine.statistics();
    engine.stop();
    disconnect(&engine, nullptr, this, nullptr);
    qInfo("simulated a day in %lld ms: %lld stream messages (%lld lost in drops), %lld drops, %d candle requests, %lld cycles; "
          "broker_disconnected at %s",
          wall.elapsed(), stats.streamMessages, settler.lost(), stats.streamDrops, int(m_candleRequests.size()), stats.cycles,
          qPrintable([&] {
              QStringList times;
              for (const qint64 at : std::as_const(disconnectedAt))
                  times << QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(QStringLiteral("HH:mm:ss"));
              return times.join(u' ');
          }()));

    // Every bar, each once, in order, none missing: the stall's and the gap's from candles.
    const qint64 lastClosedOpen = dayEnd.toMSecsSinceEpoch() - 2 * barMs; // 23:59 closes at midnight, after the last step
    QList<qint64> expected;
    for (qint64 open = barOpens.isEmpty() ? 0 : barOpens.constFirst(); open <= lastClosedOpen; open += barMs)
        expected << open;
    QVERIFY(!barOpens.isEmpty());
    QCOMPARE(barOpens.constLast(), lastClosedOpen);
    QCOMPARE(barOpens, expected);

    // The stall (last message 10:02:25) is caught within 10 s + one interval; the gap and the
    // drop show at once, well within the same bound.
    const auto caughtWithin = [&disconnectedAt](const QDateTime& from) {
        return std::any_of(disconnectedAt.cbegin(), disconnectedAt.cend(), [&from](qint64 at) {
            return at >= from.toMSecsSinceEpoch() && at <= from.toMSecsSinceEpoch() + 10 * second + barMs;
        });
    };
    QVERIFY2(disconnectedAt.size() >= 3, qPrintable(QString::number(disconnectedAt.size())));
    QVERIFY(disconnectedAt.at(0) >= stallFrom.toMSecsSinceEpoch());
    QVERIFY(caughtWithin(stallFrom));
    QVERIFY(caughtWithin(gapAt));
    QVERIFY(caughtWithin(dropAt));
    QVERIFY(stats.streamDrops >= 3);

    // Crypto never closes; about one candle request per bar (the history, the confirmations,
    // the gap fills), not one per poll.
    QCOMPARE(stats.apiCallsWhileClosed, 0);
    const qint64 bars = expected.size();
    QVERIFY2(m_candleRequests.size() <= bars + 30, qPrintable(QStringLiteral("%1 requests for %2 bars").arg(m_candleRequests.size()).arg(bars)));
}

QTEST_GUILESS_MAIN(TestEngineCoinbaseStream)
#include "tst_engine_coinbase_stream.moc"
