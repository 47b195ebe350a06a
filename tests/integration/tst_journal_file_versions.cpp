// SPDX-License-Identifier: GPL-3.0-or-later
// The journal's file holds four stores (journal, signal outbox, paper account, bar store), each
// versioned as an owner in schema_versions (ADR 0101). A file written by the release before that
// table (each owner's version in its own place, the bar store's in PRAGMA user_version) is
// adopted without running a migration twice, and `journal verify` reads old and new files alike.
#include "TestData.h"
#include "CliRunner.h"

#include "cache/BarStore.h"
#include "common/ManualClock.h"
#include "journal/Journal.h"
#include "journal/JournalSchema.h"
#include "journal/JournalVerifier.h"
#include "notify/Outbox.h"
#include "storage/SchemaVersions.h"
#include "storage/SqliteConnection.h"
#include "trading/PaperPlatform.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

namespace {

const QDateTime t0(QDate(2024, 3, 4), QTime(15, 0), Qt::UTC);

QString describe(const Error& error)
{
    return error.toString();
}


/// Writes the file as the release before schema_versions left it after a run of the engine:
/// the journal at `journalVersion` (its `schema_version` history), the bar store (its version
/// in PRAGMA user_version), the paper account (`paper_meta`) and the outbox (`notify_meta`),
/// each with a row of data. The SQL is that release's, frozen here on purpose.
Status writeReleasedFile(const QString& path, int journalVersion)
{
    auto opened = SqliteConnection::open(path, QStringLiteral("released engine"));
    if (!opened)
        return opened.error();
    SqliteConnection& db = *opened.value();
    // Journal: released migrations are never edited, so the current list is that release's.
    if (Status s = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                          " version INTEGER PRIMARY KEY, description TEXT NOT NULL)"));
        !s)
        return s;
    for (const JournalMigration& migration : JournalSchema::migrations()) {
        if (migration.version > journalVersion)
            break;
        for (const QString& statement : migration.statements) {
            if (Status s = db.exec(statement); !s)
                return s;
        }
        if (Status s = db.exec(QStringLiteral("INSERT INTO schema_version (version, description) VALUES (?, ?)"),
                               {migration.version, migration.description});
            !s)
            return s;
    }
    QStringList statements;
    statements << QStringLiteral("INSERT INTO alerts (id, severity, kind, message, at_ms) "
                                 "VALUES ('a1', 'warning', 'stale_data', 'no bar', 1709564400000)")
               // BarStore: version 0 in user_version meant "create".
               << QStringLiteral("CREATE TABLE IF NOT EXISTS bars (instrument_key TEXT NOT NULL, open_time_ms INTEGER NOT NULL,"
                                 " o REAL NOT NULL, h REAL NOT NULL, l REAL NOT NULL, c REAL NOT NULL, v REAL NOT NULL,"
                                 " PRIMARY KEY (instrument_key, open_time_ms)) WITHOUT ROWID")
               << QStringLiteral("PRAGMA user_version = 1")
               << QStringLiteral("INSERT INTO bars VALUES ('FX:EUR/USD:5min', %1, 1.08, 1.09, 1.07, 1.085, 10)")
                      .arg(t0.toMSecsSinceEpoch())
               // PaperPlatform
               << QStringLiteral("CREATE TABLE IF NOT EXISTS paper_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
               << QStringLiteral("CREATE TABLE paper_account (id INTEGER PRIMARY KEY CHECK (id = 1), currency TEXT NOT NULL,"
                                 " starting_balance REAL NOT NULL, cash REAL NOT NULL, peak_equity REAL NOT NULL,"
                                 " next_order_seq INTEGER NOT NULL, created_at_ms INTEGER NOT NULL)")
               << QStringLiteral("CREATE TABLE paper_positions (instrument_key TEXT PRIMARY KEY,"
                                 " quantity REAL NOT NULL CHECK (quantity > 0), average_price REAL NOT NULL CHECK (average_price > 0),"
                                 " market_price REAL NOT NULL CHECK (market_price > 0))")
               << QStringLiteral("CREATE TABLE paper_orders (client_order_id TEXT PRIMARY KEY, order_id TEXT NOT NULL UNIQUE,"
                                 " instrument_key TEXT NOT NULL, side TEXT NOT NULL CHECK (side IN ('buy','sell')),"
                                 " quantity REAL NOT NULL CHECK (quantity > 0), price REAL NOT NULL CHECK (price > 0),"
                                 " fee REAL NOT NULL CHECK (fee >= 0), at_ms INTEGER NOT NULL)")
               << QStringLiteral("INSERT INTO paper_meta (key, value) VALUES ('schema_version', '1')")
               << QStringLiteral("INSERT INTO paper_account VALUES (1, 'USD', 100000, 87654.5, 100000, 3, 1709564400000)")
               // Outbox
               << QStringLiteral("CREATE TABLE IF NOT EXISTS notify_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
               << QStringLiteral("CREATE TABLE IF NOT EXISTS notify_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                                 " signal_id TEXT NOT NULL UNIQUE, idempotency_key TEXT NOT NULL UNIQUE, payload TEXT NOT NULL,"
                                 " state TEXT NOT NULL CHECK (state IN ('queued','sending','delivered','failed','expired')),"
                                 " attempts INTEGER NOT NULL DEFAULT 0, parts_done INTEGER NOT NULL DEFAULT 0,"
                                 " parts_channel TEXT, delivered_by TEXT, last_error TEXT, enqueued_at INTEGER NOT NULL,"
                                 " next_attempt_at INTEGER, finished_at INTEGER)")
               << QStringLiteral("CREATE INDEX IF NOT EXISTS notify_outbox_pending ON notify_outbox (state, next_attempt_at, seq)")
               << QStringLiteral("INSERT INTO notify_meta (key, value) VALUES ('outbox_schema_version', '1')")
               << QStringLiteral("INSERT INTO notify_outbox (signal_id, idempotency_key, payload, state, enqueued_at, "
                                 "next_attempt_at) VALUES ('s1', 'k1', '{}', 'queued', 0, 0)");
    for (const QString& statement : std::as_const(statements)) {
        if (Status s = db.exec(statement); !s)
            return s;
    }
    return okStatus();
}

/// Opens every store on the file the way the engine does (journal, bar store, paper, outbox).
struct Stores {
    std::unique_ptr<Journal> journal;
    std::unique_ptr<BarStore> bars;
    std::unique_ptr<PaperPlatform> paper;
    std::unique_ptr<Outbox> outbox;
};

Result<Stores> openAll(const QString& path, Clock& clock)
{
    Stores stores;
    auto journal = Journal::open(path);
    if (!journal)
        return journal.error();
    stores.journal = std::move(journal).value();
    auto bars = BarStore::open(path);
    if (!bars)
        return bars.error();
    stores.bars = std::move(bars).value();
    auto paper = PaperPlatform::open(path, PaperSettings{}, clock);
    if (!paper)
        return paper.error();
    stores.paper = std::move(paper).value();
    auto outbox = Outbox::open(path);
    if (!outbox)
        return outbox.error();
    stores.outbox = std::move(outbox).value();
    return stores;
}

const QMap<QString, int> everyOwnerAtItsLatest{
    {QStringLiteral("journal"), JournalSchema::latestVersion()},
    {QStringLiteral("bar store"), BarStore::kSchemaVersion},
    {QStringLiteral("paper account"), PaperPlatform::schemaVersion},
    {QStringLiteral("signal outbox"), Outbox::schemaVersion},
};

QStringList verifyArgs(const QString& path)
{
    return {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), path};
}

} // namespace

class TestJournalFileVersions final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aReleasedFileVerifiesAndIsAdoptedByEveryStore_data();
    void aReleasedFileVerifiesAndIsAdoptedByEveryStore();
    void aNewFileKeepsEveryStoresVersionInOneTable();
};

void TestJournalFileVersions::aReleasedFileVerifiesAndIsAdoptedByEveryStore_data()
{
    QTest::addColumn<int>("journalVersion");
    QTest::newRow("journal at version 2 beside a bar store whose user_version is 1") << 2;
    QTest::newRow("journal still at version 1 is migrated once to 2") << 1;
}

void TestJournalFileVersions::aReleasedFileVerifiesAndIsAdoptedByEveryStore()
{
    QFETCH(int, journalVersion);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    const Status written = writeReleasedFile(path, journalVersion);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : describe(written.error())));

    // Verification reads the released file as it is and changes nothing.
    const QByteArray before = test::fileSha256(path);
    const auto report = JournalVerifier::verify(path);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : describe(report.error())));
    QVERIFY(report->passed());
    QCOMPARE(report->schemaVersion, journalVersion);
    QCOMPARE(test::fileSha256(path), before);
    const test::CliRun oldFile = test::runSentinel(verifyArgs(path));
    QVERIFY2(oldFile.exitCode == 0, oldFile.err.constData());

    ManualClock clock(t0);
    {
        auto stores = openAll(path, clock);
        QVERIFY2(stores.ok(), qPrintable(stores.ok() ? QString() : describe(stores.error())));
        const Stores& opened = stores.value();
        QCOMPARE(opened.journal->schemaVersion(), JournalSchema::latestVersion());
        QCOMPARE(opened.journal->unacknowledgedAlerts().value().size(), 1);
        QCOMPARE(opened.bars->load(QStringLiteral("FX:EUR/USD:5min")).value().bars.size(), 1);
        QCOMPARE(opened.paper->snapshot().balance, 87654.5); // the stored account, not a new one
        QCOMPARE(opened.outbox->pending().value().size(), 1);
    }

    auto db = SqliteConnection::open(path, QStringLiteral("probe"), SqliteConnection::Access::ReadOnly);
    QVERIFY(db.ok());
    QCOMPARE(SchemaVersions::all(*db.value()).value(), everyOwnerAtItsLatest);
    // The old marks stay in step, so the release before still recognises the file.
    QCOMPARE(db.value()->scalar(QStringLiteral("PRAGMA user_version")).value().toInt(), BarStore::kSchemaVersion);
    QCOMPARE(db.value()->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).value().toInt(),
             JournalSchema::latestVersion());
    QCOMPARE(db.value()->scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).value().toInt(),
             JournalSchema::latestVersion());
    QCOMPARE(db.value()->scalar(QStringLiteral("SELECT value FROM paper_meta WHERE key = 'schema_version'")).value().toString(),
             QStringLiteral("1"));
    QCOMPARE(db.value()->scalar(QStringLiteral("SELECT value FROM notify_meta WHERE key = 'outbox_schema_version'"))
                 .value()
                 .toString(),
             QStringLiteral("1"));

    const auto after = JournalVerifier::verify(path);
    QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : describe(after.error())));
    QVERIFY(after->passed());
    QCOMPARE(after->schemaVersion, JournalSchema::latestVersion());
    const test::CliRun adopted = test::runSentinel(verifyArgs(path));
    QVERIFY2(adopted.exitCode == 0, adopted.err.constData());
}

void TestJournalFileVersions::aNewFileKeepsEveryStoresVersionInOneTable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    ManualClock clock(t0);
    {
        auto stores = openAll(path, clock);
        QVERIFY2(stores.ok(), qPrintable(stores.ok() ? QString() : describe(stores.error())));
    }
    {
        // Reopening applies nothing twice (each store's first migration is a plain CREATE TABLE).
        auto again = openAll(path, clock);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : describe(again.error())));
    }
    auto db = SqliteConnection::open(path, QStringLiteral("probe"), SqliteConnection::Access::ReadOnly);
    QVERIFY(db.ok());
    QCOMPARE(SchemaVersions::all(*db.value()).value(), everyOwnerAtItsLatest);
    const auto report = JournalVerifier::verify(path);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : describe(report.error())));
    QVERIFY(report->passed());
    QCOMPARE(report->schemaVersion, JournalSchema::latestVersion());
    const test::CliRun verified = test::runSentinel(verifyArgs(path));
    QVERIFY2(verified.exitCode == 0, verified.err.constData());
}

QTEST_GUILESS_MAIN(TestJournalFileVersions)
#include "tst_journal_file_versions.moc"
