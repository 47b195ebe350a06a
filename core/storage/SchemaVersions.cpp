// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SchemaVersions.h"

#include "common/Log.h"
#include "storage/SqliteConnection.h"

#include <algorithm>

namespace sentinel {

namespace {

const QString versionsTable = QStringLiteral("schema_versions");

/// Both places an owner's version can be: its row (if the table has one) and its legacy mark.
struct VersionMarks {
    std::optional<int> stored;
    int legacy = 0;

    /// The higher mark wins: reading a newer schema as an older one is what loses data.
    [[nodiscard]] int version() const { return std::max(stored.value_or(0), legacy); }
};

Result<VersionMarks> readMarks(SqliteConnection& db, const SchemaOwner& owner)
{
    VersionMarks marks;
    auto exists = db.hasTable(versionsTable);
    if (!exists)
        return exists.error();
    if (exists.value()) {
        auto version = db.scalar(QStringLiteral("SELECT version FROM schema_versions WHERE owner = ?"), {owner.name});
        if (!version)
            return version.error();
        if (!version.value().isNull())
            marks.stored = version.value().toInt();
    }
    if (owner.legacy) {
        auto legacy = owner.legacy->read(db);
        if (!legacy)
            return legacy.error();
        marks.legacy = legacy.value();
    }
    return marks;
}

Status storeVersion(SqliteConnection& db, const QString& owner, int version)
{
    return db.exec(QStringLiteral("INSERT INTO schema_versions (owner, version) VALUES (?, ?) "
                                  "ON CONFLICT (owner) DO UPDATE SET version = excluded.version"),
                   {owner, version});
}

Error tooNew(const SqliteConnection& db, const SchemaOwner& owner, int found)
{
    return Error{owner.tooNewKind,
                 QStringLiteral("%1 %2 has schema version %3; this build of Trade Sentinel reads up to %4")
                     .arg(owner.name, db.path())
                     .arg(found)
                     .arg(owner.latestVersion()),
                 owner.tooNewRemedy};
}

} // namespace

LegacyVersionMark::LegacyVersionMark(Kind kind, QString table, QString key)
    : m_kind(kind), m_table(std::move(table)), m_key(std::move(key))
{
}

LegacyVersionMark LegacyVersionMark::userVersion()
{
    return {Kind::UserVersion, {}, {}};
}

LegacyVersionMark LegacyVersionMark::keyValue(const QString& table, const QString& key)
{
    return {Kind::KeyValue, table, key};
}

LegacyVersionMark LegacyVersionMark::history(const QString& table)
{
    return {Kind::History, table, {}};
}

QString LegacyVersionMark::describe() const
{
    switch (m_kind) {
    case Kind::UserVersion: return QStringLiteral("PRAGMA user_version");
    case Kind::KeyValue: return m_table + u'.' + m_key;
    case Kind::History: return QStringLiteral("table ") + m_table;
    }
    return {};
}

Result<int> LegacyVersionMark::read(SqliteConnection& db) const
{
    if (m_kind == Kind::UserVersion) {
        auto version = db.scalar(QStringLiteral("PRAGMA user_version"));
        if (!version)
            return version.error();
        return version.value().toInt();
    }
    auto exists = db.hasTable(m_table);
    if (!exists)
        return exists.error();
    if (!exists.value())
        return 0;
    // Table names come from the code (the factories above), never from the file.
    auto version = m_kind == Kind::History
                       ? db.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM \"%1\"").arg(m_table))
                       : db.scalar(QStringLiteral("SELECT value FROM \"%1\" WHERE key = ?").arg(m_table), {m_key});
    if (!version)
        return version.error();
    if (version.value().isNull())
        return 0;
    bool numeric = false;
    const int found = version.value().toInt(&numeric);
    if (!numeric)
        return db.storageError(QStringLiteral("unreadable schema version in %1").arg(describe()), version.value().toString());
    return found;
}

Status LegacyVersionMark::write(SqliteConnection& db, const SchemaMigration& migration) const
{
    switch (m_kind) {
    case Kind::UserVersion:
        return db.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
    case Kind::KeyValue:
        if (Status s = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS \"%1\" (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                                   .arg(m_table));
            !s)
            return s;
        return db.exec(QStringLiteral("INSERT OR REPLACE INTO \"%1\" (key, value) VALUES (?, ?)").arg(m_table),
                       {m_key, QString::number(migration.version)});
    case Kind::History:
        if (Status s = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS \"%1\" ("
                                              " version INTEGER PRIMARY KEY, description TEXT NOT NULL)")
                                   .arg(m_table));
            !s)
            return s;
        return db.exec(QStringLiteral("INSERT OR REPLACE INTO \"%1\" (version, description) VALUES (?, ?)").arg(m_table),
                       {migration.version, migration.description});
    }
    return okStatus();
}

Result<int> SchemaVersions::current(SqliteConnection& db, const SchemaOwner& owner)
{
    auto marks = readMarks(db, owner);
    if (!marks)
        return marks.error();
    return marks->version();
}

Result<int> SchemaVersions::settle(SqliteConnection& db, const SchemaOwner& owner)
{
    const int latest = owner.latestVersion();
    int version = 0;
    const Status checked = db.transaction(
        [&]() -> Status {
            if (Status s = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_versions ("
                                                  " owner TEXT PRIMARY KEY, version INTEGER NOT NULL)"));
                !s)
                return s;
            auto marks = readMarks(db, owner);
            if (!marks)
                return marks.error();
            version = marks->version();
            // Refused before anything is written: the rollback leaves the newer file as it was.
            if (version > latest)
                return tooNew(db, owner, version);
            if (version == marks->stored.value_or(0))
                return okStatus();
            if (!marks->stored)
                log::get("storage")->info("{} {}: adopted schema version {} from {}", owner.name, db.path(), version,
                                          owner.legacy ? owner.legacy->describe() : QString());
            return storeVersion(db, owner.name, version);
        },
        SqliteConnection::Lock::Immediate);
    if (!checked)
        return checked.error();
    return version;
}

Result<int> SchemaVersions::apply(SqliteConnection& db, const SchemaOwner& owner, const SchemaMigration& migration)
{
    const int latest = owner.latestVersion();
    int version = migration.version;
    bool applied = false;
    const Status step = db.transaction(
        [&]() -> Status {
            // Another connection may have applied this step since the check above.
            auto now = current(db, owner);
            if (!now)
                return now.error();
            if (now.value() > latest)
                return tooNew(db, owner, now.value());
            if (now.value() >= migration.version) {
                version = now.value();
                return okStatus();
            }
            for (const QString& statement : migration.statements) {
                if (Status s = db.exec(statement); !s)
                    return s;
            }
            if (Status s = storeVersion(db, owner.name, migration.version); !s)
                return s;
            if (owner.legacy) {
                if (Status s = owner.legacy->write(db, migration); !s)
                    return s;
            }
            applied = true;
            return okStatus();
        },
        SqliteConnection::Lock::Immediate);
    if (!step)
        return step.error();
    if (applied)
        log::get("storage")->info("{} {}: migrated to schema version {}: {}", owner.name, db.path(), version,
                                  migration.description);
    return version;
}

Result<int> SchemaVersions::migrate(SqliteConnection& db, const SchemaOwner& owner, int targetVersion)
{
    const int target = targetVersion < 0 ? owner.latestVersion() : std::min(targetVersion, owner.latestVersion());
    auto settled = settle(db, owner);
    if (!settled)
        return settled.error();
    int version = settled.value();
    for (const SchemaMigration& migration : owner.migrations) {
        if (migration.version <= version || migration.version > target)
            continue;
        auto reached = apply(db, owner, migration);
        if (!reached)
            return reached.error();
        version = reached.value();
    }
    return version;
}

Result<QMap<QString, int>> SchemaVersions::all(SqliteConnection& db)
{
    QMap<QString, int> versions;
    auto exists = db.hasTable(versionsTable);
    if (!exists)
        return exists.error();
    if (!exists.value())
        return versions;
    auto rows = db.query(QStringLiteral("SELECT owner, version FROM schema_versions"));
    if (!rows)
        return rows.error();
    while (rows.value().next())
        versions.insert(rows.value().value(0).toString(), rows.value().value(1).toInt());
    return versions;
}

} // namespace sentinel
