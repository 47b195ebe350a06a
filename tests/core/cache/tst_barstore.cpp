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
    void aRestartReadsTheNewestBarsWholeAndOneCloseADayBefore();
    void aRestartOnAShortStoreReadsItAll();
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

void TestBarStore::aRestartReadsTheNewestBarsWholeAndOneCloseADayBefore()
{
    // Regression (found by the 90-day soak, ADR 0106): a restart read every bar ever stored, so
    // its memory grew with the journal's age (49 MB on a 90-day journal, 30 MB on a 10-day one).
    QTemporaryDir dir;
    auto store = BarStore::open(dir.filePath(QStringLiteral("bars.sqlite")));
    QVERIFY(store.ok());
    // Five days of hourly bars; the close names day and hour: 100 * (day + 1) + hour.
    Bars stored;
    for (int day = 0; day < 5; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            const QDateTime open = utc("2026-03-02T00:00:00Z").addDays(day).addSecs(hour * 3600);
            stored.append(Bar{open, 1.0, 1000.0, 0.5, double(100 * day + hour + 100), 10});
        }
    }
    QVERIFY(store.value()->upsert(QStringLiteral("CRYPTO:BTC/USD:60min"), stored).ok());
    const BarStore::RecentWindow window{30, 3, [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().toJulianDay(); }};
    const auto loaded = store.value()->loadRecent(QStringLiteral("CRYPTO:BTC/USD:60min"), window);
    QVERIFY(loaded.ok());
    const Bars& bars = loaded.value().bars;
    // The newest 30 bars start on day 3 at 18:00 (418); before them the closes of days 1 and 2
    // (223, 323) and day 3's last bar before 18:00 (417); day 0 is beyond the three days kept.
    QCOMPARE(bars.size(), 33);
    QList<double> closes;
    for (const Bar& bar : bars)
        closes.append(bar.close);
    QCOMPARE(closes.mid(0, 4), (QList<double>{223, 323, 417, 418}));
    QCOMPARE(bars.last().openTime, utc("2026-03-06T23:00:00Z"));
    for (qsizetype i = 1; i < bars.size(); ++i)
        QVERIFY(bars.at(i - 1).openTime < bars.at(i).openTime);
    QCOMPARE(store.value()->load(QStringLiteral("CRYPTO:BTC/USD:60min")).value().bars.size(), 120);
}

void TestBarStore::aRestartOnAShortStoreReadsItAll()
{
    QTemporaryDir dir;
    auto store = BarStore::open(dir.filePath(QStringLiteral("bars.sqlite")));
    QVERIFY(store.ok());
    QVERIFY(store.value()->upsert(QStringLiteral("XNYS:AAPL:5min"),
                                  {bar("2026-03-02T14:30:00Z", 100), bar("2026-03-02T14:35:00Z", 101)}).ok());
    const auto loaded = store.value()->loadRecent(QStringLiteral("XNYS:AAPL:5min"),
                                                  BarStore::RecentWindow{1000, 400, [](qint64) { return qint64(1); }});
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().bars.size(), 2);
}

QTEST_GUILESS_MAIN(TestBarStore)
#include "tst_barstore.moc"
