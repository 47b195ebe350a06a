// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/BarStore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace sentinel;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Bar bar(const char* open, double close)
{
    return Bar{utc(open), close, close + 1, close - 1, close, 10};
}

QString describe(const Status& status)
{
    return status.ok() ? QString() : status.error().toString();
}

} // namespace

class TestBarStore final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storedBarsSurviveAReopenInTimeOrder();
    void aBarFetchedAgainReplacesTheStoredOne();
    void instrumentsAreKeptApart();
    void implausibleBarsAreRefusedWholeBatch_data();
    void implausibleBarsAreRefusedWholeBatch();
    void aStoreFromANewerReleaseIsRefusedWithARemedy();
    void aFileThatIsNotADatabaseIsRefused();
    void implausibleRowsOnDiskAreDroppedAndReported();
    void twoStoresOpenAtOnceUseTheirOwnConnections();
};

void TestBarStore::storedBarsSurviveAReopenInTimeOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bars.sqlite"));
    {
        auto store = BarStore::open(path);
        QVERIFY(store.ok());
        QVERIFY2(store.value()->upsert(QStringLiteral("XNYS:AAPL:5min"),
                                       {bar("2024-03-04T14:05:00Z", 101), bar("2024-03-04T14:00:00Z", 100)})
                     .ok(),
                 "upsert failed");
    }
    auto reopened = BarStore::open(path);
    QVERIFY(reopened.ok());
    const auto loaded = reopened.value()->load(QStringLiteral("XNYS:AAPL:5min"));
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().bars,
             (Bars{bar("2024-03-04T14:00:00Z", 100), bar("2024-03-04T14:05:00Z", 101)}));
    QVERIFY(loaded.value().dropped.isEmpty());
    QCOMPARE(reopened.value()->instrumentKeys().value(), QStringList{QStringLiteral("XNYS:AAPL:5min")});
}

void TestBarStore::aBarFetchedAgainReplacesTheStoredOne()
{
    QTemporaryDir dir;
    auto store = BarStore::open(dir.filePath(QStringLiteral("bars.sqlite")));
    QVERIFY(store.ok());
    const QString key = QStringLiteral("FX:EUR/USD:1min");
    QVERIFY(store.value()->upsert(key, {bar("2024-03-04T14:00:00Z", 1.08), bar("2024-03-04T14:01:00Z", 1.09)}).ok());
    QVERIFY(store.value()->upsert(key, {bar("2024-03-04T14:01:00Z", 1.10), bar("2024-03-04T14:02:00Z", 1.11)}).ok());
    const Bars bars = store.value()->load(key).value().bars;
    QCOMPARE(bars.size(), 3);
    QCOMPARE(bars.at(1).close, 1.10);
}

void TestBarStore::instrumentsAreKeptApart()
{
    QTemporaryDir dir;
    auto store = BarStore::open(dir.filePath(QStringLiteral("bars.sqlite")));
    QVERIFY(store.ok());
    QVERIFY(store.value()->upsert(QStringLiteral("a"), {bar("2024-03-04T14:00:00Z", 1)}).ok());
    QVERIFY(store.value()->upsert(QStringLiteral("b"), {bar("2024-03-04T14:00:00Z", 2)}).ok());
    QCOMPARE(store.value()->load(QStringLiteral("a")).value().bars.constFirst().close, 1.0);
    QCOMPARE(store.value()->load(QStringLiteral("b")).value().bars.constFirst().close, 2.0);
    QVERIFY(store.value()->load(QStringLiteral("c")).value().bars.isEmpty());
}

void TestBarStore::implausibleBarsAreRefusedWholeBatch_data()
{
    QTest::addColumn<Bar>("bad");
    Bar nan = bar("2024-03-04T14:05:00Z", 100);
    nan.close = std::numeric_limits<double>::quiet_NaN();
    Bar inverted = bar("2024-03-04T14:05:00Z", 100);
    std::swap(inverted.high, inverted.low);
    Bar negative = bar("2024-03-04T14:05:00Z", 100);
    negative.volume = -1;
    QTest::newRow("a bar with a NaN close") << nan;
    QTest::newRow("a bar whose low is above its high") << inverted;
    QTest::newRow("a bar with negative volume") << negative;
}

void TestBarStore::implausibleBarsAreRefusedWholeBatch()
{
    QFETCH(Bar, bad);
    QTemporaryDir dir;
    auto store = BarStore::open(dir.filePath(QStringLiteral("bars.sqlite")));
    QVERIFY(store.ok());
    const Status status = store.value()->upsert(QStringLiteral("k"), {bar("2024-03-04T14:00:00Z", 100), bad});
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message.contains(QStringLiteral("2024-03-04T14:05:00Z")), qPrintable(describe(status)));
    QVERIFY(store.value()->load(QStringLiteral("k")).value().bars.isEmpty());
}

void TestBarStore::aStoreFromANewerReleaseIsRefusedWithARemedy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bars.sqlite"));
    {
        auto store = BarStore::open(path);
        QVERIFY(store.ok());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(BarStore::kSchemaVersion + 1)));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump"));
    auto store = BarStore::open(path);
    QVERIFY(!store.ok());
    QVERIFY(store.error().message.contains(QStringLiteral("schema version 2")));
    QVERIFY(!store.error().remedy.isEmpty());
}

void TestBarStore::aFileThatIsNotADatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bars.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    auto store = BarStore::open(path);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().kind, QStringLiteral("bar_store"));
    QVERIFY(store.error().message.contains(path));
}

void TestBarStore::implausibleRowsOnDiskAreDroppedAndReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bars.sqlite"));
    {
        auto store = BarStore::open(path);
        QVERIFY(store.ok());
        QVERIFY(store.value()->upsert(QStringLiteral("k"), {bar("2024-03-04T14:00:00Z", 100)}).ok());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO bars VALUES ('k', %1, 5, 1, 9, 5, 1)")
                               .arg(utc("2024-03-04T14:05:00Z").toMSecsSinceEpoch())));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    auto store = BarStore::open(path);
    QVERIFY(store.ok());
    const auto loaded = store.value()->load(QStringLiteral("k"));
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().bars.size(), 1);
    QCOMPARE(loaded.value().dropped.size(), 1);
    QVERIFY(loaded.value().dropped.constFirst().contains(QStringLiteral("2024-03-04T14:05:00Z")));
}

void TestBarStore::twoStoresOpenAtOnceUseTheirOwnConnections()
{
    QTemporaryDir dir;
    auto first = BarStore::open(dir.filePath(QStringLiteral("one.sqlite")));
    auto second = BarStore::open(dir.filePath(QStringLiteral("two.sqlite")));
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first.value()->upsert(QStringLiteral("k"), {bar("2024-03-04T14:00:00Z", 1)}).ok());
    QVERIFY(second.value()->load(QStringLiteral("k")).value().bars.isEmpty());
}

QTEST_GUILESS_MAIN(TestBarStore)
#include "tst_barstore.moc"
