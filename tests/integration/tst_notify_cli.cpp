// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeHttpServer.h"
#include "NotifyTestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel::test;

/// `sentinel notify test` run as a process against a fake Bot API and webhook receiver.
class TestNotifyCli final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void reportsEachChannelsOutcome_data();
    void reportsEachChannelsOutcome();
    void badInputExitsTwoNamingTheKey_data();
    void badInputExitsTwoNamingTheKey();
    void aProblemOutsideTheChannelsDoesNotStopTheTest();
    void aMissingConfigurationFileIsBadInput();
    void anEchoedTokenReachesNeitherTheReportNorTheOutbox_data();
    void anEchoedTokenReachesNeitherTheReportNorTheOutbox();
    void aTricklingServerEndsTheTestInTime();
    void aTimeoutOutsideItsRangeIsBadInput_data();
    void aTimeoutOutsideItsRangeIsBadInput();

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    /// Runs `sentinel notify test --config FILE` on a temporary file holding `channels` after a
    /// minimal watchlist; `@BASE@` in it stands for the fake server's base URL.
    Run run(const QByteArray& channels, const QStringList& extraArguments = {});

    std::unique_ptr<FakeHttpServer> m_server;
    QList<CannedResponse> m_telegramScript;
};

namespace {
const QString token = QStringLiteral("112233445:AAH-cli_test_token_abcdefghijklmnopq");
const QByteArray sendPath = "/bot" + token.toUtf8() + "/sendMessage";

} // namespace

void TestNotifyCli::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_telegramScript.clear();
    m_server->route(sendPath, [this](const RecordedRequest&) {
        return m_telegramScript.isEmpty() ? telegramFixture(QStringLiteral("ok_sendmessage.json")) : m_telegramScript.takeFirst();
    });
    m_server->route("/hook", CannedResponse::json("{}", 200));
    m_server->route("/broken-hook", CannedResponse::json("{}", 500));
}

TestNotifyCli::Run TestNotifyCli::run(const QByteArray& channels, const QStringList& extraArguments)
{
    Run result;
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("config.yaml"));
    QFile config(configPath);
    [&] {
        QVERIFY(dir.isValid());
        QVERIFY(config.open(QIODevice::WriteOnly));
        // Only owner-readable, as a real file with secrets should be.
        QVERIFY(config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }();
    QByteArray text = "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n" + channels;
    text.replace("@BASE@", m_server->baseUrl().toString().toUtf8());
    config.write(text);
    config.close();

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CLI_TEST_TOKEN"), token);
    environment.insert(QStringLiteral("CLI_TEST_SECRET"), QStringLiteral("cli-webhook-secret-123"));
    environment.insert(QStringLiteral("CLI_TEST_EMPTY"), QString());
    environment.insert(QStringLiteral("CLI_TEST_SHORT"), QStringLiteral("sh0rt42"));
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(SENTINEL_CLI_PATH),
                  QStringList{QStringLiteral("notify"), QStringLiteral("test"), QStringLiteral("--config"), configPath}
                      + extraArguments);
    [&] {
        QVERIFY(process.waitForStarted());
        QVERIFY(finished.wait(90000));
    }();
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestNotifyCli::reportsEachChannelsOutcome_data()
{
    QTest::addColumn<QStringList>("telegramAnswers");
    QTest::addColumn<bool>("withWebhook");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("telegramOutcome");
    QTest::addColumn<int>("telegramRequests");
    QTest::addColumn<QString>("expectedKey"); ///< a field of the telegram report that must be present

    QTest::addRow("both channels deliver") << QStringList{} << true << 0 << QStringLiteral("delivered") << 1 << QStringLiteral("latency_ms");
    QTest::addRow("a revoked token fails and names telegram.bot_token")
        << QStringList{QStringLiteral("error_401_unauthorized.json")} << true << 1 << QStringLiteral("failed") << 1 << QStringLiteral("config_key");
    QTest::addRow("a blocked bot fails and names telegram.chat_id")
        << QStringList{QStringLiteral("error_403_bot_blocked.json")} << false << 1 << QStringLiteral("failed") << 1 << QStringLiteral("config_key");
    QTest::addRow("a short retry_after is waited out")
        << QStringList{QStringLiteral("retry_after_1")} << false << 0 << QStringLiteral("delivered") << 2 << QStringLiteral("attempts");
    QTest::addRow("a retry_after over 30 s is reported, not waited out")
        << QStringList{QStringLiteral("error_429_retry_after.json")} << false << 1 << QStringLiteral("failed") << 1 << QStringLiteral("error");
    QTest::addRow("a migrated chat is followed and reported")
        << QStringList{QStringLiteral("error_400_migrate_to_supergroup.json")} << false << 0 << QStringLiteral("delivered") << 2
        << QStringLiteral("migrated_to_chat_id");
    QTest::addRow("a server error is retried")
        << QStringList{QStringLiteral("error_500_internal.json")} << false << 0 << QStringLiteral("delivered") << 2 << QStringLiteral("attempts");
}

void TestNotifyCli::reportsEachChannelsOutcome()
{
    QFETCH(QStringList, telegramAnswers);
    QFETCH(bool, withWebhook);
    QFETCH(int, exitCode);
    QFETCH(QString, telegramOutcome);
    QFETCH(int, telegramRequests);
    QFETCH(QString, expectedKey);
    for (const QString& answer : telegramAnswers) {
        m_telegramScript.append(answer == u"retry_after_1"
                                    ? CannedResponse::json(R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}})", 429)
                                    : telegramFixture(answer));
    }
    QByteArray config = "telegram: {enabled: true, bot_token: \"${CLI_TEST_TOKEN}\", chat_id: \"-100777\", "
                          "api_base_url: \"@BASE@\"}\n";
    if (withWebhook)
        config += "webhook: {enabled: true, url: \"@BASE@/hook\", secret: \"${CLI_TEST_SECRET}\"}\n";
    const Run result = run(config);
    QCOMPARE(result.exitCode, exitCode);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), result.out.constData());
    const QJsonObject channels = document.object().value(u"channels").toObject();
    const QJsonObject telegram = channels.value(u"telegram").toObject();
    QCOMPARE(telegram.value(u"outcome").toString(), telegramOutcome);
    QVERIFY2(telegram.contains(expectedKey), result.out.constData());
    QCOMPARE(document.object().value(u"ok").toBool(), exitCode == 0);
    QCOMPARE(m_server->requestCount(sendPath), telegramRequests);
    QCOMPARE(channels.value(u"webhook").toObject().value(u"outcome").toString(),
             withWebhook ? QStringLiteral("delivered") : QString());
    QCOMPARE(channels.value(u"webhook").toObject().value(u"enabled").toBool(), withWebhook);
    if (telegramOutcome == u"failed")
        QVERIFY(!telegram.value(u"remedy").toString().isEmpty());
    QVERIFY(!result.out.contains(token.toUtf8()));
    QVERIFY(!result.err.contains(token.toUtf8()));
}

void TestNotifyCli::badInputExitsTwoNamingTheKey_data()
{
    QTest::addColumn<QByteArray>("channels");
    QTest::addColumn<QString>("named");
    QTest::addRow("no channel enabled") << QByteArray("telegram: {enabled: false}\n") << QStringLiteral("no channel is enabled");
    QTest::addRow("token variable not set")
        << QByteArray("telegram: {enabled: true, bot_token: \"${CLI_TEST_EMPTY}\", chat_id: \"1\"}\n")
        << QStringLiteral("telegram.bot_token");
    QTest::addRow("token written as a value on the wrong key")
        << QByteArray("telegram: {enabled: true, bot_tokn: \"${CLI_TEST_TOKEN}\", chat_id: \"1\"}\n")
        << QStringLiteral("telegram.bot_tokn");
    QTest::addRow("malformed chat id")
        << QByteArray("telegram: {enabled: true, bot_token: \"${CLI_TEST_TOKEN}\", chat_id: \"my chat\"}\n")
        << QStringLiteral("telegram.chat_id");
    QTest::addRow("webhook without a secret")
        << QByteArray("webhook: {enabled: true, url: \"http://127.0.0.1:9/hook\"}\n") << QStringLiteral("webhook.secret");
    QTest::addRow("webhook url that is not http")
        << QByteArray("webhook: {enabled: true, url: \"ftp://example.org/x\", secret: \"${CLI_TEST_SECRET}\"}\n")
        << QStringLiteral("webhook.url");
    QTest::addRow("webhook over plain http to a remote host")
        << QByteArray("webhook: {enabled: true, url: \"http://example.org/x\", secret: \"${CLI_TEST_SECRET}\"}\n")
        << QStringLiteral("webhook.url");
    QTest::addRow("a configuration that is not YAML") << QByteArray("telegram: [\n") << QStringLiteral("not valid YAML");
    QTest::addRow("a webhook secret too short to be masked")
        << QByteArray("webhook: {enabled: true, url: \"http://127.0.0.1:9/hook\", secret: \"${CLI_TEST_SHORT}\"}\n")
        << QStringLiteral("webhook.secret: the secret is shorter than 8 characters");
}

void TestNotifyCli::badInputExitsTwoNamingTheKey()
{
    QFETCH(QByteArray, channels);
    QFETCH(QString, named);
    const Run result = run(channels);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(named), result.err.constData());
    QVERIFY(result.out.isEmpty());
    QVERIFY(!result.err.contains("sh0rt42"));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestNotifyCli::aProblemOutsideTheChannelsDoesNotStopTheTest()
{
    // The rest of the file is unfinished (a strategy that does not exist); Telegram is ready.
    const Run result = run("strategy: {name: nope}\n"
                           "telegram: {enabled: true, bot_token: \"${CLI_TEST_TOKEN}\", chat_id: \"-100777\", "
                           "api_base_url: \"@BASE@\"}\n");
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains("note: strategy.name"), result.err.constData());
    QCOMPARE(m_server->requestCount(sendPath), 1);
}

void TestNotifyCli::aMissingConfigurationFileIsBadInput()
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(SENTINEL_CLI_PATH),
                  {QStringLiteral("notify"), QStringLiteral("test"), QStringLiteral("--config"), QStringLiteral("/nonexistent/sentinel.yaml")});
    QVERIFY(process.waitForStarted());
    QVERIFY(finished.wait(30000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("/nonexistent/sentinel.yaml"));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestNotifyCli::anEchoedTokenReachesNeitherTheReportNorTheOutbox_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("echoed");
    QTest::addRow("a 400 whose description echoes the request path") << 400 << token;
    QTest::addRow("a 401 echoing only the secret half") << 401 << token.section(u':', 1);
    QTest::addRow("a 404 echoing the percent-encoded token") << 404 << QString::fromUtf8(QUrl::toPercentEncoding(token));
}

void TestNotifyCli::anEchoedTokenReachesNeitherTheReportNorTheOutbox()
{
    QFETCH(int, status);
    QFETCH(QString, echoed);
    const QByteArray body = R"({"ok":false,"error_code":)" + QByteArray::number(status)
        + R"(,"description":"Bad Request: method not found at /bot)" + echoed.toUtf8() + R"(/sendMessage"})";
    m_telegramScript = {CannedResponse::json(body, status)};
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const Run result = run("telegram: {enabled: true, bot_token: \"${CLI_TEST_TOKEN}\", chat_id: \"-100777\", "
                           "api_base_url: \"@BASE@\"}\n",
                           {QStringLiteral("--work-dir"), work.path()});
    QCOMPARE(result.exitCode, 1);
    const QByteArray secretHalf = token.section(u':', 1).toUtf8();
    for (const QByteArray& printed : {result.out, result.err}) {
        QVERIFY2(!printed.contains(secretHalf), printed.constData());
        QVERIFY2(!printed.contains(QUrl::toPercentEncoding(token)), printed.constData());
    }
    const QJsonObject telegram = QJsonDocument::fromJson(result.out).object().value(u"channels").toObject()
                                     .value(u"telegram").toObject();
    QCOMPARE(telegram.value(u"outcome").toString(), QStringLiteral("failed"));
    QVERIFY2(telegram.value(u"error").toString().contains(u"/bot***/sendMessage"), result.out.constData());

    // The scratch outbox, read back with SQLite: the reason is kept, the token is not; and the
    // file is readable by its owner only.
    const QString outboxPath = work.filePath(QStringLiteral("notify-test-telegram.sqlite"));
    QCOMPARE(QFileInfo(outboxPath).permissions()
                 & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QStringList lastErrors;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("outbox-check"));
        db.setDatabaseName(outboxPath);
        QVERIFY(db.open());
        QSqlQuery query(QStringLiteral("SELECT last_error FROM notify_outbox"), db);
        while (query.next())
            lastErrors << query.value(0).toString();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("outbox-check"));
    QCOMPARE(lastErrors.size(), 1);
    QVERIFY2(lastErrors.first().contains(u"/bot***/sendMessage"), qPrintable(lastErrors.first()));
    QVERIFY2(!lastErrors.first().contains(QString::fromUtf8(secretHalf)), qPrintable(lastErrors.first()));
}

void TestNotifyCli::aTricklingServerEndsTheTestInTime()
{
    // One byte every 2 s: Qt's transfer timeout (an inactivity timer) never fires.
    CannedResponse trickle = telegramFixture(QStringLiteral("ok_sendmessage.json"));
    trickle.behaviour = CannedResponse::Behaviour::Trickle;
    trickle.trickleIntervalMs = 2000;
    m_server->route(sendPath, trickle);
    CannedResponse hook = CannedResponse::json(R"({"received":true,"slowly":"yes"})", 200);
    hook.behaviour = CannedResponse::Behaviour::Trickle;
    m_server->route("/slow-hook", hook);
    QElapsedTimer elapsed;
    elapsed.start();
    const Run result = run("telegram: {enabled: true, bot_token: \"${CLI_TEST_TOKEN}\", chat_id: \"-100777\", "
                           "api_base_url: \"@BASE@\"}\n"
                           "webhook: {enabled: true, url: \"@BASE@/slow-hook\", secret: \"${CLI_TEST_SECRET}\"}\n",
                           {QStringLiteral("--timeout"), QStringLiteral("3")});
    QVERIFY2(elapsed.elapsed() < 15000, QByteArray::number(elapsed.elapsed()).constData());
    QCOMPARE(result.exitCode, 1);
    const QJsonObject channels = QJsonDocument::fromJson(result.out).object().value(u"channels").toObject();
    for (const QString& name : {QStringLiteral("telegram"), QStringLiteral("webhook")}) {
        const QJsonObject report = channels.value(name).toObject();
        QCOMPARE(report.value(u"outcome").toString(), QStringLiteral("failed"));
        QVERIFY2(report.value(u"error").toString().contains(u"deadline_exceeded"), result.out.constData());
    }
}

void TestNotifyCli::aTimeoutOutsideItsRangeIsBadInput_data()
{
    QTest::addColumn<QString>("timeout");
    QTest::addRow("zero") << QStringLiteral("0");
    QTest::addRow("longer than a minute") << QStringLiteral("600");
    QTest::addRow("not a number") << QStringLiteral("soon");
}

void TestNotifyCli::aTimeoutOutsideItsRangeIsBadInput()
{
    QFETCH(QString, timeout);
    const Run result = run("telegram: {enabled: true, bot_token: \"${CLI_TEST_TOKEN}\", chat_id: \"-100777\", "
                           "api_base_url: \"@BASE@\"}\n",
                           {QStringLiteral("--timeout"), timeout});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--timeout"), result.err.constData());
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestNotifyCli)
#include "tst_notify_cli.moc"
