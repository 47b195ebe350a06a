// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace sentinel {

class SqliteConnection;

/// One step of an owner's schema history, applied in one transaction together with the owner's
/// new version, so a crash leaves the file at the previous version or the new one.
struct SchemaMigration {
    int version;
    QString description;
    QStringList statements;
};

/// Where an owner kept its schema version before the shared `schema_versions` table existed.
/// Files written by those releases are adopted from it, and it is kept in step afterwards so
/// that such a release, run on a newer file, still sees a version it refuses (ADR 0101).
class LegacyVersionMark final
{
public:
    /// `PRAGMA user_version`: file-wide, and in released files written only by the bar store.
    [[nodiscard]] static LegacyVersionMark userVersion();
    /// A row of a key/value table holding the version as text (`paper_meta.schema_version`).
    [[nodiscard]] static LegacyVersionMark keyValue(const QString& table, const QString& key);
    /// A table with one (version, description) row per applied migration (the journal's
    /// `schema_version`); its highest version counts.
    [[nodiscard]] static LegacyVersionMark history(const QString& table);

    /// The version the mark holds; 0 when the file has none. Writes nothing.
    [[nodiscard]] Result<int> read(SqliteConnection& db) const;
    /// Records `migration` as applied (creating the mark's table when missing).
    [[nodiscard]] Status write(SqliteConnection& db, const SchemaMigration& migration) const;
    /// Where the mark is, for logs ("PRAGMA user_version", "paper_meta.schema_version").
    [[nodiscard]] QString describe() const;

private:
    enum class Kind { UserVersion, KeyValue, History };
    LegacyVersionMark(Kind kind, QString table, QString key);

    Kind m_kind;
    QString m_table; ///< a name from the code, never from a file
    QString m_key;
};

/// One store's tables in a shared SQLite file: its name (its key in `schema_versions`), its
/// migrations, where it kept its version before, and how a file from a newer release is refused.
struct SchemaOwner {
    QString name;                         ///< "journal", "signal outbox", "paper account", "bar store"
    QList<SchemaMigration> migrations;    ///< numbered 1, 2, ...; only ever appended once released
    std::optional<LegacyVersionMark> legacy;
    QString tooNewKind;                   ///< Error::kind for a newer file (each owner keeps the one its callers know)
    QString tooNewRemedy;

    [[nodiscard]] int latestVersion() const { return migrations.isEmpty() ? 0 : migrations.constLast().version; }
};

/// Per-owner schema versions in one SQLite file, kept in the table
/// `schema_versions(owner TEXT PRIMARY KEY, version INTEGER NOT NULL)`. Several stores share the
/// journal's file (journal, outbox, paper account, bar store); each versions its own tables here
/// instead of the file-wide `PRAGMA user_version`, which only one of them could own (ADR 0101).
class SchemaVersions final
{
public:
    /// The owner's version in the file: the higher of its row and its legacy mark (a file any
    /// mark calls newer is newer); 0 when neither exists. Writes nothing, so it works on a
    /// read-only connection.
    [[nodiscard]] static Result<int> current(SqliteConnection& db, const SchemaOwner& owner);
    /// Adopts a legacy version into `schema_versions`, refuses a file from a newer release
    /// (`owner.tooNewKind`), then applies the missing migrations up to `targetVersion` (the
    /// latest by default), each in its own immediate transaction that re-reads the version first,
    /// so two processes opening one file never apply a step twice. Returns the version reached.
    [[nodiscard]] static Result<int> migrate(SqliteConnection& db, const SchemaOwner& owner, int targetVersion = -1);
    /// Every owner's row (owner → version); empty for a file without the table.
    [[nodiscard]] static Result<QMap<QString, int>> all(SqliteConnection& db);

private:
    /// Creates the table, refuses a newer file and records an adopted legacy version.
    [[nodiscard]] static Result<int> settle(SqliteConnection& db, const SchemaOwner& owner);
    /// One migration in its own transaction; returns the version the file is at afterwards.
    [[nodiscard]] static Result<int> apply(SqliteConnection& db, const SchemaOwner& owner, const SchemaMigration& migration);
};

} // namespace sentinel
