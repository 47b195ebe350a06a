// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeHttpServer.h"
#include "NotifyTestSupport.h"
#include "common/Log.h"
#include "cache/BarStore.h"
#include "common/ManualClock.h"
#include "engine/EngineMetrics.h"
#include "journal/Journal.h"
#include "notify/SignalDispatcher.h"
#include "notify/TelegramChannel.h"
#include "notify/WebhookChannel.h"
#include "telemetry/Logging.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/stat.h>

using namespace sentinel;
using namespace sentinel::test;

/// The bot token and the webhook secret never reach a log line, whatever happens to a delivery.
class TestNotifyRedaction final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenAndSecretNeverAppearInTheLog();
    void anEchoedTokenReachesNoOutput();
    void dataFilesAreOwnerOnly();
};

namespace {
} // namespace

void TestNotifyRedaction::tokenAndSecretNeverAppearInTheLog()
{
    QTemporaryDir dir;
    const QString logFile = dir.filePath(QStringLiteral("notify.log"));
    LoggingOptions logging;
    logging.level = QStringLiteral("trace");
    logging.stderrEnabled = false;
    logging.logFile = logFile;
    QVERIFY(!setupLogging(logging).has_value());

    const QString token = QStringLiteral("987654321:AAG-redaction_token_ZYXWVUTSRQPONM");
    const QString secret = QStringLiteral("webhook-redaction-secret-4711");
    FakeHttpServer server;
    QVERIFY(server.start());
    QList<CannedResponse> telegramScript{
        telegramFixture(QStringLiteral("error_400_migrate_to_supergroup.json")),
        telegramFixture(QStringLiteral("error_400_markdownv2_reserved_char.json")),
        telegramFixture(QStringLiteral("ok_sendmessage.json")),
        telegramFixture(QStringLiteral("error_500_internal.json")),
        telegramFixture(QStringLiteral("error_429_retry_after.json")),
        telegramFixture(QStringLiteral("error_401_unauthorized.json")),
    };
    server.route("/bot" + token.toUtf8() + "/sendMessage", [&](const RecordedRequest&) {
        return telegramScript.isEmpty() ? telegramFixture(QStringLiteral("ok_sendmessage.json")) : telegramScript.takeFirst();
    });
    server.route("/bot" + token.toUtf8() + "/getMe", telegramFixture(QStringLiteral("error_401_unauthorized.json")));
    QList<CannedResponse> hookScript{CannedResponse::json("{}", 500), CannedResponse::json("{}", 200),
                                     CannedResponse::json("{}", 401)};
    server.route("/hook", [&](const RecordedRequest&) {
        return hookScript.isEmpty() ? CannedResponse::json("{}", 200) : hookScript.takeFirst();
    });

    ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    auto outbox = Outbox::open(dir.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(outbox);
    SignalDispatcher dispatcher(clock, *outbox.value());
    const TelegramSettings telegramSettings{true, Secret(token), QStringLiteral("-100777"), server.baseUrl()};
    auto* telegram = new TelegramChannel(telegramSettings, clock);
    dispatcher.addChannel(telegram);
    dispatcher.addChannel(new WebhookChannel(
        WebhookSettings{true, QUrl(server.baseUrl().toString() + u"/hook"), Secret(secret)}, clock));
    QVERIFY(dispatcher.start());
    QSignalSpy settled(&dispatcher, &SignalDispatcher::statsChanged);
    for (int i = 0; i < 6; ++i) {
        QVERIFY(dispatcher.dispatch(SignalMessage{QStringLiteral("r%1").arg(i), QStringLiteral("FX:EUR/USD"),
                                                  QStringLiteral("BUY"), 1.1, QStringLiteral("text (1.1)"), clock.now(), {}})
                    .value());
    }
    // Run until every signal is delivered or parked behind a configuration error.
    auto settledDown = [&] { return dispatcher.isIdle() && clock.pendingTimers() == 0; };
    for (int guard = 0; guard < 100 && !settledDown(); ++guard) {
        QTRY_VERIFY(settledDown() || clock.pendingTimers() > 0);
        if (!settledDown())
            clock.advanceToNextTimer();
    }
    QVERIFY(settledDown());
    // Every scripted Telegram answer was used, ending with the 401 that disables the channel.
    QVERIFY(telegramScript.isEmpty());
    QVERIFY(!dispatcher.stats().channels.at(0).available);
    // And an unreachable API: the network error text names the URL, token included.
    TelegramSettings unreachable = telegramSettings;
    {
        FakeHttpServer gone;
        QVERIFY(gone.start());
        unreachable.apiBaseUrl = gone.baseUrl();
    }
    TelegramChannel offline(unreachable, clock);
    std::optional<DeliveryOutcome> outcome;
    offline.deliver(DeliveryAttempt{SignalMessage{QStringLiteral("x"), {}, QStringLiteral("BUY"), 1, {}, clock.now(), {}}, 0},
                    {}, [&](const DeliveryOutcome& o) { outcome = o; });
    QTRY_VERIFY(outcome.has_value());
    std::optional<Issues> issues;
    telegram->verify([&](const Issues& found) { issues = found; });
    QTRY_VERIFY(issues.has_value());
    sentinel::log::notify()->warn("verify said: {}", issues->first().toString());
    // Even a careless line that formats the URL with the token is masked by the sink.
    sentinel::log::net()->info("careless: https://api.telegram.org/bot{}/getMe", token);
    flushLogs();

    QFile file(logFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.size() > 500, text.constData());
    QVERIFY(!text.contains(token.toUtf8()));
    QVERIFY(!text.contains(QUrl::toPercentEncoding(token)));
    QVERIFY(!text.contains(token.section(u':', 1).toUtf8())); // nor the secret half alone
    QVERIFY(!text.contains(secret.toUtf8()));
    QVERIFY(text.contains("/bot***/sendMessage"));
    QVERIFY(text.contains("careless: https://api.telegram.org/bot***/getMe"));
    QVERIFY(text.contains("delivered signal"));
    QVERIFY(text.contains("Telegram answered 401"));
    QVERIFY(text.contains("webhook"));
}

void TestNotifyRedaction::anEchoedTokenReachesNoOutput()
{
    // Telegram's error description echoes the request path: our token, and one we never saw.
    const QString token = QStringLiteral("246813579:AAG-echo_test_token_QWERTYUIOPASDFG");
    const QString stranger = QStringLiteral("9876501234:AAF-token_nobody_registered_HJKLZXCV");
    QTemporaryDir dir;
    FakeHttpServer server;
    QVERIFY(server.start());
    const QByteArray body = R"({"ok":false,"error_code":401,"description":"Unauthorized: /bot)" + token.toUtf8()
        + "/sendMessage (also tried /bot" + stranger.toUtf8() + R"json(/sendMessage)"})json";
    server.route("/bot" + token.toUtf8() + "/sendMessage", CannedResponse::json(body, 401));

    ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    auto outbox = Outbox::open(dir.filePath(QStringLiteral("outbox.sqlite")));
    QVERIFY(outbox);
    SignalDispatcher dispatcher(clock, *outbox.value());
    dispatcher.addChannel(new TelegramChannel(
        TelegramSettings{true, Secret(token), QStringLiteral("-100777"), server.baseUrl()}, clock));
    QVERIFY(dispatcher.start());
    QVERIFY(dispatcher.dispatch(SignalMessage{QStringLiteral("echo-1"), QStringLiteral("FX:EUR/USD"), QStringLiteral("BUY"),
                                              1.1, QStringLiteral("text"), clock.now(), {}})
                .value());
    driveUntil(clock, [&] { return !dispatcher.stats().channels.at(0).available; });

    auto leaks = [&](const QString& text) {
        return text.contains(token.section(u':', 1)) || text.contains(stranger.section(u':', 1));
    };
    // The outbox row (real SQLite).
    const auto entry = outbox.value()->find(QStringLiteral("echo-1"));
    QVERIFY(entry && entry.value());
    QVERIFY2(!leaks(entry.value()->lastError), qPrintable(entry.value()->lastError));
    // The channel's state the UI shows, and /healthz's detail built from it.
    const ChannelStats channel = dispatcher.stats().channels.at(0);
    QVERIFY2(!channel.lastError.isEmpty() && !leaks(channel.lastError), qPrintable(channel.lastError));
    EngineMetrics::Inputs inputs;
    inputs.running = true;
    inputs.channels = dispatcher.stats().channels;
    const QByteArray health = EngineMetrics::health(inputs).toJson();
    QVERIFY2(health.contains("degraded"), health.constData());
    QVERIFY2(!leaks(QString::fromUtf8(health)), health.constData());
    // A journal alert row, even one that quotes the server's answer raw.
    auto journal = Journal::open(dir.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(journal);
    const Alert alert = Alert::create(Alert::Severity::Critical, QStringLiteral("delivery_failed"), {},
                                      channel.lastError + u" / raw: " + QString::fromUtf8(body), clock.now());
    QVERIFY(journal.value()->recordAlert(alert));
    const auto stored = journal.value()->unacknowledgedAlerts();
    QVERIFY(stored);
    QCOMPARE(stored.value().size(), 1);
    QVERIFY2(!leaks(stored.value().first().message), qPrintable(stored.value().first().message));
    QVERIFY(stored.value().first().message.contains(u"/bot***/sendMessage"));
}

void TestNotifyRedaction::dataFilesAreOwnerOnly()
{
    // Whatever the umask says, the stores and the log are created for their owner only.
    const mode_t previous = ::umask(022);
    QTemporaryDir dir;
    const QString logFile = dir.filePath(QStringLiteral("logs/sentinel.log"));
    LoggingOptions logging;
    logging.stderrEnabled = false;
    logging.logFile = logFile;
    QVERIFY(!setupLogging(logging).has_value());
    sentinel::log::notify()->warn("a line");
    flushLogs();
    {
        auto journal = Journal::open(dir.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(journal);
        auto outbox = Outbox::open(dir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY(outbox);
        auto bars = BarStore::open(dir.filePath(QStringLiteral("bars.sqlite")));
        QVERIFY(bars);
        ::umask(previous);
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        for (const QString& name : {QStringLiteral("journal.sqlite"), QStringLiteral("journal.sqlite-wal"),
                                   QStringLiteral("outbox.sqlite"), QStringLiteral("bars.sqlite"),
                                   QStringLiteral("logs/sentinel.log")}) {
            const QFileInfo info(dir.filePath(name));
            QVERIFY2(info.exists(), qPrintable(name));
            QVERIFY2((info.permissions() & others) == QFileDevice::Permissions(),
                     qPrintable(name + QStringLiteral(": 0x%1").arg(int(info.permissions()), 0, 16)));
        }
    }
}

QTEST_GUILESS_MAIN(TestNotifyRedaction)
#include "tst_notify_redaction.moc"
