// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "storage/SchemaVersions.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sentinel {

class SqliteConnection;

/// One step of the journal's schema history (applied with its version, see SchemaVersions).
using JournalMigration = SchemaMigration;

/// The journal's versioned schema: owner "journal" in `schema_versions` (ADR 0101). Migrations
/// are only ever appended: a released migration is never edited, because files written by that
/// release already went through it. Releases before `schema_versions` kept one row per applied
/// migration in `schema_version(version, description)`; that table is still written, so they and
/// their `journal verify` keep recognising (and refusing) newer files.
class JournalSchema final
{
public:
    /// Every migration, ordered by version (1, 2, ...).
    [[nodiscard]] static const QList<JournalMigration>& migrations();
    [[nodiscard]] static int latestVersion();
    [[nodiscard]] static const SchemaOwner& owner();

    /// Highest applied version; 0 for a file the journal never opened. Writes nothing.
    [[nodiscard]] static Result<int> currentVersion(SqliteConnection& db);
    /// Applies the missing migrations up to `targetVersion` (the latest by default). Refuses a file
    /// written by a newer version (`journal_too_new`) rather than guess what its tables mean.
    [[nodiscard]] static Result<int> migrate(SqliteConnection& db, int targetVersion = -1);
};

} // namespace sentinel
