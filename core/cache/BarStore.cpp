// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/BarStore.h"

#include "cache/BarCodec.h"
#include "common/Log.h"
#include "storage/SchemaVersions.h"
#include "storage/SqliteConnection.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <optional>

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sentinel {

namespace {

const QString errorKind = QStringLiteral("bar_store");

const SchemaOwner& barStoreSchema()
{
    static const SchemaOwner owner{
        QStringLiteral("bar store"),
        {
            {1,
             QStringLiteral("bars by instrument and opening instant"),
             {
                 QStringLiteral("CREATE TABLE IF NOT EXISTS bars ("
                                " instrument_key TEXT NOT NULL,"
                                " open_time_ms INTEGER NOT NULL,"
                                " o REAL NOT NULL, h REAL NOT NULL, l REAL NOT NULL,"
                                " c REAL NOT NULL, v REAL NOT NULL,"
                                " PRIMARY KEY (instrument_key, open_time_ms)) WITHOUT ROWID"),
             }},
        },
        // The bar store was the only writer of the file-wide user_version (ADR 0052, ADR 0101).
        LegacyVersionMark::userVersion(),
        errorKind,
        QStringLiteral("use the newer release, or delete the file (it only costs a refetch)"),
    };
    return owner;
}

} // namespace

BarStore::BarStore(std::unique_ptr<SqliteConnection> db) : m_db(std::move(db)) {}

BarStore::~BarStore() = default;

const QString& BarStore::path() const
{
    return m_db->path();
}

Result<std::unique_ptr<BarStore>> BarStore::open(const QString& path)
{
    SqliteConnection::Options options;
    options.owner = QStringLiteral("bar store");
    // A cache, not a record: a power cut may undo the last few commits, and those bars are
    // fetched again, so the store does not pay an fsync per commit. It never corrupts the file,
    // and the journal's own connections to the same file keep synchronous=FULL (ADR 0101).
    options.sync = SqliteConnection::Sync::Normal;
    options.errorKind = errorKind;
    options.remedy = QStringLiteral("check that the file is writable and not used by another program; "
                                    "deleting it only costs a refetch");
    auto db = SqliteConnection::open(path, options);
    if (!db)
        return db.error();
    Q_ASSERT(barStoreSchema().latestVersion() == kSchemaVersion);
    auto version = SchemaVersions::migrate(*db.value(), barStoreSchema());
    if (!version)
        return version.error();
    return std::unique_ptr<BarStore>(new BarStore(std::move(db).value()));
}

namespace {

/// The row a query is on (open_time_ms, o, h, l, c, v) as a bar; nullopt, with the reason in
/// `dropped`, when a stored value is not a plausible price.
std::optional<Bar> readBar(const QSqlQuery& query, const QString& instrumentKey, QStringList& dropped)
{
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
        dropped << QStringLiteral("%1 %2: implausible stored values").arg(instrumentKey, bar.openTime.toString(Qt::ISODate));
        return std::nullopt;
    }
    return bar;
}

} // namespace

Result<BarStore::Loaded> BarStore::load(const QString& instrumentKey) const
{
    auto rows = m_db->query(QStringLiteral("SELECT open_time_ms, o, h, l, c, v FROM bars"
                                           " WHERE instrument_key = ? ORDER BY open_time_ms"),
                            {instrumentKey});
    if (!rows)
        return rows.error();
    QSqlQuery& query = rows.value();
    Loaded loaded;
    while (query.next()) {
        if (auto bar = readBar(query, instrumentKey, loaded.dropped))
            loaded.bars.append(*bar);
    }
    if (!loaded.dropped.isEmpty())
        log::cache()->warn("bar store {}: dropped {} stored rows of {}", path(), loaded.dropped.size(),
                           instrumentKey);
    return loaded;
}

Result<BarStore::Loaded> BarStore::loadRecent(const QString& instrumentKey, const RecentWindow& window) const
{
    Loaded loaded;
    // The newest bars whole, read newest first and turned round.
    auto recentRows = m_db->query(QStringLiteral("SELECT open_time_ms, o, h, l, c, v FROM bars WHERE instrument_key = ?"
                                                 " ORDER BY open_time_ms DESC LIMIT ?"),
                                  {instrumentKey, qint64(window.recentBars)});
    if (!recentRows)
        return recentRows.error();
    Bars recent;
    qint64 oldestRecentMs = std::numeric_limits<qint64>::max();
    qsizetype recentRowCount = 0;
    while (recentRows.value().next()) {
        ++recentRowCount;
        oldestRecentMs = recentRows.value().value(0).toLongLong();
        if (auto bar = readBar(recentRows.value(), instrumentKey, loaded.dropped))
            recent.append(*bar);
    }
    std::reverse(recent.begin(), recent.end());
    if (recentRowCount == window.recentBars && window.olderDays > 0) {
        // Before them, a trading day's last bar (its close) for each of the days kept. Two
        // calendar days per trading day bound the read generously (weekends, holidays).
        const qint64 from = oldestRecentMs - qint64(window.olderDays) * 2 * 86'400'000;
        auto olderRows = m_db->query(QStringLiteral("SELECT open_time_ms, o, h, l, c, v FROM bars WHERE instrument_key = ?"
                                                    " AND open_time_ms < ? AND open_time_ms >= ? ORDER BY open_time_ms"),
                                     {instrumentKey, oldestRecentMs, from});
        if (!olderRows)
            return olderRows.error();
        std::deque<std::pair<qint64, Bar>> closes; // (trading day, its last bar so far)
        while (olderRows.value().next()) {
            const auto bar = readBar(olderRows.value(), instrumentKey, loaded.dropped);
            if (!bar)
                continue;
            const qint64 day = window.tradingDayOf(bar->openTime.toMSecsSinceEpoch());
            if (!closes.empty() && closes.back().first == day) {
                closes.back().second = *bar;
                continue;
            }
            closes.emplace_back(day, *bar);
            if (qsizetype(closes.size()) > window.olderDays)
                closes.pop_front();
        }
        for (const auto& [day, bar] : closes)
            loaded.bars.append(bar);
    }
    loaded.bars += recent;
    if (!loaded.dropped.isEmpty())
        log::cache()->warn("bar store {}: dropped {} stored rows of {}", path(), loaded.dropped.size(),
                           instrumentKey);
    return loaded;
}

Status BarStore::upsert(const QString& instrumentKey, const Bars& bars)
{
    for (const Bar& bar : bars) {
        if (!isPlausibleBar(bar))
            return Error{errorKind,
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
    Status written = m_db->transaction([&]() -> Status {
        // One statement prepared once for the whole batch.
        QSqlQuery query(m_db->database());
        if (!query.prepare(QStringLiteral("INSERT OR REPLACE INTO bars (instrument_key, open_time_ms, o, h, l, c, v)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?)")))
            return m_db->storageError(QStringLiteral("cannot prepare the write of ") + instrumentKey, query.lastError().text());
        for (const Bar& bar : std::as_const(fresh)) {
            query.bindValue(0, instrumentKey);
            query.bindValue(1, bar.openTime.toMSecsSinceEpoch());
            query.bindValue(2, bar.open);
            query.bindValue(3, bar.high);
            query.bindValue(4, bar.low);
            query.bindValue(5, bar.close);
            query.bindValue(6, bar.volume);
            if (!query.exec())
                return m_db->storageError(QStringLiteral("cannot write ") + instrumentKey, query.lastError().text());
        }
        return okStatus();
    });
    if (!written)
        return written;
    qint64 newestWritten = newest.value();
    for (const Bar& bar : std::as_const(fresh))
        newestWritten = std::max(newestWritten, bar.openTime.toMSecsSinceEpoch());
    m_newestStored.insert(instrumentKey, newestWritten);
    return okStatus();
}

Result<QStringList> BarStore::instrumentKeys() const
{
    auto rows = m_db->query(QStringLiteral("SELECT DISTINCT instrument_key FROM bars ORDER BY instrument_key"));
    if (!rows)
        return rows.error();
    QStringList keys;
    while (rows.value().next())
        keys << rows.value().value(0).toString();
    return keys;
}

} // namespace sentinel

namespace sentinel {

Result<qint64> BarStore::newestStored(const QString& instrumentKey)
{
    if (const auto known = m_newestStored.constFind(instrumentKey); known != m_newestStored.cend())
        return *known;
    auto stored = m_db->scalar(QStringLiteral("SELECT MAX(open_time_ms) FROM bars WHERE instrument_key = ?"), {instrumentKey});
    if (!stored)
        return stored.error();
    const qint64 newest = stored.value().isNull() ? std::numeric_limits<qint64>::min() : stored.value().toLongLong();
    m_newestStored.insert(instrumentKey, newest);
    return newest;
}

} // namespace sentinel
