// SPDX-License-Identifier: GPL-3.0-or-later
// A simulated Friday of EUR/USD 5-minute bars from OANDA's pricing stream (ADR 0120), run by the
// real engine on a ManualClock against two loopback stand-ins: a streaming host that prices every
// 5 s, stalls for three minutes and drops once, and a REST host answering candles from the same
// prices. What must hold: every closed bar reaches the engine once, in order, with no gap; the
// stall is caught within 10 s + one interval and filled from candles; no request while FX is
// closed (from 22:00 UTC on Friday).
#include "FakeHttpServer.h"
#include "FakeOandaStream.h"
#include "OandaBodies.h"
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
constexpr qint64 barMs = 5 * (60 * second);
constexpr qint64 stepMs = 5 * second;

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

const QDateTime dayStart = utc("2026-11-27T00:00:00Z");   // a Friday
const QDateTime fxCloses = utc("2026-11-27T22:00:00Z");   // 17:00 New York
const QDateTime dayEnd = utc("2026-11-28T00:00:00Z");
const QDateTime stallFrom = utc("2026-11-27T10:02:30Z");  // no line at all for three minutes
const QDateTime stallUntil = utc("2026-11-27T10:05:30Z");
const QDateTime dropAt = utc("2026-11-27T15:31:00Z");     // the connection closed once

Instrument eurUsd()
{
    return Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
}

/// The market's mid price at `ms`: two waves, so bars differ and the strategy has work.
double midAt(qint64 ms)
{
    const double t = double(ms) / 1000.0;
    return 1.1000 + 0.0020 * std::sin(2 * std::numbers::pi * t / 21'600) + 0.0004 * std::sin(2 * std::numbers::pi * t / 1'020);
}

bool fxOpen(qint64 ms)
{
    return ms < fxCloses.toMSecsSinceEpoch();
}

/// The candle of the interval opening at `openMs`, from the prices sampled every 5 s.
Bar candleAt(qint64 openMs)
{
    Bar bar;
    bar.openTime = QDateTime::fromMSecsSinceEpoch(openMs, Qt::UTC);
    bar.open = bar.high = bar.low = bar.close = midAt(openMs);
    bar.volume = 0;
    for (qint64 ms = openMs; ms < openMs + barMs; ms += stepMs) {
        const double mid = midAt(ms);
        bar.high = std::max(bar.high, mid);
        bar.low = std::min(bar.low, mid);
        bar.close = mid;
        bar.volume += 1;
    }
    return bar;
}

} // namespace

class TestEngineOandaStream final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { spdlog::set_level(qEnvironmentVariableIsSet("SENTINEL_TEST_VERBOSE") ? spdlog::level::info : spdlog::level::err); }
    void aFridayOfStreamedBarsWithAStallAndADrop();

private:
    /// GET .../candles: complete candles up to a second before now (OANDA completes them within
    /// one), none while FX is closed, `from` and `count` honoured.
    CannedResponse candles(const RecordedRequest& request);

    ManualClock m_clock{dayStart};
    QList<qint64> m_candleRequests; ///< engine-clock ms of each candle request
};

CannedResponse TestEngineOandaStream::candles(const RecordedRequest& request)
{
    const qint64 now = m_clock.nowMs();
    m_candleRequests << now;
    const QUrlQuery query(request.url);
    const int count = query.queryItemValue(QStringLiteral("count")).toInt();
    const QString from = query.queryItemValue(QStringLiteral("from"));
    const qint64 newestOpen = (now - second) / barMs * barMs - barMs; // its interval ended a second ago
    qint64 firstOpen = newestOpen - qint64(count - 1) * barMs;
    if (!from.isEmpty())
        firstOpen = (QDateTime::fromString(from, Qt::ISODate).toMSecsSinceEpoch() + barMs - 1) / barMs * barMs;
    Bars complete;
    for (qint64 open = firstOpen; open <= newestOpen && complete.size() < count; open += barMs) {
        if (fxOpen(open))
            complete << candleAt(open);
    }
    return CannedResponse::json(oandaCandlesBody(QStringLiteral("EUR_USD"), QStringLiteral("M5"), complete));
}

void TestEngineOandaStream::aFridayOfStreamedBarsWithAStallAndADrop()
{
    FakeHttpServer rest;
    FakeOandaStream stream;
    QVERIFY(rest.start());
    QVERIFY(stream.start());
    rest.route("/v3/instruments/EUR_USD/candles", [this](const RecordedRequest& request) { return candles(request); });

    Config config = ConfigLoader().loadDemoProfile().config;
    config.provider = ProviderKind::Oanda;
    config.watchlist = {eurUsd()};
    config.oanda.accountId = QStringLiteral("101-004-1234567-001");
    config.oanda.token = Secret(QStringLiteral("oanda-day-token-0b6e"));
    config.oanda.baseUrl = rest.baseUrl();
    config.oanda.streamUrl = stream.baseUrl();
    QTemporaryDir dir;
    EngineOptions options;
    options.offline = true;
    options.autoApprove = true;
    options.journalPath = dir.filePath(QStringLiteral("oanda-day.sqlite"));
    QList<qint64> barOpens;       // every bar the engine took, in the order it took them
    QList<qint64> disconnectedAt; // engine-clock ms of each broker_disconnected alert
    Engine engine(config, &m_clock, options);

    connect(&engine, &Engine::barsAppended, this, [&barOpens](const BarUpdate& update) {
        for (const Bar& bar : update.bars)
            barOpens << bar.openTime.toMSecsSinceEpoch();
    });
    // The watchlist's Feed column: engine-clock ms of each change of EUR/USD's degraded state, as
    // the engine's snapshots say after each step (its publish timer runs on wall time, and a drop
    // lasts one simulated second: sampling is what makes it certain to be seen).
    QList<QPair<qint64, bool>> degradedChanges;
    QStringList feeds;
    const auto sampleFeed = [this, &engine, &degradedChanges, &feeds] {
        for (const InstrumentSnapshot& snapshot : engine.snapshots()) {
            if (!feeds.contains(snapshot.feed))
                feeds << snapshot.feed;
            if (snapshot.stream && (degradedChanges.isEmpty() || degradedChanges.constLast().second != snapshot.degraded()))
                degradedChanges.append({m_clock.nowMs(), snapshot.degraded()});
        }
    };
    connect(&engine, &Engine::alertRaised, this, [this, &disconnectedAt](const AlertView& alert) {
        if (alert.kind == alertkind::brokerDisconnected)
            disconnectedAt << m_clock.nowMs();
    });
    engine.start();

    StreamDaySettler settler(engine, [&stream] { return stream.linesDelivered(); }, [&stream] { return stream.openStreams() > 0; });
    QElapsedTimer wall;
    wall.start();
    for (qint64 ms = dayStart.toMSecsSinceEpoch(); ms < dayEnd.toMSecsSinceEpoch(); ms += stepMs) {
        m_clock.advanceTo(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
        const QDateTime now = m_clock.now();
        if (now == dropAt)
            stream.dropAll();
        if (now < stallFrom || now >= stallUntil) {
            if (fxOpen(ms))
                stream.sendPrice(QStringLiteral("EUR_USD"), now, midAt(ms));
            else
                stream.sendHeartbeat(now);
        }
        settler.settle(now.toString(Qt::ISODate));
        sampleFeed();
    }
    const RunStatistics stats = engine.statistics();
    engine.stop();
    disconnect(&engine, nullptr, this, nullptr);
    qInfo("simulated a day in %lld ms: %lld stream lines (%lld lost in drops), %lld drops, %d candle requests, %lld cycles",
          wall.elapsed(), stats.streamMessages, settler.lost(), stats.streamDrops, int(m_candleRequests.size()), stats.cycles);

    // Every bar of the open day, each once, in order, none missing: the stall's from candles.
    QList<qint64> expected;
    for (qint64 open = barOpens.isEmpty() ? 0 : barOpens.constFirst(); open < fxCloses.toMSecsSinceEpoch(); open += barMs)
        expected << open;
    QVERIFY(!barOpens.isEmpty());
    QCOMPARE(barOpens.constLast(), fxCloses.toMSecsSinceEpoch() - barMs);
    QCOMPARE(barOpens, expected);

    // The stall (last line 10:02:25) is caught within 10 s + one interval; so is the drop.
    QVERIFY2(disconnectedAt.size() >= 2, qPrintable(QString::number(disconnectedAt.size())));
    QVERIFY(disconnectedAt.at(0) >= stallFrom.toMSecsSinceEpoch());
    QVERIFY(disconnectedAt.at(0) <= stallFrom.toMSecsSinceEpoch() + 10 * second + barMs);
    QVERIFY(std::any_of(disconnectedAt.cbegin(), disconnectedAt.cend(), [](qint64 at) {
        return at >= dropAt.toMSecsSinceEpoch() && at <= dropAt.toMSecsSinceEpoch() + 10 * second + barMs;
    }));
    QVERIFY(stats.streamDrops >= 2);

    // EUR/USD is marked degraded when each drop is caught, and streamed again once it is back.
    QCOMPARE(feeds, QStringList{QStringLiteral("oanda")});
    const auto degradedAt = [&degradedChanges](qint64 from, qint64 to) {
        return std::any_of(degradedChanges.cbegin(), degradedChanges.cend(),
                           [from, to](const QPair<qint64, bool>& change) { return change.second && change.first >= from && change.first <= to; });
    };
    QVERIFY(degradedAt(stallFrom.toMSecsSinceEpoch(), stallFrom.toMSecsSinceEpoch() + 10 * second + barMs));
    QVERIFY(degradedAt(dropAt.toMSecsSinceEpoch(), dropAt.toMSecsSinceEpoch() + 10 * second + barMs));
    QVERIFY(!degradedChanges.isEmpty());
    QVERIFY2(!degradedChanges.constLast().second, "still degraded at the end of the day");

    // No candle request while FX is closed, but the one confirming its last bar.
    for (const qint64 at : std::as_const(m_candleRequests))
        QVERIFY2(at <= fxCloses.toMSecsSinceEpoch() + 5 * second,
                 qPrintable(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODate)));
    QCOMPARE(stats.apiCallsWhileClosed, 0);
    // About one request per bar (the history, the confirmations, the gap fills), not one per poll.
    const qint64 bars = expected.size();
    QVERIFY2(m_candleRequests.size() <= bars + 20, qPrintable(QStringLiteral("%1 requests for %2 bars").arg(m_candleRequests.size()).arg(bars)));
}

QTEST_GUILESS_MAIN(TestEngineOandaStream)
#include "tst_engine_oanda_stream.moc"
