// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace sentinel {

class SqliteConnection;

/// Opening a journal file that something else wrote, to read it without changing it: the checks
/// every reader of a finished or crashed journal needs (`journal verify`, `run --resume`), in
/// the order that gives the clearest message. Error kinds: `not_found`, `not_a_journal`
/// (a directory, not SQLite, or SQLite without the journal's tables); anything else is a storage
/// failure.
namespace journalfile {

/// The error for a file that is not a journal, saying why.
[[nodiscard]] Error notAJournal(const QString& path, const QString& why);

/// A money or quantity column as a finite number; nullopt for text ('abc' passes the schema's
/// CHECKs in SQLite, and QVariant would read it as 0), NULL, or a non-finite value.
[[nodiscard]] std::optional<double> finiteNumber(const QVariant& column);

/// The file starts with SQLite's header. Checked before SQLite opens it: opening a text file
/// through SQLite would only fail later and less clearly.
[[nodiscard]] Status checkHeader(const QString& path);

/// The file exists, is a regular file with SQLite's header, and opens read-only. Its tables are
/// not looked at yet (a corrupt file should be reported as corrupt first; see requireTables()).
[[nodiscard]] Result<std::unique_ptr<SqliteConnection>> openForReading(const QString& path, const QString& owner);

/// The journal's own tables are there.
[[nodiscard]] Status requireTables(SqliteConnection& db, const QString& path);

/// openForReading() then requireTables(): for readers that trust SQLite to report damage as it
/// reads (the timeline, the reports); the verifier checks integrity in between.
[[nodiscard]] Result<std::unique_ptr<SqliteConnection>> openJournalForReading(const QString& path, const QString& owner);

} // namespace journalfile

} // namespace sentinel
