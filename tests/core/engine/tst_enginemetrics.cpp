// SPDX-License-Identifier: GPL-3.0-or-later
// The telemetry endpoint as the engine feeds it: what the families say for a known state, when
// /healthz fails, and the real engine serving both paths on 127.0.0.1 (or carrying on with an
// alert when the port is taken).
#include "advisor/ProviderPool.h"
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "engine/EngineMetrics.h"
#include "telemetry/SentinelMetrics.h"

#include "FakeOllama.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

InstrumentSnapshot instrument(const char* symbol, const char* market, Freshness freshness, qint64 lagSeconds)
{
    InstrumentSnapshot snapshot;
    snapshot.instrument = Instrument{QString::fromLatin1(symbol), QString::fromLatin1(market), Interval::Min5};
    snapshot.freshness = freshness;
    snapshot.lagSeconds = lagSeconds;
    return snapshot;
}

ChannelStats channel(const char* name, int delivered, int failed, int queued, bool backingOff)
{
    ChannelStats stats;
    stats.name = QString::fromLatin1(name);
    stats.delivered = delivered;
    stats.failed = failed;
    stats.queueDepth = queued;
    if (backingOff) {
        stats.retryAt = utc("2026-11-24T15:10:00Z");
        stats.retrying = 1;
        stats.lastError = QStringLiteral("HTTP 500");
    }
    return stats;
}

/// A state with something in every family.
EngineMetrics::Inputs busyDesk()
{
    EngineMetrics::Inputs inputs;
    inputs.running = true;
    inputs.provider = QStringLiteral("alpha_vantage");
    RunStatistics& stats = inputs.statistics;
    stats.cycles = 42;
    for (int i = 1; i <= 100; ++i)
        stats.cycleMs.record(double(i) / 10.0); // 0.1 .. 10 ms
    stats.apiCalls = {{QStringLiteral("FX_INTRADAY"), 7}};
    stats.apiErrors = {{QStringLiteral("timeout"), 2}};
    stats.apiCallsWhileClosed = 0;
    stats.staleBlocksByMarket = {{QStringLiteral("XNYS"), 3}};
    stats.proposals = 5;
    stats.approvals = 2;
    stats.rejections = 1;
    stats.expired = 1;
    stats.executions = 2;
    stats.riskRejections = {{QStringLiteral("var_limit"), 4}};
    stats.alerts = {{QStringLiteral("stale_data"), 1}};
    stats.portfolioCalls = 12;
    stats.zeroBalanceEvents = 3;
    stats.varMethod = VarMethod::Bootstrap;
    inputs.platform = QStringLiteral("paper");
    inputs.instruments = {instrument("EUR/USD", "FX", Freshness::Fresh, 60),
                          instrument("AAPL", "XNYS", Freshness::Stale, 7500),
                          instrument("MSFT", "XNAS", Freshness::Unknown, 0)};
    inputs.caches.caches = {CacheSnapshot{QStringLiteral("bars"), 90, 10, 0, 1, 3, true, QStringLiteral("memory")}};
    QuotaSnapshot quota;
    quota.provider = QStringLiteral("alpha_vantage");
    quota.dailyLimit = 25;
    quota.usedToday = 9;
    QuotaSnapshot oanda;
    oanda.provider = QStringLiteral("oanda");
    oanda.usedToday = 40;
    oanda.windowLimit = 100;
    oanda.windowUsed = 7;
    oanda.window = std::chrono::minutes{1};
    oanda.stream = StreamState{false, utc("2026-11-24T15:05:30Z"), utc("2026-11-24T15:06:30Z"), 2, QStringLiteral("stream_silent")};
    inputs.caches.quotas = {quota, oanda};
    inputs.instruments[0].feed = oanda.provider;
    inputs.instruments[0].stream = oanda.stream;
    RiskSnapshot risk;
    risk.var = 0.0125;
    risk.equity = 100250.5;
    risk.currency = QStringLiteral("USD");
    inputs.risk = risk;
    inputs.channels = {channel("telegram", 6, 1, 0, false), channel("webhook", 1, 2, 1, true)};
    inputs.lastCycleAt = utc("2026-11-24T15:05:00Z");
    inputs.now = utc("2026-11-24T15:06:00Z");
    return inputs;
}

struct Response {
    int status = 0;
    QByteArray body;
};

Response get(quint16 port, const QString& path)
{
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Response response;
    if (finished.wait(10000)) {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
    }
    return response;
}

/// The value of one series line (`name{labels} value`) in an exposition, or NaN.
double seriesValue(const QByteArray& exposition, const QByteArray& series)
{
    const QByteArray prefix = series + ' ';
    for (const QByteArray& line : exposition.split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).toDouble();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

/// The first /metrics answer published after the idle engine's last cycle: the engine publishes
/// once a second (ADR 0110), so a scrape right after a cycle may show the edition before it.
Response caughtUpScrape(const Engine& engine)
{
    const double cycles = double(engine.statistics().cycles);
    Response scraped;
    for (int attempt = 0; attempt < 100; ++attempt) {
        scraped = get(engine.telemetryPort(), QStringLiteral("/metrics"));
        if (seriesValue(scraped.body, "sentinel_engine_cycles_total") == cycles)
            break;
        QTest::qWait(50);
    }
    return scraped;
}

/// The demo profile with its endpoint on `listen`.
Config demoListeningOn(const QString& listen)
{
    Config config = ConfigLoader().loadDemoProfile().config;
    config.telemetryListen = listen;
    return config;
}

EngineOptions scratchOptions(const QTemporaryDir& dir, bool serveTelemetry)
{
    EngineOptions options;
    options.offline = true;
    options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    options.serveTelemetry = serveTelemetry;
    return options;
}

} // namespace

class TestEngineMetrics final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mirrorsTheEnginesCountsIntoTheFamilies();
    void mirrorsTheAdvisorsModelServers();
    void deliverySuccessIsMeasuredOverTheLastFifteenMinutes();
    void beforeAnyVarEstimateTheInfoNamesHistorical();
    void aFreshlyStartedEngineExportsEveryFamily();
    void healthFailsOnStaleDataAChannelDownOrAStoppedEngine();
    void engineServesMetricsAndHealthOnTelemetryListen();
    void aTakenPortIsAnAlertNotAStop();
    void offUnlessAsked();
};

void TestEngineMetrics::mirrorsTheEnginesCountsIntoTheFamilies()
{
    EngineMetrics metrics;
    metrics.update(busyDesk());
    const MetricsRegistry& r = metrics.registry();
    const MetricLabels av{{QStringLiteral("provider"), QStringLiteral("alpha_vantage")}};
    QCOMPARE(r.value(metric::cycles), 42.0);
    // 0.1 .. 10 ms: 5 cycles up to 0.5 ms, 10 up to 1 ms, ..., all 100 up to 10 ms.
    const MetricsRegistry::HistogramValue cycles = r.histogram(metric::cycleSeconds);
    QCOMPARE(cycles.count, quint64(100));
    QCOMPARE(cycles.sum, 0.505);
    QCOMPARE(cycles.upperBounds.size(), metric::cycleSecondsBuckets.size() + 1);
    const std::vector<quint64> cumulative(cycles.cumulativeCounts.begin(), cycles.cumulativeCounts.begin() + 6);
    QCOMPARE(cumulative, (std::vector<quint64>{5, 10, 25, 50, 100, 100}));
    QCOMPARE(cycles.cumulativeCounts.back(), quint64(100));
    QCOMPARE(r.value(metric::lastCycle), double(utc("2026-11-24T15:05:00Z").toSecsSinceEpoch()));
    QCOMPARE(r.value(metric::apiCalls, {av.first(), {QStringLiteral("endpoint"), QStringLiteral("FX_INTRADAY")}}), 7.0);
    QCOMPARE(r.value(metric::apiErrors, {av.first(), {QStringLiteral("kind"), QStringLiteral("timeout")}}), 2.0);
    QVERIFY(r.contains(metric::apiCallsWhileClosed, av));
    QCOMPARE(r.value(metric::quotaLimit, av), 25.0);
    QCOMPARE(r.value(metric::quotaRemaining, av), 16.0);
    const MetricLabels bars{{QStringLiteral("cache"), QStringLiteral("bars")}};
    QCOMPARE(r.value(metric::cacheHits, bars), 90.0);
    QCOMPARE(r.value(metric::cacheMisses, bars), 10.0);
    QCOMPARE(r.value(metric::cacheEvictions, bars), 1.0);
    QCOMPARE(r.value(metric::staleBlocks, {{QStringLiteral("market"), QStringLiteral("XNYS")}}), 3.0);
    QCOMPARE(r.value(metric::instrumentsStale), 1.0);
    // OANDA's stream is down: its instrument is degraded, and the rate window reads in seconds.
    const MetricLabels oandaFeed{{QStringLiteral("provider"), QStringLiteral("oanda")}};
    QCOMPARE(r.value(metric::instrumentsDegraded), 1.0);
    QCOMPARE(r.value(metric::streamUp, oandaFeed), 0.0);
    QCOMPARE(r.value(metric::rateWindowUsed, oandaFeed), 7.0);
    QCOMPARE(r.value(metric::rateWindowLimit, oandaFeed), 100.0);
    QCOMPARE(r.value(metric::rateWindowSeconds, oandaFeed), 60.0);
    // A feed reported without a stream or a rate window has no such series.
    QVERIFY(!r.contains(metric::streamUp, av));
    QVERIFY(!r.contains(metric::rateWindowLimit, av));
    QCOMPARE(r.value(metric::instrumentLag, {{QStringLiteral("instrument"), QStringLiteral("XNYS:AAPL:5min")}}), 7500.0);
    // No verdict yet, no lag to report (a 0 would claim the data is perfectly fresh).
    QVERIFY(!r.contains(metric::instrumentLag, {{QStringLiteral("instrument"), QStringLiteral("XNAS:MSFT:5min")}}));
    QCOMPARE(r.value(metric::proposals), 5.0);
    QCOMPARE(r.value(metric::decisions, {{QStringLiteral("decision"), QStringLiteral("approved")}}), 2.0);
    QCOMPARE(r.value(metric::decisions, {{QStringLiteral("decision"), QStringLiteral("rejected")}}), 1.0);
    QCOMPARE(r.value(metric::decisions, {{QStringLiteral("decision"), QStringLiteral("expired")}}), 1.0);
    QCOMPARE(r.value(metric::executions), 2.0);
    QCOMPARE(r.value(metric::riskRejections, {{QStringLiteral("check"), QStringLiteral("var_limit")}}), 4.0);
    QCOMPARE(r.value(metric::alerts, {{QStringLiteral("kind"), QStringLiteral("stale_data")}}), 1.0);
    const MetricLabels telegram{{QStringLiteral("channel"), QStringLiteral("telegram")}};
    const MetricLabels webhook{{QStringLiteral("channel"), QStringLiteral("webhook")}};
    QCOMPARE(r.value(metric::deliveries, {telegram.first(), {QStringLiteral("outcome"), QStringLiteral("delivered")}}), 6.0);
    QCOMPARE(r.value(metric::deliveries, {webhook.first(), {QStringLiteral("outcome"), QStringLiteral("failed")}}), 2.0);
    QCOMPARE(r.value(metric::outboxPending, webhook), 1.0);
    QCOMPARE(r.value(metric::channelUp, telegram), 1.0);
    QCOMPARE(r.value(metric::channelUp, webhook), 0.0);
    QVERIFY(r.contains(metric::channelUp, webhook));
    QCOMPARE(r.value(metric::portfolioVar), 0.0125);
    QCOMPARE(r.value(metric::equity, {{QStringLiteral("currency"), QStringLiteral("USD")}}), 100250.5);
    QCOMPARE(r.value(metric::portfolioApiCalls, {{QStringLiteral("platform"), QStringLiteral("paper")}}), 12.0);
    QCOMPARE(r.value(metric::zeroBalanceEvents), 3.0);
    QCOMPARE(r.value(metric::varMethod, {{QStringLiteral("method"), QStringLiteral("bootstrap")}}), 1.0);
    QCOMPARE(r.value(metric::varMethod, {{QStringLiteral("method"), QStringLiteral("historical")}}), 0.0);
    QVERIFY(r.contains(metric::varMethod, {{QStringLiteral("method"), QStringLiteral("parametric")}}));
    // Counters the configuration names are there at zero before anything happened.
    QVERIFY(r.contains(metric::apiErrors, {av.first(), {QStringLiteral("kind"), QStringLiteral("rate_limited")}}));
    QCOMPARE(r.value(metric::apiCalls, {av.first(), {QStringLiteral("endpoint"), QStringLiteral("TIME_SERIES_INTRADAY")}}), 0.0);
    QVERIFY(r.contains(metric::apiCalls, {av.first(), {QStringLiteral("endpoint"), QStringLiteral("TIME_SERIES_INTRADAY")}}));
    QVERIFY(r.contains(metric::staleBlocks, {{QStringLiteral("market"), QStringLiteral("XNAS")}}));
    QVERIFY(r.contains(metric::riskRejections, {{QStringLiteral("check"), QStringLiteral("position_size")}}));
    QVERIFY(r.contains(metric::riskRejections, {{QStringLiteral("check"), QStringLiteral("volatility_too_high")}}));
    QVERIFY(r.contains(metric::alerts, {{QStringLiteral("kind"), QStringLiteral("broker_disconnected")}}));
    QCOMPARE(r.value(metric::deliverySuccess, telegram), 6.0 / 7.0);
    QCOMPARE(r.value(metric::deliverySuccess, webhook), 1.0 / 3.0);

    // A scrape that finds no new cycle adds none to the histogram; new ones are added once.
    metrics.update(busyDesk());
    QCOMPARE(r.histogram(metric::cycleSeconds).count, quint64(100));
    EngineMetrics::Inputs moreCycles = busyDesk();
    moreCycles.statistics.cycleMs.record(300.0);
    metrics.update(moreCycles);
    QCOMPARE(r.histogram(metric::cycleSeconds).count, quint64(101));
    QCOMPARE(r.histogram(metric::cycleSeconds).cumulativeCounts[8], quint64(100)); // le 0.25 s
    QCOMPARE(r.histogram(metric::cycleSeconds).cumulativeCounts[9], quint64(101)); // le 0.5 s
    // More cycles between two scrapes than the engine holds: the histogram takes the ones held,
    // never one twice, and never reads past the window.
    EngineMetrics::Inputs flood = moreCycles;
    const qint64 floodSize = qint64(CycleTimeWindow::capacity) + 50;
    for (qint64 i = 0; i < floodSize; ++i)
        flood.statistics.cycleMs.record(0.5);
    metrics.update(flood);
    QCOMPARE(r.histogram(metric::cycleSeconds).count, quint64(101) + quint64(CycleTimeWindow::capacity));

    // The watchlist changes: a removed instrument's lag disappears with it.
    EngineMetrics::Inputs later = busyDesk();
    later.instruments.removeAt(1);
    metrics.update(later);
    QVERIFY(!r.contains(metric::instrumentLag, {{QStringLiteral("instrument"), QStringLiteral("XNYS:AAPL:5min")}}));
    QCOMPARE(r.value(metric::instrumentsStale), 0.0);
}

void TestEngineMetrics::mirrorsTheAdvisorsModelServers()
{
    test::FakeOllama ollama;
    QVERIFY(ollama.server.start());
    ManualClock clock(QDateTime::fromString(u"2026-03-02T14:00:00Z"_qs, Qt::ISODate));
    advisor::ProviderPool pool(clock, advisor::PoolSettings{});
    advisor::ProviderSettings settings;
    settings.baseUrl = ollama.server.baseUrl();
    settings.model = u"llama3.2"_qs;
    QVERIFY(pool.addProvider(settings).ok());
    pool.start();
    QTRY_VERIFY(pool.status(0).available);
    const advisor::AdviceRequest request{u"Advise."_qs, u"EUR/USD"_qs};
    for (const char* content : {R"({"action":"buy","confidence":0.7,"horizon":"1d","stop":null,"reason":"Up."})", "Buy it, I think."}) {
        ollama.advise(content);
        bool answered = false;
        pool.advise(0, request, [&answered](const advisor::AdviceOutcome&) { answered = true; });
        QTRY_VERIFY(answered);
    }

    EngineMetrics metrics;
    EngineMetrics::Inputs inputs = busyDesk();
    inputs.advisorPool = &pool;
    metrics.update(inputs);
    metrics.update(inputs); // a second scrape observes no latency twice
    const MetricsRegistry& r = metrics.registry();
    const MetricLabels server{{QStringLiteral("provider"), pool.name(0)}};
    QVERIFY(pool.name(0).startsWith(u"ollama llama3.2:latest at http://127.0.0.1:"));
    QCOMPARE(r.value(metric::advisorRequests, server), 2.0);
    MetricLabels invalid = server;
    invalid.append({QStringLiteral("kind"), QStringLiteral("advisor_invalid_output")});
    QCOMPARE(r.value(metric::advisorFailures, invalid), 1.0);
    QCOMPARE(r.histogram(metric::advisorLatency, server).count, quint64(2));
    QCOMPARE(r.value(metric::advisorAvailable, server), 1.0);
    QCOMPARE(r.value(metric::advisorBreaker, server), 0.0);
    // Version, tags and two chats on one connection: three of four requests reused it.
    const double reuse = r.value(metric::advisorConnectionReuse, server);
    QCOMPARE(reuse, 1.0 - double(ollama.server.connectionCount()) / double(ollama.server.requestCount()));
    QVERIFY(reuse >= 0.5);
}

void TestEngineMetrics::deliverySuccessIsMeasuredOverTheLastFifteenMinutes()
{
    EngineMetrics metrics;
    const MetricLabels telegram{{QStringLiteral("channel"), QStringLiteral("telegram")}};
    const auto scrape = [&](const char* at, int delivered, int failed) {
        EngineMetrics::Inputs inputs;
        inputs.channels = {channel("telegram", delivered, failed, 0, false)};
        inputs.now = utc(at);
        metrics.update(inputs);
        return metrics.registry().value(metric::deliverySuccess, telegram);
    };
    QVERIFY(std::isnan(scrape("2026-11-24T15:00:00Z", 0, 0))); // nothing attempted: no ratio, not 0 or 1
    QCOMPARE(scrape("2026-11-24T15:05:00Z", 6, 1), 6.0 / 7.0);
    QCOMPARE(scrape("2026-11-24T15:14:00Z", 8, 3), 8.0 / 11.0); // still inside the first window
    // 15:20: the baseline is the 15:05 scrape, the newest at least 15 minutes old: 2 of 6.
    QCOMPARE(scrape("2026-11-24T15:20:00Z", 8, 5), 2.0 / 6.0);
    // Quiet for 20 minutes: the old failures leave the window.
    QVERIFY(std::isnan(scrape("2026-11-24T15:40:00Z", 8, 5)));
    QVERIFY(std::isnan(scrape("2026-11-24T15:41:00Z", 8, 5)));
    QCOMPARE(scrape("2026-11-24T15:42:00Z", 9, 5), 1.0);
}

void TestEngineMetrics::beforeAnyVarEstimateTheInfoNamesHistorical()
{
    EngineMetrics metrics;
    metrics.update(EngineMetrics::Inputs{});
    const MetricsRegistry& r = metrics.registry();
    QCOMPARE(r.value(metric::varMethod, {{QStringLiteral("method"), QStringLiteral("historical")}}), 1.0);
    QCOMPARE(r.value(metric::varMethod, {{QStringLiteral("method"), QStringLiteral("bootstrap")}}), 0.0);
    QCOMPARE(r.value(metric::varMethod, {{QStringLiteral("method"), QStringLiteral("parametric")}}), 0.0);
}

void TestEngineMetrics::aFreshlyStartedEngineExportsEveryFamily()
{
    ManualClock clock(utc("2026-11-24T15:02:30Z"));
    QTemporaryDir dir;
    Config config = demoListeningOn(QStringLiteral("127.0.0.1:0"));
    // A remote channel configured, so the delivery families have a channel to speak of; nothing
    // listens there, and nothing is sent before a signal.
    config.webhook.enabled = true;
    config.webhook.url = QUrl(QStringLiteral("http://127.0.0.1:9/hook"));
    Engine engine(config, &clock, scratchOptions(dir, true));
    engine.start();
    QVERIFY(engine.isRunning());
    QTRY_VERIFY(!engine.busy());

    const Response scraped = caughtUpScrape(engine);
    QCOMPARE(scraped.status, 200);
    MetricsRegistry described;
    describeSentinelMetrics(described);
    QVERIFY(described.names().size() >= 29);
    const QList<QByteArray> lines = scraped.body.split('\n');
    // These speak of a feed's stream or rate window; the simulated feed has neither.
    const QStringList onlySomeFeeds{metric::streamUp, metric::rateWindowUsed, metric::rateWindowLimit, metric::rateWindowSeconds,
                                    // and these of the advisor's model servers, with strategy llm_advisor only
                                    metric::advisorRequests, metric::advisorFailures, metric::advisorLatency,
                                    metric::advisorConnectionReuse, metric::advisorBreaker, metric::advisorAvailable};
    for (const QString& family : described.names()) {
        const QByteArray name = family.toUtf8();
        if (onlySomeFeeds.contains(family)) {
            QVERIFY2(!scraped.body.contains(QByteArray("\n" + name + "{")), qPrintable(family));
            continue;
        }
        const bool sampled = std::any_of(lines.cbegin(), lines.cend(), [&](const QByteArray& line) {
            return line.startsWith(QByteArray(name + '{')) || line.startsWith(QByteArray(name + ' '))
                   || line.startsWith(QByteArray(name + "_bucket{"));
        });
        QVERIFY2(sampled, qPrintable(QStringLiteral("no sample of %1 in the first scrape:\n%2")
                                         .arg(family, QString::fromUtf8(scraped.body))));
    }
    // Zero, not absent: the first of each comes out as an increase.
    QCOMPARE(seriesValue(scraped.body, "sentinel_engine_cycle_seconds_count"), double(engine.statistics().cycleMs.recorded()));
    QCOMPARE(seriesValue(scraped.body, "sentinel_zero_balance_events_total"), 0.0);
    QCOMPARE(seriesValue(scraped.body, "sentinel_alerts_total{kind=\"broker_disconnected\"}"), 0.0);
    QCOMPARE(seriesValue(scraped.body, "sentinel_signal_deliveries_total{channel=\"webhook\",outcome=\"failed\"}"), 0.0);
    QCOMPARE(seriesValue(scraped.body, "sentinel_var_method_info{method=\"historical\"}"), 1.0);
    QVERIFY(scraped.body.contains("\nsentinel_api_quota_limit{provider=\"simulated\"} +Inf\n")); // unlimited
    QVERIFY(seriesValue(scraped.body, "sentinel_portfolio_api_calls_total{platform=\"paper\"}") >= 1);
    QCOMPARE(seriesValue(scraped.body, "sentinel_engine_last_cycle_timestamp_seconds"),
             double(utc("2026-11-24T15:02:30Z").toSecsSinceEpoch())); // the start's loading cycles
    engine.stop();
}

void TestEngineMetrics::healthFailsOnStaleDataAChannelDownOrAStoppedEngine()
{
    const auto check = [](const HealthReport& report, const QString& name) {
        for (const HealthCheck& c : report.checks) {
            if (c.name == name)
                return c;
        }
        return HealthCheck{name, false, QStringLiteral("missing")};
    };
    EngineMetrics::Inputs inputs = busyDesk();
    HealthReport report = EngineMetrics::health(inputs);
    QVERIFY(!report.healthy());
    QVERIFY(check(report, QStringLiteral("engine")).ok);
    QVERIFY(!check(report, QStringLiteral("market_data")).ok);
    QVERIFY2(check(report, QStringLiteral("market_data")).detail.contains(QStringLiteral("XNYS:AAPL:5min")),
             qPrintable(check(report, QStringLiteral("market_data")).detail));
    QVERIFY(!check(report, QStringLiteral("signal_delivery")).ok);
    QVERIFY(check(report, QStringLiteral("signal_delivery")).detail.contains(QStringLiteral("webhook: HTTP 500")));

    inputs.instruments[1].freshness = Freshness::Fresh;
    inputs.channels.removeLast();
    QVERIFY(EngineMetrics::health(inputs).healthy());
    inputs.running = false;
    report = EngineMetrics::health(inputs);
    QVERIFY(!report.healthy());
    QCOMPARE(check(report, QStringLiteral("engine")).detail, QStringLiteral("stopped"));
}

void TestEngineMetrics::engineServesMetricsAndHealthOnTelemetryListen()
{
    ManualClock clock(utc("2026-11-24T15:02:30Z"));
    QTemporaryDir dir;
    Engine engine(demoListeningOn(QStringLiteral("127.0.0.1:0")), &clock, scratchOptions(dir, true));
    engine.start();
    QVERIFY(engine.isRunning());
    QVERIFY(engine.telemetryPort() != 0);
    QTRY_VERIFY(!engine.busy());
    for (int minute = 0; minute < 60; ++minute) {
        clock.advanceBy(1min);
        QTRY_VERIFY(!engine.busy());
    }

    const Response metrics = caughtUpScrape(engine);
    QCOMPARE(metrics.status, 200);
    const RunStatistics stats = engine.statistics();
    QVERIFY(stats.cycles > 0);
    // Proposals journal inside decisions that journal: nested I/O is subtracted once, so no
    // cycle's own compute time comes out negative.
    QVERIFY(stats.proposals > 0);
    for (qint64 cycle = stats.cycleMs.firstHeld(); cycle < stats.cycleMs.recorded(); ++cycle)
        QVERIFY2(stats.cycleMs.at(cycle) >= 0, qPrintable(QString::number(stats.cycleMs.at(cycle))));
    QCOMPARE(seriesValue(metrics.body, "sentinel_engine_cycle_seconds_count"), double(stats.cycleMs.recorded()));
    QCOMPARE(seriesValue(metrics.body, "sentinel_engine_cycle_seconds_bucket{le=\"+Inf\"}"), double(stats.cycleMs.recorded()));
    // The numbers are the engine's own, published within a second.
    QCOMPARE(seriesValue(metrics.body, "sentinel_engine_cycles_total"), double(stats.cycles));
    QCOMPARE(seriesValue(metrics.body, "sentinel_api_calls_while_closed_total{provider=\"simulated\"}"), 0.0);
    QCOMPARE(seriesValue(metrics.body, "sentinel_portfolio_equity{currency=\"USD\"}"), 100000.0);
    QVERIFY2(metrics.body.contains("sentinel_instrument_lag_seconds{instrument=\"CRYPTO:BTC/USD:1min\"}"), metrics.body.constData());
    QVERIFY(metrics.body.contains("sentinel_build_info{version="));

    const Response health = get(engine.telemetryPort(), QStringLiteral("/healthz"));
    QCOMPARE(health.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QVERIFY(json.value(QStringLiteral("checks")).toObject().contains(QStringLiteral("market_data")));

    const quint16 port = engine.telemetryPort();
    engine.stop();
    QCOMPARE(engine.telemetryPort(), quint16(0));
    QCOMPARE(get(port, QStringLiteral("/healthz")).status, 0); // nothing listens any more
}

void TestEngineMetrics::aTakenPortIsAnAlertNotAStop()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost));
    ManualClock clock(utc("2026-11-24T15:02:30Z"));
    QTemporaryDir dir;
    Engine engine(demoListeningOn(QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort())), &clock, scratchOptions(dir, true));
    QSignalSpy alerts(&engine, &Engine::alertRaised);
    engine.start();
    QVERIFY(engine.isRunning());
    QCOMPARE(engine.telemetryPort(), quint16(0));
    const auto telemetry = std::find_if(alerts.cbegin(), alerts.cend(), [](const QList<QVariant>& args) {
        return args.first().value<AlertView>().kind == u"telemetry";
    });
    QVERIFY(telemetry != alerts.cend());
    const QString message = telemetry->first().value<AlertView>().message;
    QVERIFY2(message.contains(QStringLiteral("telemetry.listen")), qPrintable(message));
    engine.stop();
}

void TestEngineMetrics::offUnlessAsked()
{
    ManualClock clock(utc("2026-11-24T15:02:30Z"));
    QTemporaryDir dir;
    Engine engine(demoListeningOn(QStringLiteral("127.0.0.1:0")), &clock, scratchOptions(dir, false));
    engine.start();
    QVERIFY(engine.isRunning());
    QCOMPARE(engine.telemetryPort(), quint16(0));
    engine.stop();
}

QTEST_GUILESS_MAIN(TestEngineMetrics)
#include "tst_enginemetrics.moc"
