// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16's target: a Telegram button press to the fill, p99 under 50 ms of engine time
// excluding the network. An engine (ManualClock, simulated feed, paper account) polls a loopback
// Bot API stand-in running in a thread of its own; each press approves one of the pending
// proposals. Timed from the moment the stand-in hands the press over (the getUpdates answer is
// written) to the engine reporting the proposal executed: the answer's loopback transit is inside
// the figure, so it is an upper bound of the engine's own time. Prints one line:
//   telegram_press_bench presses=N p50_us= p99_us= max_us= target_p99_us=50000 within_target=yes|no
#include "LoopbackHttp.h"

#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "journal/Journal.h"
#include "notify/CallbackToken.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kTargetP99Us = 50'000;
const QString token = QStringLiteral("123456789:AAF-bench-telegram-press-token-00000001");
constexpr qint64 chatId = -1001234567890;
constexpr qint64 operatorId = 4242;

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

/// Just enough Bot API: getUpdates serves the queued updates at or above the offset (and stamps
/// when it handed each one over), everything else answers ok with a message.
class BotStandIn final : public QTcpServer
{
public:
    BotStandIn()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
        });
    }

    void push(const QJsonObject& update)
    {
        const QMutexLocker lock(&m_mutex);
        m_updates.append(update);
    }
    /// When the update with `updateId` was written to the engine's socket; 0 until then.
    qint64 handedOverAt(qint64 updateId)
    {
        const QMutexLocker lock(&m_mutex);
        return m_handedOver.value(updateId);
    }

private:
    void serve(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (const bench::LoopbackRequest& call : bench::takeRequests(buffer)) {
            const QByteArray& path = call.path;
            const QJsonObject request = QJsonDocument::fromJson(call.body).object();
            QJsonValue result = true;
            QList<qint64> served;
            if (path.endsWith("/getUpdates")) {
                const qint64 offset = request.value(u"offset").toInteger();
                QJsonArray updates;
                const QMutexLocker lock(&m_mutex);
                for (const QJsonObject& update : std::as_const(m_updates)) {
                    if (update.value(u"update_id").toInteger() >= offset) {
                        updates.append(update);
                        served.append(update.value(u"update_id").toInteger());
                    }
                }
                result = updates;
            } else if (path.endsWith("/sendMessage") || path.endsWith("/editMessageText")) {
                result = QJsonObject{{QStringLiteral("message_id"), 1}, {QStringLiteral("date"), 1764000000},
                                     {QStringLiteral("chat"), QJsonObject{{QStringLiteral("id"), chatId}, {QStringLiteral("type"), QStringLiteral("supergroup")}}}};
            }
            const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("result"), result}})
                                        .toJson(QJsonDocument::Compact);
            socket->write(bench::jsonAnswer(body));
            socket->flush();
            const qint64 now = steadyNs();
            const QMutexLocker lock(&m_mutex);
            for (const qint64 id : std::as_const(served)) {
                if (!m_handedOver.contains(id))
                    m_handedOver.insert(id, now);
            }
        }
    }

    QMutex m_mutex;
    QList<QJsonObject> m_updates;
    QHash<qint64, qint64> m_handedOver;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

QJsonObject press(qint64 updateId, qint64 messageId, const QString& data)
{
    const QJsonObject chat{{QStringLiteral("id"), chatId}, {QStringLiteral("type"), QStringLiteral("supergroup")}};
    return QJsonObject{
        {QStringLiteral("update_id"), updateId},
        {QStringLiteral("callback_query"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("q%1").arg(updateId)},
                     {QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), operatorId}, {QStringLiteral("is_bot"), false},
                                                          {QStringLiteral("first_name"), QStringLiteral("Alice")},
                                                          {QStringLiteral("username"), QStringLiteral("alice")}}},
                     {QStringLiteral("message"), QJsonObject{{QStringLiteral("message_id"), messageId}, {QStringLiteral("date"), 1764000000},
                                                             {QStringLiteral("chat"), chat}}},
                     {QStringLiteral("chat_instance"), QStringLiteral("1")},
                     {QStringLiteral("data"), data}}}};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption pressesOption(QStringLiteral("presses"), QStringLiteral("Presses to time."), QStringLiteral("N"),
                                           QStringLiteral("300"));
    parser.addOption(pressesOption);
    parser.process(app);
    const int presses = std::max(50, parser.value(pressesOption).toInt());
    spdlog::set_level(spdlog::level::warn);

    QThread botThread;
    botThread.start();
    BotStandIn bot;
    bot.moveToThread(&botThread);
    bool listening = false;
    QMetaObject::invokeMethod(&bot, [&bot, &listening] { listening = bot.listen(QHostAddress::LocalHost); }, Qt::BlockingQueuedConnection);
    if (!listening)
        qFatal("cannot listen on 127.0.0.1");
    const auto stopBot = qScopeGuard([&] {
        QMetaObject::invokeMethod(&bot, [&bot] { bot.close(); }, Qt::BlockingQueuedConnection);
        botThread.quit();
        botThread.wait();
    });

    // The proposals the presses approve, put to the operator by a run before this one.
    QTemporaryDir dir;
    const QString journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    const QDateTime start = QDateTime::fromString(QStringLiteral("2026-11-23T00:02:40Z"), Qt::ISODate);
    const Instrument btc{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5};
    QStringList proposalIds;
    {
        auto journal = Journal::open(journalPath);
        if (!journal)
            qFatal("cannot open the journal: %s", qPrintable(journal.error().toString()));
        for (int i = 0; i < presses; ++i) {
            TradeProposal proposal = TradeProposal::create(btc, Side::Buy, 0.0001, 90000, start, start.addDays(1));
            proposal.strategyReason = QStringLiteral("bench");
            proposal.verdict = RiskVerdictSummary{true, {QStringLiteral("all risk checks passed")}};
            proposal.freshness = QStringLiteral("fresh");
            if (!journal.value()->recordProposal(proposal).ok()
                || !journal.value()->recordTelegramMessage({proposal.id, chatId, 10'000 + i, start, false}).ok())
                qFatal("cannot prepare the journal");
            proposalIds << proposal.id;
        }
    }
    Config config = ConfigLoader().loadDemoProfile().config;
    config.watchlist = {btc};
    config.mode = TradingMode::Approval;
    config.risk.maxTradesPerDay = presses + 10;
    config.risk.maxPositionPct = 1.0;
    config.risk.maxAssetClassPct = 1.0;
    config.risk.maxVarPct = 1.0;
    config.telegram.enabled = true;
    config.telegram.botToken = Secret(token);
    config.telegram.chatId = QString::number(chatId);
    config.telegram.apiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(bot.serverPort()));
    config.telegram.operators = {operatorId};
    ManualClock clock(start);
    EngineOptions options;
    options.journalPath = journalPath;
    Engine engine(config, &clock, options);
    QHash<QString, qint64> finishedAt;
    QHash<QString, QString> refused;
    QObject::connect(&engine, &Engine::proposalChanged, &engine, [&](const ProposalView& proposal) {
        if (proposal.state == ProposalState::Executed)
            finishedAt.insert(proposal.id, steadyNs());
        else if (proposal.state == ProposalState::Refused)
            refused.insert(proposal.id, proposal.resolution);
    });
    engine.start();
    while (engine.snapshots().isEmpty() || engine.snapshots().first().barCount == 0 || engine.busy())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);

    const QByteArray key = CallbackTokenCodec::deriveKey(token);
    std::vector<qint64> micros;
    for (int i = 0; i < presses; ++i) {
        const QString& id = proposalIds.at(i);
        const qint64 updateId = 800'000 + i;
        bot.push(press(updateId, 10'000 + i, CallbackTokenCodec::encode(key, CallbackAction::Approve, id, chatId).value()));
        clock.advanceBy(1s); // the poller's pause after an empty answer
        while (!finishedAt.contains(id) && !refused.contains(id))
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (refused.contains(id))
            qFatal("press %d: refused: %s", i, qPrintable(refused.value(id)));
        micros.push_back((finishedAt.value(id) - bot.handedOverAt(updateId)) / 1000);
        while (engine.busy())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    std::vector<qint64> timed(micros.begin() + std::min<std::ptrdiff_t>(20, std::ptrdiff_t(micros.size()) / 5), micros.end());
    const qint64 p99 = bench::percentile(timed, 0.99);
    std::printf("telegram_press_bench presses=%zu p50_us=%lld p99_us=%lld max_us=%lld target_p99_us=%lld within_target=%s\n",
                timed.size(), static_cast<long long>(bench::percentile(timed, 0.5)), static_cast<long long>(p99),
                static_cast<long long>(*std::max_element(timed.begin(), timed.end())), static_cast<long long>(kTargetP99Us),
                p99 < kTargetP99Us ? "yes" : "no");
    return 0;
}
