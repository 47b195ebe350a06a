// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/JournalFile.h"

#include "storage/SqliteConnection.h"

#include <QFile>
#include <QFileInfo>

#include <cmath>

namespace sentinel::journalfile {

Error notAJournal(const QString& path, const QString& why)
{
    return Error{QStringLiteral("not_a_journal"), QStringLiteral("%1 is not a Trade Sentinel journal: %2").arg(path, why),
                 QStringLiteral("give a journal file (journal.path in the configuration, or --journal)")};
}

std::optional<double> finiteNumber(const QVariant& column)
{
    const int type = column.typeId();
    if (type != QMetaType::Double && type != QMetaType::LongLong && type != QMetaType::Int)
        return std::nullopt;
    const double value = column.toDouble();
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

Status checkHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("storage_error"), QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                     QStringLiteral("check the file's permissions")};
    if (file.read(16) != QByteArray("SQLite format 3\0", 16))
        return notAJournal(path, QStringLiteral("it is not an SQLite database"));
    return okStatus();
}

Result<std::unique_ptr<SqliteConnection>> openForReading(const QString& path, const QString& owner)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error{QStringLiteral("not_found"), QStringLiteral("journal %1 does not exist").arg(path),
                     QStringLiteral("give the file named by journal.path in the configuration")};
    if (!info.isFile())
        return notAJournal(path, info.isDir() ? QStringLiteral("it is a directory") : QStringLiteral("it is not a regular file"));
    if (const Status header = checkHeader(path); !header)
        return header.error();
    return SqliteConnection::open(path, owner, SqliteConnection::Access::ReadOnly);
}

Status requireTables(SqliteConnection& db, const QString& path)
{
    for (const QString& table : {QStringLiteral("schema_version"), QStringLiteral("proposals"), QStringLiteral("decisions"),
                                 QStringLiteral("executions"), QStringLiteral("alerts")}) {
        auto present = db.hasTable(table);
        if (!present)
            return present.error().kind == u"storage_error" ? notAJournal(path, present.error().message) : present.error();
        if (!present.value())
            return notAJournal(path, QStringLiteral("it has no '%1' table").arg(table));
    }
    return okStatus();
}

Result<std::unique_ptr<SqliteConnection>> openJournalForReading(const QString& path, const QString& owner)
{
    auto opened = openForReading(path, owner);
    if (!opened)
        return opened.error();
    if (const Status tables = requireTables(*opened.value(), path); !tables)
        return tables.error();
    return opened;
}

} // namespace sentinel::journalfile
