// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"
#include "storage/SchemaVersions.h"
#include "storage/SqliteConnection.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

namespace {

/// An owner like the journal: two migrations whose statements fail if run twice (CREATE TABLE
/// without IF NOT EXISTS, and a row under a primary key), so "ran once" is visible in the file.
SchemaOwner alpha()
{
    return {QStringLiteral("alpha"),
            {{1, QStringLiteral("alpha table"),
              {QStringLiteral("CREATE TABLE alpha (step INTEGER PRIMARY KEY)"), QStringLiteral("INSERT INTO alpha VALUES (1)")}},
             {2, QStringLiteral("second step"), {QStringLiteral("INSERT INTO alpha VALUES (2)")}}},
            std::nullopt,
            QStringLiteral("alpha_too_new"),
            QStringLiteral("use the newer release")};
}

/// An owner with one migration and a legacy mark of the given shape.
SchemaOwner withLegacy(const QString& name, const LegacyVersionMark& mark)
{
    return {name,
            {{1, QStringLiteral("%1 table").arg(name), {QStringLiteral("CREATE TABLE \"%1_rows\" (v INTEGER)").arg(name)}}},
            mark,
            QStringLiteral("too_new"),
            QStringLiteral("use the newer release")};
}

SchemaOwner barStoreLike()
{
    return withLegacy(QStringLiteral("bars"), LegacyVersionMark::userVersion());
}

SchemaOwner journalLike()
{
    return withLegacy(QStringLiteral("journal"), LegacyVersionMark::history(QStringLiteral("schema_version")));
}

QString describe(const Error& error)
{
    return error.toString();
}

template <typename T>
QString describe(const Result<T>& result)
{
    return result.ok() ? QString() : describe(result.error());
}


std::unique_ptr<SqliteConnection> openOrFail(const QString& path, const QString& owner = QStringLiteral("test"))
{
    auto db = SqliteConnection::open(path, owner);
    return db.ok() ? std::move(db).value() : nullptr;
}

} // namespace

class TestSchemaVersions final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNewFileRunsEveryMigrationAndRecordsTheOwner();
    void eachMigrationRunsOnceAcrossReopensAndConnections();
    void twoOwnersInOneFileKeepSeparateVersions();
    void aFailedMigrationLeavesThePreviousVersion();
    void aTargetVersionStopsThere();
    void aFileFromANewerReleaseIsRefusedUntouched();
    void aLegacyMarkIsAdoptedInsteadOfMigratingAgain_data();
    void aLegacyMarkIsAdoptedInsteadOfMigratingAgain();
    void userVersionWrittenByTheBarStoreIsNotTheJournals();
    void legacyMarksAreKeptInStepForOlderReleases();
    void aLegacyMarkAheadOfTheTableMakesTheFileNewer();
    void readingOnAReadOnlyConnectionWritesNothing();
};

void TestSchemaVersions::aNewFileRunsEveryMigrationAndRecordsTheOwner()
{
    QTemporaryDir dir;
    auto db = openOrFail(dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db);
    QCOMPARE(SchemaVersions::current(*db, alpha()).value(), 0);
    const auto migrated = SchemaVersions::migrate(*db, alpha());
    QVERIFY2(migrated.ok(), qPrintable(describe(migrated)));
    QCOMPARE(migrated.value(), 2);
    QCOMPARE(SchemaVersions::current(*db, alpha()).value(), 2);
    QCOMPARE(SchemaVersions::all(*db).value(), (QMap<QString, int>{{QStringLiteral("alpha"), 2}}));
    // The owner's version lives in the table, not in the file-wide slot.
    QCOMPARE(db->scalar(QStringLiteral("PRAGMA user_version")).value().toInt(), 0);
}

void TestSchemaVersions::eachMigrationRunsOnceAcrossReopensAndConnections()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    auto first = openOrFail(path, QStringLiteral("first"));
    auto second = openOrFail(path, QStringLiteral("second"));
    QVERIFY(first && second);
    QCOMPARE(SchemaVersions::migrate(*first, alpha()).value(), 2);
    // A second connection to the same file (the outbox beside the journal) finds it done.
    const auto again = SchemaVersions::migrate(*second, alpha());
    QVERIFY2(again.ok(), qPrintable(describe(again)));
    QCOMPARE(again.value(), 2);
    first.reset();
    second.reset();
    auto reopened = openOrFail(path);
    QVERIFY(reopened);
    QCOMPARE(SchemaVersions::migrate(*reopened, alpha()).value(), 2);
    QCOMPARE(reopened->scalar(QStringLiteral("SELECT group_concat(step) FROM alpha")).value().toString(), QStringLiteral("1,2"));
}

void TestSchemaVersions::twoOwnersInOneFileKeepSeparateVersions()
{
    QTemporaryDir dir;
    auto db = openOrFail(dir.filePath(QStringLiteral("shared.sqlite")));
    QVERIFY(db);
    SchemaOwner beta = withLegacy(QStringLiteral("beta"), LegacyVersionMark::keyValue(QStringLiteral("beta_meta"),
                                                                                      QStringLiteral("schema_version")));
    QCOMPARE(SchemaVersions::migrate(*db, beta).value(), 1);
    QCOMPARE(SchemaVersions::migrate(*db, alpha(), 1).value(), 1);
    QCOMPARE(SchemaVersions::all(*db).value(),
             (QMap<QString, int>{{QStringLiteral("alpha"), 1}, {QStringLiteral("beta"), 1}}));
    // Moving one owner on leaves the other where it was.
    QCOMPARE(SchemaVersions::migrate(*db, alpha()).value(), 2);
    QCOMPARE(SchemaVersions::current(*db, beta).value(), 1);
    QCOMPARE(SchemaVersions::all(*db).value(),
             (QMap<QString, int>{{QStringLiteral("alpha"), 2}, {QStringLiteral("beta"), 1}}));
}

void TestSchemaVersions::aFailedMigrationLeavesThePreviousVersion()
{
    QTemporaryDir dir;
    auto db = openOrFail(dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db);
    SchemaOwner broken = alpha();
    broken.migrations[1].statements = {QStringLiteral("CREATE TABLE half_done (v INTEGER)"),
                                       QStringLiteral("INSERT INTO missing_table VALUES (1)")};
    const auto migrated = SchemaVersions::migrate(*db, broken);
    QVERIFY(!migrated.ok());
    QCOMPARE(migrated.error().kind, QStringLiteral("storage_error"));
    QVERIFY(migrated.error().message.contains(QStringLiteral("missing_table")));
    QCOMPARE(SchemaVersions::current(*db, broken).value(), 1);
    QVERIFY(!db->hasTable(QStringLiteral("half_done")).value());
    // The mended release carries on from version 1.
    QCOMPARE(SchemaVersions::migrate(*db, alpha()).value(), 2);
}

void TestSchemaVersions::aTargetVersionStopsThere()
{
    QTemporaryDir dir;
    auto db = openOrFail(dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db);
    QCOMPARE(SchemaVersions::migrate(*db, alpha(), 1).value(), 1);
    QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM alpha")).value().toInt(), 1);
    QCOMPARE(SchemaVersions::migrate(*db, alpha()).value(), 2);
}

void TestSchemaVersions::aFileFromANewerReleaseIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        auto db = openOrFail(path);
        QVERIFY(db);
        QCOMPARE(SchemaVersions::migrate(*db, alpha()).value(), 2);
        QVERIFY(db->exec(QStringLiteral("UPDATE schema_versions SET version = 5 WHERE owner = 'alpha'")).ok());
    }
    auto db = openOrFail(path);
    QVERIFY(db);
    const auto refused = SchemaVersions::migrate(*db, alpha());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, QStringLiteral("alpha_too_new"));
    QVERIFY(refused.error().message.contains(QStringLiteral("schema version 5")));
    QVERIFY(refused.error().message.contains(QStringLiteral("up to 2")));
    QVERIFY(refused.error().message.contains(db->path()));
    QCOMPARE(refused.error().remedy, QStringLiteral("use the newer release"));
    QCOMPARE(SchemaVersions::current(*db, alpha()).value(), 5);
}

void TestSchemaVersions::aLegacyMarkIsAdoptedInsteadOfMigratingAgain_data()
{
    // Each row builds a file as a release before schema_versions left it: the owner's table made
    // by a non-repeatable CREATE TABLE, and its version where that release kept it.
    QTest::addColumn<int>("markKind"); // 0 user_version, 1 key/value row, 2 history table
    QTest::addColumn<QStringList>("legacyStatements");
    QTest::newRow("the bar store's PRAGMA user_version")
        << 0 << QStringList{QStringLiteral("PRAGMA user_version = 1")};
    QTest::newRow("the paper account's paper_meta row")
        << 1
        << QStringList{QStringLiteral("CREATE TABLE legacy_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                       QStringLiteral("INSERT INTO legacy_meta VALUES ('schema_version', '1')")};
    QTest::newRow("the journal's schema_version history")
        << 2
        << QStringList{QStringLiteral("CREATE TABLE legacy_history (version INTEGER PRIMARY KEY, description TEXT NOT NULL)"),
                       QStringLiteral("INSERT INTO legacy_history VALUES (1, 'legacy table')")};
}

void TestSchemaVersions::aLegacyMarkIsAdoptedInsteadOfMigratingAgain()
{
    QFETCH(int, markKind);
    QFETCH(QStringList, legacyStatements);
    const LegacyVersionMark mark = markKind == 0   ? LegacyVersionMark::userVersion()
                                   : markKind == 1 ? LegacyVersionMark::keyValue(QStringLiteral("legacy_meta"),
                                                                                 QStringLiteral("schema_version"))
                                                   : LegacyVersionMark::history(QStringLiteral("legacy_history"));
    const SchemaOwner owner = withLegacy(QStringLiteral("legacy"), mark);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("released.sqlite"));
    {
        auto db = openOrFail(path, QStringLiteral("old release"));
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE legacy_rows (v INTEGER)")).ok());
        QVERIFY(db->exec(QStringLiteral("INSERT INTO legacy_rows VALUES (42)")).ok());
        for (const QString& statement : std::as_const(legacyStatements))
            QVERIFY(db->exec(statement).ok());
        QVERIFY(!db->hasTable(QStringLiteral("schema_versions")).value());
    }
    auto db = openOrFail(path);
    QVERIFY(db);
    QCOMPARE(SchemaVersions::current(*db, owner).value(), 1);
    // Running migration 1 again would fail on its CREATE TABLE: adoption must skip it.
    const auto migrated = SchemaVersions::migrate(*db, owner);
    QVERIFY2(migrated.ok(), qPrintable(describe(migrated)));
    QCOMPARE(migrated.value(), 1);
    QCOMPARE(SchemaVersions::all(*db).value(), (QMap<QString, int>{{QStringLiteral("legacy"), 1}}));
    QCOMPARE(db->scalar(QStringLiteral("SELECT v FROM legacy_rows")).value().toInt(), 42);
}

void TestSchemaVersions::userVersionWrittenByTheBarStoreIsNotTheJournals()
{
    // A released journal file the engine also gave the bar store: user_version = 1 is the bar
    // store's, the journal's history table says 2. Neither owner may take the other's number.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    {
        auto db = openOrFail(path, QStringLiteral("old release"));
        QVERIFY(db);
        for (const char* sql : {"CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL)",
                                "INSERT INTO schema_version VALUES (1, 'first'), (2, 'second')",
                                "CREATE TABLE bars_rows (v INTEGER)", "PRAGMA user_version = 1"})
            QVERIFY(db->exec(QString::fromLatin1(sql)).ok());
    }
    SchemaOwner journal = journalLike();
    journal.migrations.append({2, QStringLiteral("second"), {QStringLiteral("CREATE TABLE journal_second (v INTEGER)")}});
    journal.migrations.append({3, QStringLiteral("third"), {QStringLiteral("CREATE TABLE journal_third (v INTEGER)")}});
    auto db = openOrFail(path);
    QVERIFY(db);
    // The journal adopts 2 from its history and runs only migration 3.
    QCOMPARE(SchemaVersions::migrate(*db, journal).value(), 3);
    QVERIFY(!db->hasTable(QStringLiteral("journal_second")).value());
    QVERIFY(db->hasTable(QStringLiteral("journal_third")).value());
    QCOMPARE(db->scalar(QStringLiteral("PRAGMA user_version")).value().toInt(), 1);
    // The bar store adopts its own 1 from user_version.
    QCOMPARE(SchemaVersions::migrate(*db, barStoreLike()).value(), 1);
    QCOMPARE(SchemaVersions::all(*db).value(),
             (QMap<QString, int>{{QStringLiteral("journal"), 3}, {QStringLiteral("bars"), 1}}));
}

void TestSchemaVersions::legacyMarksAreKeptInStepForOlderReleases()
{
    // A release before schema_versions reads only its old mark: it must still see the version
    // a newer release migrated to, or it would read tables it does not know.
    QTemporaryDir dir;
    auto db = openOrFail(dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db);
    SchemaOwner bars = barStoreLike();
    bars.migrations.append({2, QStringLiteral("second"), {QStringLiteral("ALTER TABLE bars_rows ADD COLUMN w INTEGER")}});
    SchemaOwner journal = journalLike();
    journal.migrations.append({2, QStringLiteral("second"), {QStringLiteral("ALTER TABLE journal_rows ADD COLUMN w INTEGER")}});
    QCOMPARE(SchemaVersions::migrate(*db, bars).value(), 2);
    QCOMPARE(SchemaVersions::migrate(*db, journal).value(), 2);
    QCOMPARE(db->scalar(QStringLiteral("PRAGMA user_version")).value().toInt(), 2);
    QCOMPARE(db->scalar(QStringLiteral("SELECT group_concat(version || ':' || description, ',') FROM schema_version"))
                 .value()
                 .toString(),
             QStringLiteral("1:journal table,2:second"));
}

void TestSchemaVersions::aLegacyMarkAheadOfTheTableMakesTheFileNewer()
{
    QTemporaryDir dir;
    auto db = openOrFail(dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db);
    QCOMPARE(SchemaVersions::migrate(*db, barStoreLike()).value(), 1);
    QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 2")).ok());
    const auto refused = SchemaVersions::migrate(*db, barStoreLike());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, QStringLiteral("too_new"));
    QVERIFY(refused.error().message.contains(QStringLiteral("schema version 2")));
}

void TestSchemaVersions::readingOnAReadOnlyConnectionWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("released.sqlite"));
    {
        auto db = openOrFail(path, QStringLiteral("old release"));
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("PRAGMA journal_mode=DELETE")).ok());
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL)")).ok());
        QVERIFY(db->exec(QStringLiteral("INSERT INTO schema_version VALUES (1, 'journal table')")).ok());
    }
    const QByteArray before = test::fileSha256(path);
    {
        auto db = SqliteConnection::open(path, QStringLiteral("verifier"), SqliteConnection::Access::ReadOnly);
        QVERIFY(db.ok());
        QCOMPARE(SchemaVersions::current(*db.value(), journalLike()).value(), 1);
        QCOMPARE(SchemaVersions::current(*db.value(), barStoreLike()).value(), 0);
        QVERIFY(SchemaVersions::all(*db.value()).value().isEmpty());
        QVERIFY(!SchemaVersions::migrate(*db.value(), journalLike()).ok());
    }
    QCOMPARE(test::fileSha256(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

QTEST_GUILESS_MAIN(TestSchemaVersions)
#include "tst_schemaversions.moc"
