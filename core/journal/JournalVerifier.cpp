// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/JournalVerifier.h"

#include "common/Excerpt.h"
#include "journal/JournalFile.h"
#include "journal/JournalSchema.h"
#include "journal/PageIntegrity.h"
#include "storage/SqliteConnection.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace sentinel {

namespace {

/// A query whose every row is a violation: column 0 the id, column 1 the detail.
struct Probe {
    QString sql;
};

class Checker
{
public:
    explicit Checker(SqliteConnection& db) : m_db(db) {}

    Status addRule(const QString& name, const QString& description, const QList<Probe>& probes, QList<RuleResult>& rules)
    {
        RuleResult rule{name, description, true, {}, {}};
        for (const Probe& probe : probes) {
            auto rows = m_db.query(probe.sql);
            if (!rows)
                return rows.error();
            while (rows.value().next())
                rule.violations.append({rows.value().value(0).toString(), rows.value().value(1).toString()});
        }
        rules.append(rule);
        return okStatus();
    }

    Result<QSet<QString>> columns(const QString& table)
    {
        auto rows = m_db.query(QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
        if (!rows)
            return rows.error();
        QSet<QString> names;
        while (rows.value().next())
            names.insert(rows.value().value(0).toString());
        return names;
    }

private:
    SqliteConnection& m_db;
};

Status outboxRule(SqliteConnection& db, Checker& checker, QList<RuleResult>& rules)
{
    const QString name = QStringLiteral("no_signal_delivered_twice");
    const QString description = QStringLiteral("each signal is delivered at most once and a delivered signal is never queued again");
    auto present = db.hasTable(QStringLiteral("notify_outbox"));
    if (!present)
        return present.error();
    if (!present.value()) {
        rules.append({name, description, false, QStringLiteral("outbox table absent"), {}});
        return okStatus();
    }
    auto columns = checker.columns(QStringLiteral("notify_outbox"));
    if (!columns)
        return columns.error();
    const QStringList needed{QStringLiteral("signal_id"), QStringLiteral("idempotency_key"), QStringLiteral("state"),
                             QStringLiteral("delivered_by")};
    for (const QString& column : needed) {
        if (!columns.value().contains(column)) {
            // Failing is safer than passing a check that could not run.
            rules.append({name, description, true, {},
                          {{QStringLiteral("notify_outbox"),
                            QStringLiteral("the outbox has no column '%1'; this verifier cannot check it").arg(column)}}});
            return okStatus();
        }
    }
    return checker.addRule(
        name, description,
        {
            {QStringLiteral("SELECT idempotency_key, 'idempotency key stored ' || COUNT(*) || ' times, ' || "
                            "SUM(state = 'delivered') || ' delivered' FROM notify_outbox GROUP BY idempotency_key "
                            "HAVING COUNT(*) > 1 AND SUM(state = 'delivered') >= 1")},
            {QStringLiteral("SELECT signal_id, 'signal stored ' || COUNT(*) || ' times, ' || SUM(state = 'delivered') || "
                            "' delivered' FROM notify_outbox GROUP BY signal_id "
                            "HAVING COUNT(*) > 1 AND SUM(state = 'delivered') >= 1")},
            {QStringLiteral("SELECT signal_id, 'delivered by ' || delivered_by || ' but back in state ' || state || "
                            "' (it would be sent again)' FROM notify_outbox WHERE delivered_by IS NOT NULL "
                            "AND state IN ('queued', 'sending')")},
        },
        rules);
}

Status paperRule(SqliteConnection& db, Checker& checker, QList<RuleResult>& rules)
{
    const QString name = QStringLiteral("no_execution_lost");
    const QString description = QStringLiteral("every journalled execution is in the paper ledger, and every paper fill "
                                               "of a journalled proposal is journalled or still being recovered");
    auto present = db.hasTable(QStringLiteral("paper_orders"));
    if (!present)
        return present.error();
    if (!present.value()) {
        rules.append({name, description, false, QStringLiteral("paper ledger absent (another platform executed)"), {}});
        return okStatus();
    }
    return checker.addRule(
        name, description,
        {
            {QStringLiteral("SELECT e.client_order_id, 'journalled execution ' || e.order_id || ' is not in the paper ledger' "
                            "FROM executions e LEFT JOIN paper_orders o ON o.client_order_id = e.client_order_id "
                            "WHERE o.client_order_id IS NULL OR o.order_id <> e.order_id")},
            // An approved proposal with a fill is a crash between fill and journal; restart records it.
            {QStringLiteral("SELECT o.client_order_id, 'paper fill ' || o.order_id || ' of proposal ' || p.id || "
                            "' is not journalled and the proposal is ' || p.state FROM paper_orders o "
                            "JOIN proposals p ON p.client_order_id = o.client_order_id "
                            "WHERE p.state NOT IN ('approved', 'executed')")},
        },
        rules);
}

} // namespace

bool VerificationReport::passed() const
{
    return std::all_of(rules.begin(), rules.end(), [](const RuleResult& rule) { return rule.passed(); });
}

QJsonObject VerificationReport::toJson() const
{
    QJsonObject countsJson;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        countsJson.insert(it.key(), it.value());
    QJsonArray rulesJson;
    for (const RuleResult& rule : rules) {
        QJsonArray violations;
        for (const RuleViolation& violation : rule.violations)
            violations.append(QJsonObject{{QStringLiteral("id"), violation.id}, {QStringLiteral("detail"), violation.detail}});
        QJsonObject item{{QStringLiteral("name"), rule.name},
                         {QStringLiteral("description"), rule.description},
                         {QStringLiteral("applicable"), rule.applicable},
                         {QStringLiteral("passed"), rule.passed()},
                         {QStringLiteral("violations"), violations}};
        if (!rule.note.isEmpty())
            item.insert(QStringLiteral("note"), rule.note);
        rulesJson.append(item);
    }
    return {{QStringLiteral("journal"), path},
            {QStringLiteral("schema_version"), schemaVersion},
            {QStringLiteral("counts"), countsJson},
            {QStringLiteral("rules"), rulesJson},
            {QStringLiteral("passed"), passed()}};
}

namespace {

Result<int> readSchemaVersion(SqliteConnection& db, const QString& path)
{
    auto version = JournalSchema::currentVersion(db);
    if (!version)
        return version.error();
    if (version.value() > JournalSchema::latestVersion())
        return Error{QStringLiteral("journal_too_new"),
                     QStringLiteral("journal %1 has schema version %2; this build knows up to %3")
                         .arg(path)
                         .arg(version.value())
                         .arg(JournalSchema::latestVersion()),
                     QStringLiteral("verify it with the Trade Sentinel version that wrote it")};
    return version.value();
}

/// Rows per table (the shared outbox and paper tables when present) and proposals per state.
Status countRows(SqliteConnection& db, QMap<QString, qint64>& counts)
{
    QStringList tables{QStringLiteral("proposals"), QStringLiteral("decisions"), QStringLiteral("executions"),
                       QStringLiteral("alerts")};
    for (const QString& sharedTable : {QStringLiteral("notify_outbox"), QStringLiteral("paper_orders")}) {
        auto present = db.hasTable(sharedTable);
        if (!present)
            return present.error();
        if (present.value())
            tables << sharedTable;
    }
    for (const QString& table : tables) {
        // Table names come from the fixed list above, never from the file.
        auto rows = db.scalar(QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(table));
        if (!rows)
            return rows.error();
        counts.insert(table, rows.value().toLongLong());
    }
    auto states = db.query(QStringLiteral("SELECT state, COUNT(*) FROM proposals GROUP BY state"));
    if (!states)
        return states.error();
    while (states.value().next())
        counts.insert(QStringLiteral("proposals_") + states.value().value(0).toString(), states.value().value(1).toLongLong());
    return okStatus();
}

/// The journal's own integrity rules: name, description, and the probes that list violations.
QList<std::tuple<QString, QString, QList<Probe>>> journalRules()
{
    return {
        {QStringLiteral("no_execution_without_approval"), QStringLiteral("every execution belongs to an approved proposal"),
         {{QStringLiteral("SELECT e.client_order_id, 'execution ' || e.order_id || ' of proposal ' || e.proposal_id || "
                          "' has no approval' FROM executions e WHERE NOT EXISTS (SELECT 1 FROM decisions d "
                          "WHERE d.proposal_id = e.proposal_id AND d.decision = 'approved')")}}},
        {QStringLiteral("no_client_order_id_twice"), QStringLiteral("no client order id is executed twice"),
         {{QStringLiteral("SELECT client_order_id, 'executed ' || COUNT(*) || ' times' FROM executions "
                          "GROUP BY client_order_id HAVING COUNT(*) > 1")},
          {QStringLiteral("SELECT proposal_id, COUNT(*) || ' executions of one proposal' FROM executions "
                          "GROUP BY proposal_id HAVING COUNT(*) > 1")}}},
        {QStringLiteral("no_order_id_twice"), QStringLiteral("no platform order id is journalled twice"),
         {{QStringLiteral("SELECT order_id, 'journalled ' || COUNT(*) || ' times' FROM executions "
                          "GROUP BY order_id HAVING COUNT(*) > 1")}}},
        {QStringLiteral("no_half_written_record"),
         QStringLiteral("proposal states agree with their decisions and executions"),
         {
             {QStringLiteral("SELECT id, 'executed without an execution row' FROM proposals p WHERE state = 'executed' "
                             "AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.proposal_id = p.id)")},
             {QStringLiteral("SELECT e.proposal_id, 'execution ' || e.order_id || ' but the proposal is ' || "
                             "COALESCE(p.state, 'missing') FROM executions e LEFT JOIN proposals p ON p.id = e.proposal_id "
                             "WHERE p.state IS NOT 'executed'")},
             {QStringLiteral("SELECT e.proposal_id, 'execution client order id ' || e.client_order_id || "
                             "' is not the proposal''s ' || p.client_order_id FROM executions e "
                             "JOIN proposals p ON p.id = e.proposal_id WHERE e.client_order_id <> p.client_order_id")},
             {QStringLiteral("SELECT d.proposal_id, 'approved but the proposal is ' || COALESCE(p.state, 'missing') "
                             "FROM decisions d LEFT JOIN proposals p ON p.id = d.proposal_id WHERE d.decision = 'approved' "
                             "AND p.state IS NOT 'approved' AND p.state IS NOT 'executed' AND p.state IS NOT 'refused'")},
             {QStringLiteral("SELECT d.proposal_id, 'rejected but the proposal is ' || COALESCE(p.state, 'missing') "
                             "FROM decisions d LEFT JOIN proposals p ON p.id = d.proposal_id WHERE d.decision = 'rejected' "
                             "AND p.state IS NOT 'rejected'")},
             {QStringLiteral("SELECT id, state || ' without the operator''s decision' FROM proposals p "
                             "WHERE state IN ('approved', 'executed', 'rejected') AND NOT EXISTS (SELECT 1 FROM decisions d "
                             "WHERE d.proposal_id = p.id AND d.decision = CASE p.state WHEN 'rejected' THEN 'rejected' "
                             "ELSE 'approved' END)")},
             {QStringLiteral("SELECT id, state || ' without a resolution time' FROM proposals "
                             "WHERE state <> 'pending' AND resolved_at_ms IS NULL")},
         }},
    };
}

/// SQLite's own checks: page integrity (already run first by checkPageIntegrity, which stops a
/// corrupt file before any rule; listed here so the report names it) and foreign keys.
Status sqliteRules(SqliteConnection& db, QList<RuleResult>& rules)
{
    rules.append({QStringLiteral("sqlite_integrity_check"), QStringLiteral("PRAGMA integrity_check is ok"), true, {}, {}});
    RuleResult foreignKeys{QStringLiteral("foreign_keys_consistent"), QStringLiteral("PRAGMA foreign_key_check finds nothing"),
                           true, {}, {}};
    auto fkRows = db.query(QStringLiteral("PRAGMA foreign_key_check"));
    if (!fkRows)
        return fkRows.error();
    while (fkRows.value().next()) {
        const QSqlQuery& row = fkRows.value();
        foreignKeys.violations.append({row.value(0).toString() + u'#' + row.value(1).toString(),
                                       QStringLiteral("refers to a missing row of %1").arg(row.value(2).toString())});
    }
    rules.append(foreignKeys);
    return okStatus();
}

} // namespace

Result<VerificationReport> JournalVerifier::verify(const QString& path)
{
    auto opened = journalfile::openForReading(path, QStringLiteral("journal verifier"));
    if (!opened)
        return opened.error();
    SqliteConnection& db = *opened.value();
    if (const Status pages = checkPageIntegrity(db, path, PageCheck::Full); !pages)
        return pages.error();
    if (const Status tables = journalfile::requireTables(db, path); !tables)
        return tables.error();
    VerificationReport report;
    report.path = QFileInfo(path).absoluteFilePath();
    auto version = readSchemaVersion(db, path);
    if (!version)
        return version.error();
    report.schemaVersion = version.value();
    if (const Status counted = countRows(db, report.counts); !counted)
        return counted.error();

    Checker checker(db);
    for (const auto& [name, description, probes] : journalRules()) {
        if (Status s = checker.addRule(name, description, probes, report.rules); !s)
            return s.error();
    }
    for (const auto& rule : {&outboxRule, &paperRule}) {
        if (Status s = rule(db, checker, report.rules); !s)
            return s.error();
    }
    if (Status s = sqliteRules(db, report.rules); !s)
        return s.error();
    return report;
}

} // namespace sentinel
