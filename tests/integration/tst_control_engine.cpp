// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel control` against a real engine (ADR 0132, ADR 0133): the CLI process reaches the engine
// in this process through the journal's socket; its pause, status, refusal and kill switch act on
// the desk's controls and are journalled as the CLI's.
#include "CliRunner.h"
#include "JournalQuery.h"

#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "control/EngineControlService.h"
#include "engine/Engine.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestControlEngine final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theCliPausesReadsAndStopsTheRunningEngine();

private:
    CliRun control(const QStringList& arguments);

    QTemporaryDir m_runtime;
    QTemporaryDir m_desk;
    QString m_config;
    QString m_journal;
};

void TestControlEngine::initTestCase()
{
    QVERIFY(m_runtime.isValid() && m_desk.isValid());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    m_journal = m_desk.filePath(QStringLiteral("journal.sqlite"));
    m_config = m_desk.filePath(QStringLiteral("config.yaml"));
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    QVERIFY(config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    config.write("watchlist:\n  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 5min}\njournal: {path: \"" + m_journal.toUtf8()
                 + "\"}\n");
}

CliRun TestControlEngine::control(const QStringList& arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
    environment.insert(QStringLiteral("USER"), QStringLiteral("alice"));
    environment.insert(QStringLiteral("SENTINEL_NO_KEYCHAIN"), QStringLiteral("1"));
    return runSentinel(QStringList{QStringLiteral("control")} + arguments + QStringList{QStringLiteral("--config"), m_config},
                       environment);
}

void TestControlEngine::theCliPausesReadsAndStopsTheRunningEngine()
{
    // Before the engine runs, nobody answers: exit 1.
    QCOMPARE(control({QStringLiteral("status")}).exitCode, 1);

    Config config = ConfigLoader().loadDemoProfile().config;
    config.watchlist = {Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5}};
    ManualClock clock(QDateTime::fromString(QStringLiteral("2026-11-23T00:02:30Z"), Qt::ISODate));
    EngineOptions options;
    options.journalPath = m_journal;
    Engine engine(config, &clock, options);
    QSignalSpy status(&engine, &Engine::statusChanged);
    EngineControlService::serveWhenRunning(engine);
    engine.start();
    QVERIFY(engine.isRunning());

    const CliRun paused = control({QStringLiteral("pause")});
    QVERIFY2(paused.exitCode == 0, paused.err.constData());
    QTRY_VERIFY(status.last().first().value<EngineStatus>().paused);
    QCOMPARE(status.last().first().value<EngineStatus>().pausedBy, QStringLiteral("cli (alice)"));

    const CliRun read = control({QStringLiteral("status")});
    QVERIFY2(read.exitCode == 0, read.err.constData());
    const QJsonObject reply = read.json();
    QCOMPARE(reply.value(u"state").toString(), QStringLiteral("running"));
    QCOMPARE(reply.value(u"paused").toBool(), true);
    QCOMPARE(reply.value(u"mode").toString(), QStringLiteral("approval"));
    QCOMPARE(reply.value(u"pending").toInteger(), 0);
    QVERIFY(reply.value(u"positions").isArray());

    // Flatten without --yes closes nothing and says so: refused, exit 3.
    const CliRun unconfirmed = control({QStringLiteral("flatten")});
    QCOMPARE(unconfirmed.exitCode, 3);
    QCOMPARE(queryJournal(m_journal, QStringLiteral("SELECT COUNT(*) FROM operator_actions WHERE action = 'flatten'")).toInt(), 0);

    const CliRun killed = control({QStringLiteral("kill"), QStringLiteral("--yes")});
    QVERIFY2(killed.exitCode == 0, killed.err.constData());
    QCOMPARE(queryJournal(m_journal, QStringLiteral("SELECT action || ' ' || channel || ' ' || who FROM operator_actions ORDER BY id DESC")).toString(),
             QStringLiteral("kill_switch cli cli (alice)"));
    QCOMPARE(queryJournal(m_journal, QStringLiteral("SELECT COUNT(*) FROM operator_actions")).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestControlEngine)
#include "tst_control_engine.moc"
