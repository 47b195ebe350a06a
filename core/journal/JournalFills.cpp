// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/JournalFills.h"

#include "journal/JournalFile.h"
#include "storage/SqliteConnection.h"

#include <QSqlQuery>


namespace sentinel::journalfills {

Result<QList<FillRecord>> read(SqliteConnection& db, const std::optional<QDateTime>& until)
{
    // A journal from before schema 5 has no strategy column: its fills read as "" (unrecorded);
    // one from before schema 7 has no stop column: its fills read without a stop.
    auto columns = db.query(QStringLiteral("SELECT name FROM pragma_table_info('proposals') WHERE name IN ('strategy', 'stop_price')"));
    if (!columns)
        return columns.error();
    QStringList present;
    while (columns.value().next())
        present << columns.value().value(0).toString();
    const QString strategy = present.contains(u"strategy") ? QStringLiteral("p.strategy") : QStringLiteral("''");
    const QString stop = present.contains(u"stop_price") ? QStringLiteral("p.stop_price") : QStringLiteral("NULL");
    QString sql = QStringLiteral("SELECT e.proposal_id, p.instrument_key, %1, p.side, p.is_exit, e.quantity, e.price, e.fee, e.at_ms, %2"
                                 " FROM executions e JOIN proposals p ON p.id = e.proposal_id")
                      .arg(strategy, stop);
    QVariantList binds;
    if (until) {
        sql += QStringLiteral(" WHERE e.at_ms < ?");
        binds << until->toMSecsSinceEpoch();
    }
    sql += QStringLiteral(" ORDER BY e.at_ms, e.id");
    auto rows = db.query(sql, binds);
    if (!rows)
        return rows.error();
    QList<FillRecord> fills;
    QSqlQuery& row = rows.value();
    while (row.next()) {
        FillRecord fill;
        fill.proposalId = row.value(0).toString();
        fill.instrumentKey = row.value(1).toString();
        fill.strategy = row.value(2).toString();
        // The schema's CHECK allows only these two; anything else is a file edited by hand.
        const std::optional<Side> side = parseSide(row.value(3).toString());
        if (!side)
            return journalfile::notAJournal(db.path(), QStringLiteral("proposal %1 has side '%2'").arg(fill.proposalId, row.value(3).toString()));
        fill.side = *side;
        fill.isExit = row.value(4).toInt() != 0;
        const std::optional<double> quantity = journalfile::finiteNumber(row.value(5));
        const std::optional<double> price = journalfile::finiteNumber(row.value(6));
        const std::optional<double> fee = journalfile::finiteNumber(row.value(7));
        fill.quantity = quantity.value_or(0);
        fill.price = price.value_or(0);
        fill.fee = fee.value_or(-1);
        fill.atMs = row.value(8).toLongLong();
        if (!row.value(9).isNull()) {
            // Only an entry's own stop is a price; text or a non-positive number would be a wrong one.
            const std::optional<double> stopPrice = journalfile::finiteNumber(row.value(9));
            if (!stopPrice || !(*stopPrice > 0))
                return journalfile::notAJournal(db.path(), QStringLiteral("proposal %1 has stop price '%2'")
                                                               .arg(fill.proposalId, row.value(9).toString()));
            fill.stopPrice = stopPrice;
        }
        // The CHECKs let text through ('abc' > 0 holds in SQLite); a report must not add it up as 0.
        if (!(fill.quantity > 0) || !(fill.price > 0) || !(fill.fee >= 0))
            return journalfile::notAJournal(db.path(), QStringLiteral("the fill of proposal %1 has quantity '%2', price '%3', fee '%4'")
                                                           .arg(fill.proposalId, row.value(5).toString(), row.value(6).toString(),
                                                                row.value(7).toString()));
        fills << fill;
    }
    return fills;
}

Result<QList<FillRecord>> readFile(const QString& path, const std::optional<QDateTime>& until)
{
    auto opened = journalfile::openJournalForReading(path, QStringLiteral("journal report"));
    if (!opened)
        return opened.error();
    return read(*opened.value(), until);
}

} // namespace sentinel::journalfills
