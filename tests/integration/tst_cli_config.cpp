// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "TestData.h"

#include <QJsonArray>
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

void TestCliConfig::configCheckWithoutAFileChecksTheDemoProfile()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QTemporaryDir home; // no platform config file there
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    const CliRun run = runSentinel({QStringLiteral("config"), QStringLiteral("check")}, environment);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json().value(QStringLiteral("source")).toString(), QStringLiteral("(embedded demo profile)"));
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
