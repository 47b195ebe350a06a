// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SqliteConnection.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

class TestSqliteConnection final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensInWalWithFullSyncAndForeignKeys();
    void failedWorkRollsBackTheWholeTransaction();
    void sqlErrorsNameTheStoreAndTheStatement();
    void readOnlyAccessCreatesNothing();
    void synchronousIsNormalOnlyWhenTheOwnerAsks_data();
    void synchronousIsNormalOnlyWhenTheOwnerAsks();
    void errorsCarryTheOwnersKindAndRemedy();
    void anImmediateTransactionHoldsTheWriteLockFromItsStart();
};

void TestSqliteConnection::opensInWalWithFullSyncAndForeignKeys()
{
    QTemporaryDir dir;
    auto db = SqliteConnection::open(dir.filePath(QStringLiteral("a.sqlite")), QStringLiteral("test store"));
    QVERIFY(db.ok());
    QCOMPARE(db.value()->scalar(QStringLiteral("PRAGMA journal_mode")).value().toString(), QStringLiteral("wal"));
    QCOMPARE(db.value()->scalar(QStringLiteral("PRAGMA synchronous")).value().toInt(), 2); // FULL
    QCOMPARE(db.value()->scalar(QStringLiteral("PRAGMA foreign_keys")).value().toInt(), 1);
}

void TestSqliteConnection::failedWorkRollsBackTheWholeTransaction()
{
    QTemporaryDir dir;
    auto db = SqliteConnection::open(dir.filePath(QStringLiteral("a.sqlite")), QStringLiteral("test store"));
    QVERIFY(db.ok());
    SqliteConnection& connection = *db.value();
    QVERIFY(connection.exec(QStringLiteral("CREATE TABLE t (v INTEGER NOT NULL)")).ok());
    const Status failed = connection.transaction([&]() -> Status {
        if (Status s = connection.exec(QStringLiteral("INSERT INTO t VALUES (1)")); !s)
            return s;
        return connection.exec(QStringLiteral("INSERT INTO t VALUES (NULL)")); // violates NOT NULL
    });
    QVERIFY(!failed.ok());
    QCOMPARE(connection.scalar(QStringLiteral("SELECT COUNT(*) FROM t")).value().toInt(), 0);
    QVERIFY(connection.transaction([&]() { return connection.exec(QStringLiteral("INSERT INTO t VALUES (2)")); }).ok());
    QCOMPARE(connection.scalar(QStringLiteral("SELECT COUNT(*) FROM t")).value().toInt(), 1);
}

void TestSqliteConnection::sqlErrorsNameTheStoreAndTheStatement()
{
    QTemporaryDir dir;
    auto db = SqliteConnection::open(dir.filePath(QStringLiteral("a.sqlite")), QStringLiteral("test store"));
    QVERIFY(db.ok());
    const Status status = db.value()->exec(QStringLiteral("SELECT * FROM missing_table"));
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, QStringLiteral("storage_error"));
    QVERIFY(status.error().message.startsWith(QStringLiteral("test store ")));
    QVERIFY(status.error().message.contains(QStringLiteral("missing_table")));
}

void TestSqliteConnection::readOnlyAccessCreatesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.sqlite"));
    auto db = SqliteConnection::open(path, QStringLiteral("test store"), SqliteConnection::Access::ReadOnly);
    QVERIFY(!db.ok());
    QVERIFY(!QFile::exists(path));
}

void TestSqliteConnection::synchronousIsNormalOnlyWhenTheOwnerAsks_data()
{
    QTest::addColumn<bool>("asksForNormal");
    QTest::addColumn<int>("expected"); // PRAGMA synchronous: 1 NORMAL, 2 FULL
    QTest::newRow("a record store gets FULL by default") << false << 2;
    QTest::newRow("a re-fetchable cache that asks gets NORMAL") << true << 1;
}

void TestSqliteConnection::synchronousIsNormalOnlyWhenTheOwnerAsks()
{
    QFETCH(bool, asksForNormal);
    QFETCH(int, expected);
    QTemporaryDir dir;
    SqliteConnection::Options options;
    options.owner = QStringLiteral("test store");
    if (asksForNormal)
        options.sync = SqliteConnection::Sync::Normal;
    auto db = SqliteConnection::open(dir.filePath(QStringLiteral("a.sqlite")), options);
    QVERIFY(db.ok());
    QCOMPARE(db.value()->scalar(QStringLiteral("PRAGMA synchronous")).value().toInt(), expected);
    QCOMPARE(db.value()->scalar(QStringLiteral("PRAGMA journal_mode")).value().toString(), QStringLiteral("wal"));
    QCOMPARE(db.value()->scalar(QStringLiteral("PRAGMA foreign_keys")).value().toInt(), 1);
}

void TestSqliteConnection::errorsCarryTheOwnersKindAndRemedy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-database.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    SqliteConnection::Options options;
    options.owner = QStringLiteral("bar store");
    options.errorKind = QStringLiteral("bar_store");
    options.remedy = QStringLiteral("delete it");
    auto db = SqliteConnection::open(path, options);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().kind, QStringLiteral("bar_store"));
    QVERIFY(db.error().message.startsWith(QStringLiteral("bar store ")));
    QVERIFY(db.error().message.contains(path));
    QCOMPARE(db.error().remedy, QStringLiteral("delete it"));
}

void TestSqliteConnection::anImmediateTransactionHoldsTheWriteLockFromItsStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    auto first = SqliteConnection::open(path, QStringLiteral("first"));
    QVERIFY(first.ok());
    QVERIFY(first.value()->exec(QStringLiteral("CREATE TABLE t (v INTEGER)")).ok());
    SqliteConnection::Options options;
    options.owner = QStringLiteral("second");
    auto second = SqliteConnection::open(path, options);
    QVERIFY(second.ok());
    QVERIFY(second.value()->exec(QStringLiteral("PRAGMA busy_timeout = 0")).ok()); // fail at once instead of waiting
    const Status held = first.value()->transaction(
        [&]() -> Status {
            // Nothing written yet, and still the other connection cannot write.
            if (second.value()->exec(QStringLiteral("INSERT INTO t VALUES (1)")).ok())
                return Error{QStringLiteral("test"), QStringLiteral("the second connection wrote inside the transaction"), {}};
            return first.value()->exec(QStringLiteral("INSERT INTO t VALUES (2)"));
        },
        SqliteConnection::Lock::Immediate);
    QVERIFY2(held.ok(), qPrintable(held.ok() ? QString() : held.error().toString()));
    QCOMPARE(first.value()->scalar(QStringLiteral("SELECT COUNT(*) FROM t")).value().toInt(), 1);
    QVERIFY(second.value()->exec(QStringLiteral("INSERT INTO t VALUES (3)")).ok());
}

QTEST_GUILESS_MAIN(TestSqliteConnection)
#include "tst_sqliteconnection.moc"
