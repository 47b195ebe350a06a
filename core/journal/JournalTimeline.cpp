// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/JournalTimeline.h"

#include "journal/JournalFile.h"
#include "storage/SqliteConnection.h"

#include <algorithm>

namespace sentinel {

namespace {

/// One instant column of one table. Table and column names are fixed here, never from the file.
struct InstantColumn {
    QString table;
    QString column;
    /// Another module's table (no outbox, another platform) or a later schema version's column:
    /// it may be absent.
    bool optional;
};

const QList<InstantColumn>& instantColumns()
{
    static const QList<InstantColumn> columns{
        {QStringLiteral("proposals"), QStringLiteral("created_at_ms"), false},
        {QStringLiteral("proposals"), QStringLiteral("resolved_at_ms"), false},
        {QStringLiteral("decisions"), QStringLiteral("at_ms"), false},
        {QStringLiteral("executions"), QStringLiteral("at_ms"), false},
        {QStringLiteral("alerts"), QStringLiteral("at_ms"), false},
        {QStringLiteral("alerts"), QStringLiteral("acknowledged_at_ms"), true}, // journal schema 2
        {QStringLiteral("notify_outbox"), QStringLiteral("enqueued_at"), true},
        {QStringLiteral("notify_outbox"), QStringLiteral("finished_at"), true},
        {QStringLiteral("paper_orders"), QStringLiteral("at_ms"), true},
        // A stored bar was closed (hence fetched) after it opened: its opening is a lower bound.
        {QStringLiteral("bars"), QStringLiteral("open_time_ms"), true},
    };
    return columns;
}

} // namespace

Result<std::optional<QDateTime>> JournalTimeline::lastInstant(const QString& path)
{
    auto opened = journalfile::openJournalForReading(path, QStringLiteral("journal timeline"));
    if (!opened)
        return opened.error();
    SqliteConnection& db = *opened.value();
    std::optional<qint64> latest;
    for (const InstantColumn& source : instantColumns()) {
        auto present = db.scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?"),
                                 {source.table, source.column});
        if (!present)
            return present.error();
        if (present.value().toInt() == 0) {
            if (source.optional)
                continue;
            return journalfile::notAJournal(path, QStringLiteral("table %1 has no column %2").arg(source.table, source.column));
        }
        // MAX over an index-less column is one pass over the table; done once per start.
        auto value = db.scalar(QStringLiteral("SELECT MAX(\"%1\") FROM \"%2\"").arg(source.column, source.table));
        if (!value)
            return value.error();
        if (!value.value().isNull())
            latest = std::max(latest.value_or(value.value().toLongLong()), value.value().toLongLong());
    }
    if (!latest)
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(QDateTime::fromMSecsSinceEpoch(*latest, Qt::UTC));
}

} // namespace sentinel
