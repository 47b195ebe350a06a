// SPDX-License-Identifier: GPL-3.0-or-later
// A journal writer killed with SIGKILL at arbitrary points never leaves a half-written record,
// and a restart finishes what it left without losing or repeating an execution.
#include "journal/JournalVerifier.h"
#include "storage/SqliteConnection.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

namespace {
QString failedRules(const VerificationReport& report)
{
    QStringList failed;
    for (const RuleResult& rule : report.rules) {
        for (const RuleViolation& violation : rule.violations)
            failed << rule.name + u": " + violation.id + u": " + violation.detail;
    }
    return failed.join(u"; ");
}
} // namespace

class TestJournalCrash final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedWriterLeavesAConsistentJournal_data();
    void killedWriterLeavesAConsistentJournal();
};

void TestJournalCrash::killedWriterLeavesAConsistentJournal_data()
{
    QTest::addColumn<QList<int>>("killAfterRounds"); // one writer run per entry, all on the same file
    QTest::newRow("killed before its first round") << QList<int>{0};
    QTest::newRow("killed after one round") << QList<int>{1};
    QTest::newRow("killed twice on the same file") << QList<int>{7, 23};
    QTest::newRow("killed three times, late, early and later") << QList<int>{61, 2, 40};
}

void TestJournalCrash::killedWriterLeavesAConsistentJournal()
{
    QFETCH(QList<int>, killAfterRounds);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    for (const int rounds : killAfterRounds) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(QStringLiteral(JOURNAL_WRITER_PATH), {path, QStringLiteral("1000000")});
        QVERIFY(writer.waitForStarted());
        // Blocking on a child process here is the test's own pacing, not the code under test's.
        qsizetype seen = 0;
        while (seen < rounds) {
            QVERIFY2(writer.waitForReadyRead(60'000), writer.readAllStandardError().constData());
            seen += writer.readAllStandardOutput().count("ROUND ");
        }
        writer.kill(); // SIGKILL: no destructor, no commit, no checkpoint runs
        QVERIFY(writer.waitForFinished(60'000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        if (rounds > 0) {
            // Straight after the crash: nothing half-written (an approved proposal whose fill is
            // not journalled yet is in flight, which the rules allow until the restart).
            const auto report = JournalVerifier::verify(path);
            QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
            QVERIFY2(report->passed(), qPrintable(failedRules(report.value())));
            QVERIFY(report->counts.value(QStringLiteral("proposals")) >= rounds);
        }

        QProcess recovery;
        recovery.start(QStringLiteral(JOURNAL_WRITER_PATH), {path, QStringLiteral("0"), QStringLiteral("--recover")});
        QVERIFY(recovery.waitForFinished(60'000));
        QVERIFY2(recovery.exitCode() == 0, recovery.readAllStandardError().constData());

        const auto report = JournalVerifier::verify(path);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        QVERIFY2(report->passed(), qPrintable(failedRules(report.value())));
        // After the restart every paper fill is journalled exactly once, and nothing is left hanging.
        QCOMPARE(report->counts.value(QStringLiteral("paper_orders")), report->counts.value(QStringLiteral("executions")));
        QCOMPARE(report->counts.value(QStringLiteral("proposals_pending")), 0);
        QCOMPARE(report->counts.value(QStringLiteral("proposals_approved")), 0);
        auto db = SqliteConnection::open(path, QStringLiteral("probe"), SqliteConnection::Access::ReadOnly);
        QVERIFY(db.ok());
        const auto unmatched = db.value()->scalar(QStringLiteral(
            "SELECT COUNT(*) FROM paper_orders o LEFT JOIN executions e ON e.client_order_id = o.client_order_id "
            "AND e.order_id = o.order_id WHERE e.id IS NULL"));
        QCOMPARE(unmatched.value().toInt(), 0);
    }
}

QTEST_GUILESS_MAIN(TestJournalCrash)
#include "tst_journal_crash.moc"
