// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrokerCrashCase.h"

#include "CliRunner.h"
#include "JournalQuery.h"

#include <QProcess>
#include <QTest>

namespace sentinel::test {

void checkKillBetweenBrokerAndJournal(const QString& config, const QString& journal, const QProcessEnvironment& environment,
                                      BrokerLedger& ledger, const std::function<void(const QString& key)>& afterKill)
{
    // First run: the broker takes the first order, then the engine dies before it hears back.
    QProcess first;
    first.setProcessEnvironment(environment);
    QString killedKey;
    ledger.onAccepted = [&first, &killedKey](const QString& key) {
        if (!killedKey.isEmpty())
            return;
        killedKey = key;
        first.kill(); // SIGKILL: no destructor, no journal write, no flush
        first.waitForFinished(5000);
    };
    first.start(sentinelPath(), {QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                 QStringLiteral("--from"), QStringLiteral("2026-11-23T00:00:00Z"), QStringLiteral("--to"),
                                 QStringLiteral("2026-12-23T00:00:00Z"), QStringLiteral("--journal"), journal});
    QVERIFY(first.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning, 180000);
    ledger.onAccepted = nullptr;
    QVERIFY2(!killedKey.isEmpty(), first.readAllStandardError().right(2000).constData());
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    const QString where = QStringLiteral(" WHERE client_order_id = '%1'").arg(killedKey);
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM executions") + where).toInt(), 0);
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM proposals") + where).toInt(), 1);
    if (afterKill)
        afterKill(killedKey);

    // Restart: the order is found at the broker by its key and journalled, once.
    const CliRun resumed = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                        QStringLiteral("--resume"), QStringLiteral("--to"), QStringLiteral("2026-11-25T00:00:00Z"),
                                        QStringLiteral("--journal"), journal},
                                       environment);
    QVERIFY2(resumed.exitCode == 0, resumed.err.right(2000).constData());
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM executions") + where).toInt(), 1);
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT state FROM proposals") + where).toString(), QStringLiteral("executed"));
    // Every key reached the broker once; every order the broker took is journalled once.
    for (auto it = ledger.postsByKey.cbegin(); it != ledger.postsByKey.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM executions")).toInt(), int(ledger.created.size()));
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) - COUNT(DISTINCT client_order_id) FROM executions")).toInt(), 0);
    const CliRun verify = runSentinel({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
}

} // namespace sentinel::test
