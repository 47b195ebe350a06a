// SPDX-License-Identifier: GPL-3.0-or-later
// /healthz round trip while the engine works (issue 19): 200 instruments on the simulated feed,
// the engine in its own thread as the app runs it, its clock driven a minute ahead whenever it is
// idle so every instrument's bar closes and the engine keeps cycling; meanwhile this thread asks
// /healthz one request after the other and times each round trip on the wall clock.
// Target: p99 under 100 ms. A measurement, not a test: run it from a Release build
// (cmake --preset bench && cmake --build build/bench --target bench_healthz) and read the last line:
//   healthz_bench instruments=200 requests=1000 p50_ms=... p99_ms=... max_ms=... cycles=... target_p99_ms=100 within_target=yes
// Options: --instruments N, --requests N.
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "telemetry/Logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

/// A watchlist of `count` instruments: crypto every minute, FX and US stocks every five.
QList<Instrument> watchlist(int count)
{
    QList<Instrument> instruments;
    for (int i = 0; i < count; ++i) {
        switch (i % 3) {
        case 0: instruments.append(Instrument{QStringLiteral("C%1/USD").arg(i), QStringLiteral("CRYPTO"), Interval::Min1}); break;
        case 1: instruments.append(Instrument{QStringLiteral("F%1/USD").arg(i), QStringLiteral("FX"), Interval::Min5}); break;
        default: instruments.append(Instrument{QStringLiteral("S%1").arg(i), QStringLiteral("XNYS"), Interval::Min5}); break;
        }
    }
    return instruments;
}

/// Lives in the engine thread: owns the clock and the engine, and moves the clock a minute on
/// whenever the engine has settled, so cycles keep coming while /healthz is asked.
class EngineRig final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineRig)
public:
    EngineRig() = default;
    ~EngineRig() override = default;

    void start(const Config& config, const EngineOptions& options)
    {
        // A Tuesday at 15:02:30 UTC: New York, FX and crypto are all open.
        m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 11, 24), QTime(15, 2, 30), Qt::UTC));
        m_engine = std::make_unique<Engine>(config, m_clock.get(), options);
        m_engine->start();
        port = m_engine->telemetryPort();
        m_tick = new QTimer(this);
        connect(m_tick, &QTimer::timeout, this, &EngineRig::onTick);
        m_tick->start(5);
    }
    void stop()
    {
        m_tick->stop();
        cycles = m_engine->statistics().cycles;
        m_engine->stop();
        m_engine.reset();
    }

    std::atomic<quint16> port{0};
    std::atomic<qint64> cycles{0};

private:
    void onTick()
    {
        if (!m_engine->busy())
            m_clock->advanceBy(1min);
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    QTimer* m_tick = nullptr;
};

double percentile(const std::vector<double>& sorted, double p)
{
    // Nearest rank, as the run summary's cycle_ms.
    const auto rank = std::size_t(std::max(1.0, std::ceil(p * double(sorted.size()))));
    return sorted[std::min(rank, sorted.size()) - 1];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("instruments"), QStringLiteral("Watched instruments."), QStringLiteral("N"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("requests"), QStringLiteral("Timed /healthz requests."), QStringLiteral("N"), QStringLiteral("1000")});
    parser.process(app);
    const int instruments = std::max(1, parser.value(QStringLiteral("instruments")).toInt());
    const int requests = std::max(1, parser.value(QStringLiteral("requests")).toInt());

    QTemporaryDir dir;
    // As the app logs: info and up into a rotating file, not the terminal.
    LoggingOptions logging;
    logging.stderrEnabled = false;
    logging.logFile = dir.filePath(QStringLiteral("bench.log"));
    if (const auto problem = setupLogging(logging)) {
        std::fprintf(stderr, "bench_healthz: %s\n", qPrintable(*problem));
        return 1;
    }
    Config config = ConfigLoader().loadDemoProfile().config;
    config.watchlist = watchlist(instruments);
    config.telemetryListen = QStringLiteral("127.0.0.1:0");
    EngineOptions options;
    options.offline = true;
    options.serveTelemetry = true;
    options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));

    QThread engineThread;
    engineThread.setObjectName(QStringLiteral("engine"));
    auto* rig = new EngineRig;
    rig->moveToThread(&engineThread);
    QObject::connect(&engineThread, &QThread::finished, rig, &QObject::deleteLater);
    engineThread.start();
    QMetaObject::invokeMethod(rig, [&] { rig->start(config, options); }, Qt::BlockingQueuedConnection);
    const quint16 port = rig->port;
    if (port == 0) {
        std::fprintf(stderr, "bench_healthz: the engine serves no /healthz (see its log)\n");
        return 1;
    }

    QNetworkAccessManager network;
    const QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port)));
    std::vector<double> ms;
    ms.reserve(std::size_t(requests));
    int failures = 0;
    int sent = 0;
    const int warmup = 20;
    QElapsedTimer roundTrip;
    std::function<void()> ask = [&] {
        roundTrip.start();
        QNetworkReply* reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
            const double elapsed = double(roundTrip.nsecsElapsed()) / 1e6;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            if (status != 200 && status != 503)
                ++failures; // 503 is a degraded but answered check
            if (++sent > warmup)
                ms.push_back(elapsed);
            if (sent < warmup + requests)
                ask();
            else
                QCoreApplication::quit();
        });
    };
    ask();
    QCoreApplication::exec();

    QMetaObject::invokeMethod(rig, [&] { rig->stop(); }, Qt::BlockingQueuedConnection);
    const qint64 cycles = rig->cycles;
    engineThread.quit();
    engineThread.wait();
    flushLogs();

    std::sort(ms.begin(), ms.end());
    const double p50 = percentile(ms, 0.50);
    const double p99 = percentile(ms, 0.99);
    std::printf("healthz_bench instruments=%d requests=%zu p50_ms=%.3f p99_ms=%.3f max_ms=%.3f cycles=%lld failures=%d "
                "target_p99_ms=100 within_target=%s\n",
                instruments, ms.size(), p50, p99, ms.back(), static_cast<long long>(cycles), failures,
                p99 < 100.0 && failures == 0 ? "yes" : "no");
    return 0;
}

#include "bench_healthz.moc"
