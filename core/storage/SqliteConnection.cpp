// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SqliteConnection.h"

#include "common/OwnerOnlyFile.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QUuid>

namespace sentinel {

SqliteConnection::SqliteConnection(QString path, Options options, QString connectionName)
    : m_path(std::move(path)), m_options(std::move(options)), m_connectionName(std::move(connectionName))
{
}

SqliteConnection::~SqliteConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const QString& path, const QString& owner, Access access)
{
    Options options;
    options.owner = owner;
    options.access = access;
    return open(path, options);
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const QString& path, const Options& options)
{
    const QString name = QStringLiteral("sentinel-%1-%2").arg(options.owner, QUuid::createUuid().toString(QUuid::WithoutBraces));
    std::unique_ptr<SqliteConnection> connection(new SqliteConnection(QFileInfo(path).absoluteFilePath(), options, name));
    if (options.access == Access::ReadWrite) {
        // Created owner-only before SQLite writes a byte; its -wal and -shm files take this mode.
        if (Status restricted = ensureOwnerOnlyFile(connection->m_path); !restricted)
            return connection->storageError(QStringLiteral("cannot create"), restricted.error().message);
    }
    connection->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    connection->m_db.setDatabaseName(connection->m_path);
    // The stores share one file and each writes from its own connection, so a writer waits for
    // another's lock instead of failing at once with SQLITE_BUSY.
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (options.access == Access::ReadOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    connection->m_db.setConnectOptions(connectOptions);
    if (!connection->m_db.open())
        return connection->storageError(QStringLiteral("cannot open"), connection->m_db.lastError().text());
    // WAL lets readers (the verifier, the UI) work while the engine writes. synchronous=FULL makes
    // each commit survive power loss, which "written before acting" depends on; NORMAL is for a
    // store whose rows can be fetched again (ADR 0101). synchronous is per connection, and a FULL
    // commit syncs the whole WAL before it, so a NORMAL neighbour in the same file never weakens
    // the journal's commits.
    QStringList pragmas{QStringLiteral("PRAGMA foreign_keys=ON")};
    if (options.access == Access::ReadWrite) {
        pragmas << QStringLiteral("PRAGMA journal_mode=WAL")
                << (options.sync == Sync::Full ? QStringLiteral("PRAGMA synchronous=FULL")
                                               : QStringLiteral("PRAGMA synchronous=NORMAL"));
    }
    for (const QString& pragma : std::as_const(pragmas)) {
        if (Status status = connection->exec(pragma); !status)
            return status.error();
    }
    // SQLite's page cache is per connection (2 MB by default) and up to five share one file, so
    // a process restarted on a journal months old held 8-9 MB more than on a new one, cache it had
    // filled; the 90-day soak saw resident memory 13 % over day 10's (ADR 0106). 512 KiB each
    // keeps the growth small; a page missing from it comes from the OS's file cache. A tuning
    // knob, not a condition of use: preparing it reads the schema, which a damaged file may not
    // have, and that file must reach the integrity check that says it is corrupt (exit 3).
    (void)connection->exec(QStringLiteral("PRAGMA cache_size=-512"));
    return connection;
}

Error SqliteConnection::storageError(const QString& what, const QString& detail) const
{
    return Error{m_options.errorKind, QStringLiteral("%1 %2: %3: %4").arg(m_options.owner, m_path, what, detail),
                 !m_options.remedy.isEmpty()
                     ? m_options.remedy
                     : QStringLiteral("check that the file and its folder are writable, the disk is not full and "
                                      "the file is a Trade Sentinel journal")};
}

Result<QSqlQuery> SqliteConnection::query(const QString& sql, const QVariantList& binds)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        return storageError(QStringLiteral("cannot prepare '%1'").arg(sql.simplified().left(80)), query.lastError().text());
    for (const QVariant& value : binds)
        query.addBindValue(value);
    if (!query.exec())
        return storageError(QStringLiteral("cannot run '%1'").arg(sql.simplified().left(80)), query.lastError().text());
    return query;
}

Status SqliteConnection::exec(const QString& sql, const QVariantList& binds)
{
    auto result = query(sql, binds);
    if (!result)
        return result.error();
    return okStatus();
}

Result<int> SqliteConnection::update(const QString& sql, const QVariantList& binds)
{
    auto result = query(sql, binds);
    if (!result)
        return result.error();
    return result.value().numRowsAffected();
}

Result<QVariant> SqliteConnection::scalar(const QString& sql, const QVariantList& binds)
{
    auto result = query(sql, binds);
    if (!result)
        return result.error();
    QSqlQuery& rows = result.value();
    return rows.next() ? rows.value(0) : QVariant();
}

Result<bool> SqliteConnection::hasTable(const QString& table)
{
    auto found = scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"), {table});
    if (!found)
        return found.error();
    return found.value().toInt() > 0;
}

Status SqliteConnection::transaction(const std::function<Status()>& work, Lock lock)
{
    if (lock == Lock::Deferred) {
        if (!m_db.transaction())
            return storageError(QStringLiteral("cannot begin a transaction"), m_db.lastError().text());
    } else if (Status begun = exec(QStringLiteral("BEGIN IMMEDIATE")); !begun) {
        // QSqlDatabase::transaction() only issues a deferred BEGIN; COMMIT and ROLLBACK are the same.
        return begun;
    }
    Status status = work();
    if (status && !m_db.commit())
        status = storageError(QStringLiteral("cannot commit"), m_db.lastError().text());
    if (!status)
        m_db.rollback();
    return status;
}

QVariant msOrNull(const QDateTime& instant)
{
    return instant.isValid() ? QVariant(instant.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime dateTimeFromMs(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace sentinel
