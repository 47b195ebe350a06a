// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "JournalFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

namespace {
QStringList verifyArgs(const QString& path)
{
    return {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), path};
}

QStringList failedRuleNames(const QJsonObject& report)
{
    QStringList names;
    for (const auto& rule : report.value(QStringLiteral("rules")).toArray()) {
        if (!rule.toObject().value(QStringLiteral("passed")).toBool())
            names << rule.toObject().value(QStringLiteral("name")).toString();
    }
    return names;
}
/// Garbage over two data pages in the middle of the file, never the header.
bool damageTwoMiddlePages(const QString& path)
{
    QFile file(path);
    constexpr qint64 pageSize = 4096;
    const qint64 pages = file.size() / pageSize;
    if (pages < 4 || !file.open(QIODevice::ReadWrite))
        return false;
    for (qint64 page = pages / 2; page < pages / 2 + 2; ++page) {
        if (!file.seek(page * pageSize) || file.write(QByteArray(pageSize, char(0xA5))) != pageSize)
            return false;
    }
    return true;
}

} // namespace

class TestCliJournal final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void aGoodJournalPassesWithExitZero();
    void aBrokenJournalExitsThreeNamingTheRule_data();
    void aBrokenJournalExitsThreeNamingTheRule();
    void whatIsNotAJournalExitsTwo_data();
    void whatIsNotAJournalExitsTwo();
    void corruptDataPagesExitThreeWithSqlitesMessages();
    void aJournalCutInHalfExitsThree();
    void runRefusesWhatIsNotAUsableJournal();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    JournalFixture m_fixture;
};

void TestCliJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto fixture = JournalFixture::build(m_dir->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY2(fixture.ok(), qPrintable(fixture.ok() ? QString() : fixture.error().toString()));
    m_fixture = fixture.value();
}

void TestCliJournal::cleanup()
{
    m_dir.reset();
}

void TestCliJournal::aGoodJournalPassesWithExitZero()
{
    const CliRun run = runSentinel(verifyArgs(m_fixture.path));
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = run.json();
    QCOMPARE(report.value(QStringLiteral("passed")).toBool(), true);
    QVERIFY(report.value(QStringLiteral("journal")).toString().endsWith(QStringLiteral("journal.sqlite")));
    QCOMPARE(report.value(QStringLiteral("counts")).toObject().value(QStringLiteral("executions")).toInt(), 1);
    const QJsonArray rules = report.value(QStringLiteral("rules")).toArray();
    QCOMPARE(rules.size(), 8);
    for (const auto& rule : rules) {
        const QJsonObject object = rule.toObject();
        QVERIFY(object.contains(QStringLiteral("name")));
        QCOMPARE(object.value(QStringLiteral("passed")).toBool(), true);
        QVERIFY(object.value(QStringLiteral("violations")).toArray().isEmpty());
    }
    QCOMPARE(run.out.count('\n'), 1); // one JSON object, nothing else on stdout
}

void TestCliJournal::aBrokenJournalExitsThreeNamingTheRule_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("rule");
    QTest::newRow("an execution without an approval")
        << QStringList{QStringLiteral("DELETE FROM decisions WHERE proposal_id = '%E'")} << QStringLiteral("no_execution_without_approval");
    QTest::newRow("an order id written twice after its unique index was dropped")
        << QStringList{QStringLiteral("DROP INDEX executions_order_id"),
                       QStringLiteral("INSERT INTO executions (proposal_id, client_order_id, order_id, price, quantity, fee, at_ms) "
                                      "VALUES ('%A', '%B', '%O', 1, 1, 0, 0)")}
        << QStringLiteral("no_order_id_twice");
    QTest::newRow("a proposal executed without its execution")
        << QStringList{QStringLiteral("UPDATE proposals SET state = 'executed' WHERE id = '%A'")} << QStringLiteral("no_half_written_record");
}

void TestCliJournal::aBrokenJournalExitsThreeNamingTheRule()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, rule);
    for (QString& statement : statements) {
        statement.replace(QStringLiteral("%E"), m_fixture.executedId)
            .replace(QStringLiteral("%A"), m_fixture.approvedId)
            .replace(QStringLiteral("%B"), m_fixture.approvedClientOrderId)
            .replace(QStringLiteral("%O"), m_fixture.executedOrderId);
    }
    QVERIFY(corrupt(m_fixture.path, statements).ok());
    const CliRun run = runSentinel(verifyArgs(m_fixture.path));
    QCOMPARE(run.exitCode, 3);
    const QJsonObject report = run.json();
    QCOMPARE(report.value(QStringLiteral("passed")).toBool(true), false);
    QVERIFY2(failedRuleNames(report).contains(rule), qPrintable(failedRuleNames(report).join(u',')));
    QVERIFY(run.err.contains(rule.toUtf8()));
}

void TestCliJournal::whatIsNotAJournalExitsTwo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("a missing file") << QStringLiteral("missing.sqlite") << QByteArray() << QByteArray("does not exist");
    QTest::newRow("a CSV file") << QStringLiteral("bars.csv") << QByteArray("time,close\n") << QByteArray("not an SQLite database");
    QTest::newRow("a directory") << QStringLiteral("folder.sqlite") << QByteArray("{mkdir}") << QByteArray("it is a directory");
    QTest::newRow("an SQLite file without the journal's tables")
        << QStringLiteral("other.sqlite") << QByteArray("{other sqlite}") << QByteArray("it has no 'schema_version' table");
}

void TestCliJournal::whatIsNotAJournalExitsTwo()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, message);
    const QString path = m_dir->filePath(file);
    if (content == "{mkdir}") {
        QVERIFY(QDir(m_dir->path()).mkdir(file));
    } else if (content == "{other sqlite}") {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    } else if (!content.isEmpty()) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
    }
    const CliRun run = runSentinel(verifyArgs(path));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message), run.err.constData());
}

// Issue 18: garbage over a data page gave exit 1 and a storage error; integrity_check never ran.
void TestCliJournal::corruptDataPagesExitThreeWithSqlitesMessages()
{
    QVERIFY(damageTwoMiddlePages(m_fixture.path));
    const CliRun run = runSentinel(verifyArgs(m_fixture.path));
    QVERIFY2(run.exitCode == 3, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(QString::fromUtf8(run.err))));
    QVERIFY2(run.err.contains("is corrupt"), run.err.constData());
    QVERIFY2(run.err.contains("integrity check"), run.err.constData());
    QVERIFY2(!run.err.contains("disk full"), run.err.constData());
}

// Found by scripts/bad-input-table.sh: a file cut to half its pages has a schema SQLite cannot read,
// so any statement prepared at open (a cache_size pragma once) failed first with exit 1 and never
// reached the integrity check.
void TestCliJournal::aJournalCutInHalfExitsThree()
{
    QFile file(m_fixture.path);
    const qint64 pages = file.size() / 4096;
    QVERIFY2(pages >= 4, qPrintable(QStringLiteral("the fixture has only %1 pages").arg(pages)));
    QVERIFY(file.resize(pages / 2 * 4096));
    const CliRun run = runSentinel(verifyArgs(m_fixture.path));
    QVERIFY2(run.exitCode == 3, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(QString::fromUtf8(run.err))));
    QVERIFY2(run.err.contains("is corrupt"), run.err.constData());
}

// Found by scripts/bad-input-table.sh: `run` reported every journal fault as a runtime failure
// (exit 1) with a "disk full?" remedy, where `journal verify` says 2 or 3.
void TestCliJournal::runRefusesWhatIsNotAUsableJournal()
{
    const QString csv = m_dir->filePath(QStringLiteral("bars.csv"));
    QFile text(csv);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("time,open,high,low,close,volume\n2026-03-02T09:00:00Z,1,1,1,1,1\n");
    text.close();
    QVERIFY(damageTwoMiddlePages(m_fixture.path));
    const struct {
        QString journal;
        int exitCode;
        const char* message;
    } cases[] = {
        {m_dir->path(), 2, "it is a directory"},
        {csv, 2, "not an SQLite database"},
        {m_fixture.path, 3, "is corrupt"},
    };
    for (const auto& each : cases) {
        const CliRun run = runSentinel({QStringLiteral("run"), QStringLiteral("--simulate"), QStringLiteral("--from"),
                                        QStringLiteral("2026-03-02T09:00:00Z"), QStringLiteral("--to"),
                                        QStringLiteral("2026-03-02T10:00:00Z"), QStringLiteral("--journal"), each.journal});
        QVERIFY2(run.exitCode == each.exitCode,
                 qPrintable(QStringLiteral("%1: exit %2: %3").arg(each.journal).arg(run.exitCode).arg(QString::fromUtf8(run.err))));
        QVERIFY2(run.err.contains(each.message), run.err.constData());
        QVERIFY2(!run.err.contains("disk"), run.err.constData());
        QVERIFY2(run.out.isEmpty(), run.out.constData()); // no all-zero summary for a run that never started
    }
}

QTEST_GUILESS_MAIN(TestCliJournal)
#include "tst_cli_journal.moc"
