// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15's speed target: the advisor's overhead per decision, excluding model time, p99 under
// 2 ms. Not Google Benchmark: the real llm_advisor strategy (pool, ensemble, prompt, parsing and
// schema validation, the vote, the signal) asks two Ollama stand-ins on 127.0.0.1 that answer at
// once with a recorded-format /api/chat body, from a thread of their own (a model server is
// another process). Each decision is timed from evaluateLater() to its answer (whole_*); its
// overhead is that time less its model time, the longest of its requests from sending to having
// the whole answer as the pool measured it (the requests run side by side). within_target holds
// the overhead's p99 to the target. The process's CPU time per decision is printed for reading:
// it sums every thread (the client, Qt's network thread, the stand-ins), so it exceeds the wall time.
// Prints one parseable line:
//   advisor_overhead_bench decisions=... p50_us=... p99_us=... max_us=... whole_p50_us=... whole_p99_us=...
//   model_p50_us=... cpu_p50_us=... cpu_p99_us=... target_p99_us=2000 within_target=yes
// Options: --decisions N (default 2000).
#include "LoopbackHttp.h"

#include "advisor/ProviderPool.h"
#include "common/ManualClock.h"
#include "strategy/AdvisorEnsemble.h"
#include "strategy/LlmAdvisorStrategy.h"
#include "strategy/SmaCrossStrategy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QScopeGuard>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kTargetP99Us = 2000;

QByteArray recorded(const char* folder)
{
    QFile file(QStringLiteral(SENTINEL_SOURCE_DIR "/tests/data/ollama/golden/%1/input.json").arg(QLatin1String(folder)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing recorded body %s", folder);
    return file.readAll();
}

/// The recorded valid chat answer with `advice` as its content.
QByteArray chatAnswer(const QByteArray& advice)
{
    QJsonObject answer = QJsonDocument::fromJson(recorded("ollama_chat_answer_that_is_valid_advice")).object();
    QJsonObject message = answer.value(u"message").toObject();
    message.insert(QStringLiteral("content"), QString::fromUtf8(advice));
    answer.insert(QStringLiteral("message"), message);
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

/// A keep-alive HTTP/1.1 responder for /api/version, /api/tags and /api/chat: just enough
/// server for the client to be measured, answering each request the moment it is whole.
class OllamaStandIn final : public QTcpServer
{
public:
    explicit OllamaStandIn(const QByteArray& advice)
        : m_bodies{{"/api/version", recorded("recorded_version")},
                   {"/api/tags", recorded("recorded_tags")},
                   {"/api/chat", chatAnswer(advice)}}
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
        });
    }

private:
    void serve(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (const bench::LoopbackRequest& request : bench::takeRequests(buffer))
            socket->write(bench::jsonAnswer(m_bodies.value(request.path, QByteArrayLiteral("{}"))));
    }

    QHash<QByteArray, QByteArray> m_bodies;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

qint64 processCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption decisionsOption(QStringLiteral("decisions"), QStringLiteral("Decisions to time."),
                                             QStringLiteral("N"), QStringLiteral("2000"));
    parser.addOption(decisionsOption);
    parser.process(app);
    const int decisions = std::max(100, parser.value(decisionsOption).toInt());
    spdlog::set_level(spdlog::level::warn);

    // The stand-ins run in a thread of their own, as a model server runs in a process of its own:
    // their answering is the "model", not the advisor's overhead, and must not queue behind it.
    QThread modelThread;
    modelThread.start();
    OllamaStandIn buying(R"({"action":"buy","confidence":0.7,"horizon":"1h","stop":null,"reason":"Up on volume."})");
    OllamaStandIn agreeing(R"({"action":"buy","confidence":0.6,"horizon":"1h","stop":null,"reason":"Momentum."})");
    for (OllamaStandIn* standIn : {&buying, &agreeing}) {
        standIn->moveToThread(&modelThread);
        bool listening = false;
        QMetaObject::invokeMethod(
            standIn, [standIn, &listening] { listening = standIn->listen(QHostAddress::LocalHost); }, Qt::BlockingQueuedConnection);
        if (!listening)
            qFatal("cannot listen on 127.0.0.1");
    }
    const auto stopModels = qScopeGuard([&] {
        for (OllamaStandIn* standIn : {&buying, &agreeing})
            QMetaObject::invokeMethod(standIn, [standIn] { standIn->close(); }, Qt::BlockingQueuedConnection);
        modelThread.quit();
        modelThread.wait();
    });
    ManualClock clock(QDateTime::fromString(QStringLiteral("2026-03-02T14:00:00Z"), Qt::ISODate));
    advisor::ProviderPool pool(clock, advisor::PoolSettings{});
    QList<EnsembleMember> members;
    for (const QTcpServer* server : {static_cast<QTcpServer*>(&buying), static_cast<QTcpServer*>(&agreeing)}) {
        advisor::ProviderSettings settings;
        settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server->serverPort()));
        settings.model = QStringLiteral("llama3.2");
        members << EnsembleMember{pool.addProvider(settings).value(), 1};
    }
    AdvisorEnsemble ensemble(pool, clock, members, 2, 30s);
    LlmAdvisorStrategy strategy(ensemble, {}, std::make_unique<SmaCrossStrategy>(), LlmAdvisorSettings{});
    pool.start();
    while (pool.availableProviders().size() < 2)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);

    Bars bars;
    const QDateTime start = QDateTime::fromString(QStringLiteral("2026-03-02T09:00:00Z"), Qt::ISODate);
    for (int i = 0; i < 60; ++i) {
        const double close = 190.0 + 0.1 * (i % 7);
        bars.append(Bar{start.addSecs(300 * i), close, close + 0.2, close - 0.2, close, 1000});
    }
    const Instrument instrument{QStringLiteral("AAPL"), QStringLiteral("XNAS"), Interval::Min5};
    std::vector<qint64> micros;      // overhead: the whole decision less its model time
    std::vector<qint64> wholeMicros; // the whole decision
    std::vector<qint64> modelMicros;
    std::vector<qint64> cpuMicros;
    for (std::vector<qint64>* series : {&micros, &wholeMicros, &modelMicros, &cpuMicros})
        series->reserve(std::size_t(decisions));
    // The model time of the decision just made: the longest of its requests' round trips, each the
    // latest latency the pool recorded for its server (one request per server per decision).
    const auto modelTimeUs = [&pool, &members] {
        qint64 longest = 0;
        for (const EnsembleMember& member : members) {
            const advisor::ProviderCounters& counters = pool.counters(member.poolIndex);
            if (counters.latenciesRecorded() == 0)
                qFatal("the pool recorded no latency for %s", qPrintable(pool.name(member.poolIndex)));
            longest = std::max(longest, qint64(counters.latencySeconds(counters.latenciesRecorded() - 1) * 1e6 + 0.5));
        }
        return longest;
    };
    int signalled = 0;
    for (int i = 0; i < decisions + 100; ++i) {
        bool answered = false;
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = processCpuNs();
        strategy.evaluateLater(instrument, bars, {}, [&](const std::optional<Signal>& signal) {
            answered = true;
            signalled += signal && signal->advice && !signal->advice->fallbackDecided ? 1 : 0;
        });
        while (!answered)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (i >= 100) { // the first ones warm the connections and caches
            const qint64 whole = timer.nsecsElapsed() / 1000;
            const qint64 model = modelTimeUs();
            wholeMicros.push_back(whole);
            modelMicros.push_back(model);
            micros.push_back(std::max<qint64>(0, whole - model));
            cpuMicros.push_back((processCpuNs() - cpuStart) / 1000);
        }
    }
    if (signalled != decisions + 100)
        qFatal("only %d of %d decisions were the models' (the stand-ins should always answer buy)", signalled, decisions + 100);
    const qint64 p99 = bench::percentile(micros, 0.99);
    const qint64 cpuP99 = bench::percentile(cpuMicros, 0.99);
    std::printf("advisor_overhead_bench decisions=%d p50_us=%lld p99_us=%lld max_us=%lld whole_p50_us=%lld whole_p99_us=%lld "
                "model_p50_us=%lld cpu_p50_us=%lld cpu_p99_us=%lld target_p99_us=%lld within_target=%s\n",
                decisions, static_cast<long long>(bench::percentile(micros, 0.5)), static_cast<long long>(p99),
                static_cast<long long>(*std::max_element(micros.begin(), micros.end())),
                static_cast<long long>(bench::percentile(wholeMicros, 0.5)),
                static_cast<long long>(bench::percentile(wholeMicros, 0.99)),
                static_cast<long long>(bench::percentile(modelMicros, 0.5)),
                static_cast<long long>(bench::percentile(cpuMicros, 0.5)), static_cast<long long>(cpuP99),
                static_cast<long long>(kTargetP99Us), p99 < kTargetP99Us ? "yes" : "no");
    return 0;
}
