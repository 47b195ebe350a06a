// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Log.h"
#include "config/ConfigLoader.h"
#include "telemetry/Logging.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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
    void jsonFormatWritesOneRedactedObjectPerLine();
    void theFormatCanChangeOnceTheConfigurationIsRead();
};

namespace {

/// Everything from debug up, into `path` only.
LoggingOptions debugToFile(const QString& path, LogFormat format)
{
    LoggingOptions options;
    options.level = QStringLiteral("debug");
    options.logFile = path;
    options.stderrEnabled = false;
    options.format = format;
    return options;
}

QString botToken()
{
    return QStringLiteral("7712345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
}

/// A configuration whose Telegram token comes from the environment: loading it registers the
/// token with the redactor, as the programs do.
ConfigLoadResult configWithBotToken(const QString& token)
{
    ConfigLoadOptions loadOptions;
    loadOptions.environment = [token](const QString&) { return std::optional<QString>(token); };
    return ConfigLoader(loadOptions).loadText("watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n"
                                              "telegram: {enabled: true, bot_token: \"${TELEGRAM_BOT_TOKEN}\", chat_id: \"12345\"}\n");
}

/// Every line of `text` as a JSON object; fails the test on a line that is not one.
QList<QJsonObject> jsonLines(const QByteArray& text)
{
    QList<QJsonObject> objects;
    for (const QByteArray& line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            QTest::qFail(qPrintable(QStringLiteral("not a JSON object: %1 (%2)").arg(QString::fromUtf8(line), error.errorString())),
                         __FILE__, __LINE__);
            return {};
        }
        objects.append(document.object());
    }
    return objects;
}

} // namespace

void TestLogging::configuredBotTokenNeverReachesTheLogFile()
{
    QTemporaryDir dir;
    const QString logFile = dir.filePath(QStringLiteral("sentinel.log"));
    QVERIFY(!setupLogging(debugToFile(logFile, LogFormat::Text)));

    const QString token = botToken();
    const ConfigLoadResult loaded = configWithBotToken(token);
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

void TestLogging::jsonFormatWritesOneRedactedObjectPerLine()
{
    QTemporaryDir dir;
    const LoggingOptions options = debugToFile(dir.filePath(QStringLiteral("sentinel.jsonl")), LogFormat::Json);
    QVERIFY(!setupLogging(options));

    const QString token = botToken();
    const ConfigLoadResult loaded = configWithBotToken(token);
    QVERIFY(loaded.ok());

    const QUrl url(QStringLiteral("https://api.telegram.org/bot%1/sendMessage").arg(loaded.config.telegram.botToken.reveal()));
    log::notify()->warn("POST {} failed: \"quoted\" \\ back\nslash\ttab \x01 Zürich", url.toString());
    log::engine()->info("{}", std::string_view("bad utf-8 \xff here"));
    qWarning() << "request failed:" << url;
    flushLogs();

    QFile file(options.logFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"));
    const QList<QJsonObject> lines = jsonLines(text);
    QCOMPARE(lines.size(), 3); // the message's own newline is escaped, not a second line
    const QJsonObject& first = lines.at(0);
    QCOMPARE(first.value(QStringLiteral("logger")).toString(), QStringLiteral("notify"));
    QCOMPARE(first.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
    QCOMPARE(first.value(QStringLiteral("message")).toString(),
             QStringLiteral("POST https://api.telegram.org/bot***/sendMessage failed: \"quoted\" \\ back\nslash\ttab \x01 Zürich"));
    const QDateTime time = QDateTime::fromString(first.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    QVERIFY(time.isValid());
    QCOMPARE(time.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(time.msecsTo(QDateTime::currentDateTimeUtc())) < 60'000);
    QCOMPARE(lines.at(1).value(QStringLiteral("message")).toString(), QStringLiteral("bad utf-8 \uFFFD here"));
    QCOMPARE(lines.at(2).value(QStringLiteral("logger")).toString(), QStringLiteral("qt"));
    QVERIFY(lines.at(2).value(QStringLiteral("message")).toString().contains(QStringLiteral("bot***/sendMessage")));
}

void TestLogging::theFormatCanChangeOnceTheConfigurationIsRead()
{
    QTemporaryDir dir;
    LoggingOptions options;
    options.logFile = dir.filePath(QStringLiteral("switch.log"));
    options.stderrEnabled = false;
    QVERIFY(!setupLogging(options)); // text, as the command line sets it up
    log::engine()->info("as text");
    setLogFormat(LogFormat::Json);   // what logging.format: json then asks for
    log::engine()->info("as json");
    setLogFormat(LogFormat::Text);
    log::engine()->info("text again");
    flushLogs();
    QFile file(options.logFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY2(lines.size() >= 3, lines.join('\n').constData());
    QVERIFY(lines.at(0).endsWith("[engine] info: as text"));
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(QStringLiteral("message")).toString(), QStringLiteral("as json"));
    QVERIFY(lines.at(2).endsWith("[engine] info: text again"));
}

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
