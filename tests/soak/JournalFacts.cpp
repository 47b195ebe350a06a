// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalFacts.h"

#include "common/Interval.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <functional>

namespace sentinel::soak {

namespace {

/// Runs `work` on a connection of its own to `path`, removed afterwards.
bool withDatabase(const QString& path, bool readOnly, QString* error, const std::function<bool(QSqlDatabase&)>& work)
{
    const QString name = QStringLiteral("soak-%1").arg(QRandomGenerator::global()->generate());
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            *error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        else
            ok = work(db);
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool run(QSqlQuery& query, const QString& sql, const QVariantList& binds, QString* error)
{
    query.prepare(sql);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (query.exec())
        return true;
    *error = QStringLiteral("%1: %2").arg(sql.left(80), query.lastError().text());
    return false;
}

bool count(QSqlDatabase& db, const QString& sql, int* out, QString* error)
{
    QSqlQuery query(db);
    if (!run(query, sql, {}, error))
        return false;
    *out = query.next() ? query.value(0).toInt() : 0;
    return true;
}

} // namespace

bool readJournalFacts(const QString& journalPath, SoakFacts& facts, QString* error)
{
    return withDatabase(journalPath, true, error, [&](QSqlDatabase& db) {
        QSqlQuery outbox(db);
        if (!run(outbox, QStringLiteral("SELECT signal_id, idempotency_key, state, COALESCE(delivered_by, '') FROM notify_outbox ORDER BY seq"),
                 {}, error))
            return false;
        while (outbox.next())
            facts.outbox.append(OutboxRow{outbox.value(0).toString(), outbox.value(1).toString().toLatin1(),
                                          outbox.value(2).toString(), outbox.value(3).toString()});

        QSqlQuery executions(db);
        if (!run(executions, QStringLiteral("SELECT e.proposal_id, e.client_order_id, e.order_id, p.instrument_key, p.side, p.is_exit, "
                                            "p.created_at_ms, p.interval FROM executions e JOIN proposals p ON p.id = e.proposal_id "
                                            "ORDER BY e.id"),
                 {}, error))
            return false;
        QSqlQuery bar(db);
        bar.prepare(QStringLiteral("SELECT MAX(open_time_ms) FROM bars WHERE instrument_key = ? AND open_time_ms <= ?"));
        while (executions.next()) {
            ExecutionRow row{executions.value(0).toString(), executions.value(1).toString(), executions.value(2).toString(),
                             executions.value(3).toString(), executions.value(4).toString(), executions.value(5).toBool(),
                             executions.value(6).toLongLong(), 0};
            const auto interval = parseInterval(executions.value(7).toString());
            const qint64 length = interval ? qint64(std::chrono::milliseconds(intervalLength(*interval)).count()) : 0;
            // The newest bar closed when the proposal was made is the one its signal came from.
            bar.addBindValue(row.instrumentKey);
            bar.addBindValue(row.createdAtMs - length);
            if (length > 0 && bar.exec() && bar.next())
                row.signalBarMs = bar.value(0).toLongLong();
            bar.finish();
            facts.executions.append(row);
        }
        ExecutionCounts& counts = facts.executionCounts;
        return count(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT proposal_id FROM executions GROUP BY proposal_id HAVING COUNT(*) > 1)"),
                     &counts.executionsPerProposalOverOne, error)
            && count(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT client_order_id FROM executions GROUP BY client_order_id "
                                        "HAVING COUNT(*) > 1)"),
                     &counts.executionsPerClientOrderOverOne, error)
            && count(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT client_order_id FROM paper_orders GROUP BY client_order_id "
                                        "HAVING COUNT(*) > 1)"),
                     &counts.paperFillsPerClientOrderOverOne, error)
            && count(db, QStringLiteral("SELECT COUNT(*) FROM paper_orders o WHERE NOT EXISTS "
                                        "(SELECT 1 FROM executions e WHERE e.client_order_id = o.client_order_id)"),
                     &counts.paperFillsWithoutExecution, error);
    });
}

QString damageJournal(const QString& journalPath, const QString& sabotage, QString* error)
{
    QString done;
    const bool ok = withDatabase(journalPath, false, error, [&](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (!run(query, QStringLiteral("SELECT p.id FROM proposals p JOIN executions e ON e.proposal_id = p.id ORDER BY e.id LIMIT 1"),
                 {}, error))
            return false;
        if (!query.next())
            return true; // nothing executed: nothing to damage
        const QString victim = query.value(0).toString();
        if (sabotage == u"break-journal") {
            // Without foreign keys the row goes; the executed proposal is left without its approval.
            if (!run(query, QStringLiteral("PRAGMA foreign_keys = OFF"), {}, error)
                || !run(query, QStringLiteral("DROP TRIGGER IF EXISTS executions_require_approval"), {}, error)
                || !run(query, QStringLiteral("DELETE FROM decisions WHERE proposal_id = ?"), {victim}, error))
                return false;
            done = QStringLiteral("deleted the approval of executed proposal %1").arg(victim);
            return true;
        }
        if (sabotage != u"repeat-execution")
            return true;
        // A second proposal for the same signal, one second later, approved, executed and filled:
        // what a restart that acted on a bar twice would leave behind.
        const QString copy = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString clientOrder = QUuid::createUuid().toString(QUuid::Id128);
        const QString order = QStringLiteral("SOAK-REPEAT-") + copy.left(8);
        // Every column by name, so a column a later schema version adds is copied too.
        if (!run(query, QStringLiteral("PRAGMA table_info(proposals)"), {}, error))
            return false;
        QStringList columns;
        QStringList values;
        while (query.next()) {
            const QString column = query.value(1).toString();
            columns.append(column);
            if (column == u"id" || column == u"client_order_id")
                values.append(QStringLiteral("?"));
            else if (column.endsWith(u"_at_ms"))
                values.append(column + QStringLiteral(" + 1000"));
            else
                values.append(column);
        }
        const bool copied =
            run(query, QStringLiteral("INSERT INTO proposals (%1) SELECT %2 FROM proposals WHERE id = ?")
                           .arg(columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", "))),
                {copy, clientOrder, victim}, error)
            && run(query, QStringLiteral("INSERT INTO decisions (proposal_id, decision, reason, operator, at_ms) SELECT ?, decision, reason, "
                                         "operator, at_ms + 1000 FROM decisions WHERE proposal_id = ?"),
                   {copy, victim}, error)
            && run(query, QStringLiteral("INSERT INTO paper_orders SELECT ?, ?, instrument_key, side, quantity, price, fee, at_ms + 1000 "
                                         "FROM paper_orders WHERE client_order_id = (SELECT client_order_id FROM proposals WHERE id = ?)"),
                   {clientOrder, order, victim}, error)
            && run(query, QStringLiteral("INSERT INTO executions (proposal_id, client_order_id, order_id, price, quantity, fee, at_ms) "
                                         "SELECT ?, ?, ?, price, quantity, fee, at_ms + 1000 FROM executions WHERE proposal_id = ?"),
                   {copy, clientOrder, order, victim}, error);
        if (copied)
            done = QStringLiteral("executed proposal %1 a second time as %2").arg(victim, copy);
        return copied;
    });
    return ok ? done : QString();
}

} // namespace sentinel::soak
