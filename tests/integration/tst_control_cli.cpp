// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel control`, run as a process against a ControlServer in this test on the temporary
// configuration's journal (ADR 0133): the reply on stdout, who is asking, confirm only with
// --yes, and the exit codes 0 done, 1 no engine, 2 bad usage, 3 refused.
#include "CliRunner.h"

#include "common/SystemClock.h"
#include "control/ControlEndpoint.h"
#include "control/ControlServer.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace sentinel;
using namespace sentinel::test;

namespace {

QJsonObject statusFields()
{
    return QJsonObject{{QStringLiteral("state"), QStringLiteral("running")},
                       {QStringLiteral("paused"), false},
                       {QStringLiteral("mode"), QStringLiteral("approval")},
                       {QStringLiteral("pending"), 1},
                       {QStringLiteral("positions"),
                        QJsonArray{QJsonObject{{QStringLiteral("instrument"), QStringLiteral("FX:EUR/USD")},
                                               {QStringLiteral("quantity"), 10000}}}}};
}

} // namespace

class TestControlCli final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void statusPrintsTheEnginesReplyAndExitsZero();
    void pauseReachesTheEngineSayingWhoAsked();
    void noEngineIsExitOneWithWhatToStart();
    void aSocketLeftByACrashIsNoEngineToo();
    void aRefusalIsExitThree();
    void flattenWithoutYesClosesNothing();
    void killWithYesIsConfirmed();
    void anEngineFailureIsExitOne();
    void anIncompleteStatusIsExitOne();
    void theJournalOptionReachesARunStartedWithJournal();
    void aDefectiveJournalSettingIsExitTwo();
    void badUsageIsExitTwo_data();
    void badUsageIsExitTwo();

private:
    CliRun control(const QStringList& arguments);
    /// Serves the configuration's journal (or `journal`) with `reply` deciding each answer.
    void serve(std::function<ControlReply(const ControlRequest&)> reply, const QString& journal = {});

    QTemporaryDir m_runtime; ///< the test's $XDG_RUNTIME_DIR, 0700
    QTemporaryDir m_desk;
    QString m_config;
    QString m_journal;
    SystemClock m_clock;
    std::unique_ptr<ControlServer> m_server;
    QList<ControlRequest> m_requests;
};

void TestControlCli::initTestCase()
{
    QVERIFY(m_runtime.isValid());
    QVERIFY(m_desk.isValid());
    // This process and the command it starts find the socket in the same private folder.
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    m_journal = m_desk.filePath(QStringLiteral("journal.sqlite"));
    m_config = m_desk.filePath(QStringLiteral("config.yaml"));
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    QVERIFY(config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    config.write("watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\njournal: {path: \"" +
                 m_journal.toUtf8() + "\"}\n");
}

void TestControlCli::init()
{
    m_requests.clear();
}

void TestControlCli::cleanup()
{
    m_server.reset();
}

CliRun TestControlCli::control(const QStringList& arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
    environment.insert(QStringLiteral("USER"), QStringLiteral("alice"));
    environment.insert(QStringLiteral("SENTINEL_NO_KEYCHAIN"), QStringLiteral("1"));
    // runSentinel waits in an event loop, so the server in this process answers meanwhile.
    return runSentinel(QStringList{QStringLiteral("control")} + arguments, environment);
}

void TestControlCli::serve(std::function<ControlReply(const ControlRequest&)> reply, const QString& journal)
{
    m_server = std::make_unique<ControlServer>(
        m_clock,
        [this, reply = std::move(reply)](const ControlRequest& request, const ControlServer::Responder& respond) {
            m_requests.append(request);
            respond(reply(request));
        });
    const auto name = ControlEndpoint::serverName(journal.isEmpty() ? m_journal : journal);
    QVERIFY(name.ok());
    const Status listening = m_server->listen(name.value());
    QVERIFY2(listening.ok(), listening.ok() ? "" : qPrintable(listening.error().toString()));
}

void TestControlCli::statusPrintsTheEnginesReplyAndExitsZero()
{
    serve([](const ControlRequest&) { return ControlReply::done(statusFields()); });
    const CliRun run = control({QStringLiteral("status"), QStringLiteral("--config"), m_config});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonObject expected = statusFields();
    expected.insert(QStringLiteral("ok"), true);
    expected.insert(QStringLiteral("refused"), false);
    QCOMPARE(run.json(), expected);
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first(), (ControlRequest{ControlCommand::Status, QStringLiteral("cli (alice)"), false}));
}

void TestControlCli::pauseReachesTheEngineSayingWhoAsked()
{
    serve([](const ControlRequest& request) {
        return ControlReply::done({{QStringLiteral("paused"), true}, {QStringLiteral("paused_by"), request.who}});
    });
    const CliRun run = control({QStringLiteral("pause"), QStringLiteral("--config"), m_config});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.json().value(u"paused_by").toString(), QStringLiteral("cli (alice)"));
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first().command, ControlCommand::Pause);
}

void TestControlCli::noEngineIsExitOneWithWhatToStart()
{
    const CliRun run = control({QStringLiteral("status"), QStringLiteral("--config"), m_config});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("no Trade Sentinel is running on journal"), run.err.constData());
    QVERIFY2(run.err.contains("start the desktop app or `sentinel run --config"), run.err.constData());
}

void TestControlCli::aSocketLeftByACrashIsNoEngineToo()
{
#if defined(Q_OS_UNIX)
    const QByteArray path = QFile::encodeName(ControlEndpoint::serverName(m_journal).value());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    QVERIFY(std::size_t(path.size()) < sizeof(address.sun_path));
    std::copy(path.cbegin(), path.cend(), static_cast<char*>(address.sun_path));
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);
    ::close(fd);
    const CliRun run = control({QStringLiteral("pause"), QStringLiteral("--config"), m_config});
    QFile::remove(QFile::decodeName(path));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("no Trade Sentinel is running"), run.err.constData());
#else
    QSKIP("socket files are a Unix matter");
#endif
}

void TestControlCli::aRefusalIsExitThree()
{
    serve(
        [](const ControlRequest&) { return ControlReply::refusal(QStringLiteral("already paused by desktop (bob)")); });
    const CliRun run = control({QStringLiteral("pause"), QStringLiteral("--config"), m_config});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.json().value(u"refused"), QJsonValue(true));
    QCOMPARE(run.json().value(u"ok"), QJsonValue(false));
    QVERIFY2(run.err.contains("pause refused: already paused by desktop (bob)"), run.err.constData());
}

void TestControlCli::flattenWithoutYesClosesNothing()
{
    // The engine's side of the contract: without confirm it acts on nothing and says what it would close.
    serve([](const ControlRequest& request) {
        if (!request.confirm)
            return ControlReply::refusal(QStringLiteral("flatten needs confirmation; it would close 1 position"),
                                         {{QStringLiteral("would_close"), statusFields().value(u"positions")}});
        return ControlReply::done({{QStringLiteral("closing"), 1}});
    });
    const CliRun preview = control({QStringLiteral("flatten"), QStringLiteral("--config"), m_config});
    QCOMPARE(preview.exitCode, 3);
    QCOMPARE(preview.json().value(u"would_close").toArray().size(), 1);
    QVERIFY2(preview.err.contains("nothing was closed; run it again with --yes to flatten"), preview.err.constData());
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.at(0).confirm, false);

    const CliRun confirmed =
        control({QStringLiteral("flatten"), QStringLiteral("--yes"), QStringLiteral("--config"), m_config});
    QVERIFY2(confirmed.exitCode == 0, confirmed.err.constData());
    QCOMPARE(m_requests.size(), 2);
    QCOMPARE(m_requests.at(1).command, ControlCommand::Flatten);
    QCOMPARE(m_requests.at(1).confirm, true);
}

void TestControlCli::killWithYesIsConfirmed()
{
    serve([](const ControlRequest& request) {
        return request.confirm ? ControlReply::done()
                               : ControlReply::refusal(QStringLiteral("kill needs confirmation"));
    });
    const CliRun run = control({QStringLiteral("kill"), QStringLiteral("--config"), m_config, QStringLiteral("--yes")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first().command, ControlCommand::Kill);
    QVERIFY(m_requests.first().confirm);
}

void TestControlCli::anEngineFailureIsExitOne()
{
    serve([](const ControlRequest&) {
        return ControlReply::failure(Error(QStringLiteral("broker_unreachable"), QStringLiteral("OANDA did not answer"),
                                           QStringLiteral("retry; the positions are unchanged")));
    });
    const CliRun run =
        control({QStringLiteral("flatten"), QStringLiteral("--yes"), QStringLiteral("--config"), m_config});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.json().value(u"error_kind").toString(), QStringLiteral("broker_unreachable"));
    QVERIFY2(run.err.contains("flatten failed: OANDA did not answer"), run.err.constData());
}

void TestControlCli::anIncompleteStatusIsExitOne()
{
    serve([](const ControlRequest&) {
        QJsonObject fields = statusFields();
        fields.remove(QStringLiteral("positions"));
        return ControlReply::done(fields);
    });
    const CliRun run = control({QStringLiteral("status"), QStringLiteral("--config"), m_config});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("the status reply has no \"positions\""), run.err.constData());
}

void TestControlCli::theJournalOptionReachesARunStartedWithJournal()
{
    const QString other = m_desk.filePath(QStringLiteral("scratch/run.sqlite"));
    serve([](const ControlRequest&) { return ControlReply::done(statusFields()); }, other);
    const CliRun byConfig = control({QStringLiteral("status"), QStringLiteral("--config"), m_config});
    QCOMPARE(byConfig.exitCode, 1); // a different desk
    const CliRun byJournal = control({QStringLiteral("status"), QStringLiteral("--journal"), other});
    QVERIFY2(byJournal.exitCode == 0, byJournal.err.constData());
    QCOMPARE(m_requests.size(), 1);
}

void TestControlCli::aDefectiveJournalSettingIsExitTwo()
{
    const QString broken = m_desk.filePath(QStringLiteral("broken.yaml"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("journal: {path: [1, 2]}\n");
    file.close();
    const CliRun run = control({QStringLiteral("status"), QStringLiteral("--config"), broken});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("journal"), run.err.constData());
    const CliRun missing =
        control({QStringLiteral("status"), QStringLiteral("--config"), m_desk.filePath(QStringLiteral("none.yaml"))});
    QCOMPARE(missing.exitCode, 2);
}

void TestControlCli::badUsageIsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("saying");
    QTest::newRow("no command") << QStringList{} << QByteArray("say what to do");
    QTest::newRow("an unknown command") << QStringList{QStringLiteral("reboot")}
                                        << QByteArray("unknown control command 'reboot'");
    QTest::newRow("a command in capitals")
        << QStringList{QStringLiteral("PAUSE")} << QByteArray("unknown control command 'PAUSE'");
    QTest::newRow("two commands") << QStringList{QStringLiteral("pause"), QStringLiteral("kill")}
                                  << QByteArray("unexpected argument 'kill'");
    QTest::newRow("a timeout of nothing")
        << QStringList{QStringLiteral("status"), QStringLiteral("--timeout"), QStringLiteral("0")}
        << QByteArray("--timeout '0'");
    QTest::newRow("a timeout that is not a number")
        << QStringList{QStringLiteral("status"), QStringLiteral("--timeout"), QStringLiteral("soon")}
        << QByteArray("--timeout 'soon'");
}

void TestControlCli::badUsageIsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, saying);
    serve([](const ControlRequest&) { return ControlReply::done(statusFields()); });
    const CliRun run = control(arguments + QStringList{QStringLiteral("--config"), m_config});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(saying), run.err.constData());
    QVERIFY(m_requests.isEmpty());
}

QTEST_GUILESS_MAIN(TestControlCli)
#include "tst_control_cli.moc"
