// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sentinel {

class SqliteConnection;

/// One step of the journal's schema history. Applied in its own transaction together with its
/// row in `schema_version`, so a crash leaves the file at the previous version or the new one.
struct JournalMigration {
    int version;
    QString description;
    QStringList statements;
};

/// The journal's versioned schema. Migrations are only ever appended: a released migration is
/// never edited, because files written by that release already went through it.
class JournalSchema final
{
public:
    /// Every migration, ordered by version (1, 2, ...).
    [[nodiscard]] static const QList<JournalMigration>& migrations();
    [[nodiscard]] static int latestVersion();

    /// Highest applied version; 0 for a file without a `schema_version` table.
    [[nodiscard]] static Result<int> currentVersion(SqliteConnection& db);
    /// Applies the missing migrations up to `targetVersion` (the latest by default). Refuses a file
    /// written by a newer version (`journal_too_new`) rather than guess what its tables mean.
    [[nodiscard]] static Result<int> migrate(SqliteConnection& db, int targetVersion = -1);
};

} // namespace sentinel
