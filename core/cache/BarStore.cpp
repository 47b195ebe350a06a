// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/BarStore.h"

#include "cache/BarCodec.h"
#include "common/Log.h"

#include <algorithm>
#include <limits>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace sentinel {

namespace {

std::atomic<int> g_connectionSerial{0};

Error storeError(const QString& path, const QString& what, const QString& detail)
{
    return Error{QStringLiteral("bar_store"),
                 QStringLiteral("bar store %1: %2: %3").arg(path, what, detail),
                 QStringLiteral("check that the file is writable and not used by another program; "
                                "deleting it only costs a refetch")};
}

} // namespace

BarStore::BarStore(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName)), m_path(std::move(path))
{
}

BarStore::~BarStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<BarStore>> BarStore::open(const QString& path)
{
    const QString name = QStringLiteral("sentinel-bar-store-%1").arg(++g_connectionSerial);
    // Owns the connection from here on, so every early return removes it.
    std::unique_ptr<BarStore> store(new BarStore(name, path));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    if (!db.open())
        return storeError(path, QStringLiteral("cannot open"), db.lastError().text());

    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return storeError(path, QStringLiteral("not a readable SQLite database"), query.lastError().text());
    const int version = query.value(0).toInt();
    if (version > kSchemaVersion)
        return Error{QStringLiteral("bar_store"),
                     QStringLiteral("bar store %1 has schema version %2; this release reads up to %3")
                         .arg(path)
                         .arg(version)
                         .arg(kSchemaVersion),
                     QStringLiteral("use the newer release, or delete the file (it only costs a refetch)")};
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return storeError(path, QStringLiteral("cannot enable WAL"), query.lastError().text());
    // A cache, not a record: a crash may lose the last few bars (they are fetched again), so it
    // does not pay an fsync per commit. The journal's connections keep synchronous=FULL.
    if (!query.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return storeError(path, QStringLiteral("cannot set synchronous=NORMAL"), query.lastError().text());
    if (version == 0) {
        const bool created =
            query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS bars ("
                                       " instrument_key TEXT NOT NULL,"
                                       " open_time_ms INTEGER NOT NULL,"
                                       " o REAL NOT NULL, h REAL NOT NULL, l REAL NOT NULL,"
                                       " c REAL NOT NULL, v REAL NOT NULL,"
                                       " PRIMARY KEY (instrument_key, open_time_ms)) WITHOUT ROWID"))
            && query.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
        if (!created)
            return storeError(path, QStringLiteral("cannot create the schema"), query.lastError().text());
    }
    return store;
}

Result<BarStore::Loaded> BarStore::load(const QString& instrumentKey) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT open_time_ms, o, h, l, c, v FROM bars"
                                 " WHERE instrument_key = ? ORDER BY open_time_ms"));
    query.addBindValue(instrumentKey);
    if (!query.exec())
        return storeError(m_path, QStringLiteral("cannot read ") + instrumentKey, query.lastError().text());
    Loaded loaded;
    while (query.next()) {
        Bar bar;
        bar.openTime = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
        bool numeric = true;
        double* fields[] = {&bar.open, &bar.high, &bar.low, &bar.close, &bar.volume};
        for (int i = 0; i < 5; ++i) {
            bool ok = false;
            *fields[i] = query.value(i + 1).toDouble(&ok);
            numeric = numeric && ok && !query.value(i + 1).isNull();
        }
        if (!numeric || !isPlausibleBar(bar)) {
            loaded.dropped << QStringLiteral("%1 %2: implausible stored values")
                                  .arg(instrumentKey, bar.openTime.toString(Qt::ISODate));
            continue;
        }
        loaded.bars.append(bar);
    }
    if (!loaded.dropped.isEmpty())
        log::cache()->warn("bar store {}: dropped {} stored rows of {}", m_path, loaded.dropped.size(),
                           instrumentKey);
    return loaded;
}

Status BarStore::upsert(const QString& instrumentKey, const Bars& bars)
{
    for (const Bar& bar : bars) {
        if (!isPlausibleBar(bar))
            return Error{QStringLiteral("bar_store"),
                         QStringLiteral("refusing to store the %1 bar of %2: implausible prices")
                             .arg(bar.openTime.toString(Qt::ISODate), instrumentKey),
                         QStringLiteral("sanitise bars before storing them")};
    }
    const auto newest = newestStored(instrumentKey);
    if (!newest)
        return newest.error();
    Bars fresh;
    for (const Bar& bar : bars) {
        if (bar.openTime.toMSecsSinceEpoch() >= newest.value())
            fresh.append(bar);
    }
    if (fresh.isEmpty())
        return okStatus();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return storeError(m_path, QStringLiteral("cannot begin a transaction"), db.lastError().text());
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO bars (instrument_key, open_time_ms, o, h, l, c, v)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const Bar& bar : std::as_const(fresh)) {
        query.bindValue(0, instrumentKey);
        query.bindValue(1, bar.openTime.toMSecsSinceEpoch());
        query.bindValue(2, bar.open);
        query.bindValue(3, bar.high);
        query.bindValue(4, bar.low);
        query.bindValue(5, bar.close);
        query.bindValue(6, bar.volume);
        if (!query.exec()) {
            const QString detail = query.lastError().text();
            db.rollback();
            return storeError(m_path, QStringLiteral("cannot write ") + instrumentKey, detail);
        }
    }
    if (!db.commit())
        return storeError(m_path, QStringLiteral("cannot commit"), db.lastError().text());
    qint64 newestWritten = newest.value();
    for (const Bar& bar : std::as_const(fresh))
        newestWritten = std::max(newestWritten, bar.openTime.toMSecsSinceEpoch());
    m_newestStored.insert(instrumentKey, newestWritten);
    return okStatus();
}

Result<QStringList> BarStore::instrumentKeys() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT DISTINCT instrument_key FROM bars ORDER BY instrument_key")))
        return storeError(m_path, QStringLiteral("cannot list instruments"), query.lastError().text());
    QStringList keys;
    while (query.next())
        keys << query.value(0).toString();
    return keys;
}

} // namespace sentinel

namespace sentinel {

Result<qint64> BarStore::newestStored(const QString& instrumentKey)
{
    if (const auto known = m_newestStored.constFind(instrumentKey); known != m_newestStored.cend())
        return *known;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT MAX(open_time_ms) FROM bars WHERE instrument_key = ?"));
    query.bindValue(0, instrumentKey);
    if (!query.exec() || !query.next())
        return storeError(m_path, QStringLiteral("cannot read ") + instrumentKey, query.lastError().text());
    const qint64 newest = query.value(0).isNull() ? std::numeric_limits<qint64>::min() : query.value(0).toLongLong();
    m_newestStored.insert(instrumentKey, newest);
    return newest;
}

} // namespace sentinel
