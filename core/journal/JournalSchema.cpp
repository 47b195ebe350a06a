// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/JournalSchema.h"

namespace sentinel {

namespace {

/// Version 1: the four tables, their unique indexes and the approval trigger.
QStringList initialSchema()
{
    return {
        QStringLiteral("CREATE TABLE proposals ("
                       " id TEXT PRIMARY KEY,"
                       " instrument_key TEXT NOT NULL,"
                       " symbol TEXT NOT NULL,"
                       " market TEXT NOT NULL,"
                       " interval TEXT NOT NULL,"
                       " side TEXT NOT NULL CHECK (side IN ('buy','sell')),"
                       " is_exit INTEGER NOT NULL CHECK (is_exit IN (0,1)),"
                       " quantity REAL NOT NULL CHECK (quantity > 0),"
                       " price REAL NOT NULL CHECK (price > 0),"
                       " strategy_reason TEXT NOT NULL,"
                       " verdict_json TEXT NOT NULL,"
                       " var_before REAL NOT NULL,"
                       " var_after REAL NOT NULL,"
                       " freshness TEXT NOT NULL,"
                       " client_order_id TEXT NOT NULL UNIQUE,"
                       " created_at_ms INTEGER NOT NULL,"
                       " expires_at_ms INTEGER NOT NULL,"
                       " state TEXT NOT NULL CHECK (state IN ('pending','approved','executed','rejected','expired','refused')),"
                       " resolution TEXT,"
                       " resolved_at_ms INTEGER)"),
        QStringLiteral("CREATE TABLE decisions ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " proposal_id TEXT NOT NULL REFERENCES proposals(id),"
                       " decision TEXT NOT NULL CHECK (decision IN ('approved','rejected')),"
                       " reason TEXT NOT NULL,"
                       " operator TEXT NOT NULL,"
                       " at_ms INTEGER NOT NULL)"),
        // Named indexes rather than column UNIQUE constraints, so they show in the schema by name.
        QStringLiteral("CREATE UNIQUE INDEX decisions_one_per_proposal ON decisions (proposal_id)"),
        QStringLiteral("CREATE TABLE executions ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " proposal_id TEXT NOT NULL REFERENCES proposals(id),"
                       " client_order_id TEXT NOT NULL,"
                       " order_id TEXT NOT NULL,"
                       " price REAL NOT NULL CHECK (price > 0),"
                       " quantity REAL NOT NULL CHECK (quantity > 0),"
                       " fee REAL NOT NULL CHECK (fee >= 0),"
                       " at_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX executions_client_order_id ON executions (client_order_id)"),
        QStringLiteral("CREATE UNIQUE INDEX executions_order_id ON executions (order_id)"),
        QStringLiteral("CREATE UNIQUE INDEX executions_one_per_proposal ON executions (proposal_id)"),
        // The code checks for the approval too; the trigger holds even for a writer that forgets.
        QStringLiteral("CREATE TRIGGER executions_require_approval BEFORE INSERT ON executions "
                       "WHEN NOT EXISTS (SELECT 1 FROM decisions WHERE proposal_id = NEW.proposal_id "
                       "AND decision = 'approved') "
                       "BEGIN SELECT RAISE(ABORT, 'execution without an approval'); END"),
        QStringLiteral("CREATE TABLE alerts ("
                       " id TEXT PRIMARY KEY,"
                       " severity TEXT NOT NULL CHECK (severity IN ('info','warning','critical')),"
                       " kind TEXT NOT NULL,"
                       " instrument_key TEXT NOT NULL DEFAULT '',"
                       " message TEXT NOT NULL,"
                       " at_ms INTEGER NOT NULL,"
                       " acknowledged INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0,1)))"),
    };
}

} // namespace

const QList<JournalMigration>& JournalSchema::migrations()
{
    static const QList<JournalMigration> all{
        {1, QStringLiteral("proposals, decisions, executions, alerts"), initialSchema()},
        {2,
         QStringLiteral("acknowledgement time; indexes for restart and the alert list"),
         {
             QStringLiteral("ALTER TABLE alerts ADD COLUMN acknowledged_at_ms INTEGER"),
             QStringLiteral("CREATE INDEX proposals_by_state ON proposals (state, expires_at_ms)"),
             QStringLiteral("CREATE INDEX alerts_unacknowledged ON alerts (acknowledged, at_ms)"),
         }},
        {3,
         QStringLiteral("the advisor's record of an advised proposal (prompt hash, models, answers, latency)"),
         {QStringLiteral("ALTER TABLE proposals ADD COLUMN advice_json TEXT")}},
        {4,
         QStringLiteral("operator reach (ADR 0132): where a decision came from, the operator's controls, the desk's "
                        "paused state and Telegram offset, the Telegram message of each proposal"),
         {
             // '' for decisions written before version 4, which did not record it.
             QStringLiteral("ALTER TABLE decisions ADD COLUMN channel TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE TABLE operator_actions ("
                            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " action TEXT NOT NULL CHECK (action IN ('pause','resume','flatten','kill_switch','close_position')),"
                            " who TEXT NOT NULL,"
                            " channel TEXT NOT NULL CHECK (channel IN ('desktop','telegram','cli','engine')),"
                            " detail TEXT NOT NULL,"
                            " at_ms INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE desk_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE telegram_messages ("
                            " proposal_id TEXT PRIMARY KEY REFERENCES proposals(id),"
                            " chat_id INTEGER NOT NULL,"
                            " message_id INTEGER NOT NULL CHECK (message_id > 0),"
                            " sent_at_ms INTEGER NOT NULL,"
                            " outcome_shown INTEGER NOT NULL DEFAULT 0 CHECK (outcome_shown IN (0,1)))"),
         }},
        {5,
         QStringLiteral("the trader's view (issue 17): which strategy made each proposal; fills by time for reports"),
         {
             // '' for proposals written before version 5, which did not record it.
             QStringLiteral("ALTER TABLE proposals ADD COLUMN strategy TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE INDEX executions_by_time ON executions (at_ms)"),
         }},
        {6,
         QStringLiteral("the History panel (issue 17): proposals newest first, a page at a time"),
         {QStringLiteral("CREATE INDEX proposals_by_time ON proposals (created_at_ms, id)")}},
        {7,
         QStringLiteral("the Positions panel (issue 17, ADR 0140): the protective stop each entry was sized with"),
         // NULL for exits and for proposals written before version 7, which did not record it.
         {QStringLiteral("ALTER TABLE proposals ADD COLUMN stop_price REAL CHECK (stop_price > 0)")}},
    };
    return all;
}

int JournalSchema::latestVersion()
{
    return migrations().last().version;
}

const SchemaOwner& JournalSchema::owner()
{
    static const SchemaOwner journal{
        QStringLiteral("journal"),
        migrations(),
        LegacyVersionMark::history(QStringLiteral("schema_version")),
        QStringLiteral("journal_too_new"),
        QStringLiteral("run the newer Trade Sentinel that wrote it, or point journal.path to a new file"),
    };
    return journal;
}

Result<int> JournalSchema::currentVersion(SqliteConnection& db)
{
    return SchemaVersions::current(db, owner());
}

Result<int> JournalSchema::migrate(SqliteConnection& db, int targetVersion)
{
    return SchemaVersions::migrate(db, owner(), targetVersion);
}

} // namespace sentinel
