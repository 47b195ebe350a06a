// SPDX-License-Identifier: GPL-3.0-or-later
// ControlServer with ControlClient (ADR 0133): a request reaches a scripted handler and its
// reply comes back, now or later, from this thread or another; a client that leaves, idles,
// floods or crowds the channel cannot hurt it; a stale socket is replaced and a live one is not
// taken; the socket is the user's alone and goes when the server does.
#include "common/ManualClock.h"
#include "control/ControlClient.h"
#include "control/ControlEndpoint.h"
#include "control/ControlServer.h"

#include <QFile>
#include <QJsonArray>
#include <QLocalSocket>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

/// Long enough never to decide a test on a loaded machine; the tests wait for events, not time.
constexpr int kWaitMs = 20'000;

QDateTime start()
{
    return QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);
}

ControlRequest request(ControlCommand command, bool confirm = false)
{
    return ControlRequest{command, QStringLiteral("cli (alice)"), confirm};
}

QJsonObject statusFields()
{
    return QJsonObject{{QStringLiteral("state"), QStringLiteral("running")},
                       {QStringLiteral("paused"), false},
                       {QStringLiteral("mode"), QStringLiteral("approval")},
                       {QStringLiteral("pending"), 0},
                       {QStringLiteral("positions"), QJsonArray{}}};
}

} // namespace

class TestControlServer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void aStatusGoesToTheHandlerAndItsReplyComesBack();
    void theHandlerMayReplyLater();
    void theHandlerMayReplyFromAnotherThread();
    void aSecondReplyIsIgnored();
    void aClientGoneBeforeTheReplyIsDroppedSafely();
    void aReplyAfterTheServerIsGoneIsDroppedSafely();
    void malformedRequestsAreAnsweredWithoutTheHandler_data();
    void malformedRequestsAreAnsweredWithoutTheHandler();
    void anIdleClientIsDroppedAfterFiveSeconds();
    void aTricklingClientIsDroppedAfterFiveSeconds();
    void theNinthConnectionIsToldBusy();
    void aReplyTooLargeToSendBecomesAnError();
    void withoutAHandlerTheServerSaysItIsStarting();
    void aStaleSocketFileIsReplaced_data();
    void aStaleSocketFileIsReplaced();
    void aLiveServerIsNotTakenOver();
    void theSocketIsForTheUserOnly();
    void closingRemovesTheSocketFile();
    void listeningTwiceIsRefused();
    void theClientTellsNoEngineFromOtherFailures();

private:
    /// ControlClient::send on a thread of its own (it blocks) while this thread serves.
    std::optional<Result<ControlReply>> ask(const QString& name, const ControlRequest& sent,
                                            std::chrono::milliseconds timeout = 10s);
    /// A raw client that sends `bytes` and collects what comes back until the server closes.
    struct RawClient {
        QLocalSocket socket;
        QByteArray received;
    };
    std::unique_ptr<RawClient> connectRaw();
    [[nodiscard]] std::unique_ptr<ControlServer> makeServer(ControlServer::Handler handler);

    std::unique_ptr<QTemporaryDir> m_runtime;
    std::unique_ptr<ManualClock> m_clock;
    QString m_name;
    QList<ControlRequest> m_handled;
    QList<ControlServer::Responder> m_held; ///< replies a test sends later
};

void TestControlServer::init()
{
    m_runtime = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runtime->isValid());
    m_clock = std::make_unique<ManualClock>(start());
    const auto name =
        ControlEndpoint::serverNameIn(m_runtime->path(), m_runtime->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(name.ok());
    m_name = name.value();
    m_handled.clear();
    m_held.clear();
}

void TestControlServer::cleanup()
{
    m_held.clear();
    m_clock.reset();
    m_runtime.reset();
}

std::optional<Result<ControlReply>> TestControlServer::ask(const QString& name, const ControlRequest& sent,
                                                           std::chrono::milliseconds timeout)
{
    auto future =
        std::async(std::launch::async, [name, sent, timeout] { return ControlClient::send(name, sent, timeout); });
    if (!QTest::qWaitFor([&] { return future.wait_for(0s) == std::future_status::ready; }, kWaitMs))
        return std::nullopt;
    return future.get();
}

std::unique_ptr<TestControlServer::RawClient> TestControlServer::connectRaw()
{
    auto client = std::make_unique<RawClient>();
    QObject::connect(&client->socket, &QLocalSocket::readyRead, &client->socket,
                     [raw = client.get()] { raw->received += raw->socket.readAll(); });
    client->socket.connectToServer(m_name);
    return client;
}

std::unique_ptr<ControlServer> TestControlServer::makeServer(ControlServer::Handler handler)
{
    return std::make_unique<ControlServer>(*m_clock, std::move(handler));
}

void TestControlServer::aStatusGoesToTheHandlerAndItsReplyComesBack()
{
    auto server = makeServer([this](const ControlRequest& received, const ControlServer::Responder& reply) {
        m_handled.append(received);
        reply(ControlReply::done(statusFields()));
    });
    QSignalSpy received(server.get(), &ControlServer::requestReceived);
    QVERIFY(server->listen(m_name).ok());
    QCOMPARE(server->fullServerName(), m_name);

    const auto answer = ask(m_name, request(ControlCommand::Status));
    QVERIFY(answer);
    QVERIFY2(answer->ok(), answer->ok() ? "" : qPrintable(answer->error().toString()));
    QVERIFY(answer->value().ok);
    QCOMPARE(answer->value().fields, statusFields());
    QVERIFY(checkStatusReply(answer->value()).ok());
    QCOMPARE(m_handled, QList<ControlRequest>{request(ControlCommand::Status)});
    QCOMPARE(received.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, kWaitMs);
}

void TestControlServer::theHandlerMayReplyLater()
{
    auto server = makeServer([this](const ControlRequest& received, ControlServer::Responder reply) {
        m_handled.append(received);
        m_held.append(std::move(reply));
    });
    QVERIFY(server->listen(m_name).ok());
    auto future = std::async(
        std::launch::async, [name = m_name] { return ControlClient::send(name, request(ControlCommand::Pause), 10s); });
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, kWaitMs);
    QVERIFY(future.wait_for(0s) != std::future_status::ready); // nothing answered yet
    m_held.first()(ControlReply::done({{QStringLiteral("paused"), true}}));
    QVERIFY(QTest::qWaitFor([&] { return future.wait_for(0s) == std::future_status::ready; }, kWaitMs));
    const Result<ControlReply> answer = future.get();
    QVERIFY(answer.ok());
    QCOMPARE(answer.value().fields.value(u"paused"), QJsonValue(true));
    QCOMPARE(m_handled.first().command, ControlCommand::Pause);
}

void TestControlServer::theHandlerMayReplyFromAnotherThread()
{
    std::thread worker;
    auto server = makeServer([&worker](const ControlRequest&, ControlServer::Responder reply) {
        worker =
            std::thread([reply = std::move(reply)] { reply(ControlReply::refusal(QStringLiteral("already paused"))); });
    });
    QVERIFY(server->listen(m_name).ok());
    const auto answer = ask(m_name, request(ControlCommand::Pause));
    if (worker.joinable())
        worker.join();
    QVERIFY(answer);
    QVERIFY(answer->ok());
    QVERIFY(answer->value().refused);
    QCOMPARE(answer->value().error, QStringLiteral("already paused"));
}

void TestControlServer::aSecondReplyIsIgnored()
{
    auto server = makeServer([](const ControlRequest&, const ControlServer::Responder& reply) {
        reply(ControlReply::done({{QStringLiteral("first"), true}}));
        reply(ControlReply::refusal(QStringLiteral("second")));
    });
    QVERIFY(server->listen(m_name).ok());
    const auto answer = ask(m_name, request(ControlCommand::Resume));
    QVERIFY(answer && answer->ok());
    QVERIFY(answer->value().ok);
    QCOMPARE(answer->value().fields.value(u"first"), QJsonValue(true));
}

void TestControlServer::aClientGoneBeforeTheReplyIsDroppedSafely()
{
    auto server = makeServer([this](const ControlRequest& received, ControlServer::Responder reply) {
        m_handled.append(received);
        m_held.append(std::move(reply));
    });
    QVERIFY(server->listen(m_name).ok());
    auto client = connectRaw();
    QVERIFY(client->socket.waitForConnected(kWaitMs));
    client->socket.write(request(ControlCommand::Flatten, true).toLine());
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, kWaitMs);
    QCOMPARE(server->connectionCount(), 1);
    client->socket.abort();
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, kWaitMs);
    m_held.first()(ControlReply::done()); // nobody to tell: dropped
    m_held.first()(ControlReply::done());
    // The server goes on serving.
    m_held.clear();
    const auto answer = std::async(std::launch::async, [name = m_name] {
        return ControlClient::send(name, request(ControlCommand::Status), 10s);
    });
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, kWaitMs);
    m_held.first()(ControlReply::done(statusFields()));
    QVERIFY(QTest::qWaitFor([&] { return answer.wait_for(0s) == std::future_status::ready; }, kWaitMs));
}

void TestControlServer::aReplyAfterTheServerIsGoneIsDroppedSafely()
{
    auto server =
        makeServer([this](const ControlRequest&, ControlServer::Responder reply) { m_held.append(std::move(reply)); });
    QVERIFY(server->listen(m_name).ok());
    auto client = connectRaw();
    QVERIFY(client->socket.waitForConnected(kWaitMs));
    client->socket.write(request(ControlCommand::Kill, true).toLine());
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, kWaitMs);
    server.reset();
    m_held.first()(ControlReply::done());
    std::thread([reply = m_held.first()] { reply(ControlReply::done()); }).join();
    QTRY_COMPARE_WITH_TIMEOUT(client->socket.state(), QLocalSocket::UnconnectedState, kWaitMs);
    QVERIFY(client->received.isEmpty());
}

void TestControlServer::malformedRequestsAreAnsweredWithoutTheHandler_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    QTest::newRow("not JSON") << QByteArray("status\n") << "control_not_json";
    QTest::newRow("an unknown command") << QByteArray(R"j({"v":1,"command":"reboot","who":"cli (alice)"})j"
                                                      "\n")
                                        << "control_unknown_command";
    QTest::newRow("a later protocol version") << QByteArray(R"j({"v":2,"command":"status","who":"cli (alice)"})j"
                                                            "\n")
                                              << "control_wrong_version";
    QTest::newRow("not an object") << QByteArray("[]\n") << "control_not_object";
    QTest::newRow("over 4 KiB without a newline") << QByteArray(qsizetype(64) * 1024, 'x') << "control_too_long";
    QTest::newRow("over 4 KiB with a newline at the end") << QByteArray(5000, ' ') + "{}\n"
                                                          << "control_too_long";
    QTest::newRow("two requests in one go") << QByteArray(R"j({"v":1,"command":"status","who":"a"})j"
                                                          "\n"
                                                          R"j({"v":1,"command":"kill","who":"a","confirm":true})j"
                                                          "\n")
                                            << "control_trailing_data";
}

void TestControlServer::malformedRequestsAreAnsweredWithoutTheHandler()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    auto server = makeServer([this](const ControlRequest& received, const ControlServer::Responder& reply) {
        m_handled.append(received);
        reply(ControlReply::done());
    });
    QVERIFY(server->listen(m_name).ok());
    auto client = connectRaw();
    QVERIFY(client->socket.waitForConnected(kWaitMs));
    client->socket.write(bytes);
    QTRY_COMPARE_WITH_TIMEOUT(client->socket.state(), QLocalSocket::UnconnectedState, kWaitMs);
    client->received += client->socket.readAll();
    const auto reply = ControlReply::fromLine(client->received);
    QVERIFY2(reply.ok(), client->received.constData());
    QVERIFY(!reply->ok);
    QVERIFY(!reply->refused);
    QCOMPARE(reply->fields.value(u"error_kind").toString(), kind);
    QVERIFY(!reply->error.isEmpty());
    QVERIFY(m_handled.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, kWaitMs);
}

void TestControlServer::anIdleClientIsDroppedAfterFiveSeconds()
{
    auto server = makeServer(
        [this](const ControlRequest& received, const ControlServer::Responder&) { m_handled.append(received); });
    QVERIFY(server->listen(m_name).ok());
    auto client = connectRaw();
    QVERIFY(client->socket.waitForConnected(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 1, kWaitMs);
    m_clock->advanceBy(4999ms);
    QCOMPARE(server->connectionCount(), 1);
    m_clock->advanceBy(1ms);
    QTRY_COMPARE_WITH_TIMEOUT(client->socket.state(), QLocalSocket::UnconnectedState, kWaitMs);
    client->received += client->socket.readAll();
    const auto reply = ControlReply::fromLine(client->received);
    QVERIFY2(reply.ok(), client->received.constData());
    QCOMPARE(reply->fields.value(u"error_kind").toString(), QStringLiteral("control_request_timeout"));
    QVERIFY2(reply->error.contains(u"no request arrived within 5 s"), qPrintable(reply->error));
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, kWaitMs);
    QVERIFY(m_handled.isEmpty());
}

void TestControlServer::aTricklingClientIsDroppedAfterFiveSeconds()
{
    auto server = makeServer(
        [this](const ControlRequest& received, const ControlServer::Responder&) { m_handled.append(received); });
    QVERIFY(server->listen(m_name).ok());
    auto client = connectRaw();
    QVERIFY(client->socket.waitForConnected(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 1, kWaitMs);
    QSignalSpy closed(server.get(), &ControlServer::connectionClosed);
    const QByteArray line = request(ControlCommand::Status).toLine();
    for (int i = 0; i < 4; ++i) { // a byte a second keeps it busy, never done
        client->socket.write(line.mid(i, 1));
        QVERIFY(client->socket.waitForBytesWritten(kWaitMs));
        m_clock->advanceBy(1s);
    }
    QCOMPARE(server->connectionCount(), 1);
    m_clock->advanceBy(1s);
    QTRY_COMPARE_WITH_TIMEOUT(client->socket.state(), QLocalSocket::UnconnectedState, kWaitMs);
    client->received += client->socket.readAll();
    const auto reply = ControlReply::fromLine(client->received);
    QVERIFY2(reply.ok(), client->received.constData());
    QCOMPARE(reply->fields.value(u"error_kind").toString(), QStringLiteral("control_request_timeout"));
    QVERIFY2(reply->error.contains(u"within 5 s of connecting"), qPrintable(reply->error));
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, kWaitMs);
    QVERIFY(m_handled.isEmpty());
}

void TestControlServer::theNinthConnectionIsToldBusy()
{
    auto server = makeServer([](const ControlRequest&, const ControlServer::Responder& reply) {
        reply(ControlReply::done(statusFields()));
    });
    QVERIFY(server->listen(m_name).ok());
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 8; ++i) {
        idle.push_back(connectRaw());
        QVERIFY(idle.back()->socket.waitForConnected(kWaitMs));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 8, kWaitMs);
    auto ninth = connectRaw();
    QVERIFY(ninth->socket.waitForConnected(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(ninth->socket.state(), QLocalSocket::UnconnectedState, kWaitMs);
    ninth->received += ninth->socket.readAll();
    const auto busy = ControlReply::fromLine(ninth->received);
    QVERIFY2(busy.ok(), ninth->received.constData());
    QCOMPARE(busy->fields.value(u"error_kind").toString(), QStringLiteral("control_busy"));
    QCOMPARE(server->connectionCount(), 8);
    // One of the eight asks and is answered; its place is free again.
    idle.front()->socket.write(request(ControlCommand::Status).toLine());
    QTRY_COMPARE_WITH_TIMEOUT(idle.front()->socket.state(), QLocalSocket::UnconnectedState, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 7, kWaitMs);
    idle.front()->received += idle.front()->socket.readAll();
    const auto answered = ControlReply::fromLine(idle.front()->received);
    QVERIFY2(answered.ok() && answered->ok, idle.front()->received.constData());
    const auto answer = ask(m_name, request(ControlCommand::Status));
    QVERIFY(answer && answer->ok() && answer->value().ok);
}

void TestControlServer::aReplyTooLargeToSendBecomesAnError()
{
    auto server = makeServer([](const ControlRequest&, const ControlServer::Responder& reply) {
        reply(ControlReply::done({{QStringLiteral("blob"), QString(ControlReply::maxBytes, u'x')}}));
    });
    QVERIFY(server->listen(m_name).ok());
    const auto answer = ask(m_name, request(ControlCommand::Status));
    QVERIFY(answer && answer->ok());
    QVERIFY(!answer->value().ok);
    QCOMPARE(answer->value().fields.value(u"error_kind").toString(), QStringLiteral("control_too_long"));
}

void TestControlServer::withoutAHandlerTheServerSaysItIsStarting()
{
    auto server = makeServer({});
    QVERIFY(server->listen(m_name).ok());
    const auto answer = ask(m_name, request(ControlCommand::Status));
    QVERIFY(answer && answer->ok());
    QVERIFY(!answer->value().ok);
    QCOMPARE(answer->value().fields.value(u"error_kind").toString(), QStringLiteral("control_no_handler"));
}

void TestControlServer::aStaleSocketFileIsReplaced_data()
{
    QTest::addColumn<bool>("socketFile");
    QTest::newRow("the socket of an engine that crashed") << true;
    QTest::newRow("a plain file where the socket goes") << false;
}

void TestControlServer::aStaleSocketFileIsReplaced()
{
#if defined(Q_OS_UNIX)
    QFETCH(bool, socketFile);
    if (socketFile) {
        // Bound and never unlinked, as a killed process leaves it: nobody listens behind it.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(m_name);
        QVERIFY(std::size_t(path.size()) < sizeof(address.sun_path));
        std::copy(path.cbegin(), path.cend(), static_cast<char*>(address.sun_path));
        QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);
        ::close(fd);
    } else {
        QFile file(m_name);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(QFileInfo::exists(m_name));
    QCOMPARE(ControlClient::send(m_name, request(ControlCommand::Status), 10s).error().kind,
             QStringLiteral("control_no_engine"));
    if (socketFile) {
        // And its lock, in QLockFile's own format, naming a process that has ended.
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForStarted(kWaitMs));
        const qint64 pid = gone.processId();
        QVERIFY(gone.waitForFinished(kWaitMs));
        const QString lockPath = m_name + QStringLiteral(".lock");
        QByteArray content;
        {
            QLockFile lock(lockPath);
            QVERIFY(lock.tryLock(0));
            QFile held(lockPath);
            QVERIFY(held.open(QIODevice::ReadOnly));
            content = held.readAll();
        }
        QVERIFY(content.startsWith(QByteArray(QByteArray::number(QCoreApplication::applicationPid()) + '\n')));
        content.replace(0, content.indexOf('\n'), QByteArray::number(pid));
        QFile left(lockPath);
        QVERIFY(left.open(QIODevice::WriteOnly));
        left.write(content);
    }

    auto server = makeServer([](const ControlRequest&, const ControlServer::Responder& reply) {
        reply(ControlReply::done(statusFields()));
    });
    const Status listening = server->listen(m_name);
    QVERIFY2(listening.ok(), listening.ok() ? "" : qPrintable(listening.error().toString()));
    const auto answer = ask(m_name, request(ControlCommand::Status));
    QVERIFY(answer && answer->ok() && answer->value().ok);
#else
    QSKIP("socket files are a Unix matter");
#endif
}

void TestControlServer::aLiveServerIsNotTakenOver()
{
    auto first = makeServer([](const ControlRequest&, const ControlServer::Responder& reply) {
        reply(ControlReply::done({{QStringLiteral("server"), QStringLiteral("first")}}));
    });
    QVERIFY(first->listen(m_name).ok());
    // Twice: stopped by the lock, and (its file removed, as a program that takes no lock would
    // find it) by asking the socket, which Qt would otherwise replace.
    for (const bool withoutLock : {false, true}) {
#if defined(Q_OS_UNIX)
        if (withoutLock)
            QVERIFY(QFile::remove(m_name + QStringLiteral(".lock")));
#endif
        ControlServer second(*m_clock, [](const ControlRequest&, const ControlServer::Responder& reply) {
            reply(ControlReply::done());
        });
        const Status refused = second.listen(m_name);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, QStringLiteral("control_in_use"));
        QVERIFY2(refused.error().message.contains(u"another Trade Sentinel is serving this journal"),
                 qPrintable(refused.error().message));
        QVERIFY(!second.isListening());
    } // the refused one goes, and must not take the first one's socket with it
    QVERIFY(QFileInfo::exists(m_name));
    const auto answer = ask(m_name, request(ControlCommand::Status));
    QVERIFY(answer && answer->ok());
    QCOMPARE(answer->value().fields.value(u"server").toString(), QStringLiteral("first"));
    QTRY_COMPARE_WITH_TIMEOUT(first->connectionCount(), 0, kWaitMs); // the probe's connection too
}

void TestControlServer::theSocketIsForTheUserOnly()
{
#if defined(Q_OS_UNIX)
    auto server = makeServer({});
    QVERIFY(server->listen(m_name).ok());
    struct stat status {
    };
    QCOMPARE(::lstat(QFile::encodeName(m_name).constData(), &status), 0);
    QVERIFY(S_ISSOCK(status.st_mode));
    QCOMPARE(status.st_uid, ::geteuid());
    QCOMPARE(int(status.st_mode & 077), 0); // nothing for group or others
    QVERIFY((status.st_mode & S_IRWXU) == S_IRWXU);
    QCOMPARE(::lstat(QFile::encodeName(m_runtime->path()).constData(), &status), 0);
    QCOMPARE(int(status.st_mode & 077), 0); // and the folder is closed too
#else
    QSKIP("file modes are a Unix matter; Windows pipes get the user's access list");
#endif
}

void TestControlServer::closingRemovesTheSocketFile()
{
    auto server = makeServer({});
    QVERIFY(server->listen(m_name).ok());
#if defined(Q_OS_UNIX)
    QVERIFY(QFileInfo::exists(m_name));
#endif
    server->close();
    QVERIFY(!server->isListening());
    QVERIFY(!QFileInfo::exists(m_name));
    QVERIFY(!QFileInfo::exists(m_name + QStringLiteral(".lock")));
    server->close();
    QVERIFY(server->listen(m_name).ok());
    server.reset();
    QVERIFY(!QFileInfo::exists(m_name));
    QVERIFY(!QFileInfo::exists(m_name + QStringLiteral(".lock")));
    QCOMPARE(ControlClient::send(m_name, request(ControlCommand::Status), 10s).error().kind,
             QStringLiteral("control_no_engine"));
}

void TestControlServer::listeningTwiceIsRefused()
{
    auto server = makeServer({});
    QVERIFY(server->listen(m_name).ok());
    const Status again = server->listen(m_name);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, QStringLiteral("control_listen_failed"));
    QVERIFY(server->isListening());
}

void TestControlServer::theClientTellsNoEngineFromOtherFailures()
{
    // Nothing there at all.
    const auto none = ControlClient::send(m_name, request(ControlCommand::Status), 10s);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().kind, QStringLiteral("control_no_engine"));
    QVERIFY(none.error().remedy.contains(u"sentinel run"));
    // Someone there who takes the request and never answers.
    auto server =
        makeServer([this](const ControlRequest&, ControlServer::Responder reply) { m_held.append(std::move(reply)); });
    QVERIFY(server->listen(m_name).ok());
    const auto silent = ask(m_name, request(ControlCommand::Status), 200ms);
    QVERIFY(silent && !silent->ok());
    QCOMPARE(silent->error().kind, QStringLiteral("control_timeout"));
    // Someone who hangs up before answering (the engine stopping).
    auto future = std::async(std::launch::async, [name = m_name] {
        return ControlClient::send(name, request(ControlCommand::Status), 10s);
    });
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 2, kWaitMs);
    server->close();
    QVERIFY(QTest::qWaitFor([&] { return future.wait_for(0s) == std::future_status::ready; }, kWaitMs));
    const Result<ControlReply> hungUp = future.get();
    QVERIFY(!hungUp.ok());
    QCOMPARE(hungUp.error().kind, QStringLiteral("control_no_reply"));
}

QTEST_GUILESS_MAIN(TestControlServer)
#include "tst_controlserver.moc"
