// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel::test;

class TestCliConfig final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionPrintsTheProjectVersion();
    void configCheckListsEveryMistakeAndExitsTwo();
    void configCheckOnAValidFileExitsZero();
    void configCheckWithoutAFileChecksTheDemoProfile();
    void configCheckKnowsTheMarketsOfTheCalendarsInUse_data();
    void configCheckKnowsTheMarketsOfTheCalendarsInUse();
    void runKnowsTheMarketsOfTheConfiguredCalendarFile();
    void configCheckLoadsTheCoinbaseKey_data();
    void configCheckLoadsTheCoinbaseKey();
    void liveRunStopsOnSigtermAndStillPrintsItsSummary();
    void unknownCommandIsAUsageError();
};

void TestCliConfig::versionPrintsTheProjectVersion()
{
    const CliRun run = runSentinel({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("sentinel " SENTINEL_VERSION));
}

void TestCliConfig::configCheckListsEveryMistakeAndExitsTwo()
{
    const CliRun run = runSentinel({QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"),
                                    dataPath(QStringLiteral("config/three_mistakes.yaml"))});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject report = run.json();
    QCOMPARE(report.value(QStringLiteral("valid")).toBool(true), false);
    QCOMPARE(report.value(QStringLiteral("errors")).toInt(), 3);
    QStringList keys;
    for (const auto& issue : report.value(QStringLiteral("issues")).toArray())
        keys << issue.toObject().value(QStringLiteral("key")).toString();
    QCOMPARE(keys, (QStringList{QStringLiteral("watchlist[1].market"), QStringLiteral("freshness.market_open_max_lag"),
                                QStringLiteral("telegram.bot_tokn")}));
    // The human report on stderr names each key too.
    for (const QString& key : keys)
        QVERIFY2(run.err.contains(key.toUtf8()), run.err.constData());
}

void TestCliConfig::configCheckOnAValidFileExitsZero()
{
    const CliRun run = runSentinel({QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"),
                                    dataPath(QStringLiteral("config/valid.yaml"))});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json().value(QStringLiteral("valid")).toBool(), true);
}

void TestCliConfig::configCheckLoadsTheCoinbaseKey_data()
{
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("a P-256 key is valid") << "test_ec_p256.pem" << 0 << "";
    QTest::newRow("a P-384 key is refused at its key") << "test_ec_p384.pem" << 2 << "P-256";
    QTest::newRow("an RSA key in a PKCS#8 PEM is refused at its key") << "test_rsa.pem" << 2 << "";
}

// The configuration reads only the PEM's label; config check loads the key with OpenSSL and
// reports what Coinbase would refuse at coinbase.private_key, without quoting it (ADR 0121).
void TestCliConfig::configCheckLoadsTheCoinbaseKey()
{
    QFETCH(QString, keyFile);
    QFETCH(int, exitCode);
    QFETCH(QString, messagePart);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile config(dir.filePath(QStringLiteral("config.yaml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("provider: coinbase\n"
                 "coinbase: {key_name: \"${COINBASE_KEY_NAME}\", private_key: \"${COINBASE_PRIVATE_KEY}\"}\n"
                 "watchlist:\n  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 5min}\n");
    config.close();
    const QByteArray pem = readFile(dataPath(QStringLiteral("coinbase/keys/") + keyFile));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("COINBASE_KEY_NAME"), QStringLiteral("organizations/org-1/apiKeys/key-1"));
    environment.insert(QStringLiteral("COINBASE_PRIVATE_KEY"), QString::fromLatin1(pem));
    const CliRun run = runSentinel({QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"), config.fileName()},
                                   environment);
    QCOMPARE(run.exitCode, exitCode);
    const QJsonArray issues = run.json().value(QStringLiteral("issues")).toArray();
    bool named = exitCode == 0;
    for (const auto& issue : issues) {
        const QJsonObject item = issue.toObject();
        named = named || (item.value(u"key").toString() == u"coinbase.private_key" && item.value(u"message").toString().contains(messagePart));
    }
    QVERIFY2(named, run.out.constData());
    for (const QByteArray& line : pem.split('\n'))
        QVERIFY2(line.startsWith("-----") || line.isEmpty() || (!run.out.contains(line) && !run.err.contains(line)), "the key was printed");
}

void TestCliConfig::configCheckWithoutAFileChecksTheDemoProfile()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QTemporaryDir home; // no platform config file there
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    const CliRun run = runSentinel({QStringLiteral("config"), QStringLiteral("check")}, environment);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json().value(QStringLiteral("source")).toString(), QStringLiteral("(embedded demo profile)"));
}

void TestCliConfig::configCheckKnowsTheMarketsOfTheCalendarsInUse_data()
{
    QTest::addColumn<QByteArray>("calendarsKey"); ///< the `calendars:` line of the config, or empty
    QTest::addColumn<QString>("calendarsOption"); ///< --calendars, relative to the temp folder, or empty
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expectedErrors"); ///< keys of the errors, sorted

    const QString market = QStringLiteral("watchlist[0].market");
    QTest::newRow("a market only a calendar file adds is unknown without that file")
        << QByteArray() << QString() << 2 << QStringList{market};
    QTest::newRow("a market the configured calendar file adds is valid")
        << QByteArray("calendars: {file: desk.json}\n") << QString() << 0 << QStringList();
    QTest::newRow("a market the --calendars file adds is valid")
        << QByteArray() << QStringLiteral("desk.json") << 0 << QStringList();
    QTest::newRow("--calendars replaces a configured file that does not exist")
        << QByteArray("calendars: {file: missing.json}\n") << QStringLiteral("desk.json") << 0 << QStringList();
    // Without its file the desk market is unknown as well: both are reported.
    QTest::newRow("a configured calendar file that does not exist is an error at its key")
        << QByteArray("calendars: {file: missing.json}\n") << QString() << 2
        << QStringList{QStringLiteral("calendars.file"), market};
    QTest::newRow("a configured calendar file that does not parse is an error at its key")
        << QByteArray("calendars: {file: broken.json}\n") << QString() << 2
        << QStringList{QStringLiteral("calendars.file"), market};
    QTest::newRow("a --calendars file that does not parse is an error naming the option")
        << QByteArray() << QStringLiteral("broken.json") << 2 << QStringList{QStringLiteral("--calendars"), market};
}

void TestCliConfig::configCheckKnowsTheMarketsOfTheCalendarsInUse()
{
    QFETCH(QByteArray, calendarsKey);
    QFETCH(QString, calendarsOption);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expectedErrors);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&dir](const QString& name, const QByteArray& text) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(QStringLiteral("desk.json"), R"({"schema": 1, "version": "desk-1", "markets": [
        {"name": "XNYS_DESK", "inherits": "XNYS", "adhoc_closures": [{"date": "2027-03-01", "name": "Desk outage"}]}]})");
    write(QStringLiteral("broken.json"), R"({"schema": 1, "version": "x", "markets": [{"name": "X", "inherits": "XNOPE"}]})");
    write(QStringLiteral("config.yaml"),
          "watchlist:\n  - {symbol: \"AAPL\", market: XNYS_DESK, interval: 5min}\nstrategy: {name: rsi_reversion}\n"
              + calendarsKey);

    QStringList arguments{QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"),
                          dir.filePath(QStringLiteral("config.yaml"))};
    if (!calendarsOption.isEmpty())
        arguments << QStringLiteral("--calendars") << dir.filePath(calendarsOption);
    const CliRun run = runSentinel(arguments);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QStringList errorKeys;
    for (const auto& issue : run.json().value(QStringLiteral("issues")).toArray()) {
        if (issue.toObject().value(QStringLiteral("severity")).toString() == u"error")
            errorKeys << issue.toObject().value(QStringLiteral("key")).toString();
    }
    errorKeys.sort();
    QCOMPARE(errorKeys, expectedErrors);
}

void TestCliConfig::runKnowsTheMarketsOfTheConfiguredCalendarFile()
{
    // What `config check` accepts, `run` must start with: a market that only calendars.file adds.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("config.yaml"));
    QVERIFY(writeTextFile(dir.filePath(QStringLiteral("desk.json")),
                          R"({"schema": 1, "version": "desk-1", "markets": [{"name": "XNYS_DESK", "inherits": "XNYS"}]})"));
    QVERIFY(writeTextFile(config, "watchlist:\n  - {symbol: \"AAPL\", market: XNYS_DESK, interval: 5min}\ncalendars: {file: desk.json}\n"));
    const CliRun run = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                    QStringLiteral("--from"), QStringLiteral("2026-11-24T15:00:00Z"), QStringLiteral("--to"),
                                    QStringLiteral("2026-11-24T16:00:00Z"), QStringLiteral("--journal"),
                                    dir.filePath(QStringLiteral("journal.sqlite"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.json().value(QStringLiteral("cycles")).toInt() > 0);
}

void TestCliConfig::liveRunStopsOnSigtermAndStillPrintsItsSummary()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("live.yaml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("watchlist:\n  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 1min}\ntelemetry: {listen: \"\"}\n");
    config.close();
    QProcess run;
    // No --duration: a live run lasts until it is told to stop.
    run.start(sentinelPath(), {QStringLiteral("run"), QStringLiteral("--config"), config.fileName(), QStringLiteral("--offline"),
                               QStringLiteral("--journal"), dir.filePath(QStringLiteral("journal.sqlite"))});
    QVERIFY(run.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(QStringLiteral("journal.sqlite"))), 20000);
    QVERIFY(!run.waitForFinished(500)); // still running
    run.terminate(); // SIGTERM
    QVERIFY(run.waitForFinished(20000));
    QCOMPARE(run.exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.exitCode(), 0);
    const QJsonObject summary = QJsonDocument::fromJson(run.readAllStandardOutput()).object();
    QVERIFY(summary.contains(QStringLiteral("cycles")));
    QVERIFY(summary.value(QStringLiteral("cycles")).toInt() >= 1);
#else
    QSKIP("SIGTERM is a POSIX signal");
#endif
}

void TestCliConfig::unknownCommandIsAUsageError()
{
    const CliRun run = runSentinel({QStringLiteral("frobnicate")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("unknown command 'frobnicate'"));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cli_config.moc"
