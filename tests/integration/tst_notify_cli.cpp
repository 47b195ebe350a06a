// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeHttpServer.h"
#include "NotifyTestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
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

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList& arguments);

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

TestNotifyCli::Run TestNotifyCli::run(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CLI_TEST_TOKEN"), token);
    environment.insert(QStringLiteral("CLI_TEST_SECRET"), QStringLiteral("cli-webhook-secret-123"));
    environment.insert(QStringLiteral("CLI_TEST_EMPTY"), QString());
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(SENTINEL_CLI_PATH), QStringList{QStringLiteral("notify"), QStringLiteral("test")} + arguments);
    Run result;
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
    QStringList arguments{QStringLiteral("--telegram-base-url"), m_server->baseUrl().toString(),
                          QStringLiteral("--telegram-token-env"), QStringLiteral("CLI_TEST_TOKEN"),
                          QStringLiteral("--chat-id"), QStringLiteral("-100777")};
    if (withWebhook) {
        arguments += {QStringLiteral("--webhook-url"), m_server->baseUrl().toString() + u"/hook",
                      QStringLiteral("--webhook-secret-env"), QStringLiteral("CLI_TEST_SECRET")};
    }
    const Run result = run(arguments);
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
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::addRow("no channel enabled") << QStringList{} << QStringLiteral("no channel is enabled");
    QTest::addRow("token variable not set")
        << QStringList{QStringLiteral("--telegram-token-env"), QStringLiteral("CLI_TEST_EMPTY"), QStringLiteral("--chat-id"), QStringLiteral("1")}
        << QStringLiteral("telegram.bot_token");
    QTest::addRow("malformed chat id")
        << QStringList{QStringLiteral("--telegram-token-env"), QStringLiteral("CLI_TEST_TOKEN"), QStringLiteral("--chat-id"), QStringLiteral("my chat")}
        << QStringLiteral("telegram.chat_id");
    QTest::addRow("webhook without a secret")
        << QStringList{QStringLiteral("--webhook-url"), QStringLiteral("http://127.0.0.1:9/hook")} << QStringLiteral("webhook.secret");
    QTest::addRow("webhook url that is not http")
        << QStringList{QStringLiteral("--webhook-url"), QStringLiteral("ftp://example.org/x"), QStringLiteral("--webhook-secret-env"),
                       QStringLiteral("CLI_TEST_SECRET")}
        << QStringLiteral("webhook.url");
}

void TestNotifyCli::badInputExitsTwoNamingTheKey()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(named), result.err.constData());
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestNotifyCli)
#include "tst_notify_cli.moc"
