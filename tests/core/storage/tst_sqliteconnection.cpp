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

QTEST_GUILESS_MAIN(TestSqliteConnection)
#include "tst_sqliteconnection.moc"
