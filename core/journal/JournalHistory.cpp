// SPDX-License-Identifier: GPL-3.0-or-later
// The history of proposals, a page at a time (issue 17's History panel and export; ADR 0136).
#include "journal/Journal.h"

#include "journal/JournalFile.h"
#include "storage/SqliteConnection.h"

#include <QSqlQuery>


namespace sentinel {

namespace {

/// The WHERE clause of `filter` (without the keyword; "1" when it matches everything) and its binds.
struct FilterSql {
    QString condition;
    QVariantList binds;
};

FilterSql filterSql(const HistoryFilter& filter)
{
    QStringList conditions;
    QVariantList binds;
    if (!filter.instrument.trimmed().isEmpty()) {
        conditions << QStringLiteral("(p.symbol = ? COLLATE NOCASE OR p.instrument_key = ? COLLATE NOCASE)");
        binds << filter.instrument.trimmed() << filter.instrument.trimmed();
    }
    if (!filter.strategy.trimmed().isEmpty()) {
        conditions << QStringLiteral("p.strategy = ?");
        const QString strategy = filter.strategy.trimmed();
        // A null QString binds as NULL, which equals nothing: "unrecorded" is the empty text.
        binds << (strategy == QLatin1String("unrecorded") ? QStringLiteral("") : strategy);
    }
    if (filter.outcome) {
        conditions << QStringLiteral("p.state = ?");
        binds << proposalStateName(*filter.outcome);
    }
    if (filter.from.isValid()) {
        conditions << QStringLiteral("p.created_at_ms >= ?");
        binds << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        conditions << QStringLiteral("p.created_at_ms < ?");
        binds << filter.to.toMSecsSinceEpoch();
    }
    return {conditions.isEmpty() ? QStringLiteral("1") : conditions.join(QLatin1String(" AND ")), binds};
}

} // namespace

Result<QList<HistoryRow>> Journal::historyPage(const HistoryFilter& filter, const std::optional<HistoryCursor>& after, int limit)
{
    FilterSql where = filterSql(filter);
    if (after) {
        where.condition += QStringLiteral(" AND (p.created_at_ms < ? OR (p.created_at_ms = ? AND p.id < ?))");
        where.binds << after->createdAtMs << after->createdAtMs << after->proposalId;
    }
    where.binds << std::max(1, limit);
    // proposals_by_time serves the order; each proposal has at most one decision and one execution.
    auto rows = m_db->query(
        QStringLiteral("SELECT p.id, p.created_at_ms, p.instrument_key, p.symbol, p.side, p.is_exit, p.quantity, p.price,"
                       " p.strategy, p.state, p.resolution, p.resolved_at_ms, d.operator, d.channel, d.at_ms,"
                       " e.order_id, e.price, e.quantity, e.fee, e.at_ms"
                       " FROM proposals p"
                       " LEFT JOIN decisions d ON d.proposal_id = p.id"
                       " LEFT JOIN executions e ON e.proposal_id = p.id"
                       " WHERE %1 ORDER BY p.created_at_ms DESC, p.id DESC LIMIT ?")
            .arg(where.condition),
        where.binds);
    if (!rows)
        return rows.error();
    QList<HistoryRow> page;
    QSqlQuery& query = rows.value();
    while (query.next()) {
        HistoryRow row;
        row.proposalId = query.value(0).toString();
        row.createdAt = dateTimeFromMs(query.value(1));
        row.instrumentKey = query.value(2).toString();
        row.symbol = query.value(3).toString();
        // The schema's CHECKs allow only known spellings; anything else is a file edited by hand.
        const std::optional<Side> side = parseSide(query.value(4).toString());
        const std::optional<ProposalState> state = parseProposalState(query.value(9).toString());
        if (!side || !state)
            return journalfile::notAJournal(path(), QStringLiteral("proposal %1 has side '%2' and state '%3'")
                                                        .arg(row.proposalId, query.value(4).toString(), query.value(9).toString()));
        row.side = *side;
        row.state = *state;
        row.isExit = query.value(5).toInt() != 0;
        row.quantity = journalfile::finiteNumber(query.value(6)).value_or(0);
        row.price = journalfile::finiteNumber(query.value(7)).value_or(0);
        row.strategy = query.value(8).toString();
        row.resolution = query.value(10).toString();
        row.resolvedAt = dateTimeFromMs(query.value(11));
        row.decidedBy = query.value(12).toString();
        row.decidedVia = query.value(13).toString();
        row.decidedAt = dateTimeFromMs(query.value(14));
        if (!query.value(15).isNull()) {
            HistoryFill fill{query.value(15).toString(), journalfile::finiteNumber(query.value(16)).value_or(0),
                             journalfile::finiteNumber(query.value(17)).value_or(0),
                             journalfile::finiteNumber(query.value(18)).value_or(-1), dateTimeFromMs(query.value(19))};
            // The CHECKs let text through ('abc' > 0 holds in SQLite); a history must not show it as 0.
            if (!(fill.price > 0) || !(fill.quantity > 0) || !(fill.fee >= 0))
                return journalfile::notAJournal(path(), QStringLiteral("the fill of proposal %1 has quantity '%2', price '%3', fee '%4'")
                                                            .arg(row.proposalId, query.value(17).toString(),
                                                                 query.value(16).toString(), query.value(18).toString()));
            row.fill = fill;
        }
        if (!(row.quantity > 0) || !(row.price > 0))
            return journalfile::notAJournal(path(), QStringLiteral("proposal %1 has quantity '%2' and price '%3'")
                                                        .arg(row.proposalId, query.value(6).toString(), query.value(7).toString()));
        page << row;
    }
    return page;
}

Result<qint64> Journal::historyCount(const HistoryFilter& filter)
{
    const FilterSql where = filterSql(filter);
    auto count = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM proposals p WHERE %1").arg(where.condition), where.binds);
    if (!count)
        return count.error();
    return count.value().toLongLong();
}

Result<QStringList> Journal::historyStrategies()
{
    auto rows = m_db->query(QStringLiteral("SELECT DISTINCT strategy FROM proposals ORDER BY strategy"));
    if (!rows)
        return rows.error();
    QStringList names;
    while (rows.value().next()) {
        const QString name = rows.value().value(0).toString();
        names << (name.isEmpty() ? QStringLiteral("unrecorded") : name);
    }
    names.sort(); // "unrecorded" among the names, not first as '' sorts
    return names;
}

} // namespace sentinel
