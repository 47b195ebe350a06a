// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's two speed targets, measured against absolute targets (not Google Benchmark):
//  1. parsing 5,000 candles under 10 ms, for OANDA's and Coinbase's candle answers;
//  2. a pricing-stream line to the bar it closes reaching the engine under 1 ms (p99): the real
//     engine on a ManualClock, OANDA's stream and candles served from 127.0.0.1 by this program.
//     Timed from writing the line that opens a new interval to the engine's barsAppended for the
//     bar it closed: loopback TCP, Qt's HTTP thread, the line parser, the bar builder, the push,
//     the bar cache and the decision cycle's fetch, up to the strategy's turn.
// Run from a Release build (cmake --preset bench && cmake --build build/bench --target
// bench_broker_stream); it prints one line per measurement:
//   candles_parse_bench broker=oanda candles=5000 median_ms=... max_ms=... cpu_median_ms=... cpu_min_ms=... target_ms=10 within_target=yes reader=scanner
//   stream_bar_bench bars=... p50_us=... p99_us=... max_us=... target_p99_us=1000 within_target=yes
// median_ms and max_ms are wall time; within_target holds the CPU time's median to the target.
// `reader` says which of the parser's two readers took the body (ADR 0125): the scanner, or the
// DOM when the scanner declined it. scripts/bench.sh gates the candles lines.
// Options: --bars N (default 400); --parse-only (the candles lines alone).
#include "brokers/coinbase/CoinbaseCandles.h"
#include "brokers/oanda/OandaCandles.h"
#include "brokers/oanda/OandaFields.h"

#include <QJsonDocument>
#include "config/ConfigLoader.h"
#include "common/ManualClock.h"
#include "engine/Engine.h"
#include "telemetry/Logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace sentinel;

namespace {

constexpr qint64 minuteMs = 60'000;
/// 2026-11-24T00:00:00Z, a Tuesday: FX is open all day.
constexpr qint64 dayStartMs = 1'795'478'400'000;

QByteArray decimal(double value)
{
    return QByteArray::number(value, 'f', 5);
}

QByteArray oandaCandles(int count, qint64 firstOpenMs, qint64 stepMs)
{
    QByteArray body = R"({"instrument":"EUR_USD","granularity":"M1","candles":[)";
    for (int i = 0; i < count; ++i) {
        const double base = 1.1 + 0.0001 * (i % 50);
        const QByteArray time = QDateTime::fromMSecsSinceEpoch(firstOpenMs + i * stepMs, Qt::UTC)
                                    .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.000000000Z")).toLatin1();
        body += (i ? "," : "") + QByteArray(R"({"complete":true,"volume":)") + QByteArray::number(100 + i % 7)
                + R"(,"time":")" + time + R"(","mid":{"o":")" + decimal(base) + R"(","h":")" + decimal(base + 0.0004)
                + R"(","l":")" + decimal(base - 0.0003) + R"(","c":")" + decimal(base + 0.0001) + "\"}}";
    }
    return body + "]}";
}

QByteArray coinbaseCandles(int count, qint64 newestStartS)
{
    QByteArray body = R"({"candles":[)";
    for (int i = 0; i < count; ++i) { // newest first, as Coinbase answers
        const double base = 66000.0 + 10.0 * (i % 40);
        body += (i ? "," : "") + QByteArray(R"({"start":")") + QByteArray::number(newestStartS - qint64(i) * 60)
                + R"(","low":")" + QByteArray::number(base - 20, 'f', 2) + R"(","high":")" + QByteArray::number(base + 30, 'f', 2)
                + R"(","open":")" + QByteArray::number(base, 'f', 2) + R"(","close":")" + QByteArray::number(base + 5, 'f', 2)
                + R"(","volume":"12.5"})";
    }
    return body + "]}";
}

/// CPU time of this thread in milliseconds, where the platform tells it; wall time elsewhere.
double threadCpuMs(const QElapsedTimer& wall)
{
#if defined(Q_OS_UNIX)
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
#endif
    return double(wall.nsecsElapsed()) / 1e6;
}

/// Times 30 parses. The target is held against the median CPU time: on a shared runner the wall
/// time measures the neighbours as much as the parser (2-3x here at a load of 4 on 2 cores).
template <typename Parse>
void measureParse(const char* broker, Parse parse, bool scanned = true)
{
    constexpr double targetMs = 10.0;
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int run = 0; run < 30; ++run) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs(timer);
        if (!parse()) {
            std::printf("candles_parse_bench broker=%s failed\n", broker);
            std::exit(1);
        }
        cpu.push_back(threadCpuMs(timer) - cpuStart);
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    const double cpuMedian = cpu[cpu.size() / 2];
    std::printf("candles_parse_bench broker=%s candles=5000 median_ms=%.2f max_ms=%.2f cpu_median_ms=%.2f cpu_min_ms=%.2f "
                "target_ms=%.0f within_target=%s reader=%s\n",
                broker, wall[wall.size() / 2], wall.back(), cpuMedian, cpu.front(), targetMs, cpuMedian < targetMs ? "yes" : "no",
                scanned ? "scanner" : "dom");
}

/// OANDA's two hosts in one: GET .../candles answers the history, GET .../pricing/stream stays open.
class LoopbackOanda final : public QObject
{
public:
    LoopbackOanda()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRequest(socket); });
        });
    }
    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    [[nodiscard]] bool streaming() const { return m_stream && m_stream->state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray& line)
    {
        m_stream->write(line);
        m_stream->flush();
    }
    qint64 nowMs = dayStartMs;

private:
    void onRequest(QTcpSocket* socket)
    {
        const QByteArray head = socket->readAll();
        if (head.contains("/pricing/stream")) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n");
            m_stream = socket;
            return;
        }
        // The history: 500 complete one-minute candles up to the current minute.
        const QByteArray body = oandaCandles(500, (nowMs / minuteMs - 500) * minuteMs, minuteMs);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\n\r\n" + body);
    }

    QTcpServer m_server;
    QPointer<QTcpSocket> m_stream;
};

QByteArray priceLine(qint64 ms, double mid)
{
    const QByteArray time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000000Z")).toLatin1();
    return R"({"type":"PRICE","time":")" + time + R"(","bids":[{"price":")" + decimal(mid - 0.00005)
           + R"(","liquidity":1000000}],"asks":[{"price":")" + decimal(mid + 0.00005)
           + R"(","liquidity":1000000}],"closeoutBid":")" + decimal(mid - 0.00005) + R"(","closeoutAsk":")"
           + decimal(mid + 0.00005) + R"(","status":"tradeable","tradeable":true,"instrument":"EUR_USD"})" "\n";
}

bool waitFor(const std::function<bool()>& condition, qint64 limitMs = 5'000)
{
    QElapsedTimer waited;
    waited.start();
    while (!condition()) {
        if (waited.elapsed() > limitMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    return true;
}

int measureStream(int bars)
{
    constexpr double targetP99Us = 1000.0;
    LoopbackOanda rest;   // the REST host: candles
    LoopbackOanda oanda;  // the streaming host
    if (!rest.start() || !oanda.start())
        return 1;
    ManualClock clock(QDateTime::fromMSecsSinceEpoch(dayStartMs, Qt::UTC));
    Config config = ConfigLoader().loadDemoProfile().config;
    config.provider = ProviderKind::Oanda;
    config.watchlist = {Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min1}};
    config.oanda.accountId = QStringLiteral("101-004-1234567-001");
    config.oanda.token = Secret(QStringLiteral("bench-token"));
    config.oanda.baseUrl = rest.url();
    config.oanda.streamUrl = oanda.url();
    QTemporaryDir dir;
    EngineOptions options;
    options.offline = true;
    options.journalPath = dir.filePath(QStringLiteral("bench.sqlite"));
    Engine engine(config, &clock, options);
    qint64 lastBarOpen = 0;
    QObject::connect(&engine, &Engine::barsAppended, &engine, [&lastBarOpen](const BarUpdate& update) {
        if (!update.bars.isEmpty())
            lastBarOpen = update.bars.constLast().openTime.toMSecsSinceEpoch();
    });
    engine.start();
    if (!waitFor([&] { return oanda.streaming() && !engine.busy() && lastBarOpen != 0; })) {
        std::printf("stream_bar_bench failed: no stream (%d) or no history (%lld)\n", int(oanda.streaming()), lastBarOpen);
        return 1;
    }
    // One price every 5 s of engine time, each awaited, so the stream is never silent for 10 s.
    qint64 sent = 0;
    const auto sendAt = [&](qint64 ms, double mid) {
        oanda.send(priceLine(ms, mid));
        ++sent;
        if (qEnvironmentVariableIsSet("SENTINEL_BENCH_VERBOSE"))
            std::printf("sent %lld at %lld, received %lld\n", sent, ms, engine.statistics().streamMessages);
    };
    const auto received = [&] { return engine.statistics().streamMessages >= sent; };
    sendAt(clock.nowMs(), 1.1); // live from here: the next minutes are whole
    if (!waitFor(received))
        return 1;
    const auto pricesOfMinute = [&](qint64 openMs, int bar) {
        for (qint64 at = openMs + 5'000; at < openMs + minuteMs; at += 5'000) {
            clock.advanceTo(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC));
            sendAt(at, 1.1 + 0.0001 * double((bar + at / 5'000) % 13));
            if (!waitFor([&] { return received() && !engine.busy(); }))
                return false;
        }
        return true;
    };
    if (!pricesOfMinute(dayStartMs, 0)) // the partial first minute: watched from its start, but not timed
        return 1;
    clock.advanceTo(QDateTime::fromMSecsSinceEpoch(dayStartMs + minuteMs, Qt::UTC));
    sendAt(dayStartMs + minuteMs, 1.1);
    if (!waitFor(received))
        return 1;
    std::vector<double> latencies;
    for (int bar = 0; bar < bars; ++bar) {
        const qint64 openMs = dayStartMs + qint64(bar + 1) * minuteMs;
        if (!pricesOfMinute(openMs, bar))
            return 1;
        // The first price of the next minute closes the bar: timed from its write to the engine.
        clock.advanceTo(QDateTime::fromMSecsSinceEpoch(openMs + minuteMs + 100, Qt::UTC));
        QElapsedTimer timer;
        timer.start();
        sendAt(openMs + minuteMs + 50, 1.1);
        if (!waitFor([&] { return lastBarOpen == openMs; })) {
            std::printf("stream_bar_bench failed: the bar of %lld never reached the engine\n", openMs);
            return 1;
        }
        latencies.push_back(double(timer.nsecsElapsed()) / 1e3);
        waitFor([&] { return received() && !engine.busy(); });
    }
    engine.stop();
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&latencies](double q) { return latencies[std::min(latencies.size() - 1, size_t(q * double(latencies.size())))]; };
    std::printf("stream_bar_bench bars=%d p50_us=%.0f p99_us=%.0f max_us=%.0f target_p99_us=%.0f within_target=%s\n", bars,
                at(0.5), at(0.99), latencies.back(), targetP99Us, at(0.99) < targetP99Us ? "yes" : "no");
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("bars"), QStringLiteral("Bars to time on the stream."), QStringLiteral("N"), QStringLiteral("400")});
    parser.addOption({QStringLiteral("parse-only"), QStringLiteral("Measure the candle parsers only, not the stream.")});
    parser.process(app);
    spdlog::set_level(qEnvironmentVariableIsSet("SENTINEL_BENCH_VERBOSE") ? spdlog::level::debug : spdlog::level::err);

    const QByteArray oanda = oandaCandles(5000, dayStartMs - 5000 * minuteMs, minuteMs);
    const oanda::CandlesContext oandaContext{Interval::Min1, oanda::PriceComponent::Mid};
    measureParse("oanda", [&] {
        const auto candles = oanda::parseCandles(oanda, oandaContext);
        return candles.ok() && candles->closed.size() == 5000;
    }, oanda::parseCandlesWithScanner(oanda, oandaContext).has_value());
    if (qEnvironmentVariableIsSet("SENTINEL_BENCH_VERBOSE")) {
        measureParse("json-only", [&oanda] { return !QJsonDocument::fromJson(oanda).isNull(); });
        measureParse("times-only", [] {
            for (int i = 0; i < 5000; ++i)
                if (!oanda::parseOandaTime(u"2026-11-24T10:00:00.000000000Z"))
                    return false;
            return true;
        });
    }
    const QByteArray coinbase = coinbaseCandles(5000, dayStartMs / 1000 - 60);
    const coinbase::CandleParseOptions coinbaseOptions{coinbase::Granularity::OneMinute, QDateTime::fromMSecsSinceEpoch(dayStartMs, Qt::UTC)};
    measureParse("coinbase", [&] {
        const auto candles = coinbase::parseCoinbaseCandles(coinbase, coinbaseOptions);
        return candles.ok() && candles->closed.size() == 5000;
    }, coinbase::parseCoinbaseCandlesWithScanner(coinbase, coinbaseOptions).has_value());
    if (qEnvironmentVariableIsSet("SENTINEL_BENCH_VERBOSE")) {
        measureParse("oanda-dom", [&] { return oanda::parseCandlesWithDom(oanda, oandaContext).ok(); }, false);
        measureParse("coinbase-dom", [&] { return coinbase::parseCoinbaseCandlesWithDom(coinbase, coinbaseOptions).ok(); }, false);
    }
    if (parser.isSet(QStringLiteral("parse-only")))
        return 0;
    return measureStream(parser.value(QStringLiteral("bars")).toInt());
}
