// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Log.h"
#include "config/ConfigLoader.h"
#include "telemetry/Logging.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace sentinel;

class TestLogging final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void configuredBotTokenNeverReachesTheLogFile();
    void qtMessagesAreRoutedIntoTheLog();
    void unknownLevelIsRejectedWithTheLevelsToUse();
};

void TestLogging::configuredBotTokenNeverReachesTheLogFile()
{
    QTemporaryDir dir;
    const QString logFile = dir.filePath(QStringLiteral("sentinel.log"));
    LoggingOptions options;
    options.level = QStringLiteral("debug");
    options.logFile = logFile;
    options.stderrEnabled = false;
    QVERIFY(!setupLogging(options));

    const QString token = QStringLiteral("7712345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    ConfigLoadOptions loadOptions;
    loadOptions.environment = [token](const QString&) { return std::optional<QString>(token); };
    const auto loaded = ConfigLoader(loadOptions).loadText(
        "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n"
        "telegram: {enabled: true, bot_token: \"${TELEGRAM_BOT_TOKEN}\", chat_id: \"12345\"}\n");
    QVERIFY(loaded.ok());

    // The ways a token tends to leak: a request URL, a percent-encoded query, a QDebug of a URL.
    const QUrl url(QStringLiteral("https://api.telegram.org/bot%1/sendMessage").arg(loaded.config.telegram.botToken.reveal()));
    log::notify()->info("POST {}", url.toString());
    log::net()->warn("retrying {}", QString::fromUtf8(QUrl::toPercentEncoding(token)));
    qWarning() << "request failed:" << url;
    log::notify()->info("token object prints as {}", loaded.config.telegram.botToken.toString());
    flushLogs();

    QFile file(logFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("https://api.telegram.org/bot***/sendMessage"), text.constData());
    QVERIFY(!text.contains(token.toUtf8()));
    QVERIFY(!text.contains("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"));
    QVERIFY(!text.contains(QUrl::toPercentEncoding(token)));
    QCOMPARE(text.count("***"), 4);
}

void TestLogging::qtMessagesAreRoutedIntoTheLog()
{
    QTemporaryDir dir;
    LoggingOptions options;
    options.logFile = dir.filePath(QStringLiteral("qt.log"));
    options.stderrEnabled = false;
    QVERIFY(!setupLogging(options));
    qWarning("a Qt warning with a marker %d", 4242);
    flushLogs();
    QFile file(options.logFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("[qt] warning: a Qt warning with a marker 4242"), text.constData());
}

void TestLogging::unknownLevelIsRejectedWithTheLevelsToUse()
{
    LoggingOptions options;
    options.level = QStringLiteral("loud");
    options.fileEnabled = false;
    const auto problem = setupLogging(options);
    QVERIFY(problem);
    QVERIFY(problem->contains(u"'loud'"));
    QVERIFY(problem->contains(u"debug"));
}

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
