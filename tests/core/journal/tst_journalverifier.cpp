// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"
#include "JournalFixture.h"

#include "journal/JournalVerifier.h"
#include "storage/SqliteConnection.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using sentinel::test::JournalFixture;

namespace {
// The notify module's outbox table as its Outbox.cpp creates it (schema version 1).
const QString outboxTable = QStringLiteral(
    "CREATE TABLE notify_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, signal_id TEXT NOT NULL UNIQUE,"
    " idempotency_key TEXT NOT NULL UNIQUE, payload TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN"
    " ('queued','sending','delivered','failed','expired')), attempts INTEGER NOT NULL DEFAULT 0,"
    " parts_done INTEGER NOT NULL DEFAULT 0, parts_channel TEXT, delivered_by TEXT, last_error TEXT,"
    " enqueued_at INTEGER NOT NULL, next_attempt_at INTEGER, finished_at INTEGER)");
// The same table after its unique constraints were lost (an old build, a hand edit).
const QString outboxWithoutUniqueness = QString(outboxTable).replace(QStringLiteral(" UNIQUE"), QString());

QString outboxRow(const QString& signalId, const QString& key, const QString& state, const QString& deliveredBy = {})
{
    return QStringLiteral("INSERT INTO notify_outbox (signal_id, idempotency_key, payload, state, delivered_by, enqueued_at) "
                          "VALUES ('%1', '%2', '{}', '%3', %4, 0)")
        .arg(signalId, key, state, deliveredBy.isEmpty() ? QStringLiteral("NULL") : u'\'' + deliveredBy + u'\'');
}

const RuleResult* findRule(const VerificationReport& report, const QString& name)
{
    for (const RuleResult& rule : report.rules) {
        if (rule.name == name)
            return &rule;
    }
    return nullptr;
}

} // namespace

class TestJournalVerifier final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void aConsistentJournalPassesEveryRule();
    void aConsistentOutboxPasses();
    void eachBrokenInvariantFailsItsRule_data();
    void eachBrokenInvariantFailsItsRule();
    void whatIsNotAJournalIsNamed_data();
    void whatIsNotAJournalIsNamed();
    void aJournalFromANewerVersionIsNotJudged();
    void verifyingChangesNothing();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    JournalFixture m_fixture;
};

void TestJournalVerifier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto fixture = JournalFixture::build(m_dir->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY2(fixture.ok(), qPrintable(fixture.ok() ? QString() : fixture.error().toString()));
    m_fixture = fixture.value();
}

void TestJournalVerifier::cleanup()
{
    m_dir.reset();
}

void TestJournalVerifier::aConsistentJournalPassesEveryRule()
{
    const auto report = JournalVerifier::verify(m_fixture.path);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    for (const RuleResult& rule : report->rules)
        QVERIFY2(rule.passed(), qPrintable(rule.name + u": " + (rule.violations.isEmpty() ? QString() : rule.violations.first().detail)));
    QVERIFY(report->passed());
    QStringList names;
    for (const RuleResult& rule : report->rules)
        names << rule.name;
    QCOMPARE(names, (QStringList{QStringLiteral("no_execution_without_approval"), QStringLiteral("no_client_order_id_twice"),
                                 QStringLiteral("no_order_id_twice"), QStringLiteral("no_half_written_record"),
                                 QStringLiteral("no_signal_delivered_twice"), QStringLiteral("no_execution_lost"),
                                 QStringLiteral("sqlite_integrity_check"), QStringLiteral("foreign_keys_consistent")}));
    const RuleResult* outbox = findRule(report.value(), QStringLiteral("no_signal_delivered_twice"));
    QVERIFY(!outbox->applicable);
    QCOMPARE(outbox->note, QStringLiteral("outbox table absent"));
    QVERIFY(findRule(report.value(), QStringLiteral("no_execution_lost"))->applicable);
    QCOMPARE(report->counts.value(QStringLiteral("proposals")), 6);
    QCOMPARE(report->counts.value(QStringLiteral("executions")), 1);
    QCOMPARE(report->counts.value(QStringLiteral("paper_orders")), 1);
    QCOMPARE(report->counts.value(QStringLiteral("proposals_executed")), 1);
    QVERIFY(!report->counts.contains(QStringLiteral("notify_outbox")));
}

void TestJournalVerifier::aConsistentOutboxPasses()
{
    QVERIFY(test::corrupt(m_fixture.path, {outboxTable, outboxRow(QStringLiteral("s1"), QStringLiteral("k1"), QStringLiteral("delivered"), QStringLiteral("telegram")),
                                           outboxRow(QStringLiteral("s2"), QStringLiteral("k2"), QStringLiteral("queued")),
                                           outboxRow(QStringLiteral("s3"), QStringLiteral("k3"), QStringLiteral("failed"))})
                .ok());
    const auto report = JournalVerifier::verify(m_fixture.path);
    QVERIFY(report.ok());
    const RuleResult* outbox = findRule(report.value(), QStringLiteral("no_signal_delivered_twice"));
    QVERIFY(outbox->applicable);
    QVERIFY(outbox->passed());
    QCOMPARE(report->counts.value(QStringLiteral("notify_outbox")), 3);
}

void TestJournalVerifier::eachBrokenInvariantFailsItsRule_data()
{
    QTest::addColumn<QStringList>("statements"); // %E executed id, %A approved id, %O its order id, %C executed client id, %B approved client id
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("violationId");

    QTest::newRow("an execution whose approval was deleted")
        << QStringList{QStringLiteral("DELETE FROM decisions WHERE proposal_id = '%E'")}
        << QStringLiteral("no_execution_without_approval") << QStringLiteral("%C");
    QTest::newRow("an order id journalled twice")
        << QStringList{QStringLiteral("DROP INDEX executions_order_id"),
                       QStringLiteral("INSERT INTO executions (proposal_id, client_order_id, order_id, price, quantity, fee, at_ms) "
                                      "VALUES ('%A', '%B', '%O', 1, 1, 0, 0)")}
        << QStringLiteral("no_order_id_twice") << QStringLiteral("%O");
    QTest::newRow("a client order id executed twice")
        << QStringList{QStringLiteral("DROP INDEX executions_client_order_id"), QStringLiteral("DROP INDEX executions_one_per_proposal"),
                       QStringLiteral("INSERT INTO executions (proposal_id, client_order_id, order_id, price, quantity, fee, at_ms) "
                                      "VALUES ('%E', '%C', 'PAPER-99999999', 1, 1, 0, 0)")}
        << QStringLiteral("no_client_order_id_twice") << QStringLiteral("%C");
    QTest::newRow("a proposal marked executed without its execution row")
        << QStringList{QStringLiteral("UPDATE proposals SET state = 'executed' WHERE id = '%A'")}
        << QStringLiteral("no_half_written_record") << QStringLiteral("%A");
    QTest::newRow("an approval whose proposal is still pending")
        << QStringList{QStringLiteral("UPDATE proposals SET state = 'pending', resolution = NULL, resolved_at_ms = NULL WHERE id = '%A'")}
        << QStringLiteral("no_half_written_record") << QStringLiteral("%A");
    QTest::newRow("an execution whose proposal went back to approved")
        << QStringList{QStringLiteral("UPDATE proposals SET state = 'approved' WHERE id = '%E'")}
        << QStringLiteral("no_half_written_record") << QStringLiteral("%E");
    QTest::newRow("a rejection without its decision row")
        << QStringList{QStringLiteral("DELETE FROM decisions WHERE decision = 'rejected'")}
        << QStringLiteral("no_half_written_record") << QString();
    QTest::newRow("a delivered signal queued again")
        << QStringList{outboxTable, outboxRow(QStringLiteral("s1"), QStringLiteral("k1"), QStringLiteral("queued"), QStringLiteral("telegram"))}
        << QStringLiteral("no_signal_delivered_twice") << QStringLiteral("s1");
    QTest::newRow("one signal delivered twice after its uniqueness was lost")
        << QStringList{outboxWithoutUniqueness,
                       outboxRow(QStringLiteral("s1"), QStringLiteral("k1"), QStringLiteral("delivered"), QStringLiteral("telegram")),
                       outboxRow(QStringLiteral("s1"), QStringLiteral("k1"), QStringLiteral("delivered"), QStringLiteral("webhook"))}
        << QStringLiteral("no_signal_delivered_twice") << QStringLiteral("k1");
    QTest::newRow("an outbox this verifier does not understand")
        << QStringList{QStringLiteral("CREATE TABLE notify_outbox (seq INTEGER PRIMARY KEY, body TEXT)")}
        << QStringLiteral("no_signal_delivered_twice") << QStringLiteral("notify_outbox");
    QTest::newRow("a journalled execution missing from the paper ledger")
        << QStringList{QStringLiteral("DELETE FROM paper_orders")} << QStringLiteral("no_execution_lost") << QStringLiteral("%C");
    QTest::newRow("a paper fill of a proposal the journal says was refused")
        << QStringList{QStringLiteral("INSERT INTO paper_orders VALUES ((SELECT client_order_id FROM proposals WHERE state = 'refused'),"
                                      " 'PAPER-00000042', 'XNYS:AAPL:5min', 'buy', 1, 1, 0, 0)")}
        << QStringLiteral("no_execution_lost") << QString();
    QTest::newRow("a decision for a proposal that does not exist")
        << QStringList{QStringLiteral("INSERT INTO decisions (proposal_id, decision, reason, operator, at_ms) "
                                      "VALUES ('ghost', 'approved', 'x', 'y', 0)")}
        << QStringLiteral("foreign_keys_consistent") << QStringLiteral("decisions#");
}

void TestJournalVerifier::eachBrokenInvariantFailsItsRule()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, rule);
    QFETCH(QString, violationId);
    const auto substitute = [this](QString text) {
        return text.replace(QStringLiteral("%E"), m_fixture.executedId)
            .replace(QStringLiteral("%A"), m_fixture.approvedId)
            .replace(QStringLiteral("%O"), m_fixture.executedOrderId)
            .replace(QStringLiteral("%C"), m_fixture.executedClientOrderId)
            .replace(QStringLiteral("%B"), m_fixture.approvedClientOrderId);
    };
    for (QString& statement : statements)
        statement = substitute(statement);
    const Status broken = test::corrupt(m_fixture.path, statements);
    QVERIFY2(broken.ok(), qPrintable(broken.ok() ? QString() : broken.error().toString()));

    const auto report = JournalVerifier::verify(m_fixture.path);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QVERIFY(!report->passed());
    const RuleResult* result = findRule(report.value(), rule);
    QVERIFY(result);
    QVERIFY2(!result->passed(), qPrintable(rule + QStringLiteral(" passed")));
    QVERIFY(!result->violations.first().detail.isEmpty());
    if (!violationId.isEmpty()) {
        const QString expected = substitute(violationId);
        bool named = false;
        for (const RuleViolation& violation : result->violations)
            named = named || violation.id.startsWith(expected);
        QVERIFY2(named, qPrintable(QStringLiteral("no violation names %1; first is %2").arg(expected, result->violations.first().id)));
    }
}

void TestJournalVerifier::whatIsNotAJournalIsNamed_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("content"); // empty: no file at all; "sqlite": an unrelated SQLite database
    QTest::newRow("a file that does not exist") << QStringLiteral("not_found") << QByteArray();
    QTest::newRow("a text file") << QStringLiteral("not_a_journal") << QByteArray("timestamp,price\n1,2\n");
    QTest::newRow("an empty file") << QStringLiteral("not_a_journal") << QByteArray("\n");
    QTest::newRow("an SQLite database of something else") << QStringLiteral("not_a_journal") << QByteArray("sqlite");
}

void TestJournalVerifier::whatIsNotAJournalIsNamed()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, content);
    const QString path = m_dir->filePath(QStringLiteral("other.db"));
    if (content == "sqlite") {
        auto db = SqliteConnection::open(path, QStringLiteral("other app"));
        QVERIFY(db.ok());
        QVERIFY(db.value()->exec(QStringLiteral("CREATE TABLE bookmarks (url TEXT)")).ok());
    } else if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const auto report = JournalVerifier::verify(path);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().kind, kind);
    QVERIFY(report.error().message.contains(path));
}

void TestJournalVerifier::aJournalFromANewerVersionIsNotJudged()
{
    QVERIFY(test::corrupt(m_fixture.path, {QStringLiteral("INSERT INTO schema_version VALUES (42, 'future')")}).ok());
    const auto report = JournalVerifier::verify(m_fixture.path);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().kind, QStringLiteral("journal_too_new"));
}

void TestJournalVerifier::verifyingChangesNothing()
{
    // An unrelated SQLite file in rollback-journal mode must not be switched to WAL or touched.
    const QString path = m_dir->filePath(QStringLiteral("plain.db"));
    {
        auto db = SqliteConnection::open(path, QStringLiteral("other app"));
        QVERIFY(db.ok());
        QVERIFY(db.value()->exec(QStringLiteral("PRAGMA journal_mode=DELETE")).ok());
        QVERIFY(db.value()->exec(QStringLiteral("CREATE TABLE proposals (id TEXT)")).ok());
    }
    const QByteArray before = test::fileSha256(path);
    QVERIFY(!JournalVerifier::verify(path).ok());
    QCOMPARE(test::fileSha256(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

QTEST_GUILESS_MAIN(TestJournalVerifier)
#include "tst_journalverifier.moc"
