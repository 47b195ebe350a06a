// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/Journal.h"

#include "common/Log.h"
#include "journal/JournalFile.h"
#include "journal/JournalSchema.h"
#include "journal/PageIntegrity.h"
#include "storage/SqliteConnection.h"

#include <QFileInfo>
#include <QJsonDocument>

#include <cmath>

namespace sentinel {

namespace {
const QString proposalColumns = QStringLiteral(
    "SELECT id, symbol, market, interval, side, is_exit, quantity, price, strategy_reason, verdict_json, var_before, "
    "var_after, freshness, created_at_ms, expires_at_ms, client_order_id, state, resolution, resolved_at_ms, advice_json, strategy, "
    "stop_price FROM proposals ");

TradeProposal readProposal(const QSqlQuery& row)
{
    TradeProposal proposal;
    proposal.id = row.value(0).toString();
    proposal.instrument.symbol = row.value(1).toString();
    proposal.instrument.market = row.value(2).toString();
    proposal.instrument.interval = parseInterval(row.value(3).toString()).value_or(Interval::Min5);
    proposal.side = parseSide(row.value(4).toString()).value_or(Side::Buy);
    proposal.isExit = row.value(5).toInt() != 0;
    proposal.quantity = row.value(6).toDouble();
    proposal.price = row.value(7).toDouble();
    proposal.strategyReason = row.value(8).toString();
    proposal.verdict = RiskVerdictSummary::fromJson(QJsonDocument::fromJson(row.value(9).toString().toUtf8()).object())
                           .value_or(RiskVerdictSummary{false, {QStringLiteral("risk verdict unreadable in the journal")}});
    proposal.varBefore = row.value(10).toDouble();
    proposal.varAfter = row.value(11).toDouble();
    proposal.freshness = row.value(12).toString();
    proposal.createdAt = dateTimeFromMs(row.value(13));
    proposal.expiresAt = dateTimeFromMs(row.value(14));
    proposal.clientOrderId = row.value(15).toString();
    proposal.state = parseProposalState(row.value(16).toString()).value_or(ProposalState::Pending);
    proposal.resolution = row.value(17).toString();
    proposal.resolvedAt = dateTimeFromMs(row.value(18));
    if (!row.value(19).isNull()) {
        proposal.advice = AdviceRecord::fromJson(QJsonDocument::fromJson(row.value(19).toString().toUtf8()).object());
        if (!proposal.advice) { // kept visible: an advised proposal never reads as a rule strategy's
            proposal.advice.emplace();
            proposal.advice->reason = QStringLiteral("advisor record unreadable in the journal");
        }
    }
    proposal.strategy = row.value(20).toString();
    if (!row.value(21).isNull())
        proposal.stopPrice = row.value(21).toDouble();
    return proposal;
}

Error notFound(const QString& proposalId)
{
    return Error{QStringLiteral("unknown_proposal"), QStringLiteral("no proposal %1 in the journal").arg(proposalId),
                 QStringLiteral("the proposal may belong to another journal file; check journal.path")};
}

Error invalidProposal(const TradeProposal& proposal, const QString& problem)
{
    return Error{QStringLiteral("invalid_proposal"), QStringLiteral("proposal %1: %2").arg(proposal.id, problem),
                 QStringLiteral("this is a bug in the engine: report it with the log")};
}

Status validate(const TradeProposal& proposal)
{
    if (proposal.id.isEmpty())
        return invalidProposal(proposal, QStringLiteral("no id"));
    if (proposal.state != ProposalState::Pending)
        return invalidProposal(proposal, QStringLiteral("a new proposal must be pending, not %1").arg(proposalStateName(proposal.state)));
    if (proposal.clientOrderId.isEmpty())
        return invalidProposal(proposal, QStringLiteral("no client order id"));
    if (!std::isfinite(proposal.quantity) || proposal.quantity <= 0)
        return invalidProposal(proposal, QStringLiteral("quantity %1 is not a positive number").arg(proposal.quantity));
    if (!std::isfinite(proposal.price) || proposal.price <= 0)
        return invalidProposal(proposal, QStringLiteral("price %1 is not a positive number").arg(proposal.price));
    // The Positions panel and the stop watch read it back (ADR 0140): an exit protects nothing.
    if (proposal.stopPrice && proposal.isExit)
        return invalidProposal(proposal, QStringLiteral("an exit has no protective stop"));
    if (proposal.stopPrice && (!std::isfinite(*proposal.stopPrice) || *proposal.stopPrice <= 0))
        return invalidProposal(proposal, QStringLiteral("stop %1 is not a positive number").arg(*proposal.stopPrice));
    if (!std::isfinite(proposal.varBefore) || !std::isfinite(proposal.varAfter))
        return invalidProposal(proposal, QStringLiteral("VaR is not a finite number"));
    if (!proposal.createdAt.isValid() || !proposal.expiresAt.isValid() || proposal.expiresAt < proposal.createdAt)
        return invalidProposal(proposal, QStringLiteral("creation and expiry must be valid instants, expiry not before creation"));
    return okStatus();
}

// QtSql binds a null QString as SQL NULL; the journal's text columns are NOT NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

Alert readAlert(const QSqlQuery& row)
{
    Alert alert;
    alert.id = row.value(0).toString();
    alert.severity = parseAlertSeverity(row.value(1).toString()).value_or(Alert::Severity::Warning);
    alert.kind = row.value(2).toString();
    alert.instrumentKey = row.value(3).toString();
    alert.message = row.value(4).toString();
    alert.at = dateTimeFromMs(row.value(5));
    alert.acknowledged = row.value(6).toInt() != 0;
    alert.acknowledgedAt = dateTimeFromMs(row.value(7));
    return alert;
}
} // namespace

Journal::Journal(std::unique_ptr<SqliteConnection> db, int schemaVersion)
    : m_db(std::move(db)), m_schemaVersion(schemaVersion)
{
}

Journal::~Journal() = default;

Status Journal::checkFile(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return journalfile::notAJournal(path, QStringLiteral("it is a directory"));
    if (!info.exists() || info.size() == 0)
        return okStatus(); // a new journal
    if (Status header = journalfile::checkHeader(path); !header)
        return header;
    auto db = SqliteConnection::open(path, QStringLiteral("journal-check"), SqliteConnection::Access::ReadOnly);
    if (!db)
        return db.error();
    return checkPageIntegrity(*db.value(), path, PageCheck::Quick);
}

Result<std::unique_ptr<Journal>> Journal::open(const QString& path)
{
    // Refused before anything is written into it: a directory or another kind of file is bad
    // input, and a damaged page found later would fail a trade mid-way with a storage error.
    // quick_check reads every page (about 1 s for 100 MB) but skips the index cross-check that
    // `journal verify` adds.
    if (const Status usable = checkFile(path); !usable)
        return usable.error();
    auto db = SqliteConnection::open(path, QStringLiteral("journal"));
    if (!db)
        return db.error();
    auto version = JournalSchema::migrate(*db.value());
    if (!version)
        return version.error();
    return std::unique_ptr<Journal>(new Journal(std::move(db).value(), version.value()));
}

const QString& Journal::path() const
{
    return m_db->path();
}

Status Journal::recordProposal(const TradeProposal& proposal)
{
    if (Status status = validate(proposal); !status)
        return status;
    const QByteArray verdict = QJsonDocument(proposal.verdict.toJson()).toJson(QJsonDocument::Compact);
    const QVariant advice = proposal.advice
                                ? QVariant(QString::fromUtf8(QJsonDocument(proposal.advice->toJson()).toJson(QJsonDocument::Compact)))
                                : QVariant(QMetaType::fromType<QString>());
    const QVariant stop = proposal.stopPrice ? QVariant(*proposal.stopPrice) : QVariant(QMetaType::fromType<double>());
    return m_db->exec(
        QStringLiteral("INSERT INTO proposals (id, instrument_key, symbol, market, interval, side, is_exit, quantity, price, "
                       "strategy_reason, verdict_json, var_before, var_after, freshness, client_order_id, created_at_ms, "
                       "expires_at_ms, advice_json, strategy, stop_price, state) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')"),
        {proposal.id, proposal.instrument.key(), proposal.instrument.symbol, proposal.instrument.market,
         intervalName(proposal.instrument.interval), sideName(proposal.side), proposal.isExit ? 1 : 0, proposal.quantity,
         proposal.price, text(proposal.strategyReason), QString::fromUtf8(verdict), proposal.varBefore, proposal.varAfter,
         text(proposal.freshness), proposal.clientOrderId, proposal.createdAt.toMSecsSinceEpoch(),
         proposal.expiresAt.toMSecsSinceEpoch(), advice, text(proposal.strategy), stop});
}

Status Journal::transition(const QString& proposalId, const QStringList& from, ProposalState to, const QString& resolution,
                           const QDateTime& at)
{
    auto state = m_db->scalar(QStringLiteral("SELECT state FROM proposals WHERE id = ?"), {proposalId});
    if (!state)
        return state.error();
    if (state.value().isNull())
        return notFound(proposalId);
    const QString current = state.value().toString();
    if (!from.contains(current))
        return Error{QStringLiteral("invalid_transition"),
                     QStringLiteral("proposal %1 is %2; only a %3 proposal can become %4")
                         .arg(proposalId, current, from.join(QStringLiteral(" or ")), proposalStateName(to)),
                     QStringLiteral("it was already resolved; reload the proposal list")};
    return m_db->exec(QStringLiteral("UPDATE proposals SET state = ?, resolution = ?, resolved_at_ms = ? WHERE id = ?"),
                      {proposalStateName(to), resolution, at.toMSecsSinceEpoch(), proposalId});
}

Status Journal::recordDecision(const QString& proposalId, Decision decision, const QString& reason,
                               const QString& operatorName, const QDateTime& at)
{
    return recordDecision(proposalId, decision, reason, OperatorOrigin::engine(operatorName), at);
}

Status Journal::recordDecision(const QString& proposalId, Decision decision, const QString& reason,
                               const OperatorOrigin& origin, const QDateTime& at)
{
    const QString& operatorName = origin.who;
    return m_db->transaction([&]() -> Status {
        auto expires = m_db->scalar(QStringLiteral("SELECT expires_at_ms FROM proposals WHERE id = ? AND state = 'pending'"),
                                    {proposalId});
        if (!expires)
            return expires.error();
        if (!expires.value().isNull() && at.toMSecsSinceEpoch() >= expires.value().toLongLong())
            return Error{QStringLiteral("proposal_expired"),
                         QStringLiteral("proposal %1 expired at %2; it can no longer be decided")
                             .arg(proposalId, dateTimeFromMs(expires.value()).toString(Qt::ISODate)),
                         QStringLiteral("wait for the next signal")};
        const bool approve = decision == Decision::Approve;
        const QString resolution = approve ? QStringLiteral("approved by %1: %2").arg(operatorName, reason)
                                           : QStringLiteral("rejected by %1: %2").arg(operatorName, reason);
        if (Status s = transition(proposalId, {QStringLiteral("pending")},
                                  approve ? ProposalState::Approved : ProposalState::Rejected, resolution, at);
            !s)
            return s;
        if (Status s = m_db->exec(QStringLiteral("INSERT INTO decisions (proposal_id, decision, reason, operator, at_ms, channel) "
                                                 "VALUES (?, ?, ?, ?, ?, ?)"),
                                  {proposalId, approve ? QStringLiteral("approved") : QStringLiteral("rejected"), text(reason),
                                   text(operatorName), at.toMSecsSinceEpoch(), operatorChannelName(origin.channel)});
            !s)
            return s;
        return origin.telegramOffset ? storeTelegramOffset(*origin.telegramOffset) : okStatus();
    }, SqliteConnection::Lock::Immediate);
}

Status Journal::markExpired(const QString& proposalId, const QDateTime& at)
{
    return transition(proposalId, {QStringLiteral("pending")}, ProposalState::Expired,
                      QStringLiteral("no decision before it expired"), at);
}

Status Journal::markRefused(const QString& proposalId, const QString& reason, const QDateTime& at)
{
    return transition(proposalId, {QStringLiteral("pending"), QStringLiteral("approved")}, ProposalState::Refused, reason, at);
}

Result<bool> Journal::recordExecution(const QString& proposalId, const Fill& fill)
{
    bool recorded = false;
    const Status status = m_db->transaction([&]() -> Status {
        auto row = m_db->query(QStringLiteral("SELECT state, client_order_id FROM proposals WHERE id = ?"), {proposalId});
        if (!row)
            return row.error();
        if (!row.value().next())
            return notFound(proposalId);
        const QString state = row.value().value(0).toString();
        const QString clientOrderId = row.value().value(1).toString();
        if (fill.clientOrderId != clientOrderId)
            return Error{QStringLiteral("client_order_id_mismatch"),
                         QStringLiteral("fill %1 has client order id %2, but proposal %3 was sent as %4")
                             .arg(fill.orderId, fill.clientOrderId, proposalId, clientOrderId),
                         QStringLiteral("this is a bug in the engine: report it with the log")};
        if (state == u"executed") {
            auto orderId = m_db->scalar(QStringLiteral("SELECT order_id FROM executions WHERE proposal_id = ?"), {proposalId});
            if (!orderId)
                return orderId.error();
            if (orderId.value().toString() == fill.orderId)
                return okStatus(); // the same fill again: already journalled
        }
        auto approved = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM decisions WHERE proposal_id = ? AND decision = 'approved'"),
                                     {proposalId});
        if (!approved)
            return approved.error();
        if (approved.value().toInt() == 0)
            return Error{QStringLiteral("not_approved"),
                         QStringLiteral("proposal %1 has no approval; an execution cannot be recorded for it").arg(proposalId),
                         QStringLiteral("record the operator's approval before executing")};
        if (Status s = transition(proposalId, {QStringLiteral("approved")}, ProposalState::Executed,
                                  QStringLiteral("executed as %1 at %2").arg(fill.orderId).arg(fill.price), fill.at);
            !s)
            return s;
        if (Status s = m_db->exec(QStringLiteral("INSERT INTO executions (proposal_id, client_order_id, order_id, price, quantity, "
                                                 "fee, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                  {proposalId, fill.clientOrderId, fill.orderId, fill.price, fill.quantity, fill.fee,
                                   fill.at.toMSecsSinceEpoch()});
            !s)
            return s;
        recorded = true;
        return okStatus();
    });
    if (!status)
        return status.error();
    return recorded;
}

Status Journal::recordAlert(const Alert& alert)
{
    if (alert.id.isEmpty() || !alert.at.isValid())
        return Error{QStringLiteral("invalid_alert"), QStringLiteral("alert '%1' has no id or no time").arg(alert.message),
                     QStringLiteral("create alerts with Alert::create")};
    return m_db->exec(QStringLiteral("INSERT INTO alerts (id, severity, kind, instrument_key, message, at_ms, acknowledged, "
                                     "acknowledged_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                      {alert.id, alertSeverityName(alert.severity), text(alert.kind), text(alert.instrumentKey), text(alert.message),
                       alert.at.toMSecsSinceEpoch(), alert.acknowledged ? 1 : 0, msOrNull(alert.acknowledgedAt)});
}

Result<int> Journal::pruneAlertsBefore(const QDateTime& before)
{
    return m_db->update(QStringLiteral("DELETE FROM alerts WHERE at_ms < ?"), {before.toMSecsSinceEpoch()});
}

Result<bool> Journal::acknowledgeAlert(const QString& alertId, const QDateTime& at)
{
    auto exists = m_db->scalar(QStringLiteral("SELECT acknowledged FROM alerts WHERE id = ?"), {alertId});
    if (!exists)
        return exists.error();
    if (exists.value().isNull())
        return Error{QStringLiteral("unknown_alert"), QStringLiteral("no alert %1 in the journal").arg(alertId),
                     QStringLiteral("reload the alert list")};
    auto changed = m_db->update(QStringLiteral("UPDATE alerts SET acknowledged = 1, acknowledged_at_ms = ? WHERE id = ? AND acknowledged = 0"),
                                {at.toMSecsSinceEpoch(), alertId});
    if (!changed)
        return changed.error();
    return changed.value() == 1;
}

Result<QList<Alert>> Journal::unacknowledgedAlerts()
{
    auto rows = m_db->query(QStringLiteral("SELECT id, severity, kind, instrument_key, message, at_ms, acknowledged, "
                                           "acknowledged_at_ms FROM alerts WHERE acknowledged = 0 ORDER BY at_ms, id"));
    if (!rows)
        return rows.error();
    QList<Alert> alerts;
    while (rows.value().next())
        alerts.append(readAlert(rows.value()));
    return alerts;
}

Result<QList<TradeProposal>> Journal::proposalsWhere(const QString& condition, const QVariantList& binds)
{
    auto rows = m_db->query(proposalColumns + condition, binds);
    if (!rows)
        return rows.error();
    QList<TradeProposal> proposals;
    while (rows.value().next())
        proposals.append(readProposal(rows.value()));
    return proposals;
}

Result<std::optional<TradeProposal>> Journal::proposal(const QString& id)
{
    auto found = proposalsWhere(QStringLiteral("WHERE id = ?"), {id});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return std::optional<TradeProposal>();
    return std::optional<TradeProposal>(found.value().first());
}

Result<QList<TradeProposal>> Journal::pendingProposals()
{
    return proposalsWhere(QStringLiteral("WHERE state = 'pending' ORDER BY created_at_ms, id"), {});
}

Result<QList<TradeProposal>> Journal::approvedAwaitingExecution()
{
    return proposalsWhere(QStringLiteral("WHERE state = 'approved' ORDER BY resolved_at_ms, id"), {});
}

Result<QList<TradeProposal>> Journal::restorePending(const QDateTime& now)
{
    QList<TradeProposal> valid;
    const Status status = m_db->transaction([&]() -> Status {
        auto pending = pendingProposals();
        if (!pending)
            return pending.error();
        int expired = 0;
        for (const TradeProposal& proposal : pending.value()) {
            if (proposal.expiresAt > now) {
                valid.append(proposal);
                continue;
            }
            if (Status s = m_db->exec(QStringLiteral("UPDATE proposals SET state = 'expired', resolution = ?, resolved_at_ms = ? "
                                                     "WHERE id = ? AND state = 'pending'"),
                                      {QStringLiteral("expired at %1 before a decision (found on restart)")
                                           .arg(proposal.expiresAt.toString(Qt::ISODate)),
                                       now.toMSecsSinceEpoch(), proposal.id});
                !s)
                return s;
            ++expired;
        }
        log::journal()->info("journal {}: {} pending proposals restored, {} expired while stopped", path(), valid.size(), expired);
        return okStatus();
    });
    if (!status)
        return status.error();
    return valid;
}

Result<QMap<QString, double>> Journal::netPositions()
{
    auto rows = m_db->query(QStringLiteral(
        "SELECT p.instrument_key, SUM(CASE WHEN p.side = 'buy' THEN e.quantity ELSE -e.quantity END)"
        " FROM executions e JOIN proposals p ON p.id = e.proposal_id GROUP BY p.instrument_key"));
    if (!rows)
        return rows.error();
    QMap<QString, double> positions;
    while (rows.value().next()) {
        const double units = rows.value().value(1).toDouble();
        if (units != 0.0)
            positions.insert(rows.value().value(0).toString(), units);
    }
    return positions;
}

Result<QList<FillRecord>> Journal::fills(const std::optional<QDateTime>& until)
{
    return journalfills::read(*m_db, until);
}

Result<QMap<QString, qint64>> Journal::counts()
{
    QMap<QString, qint64> counts;
    for (const char16_t* state : {u"pending", u"approved", u"executed", u"rejected", u"expired", u"refused"})
        counts.insert(QString::fromUtf16(state), 0);
    auto states = m_db->query(QStringLiteral("SELECT state, COUNT(*) FROM proposals GROUP BY state"));
    if (!states)
        return states.error();
    while (states.value().next())
        counts.insert(states.value().value(0).toString(), states.value().value(1).toLongLong());
    const QList<std::pair<QString, QString>> totals{
        {QStringLiteral("decisions"), QStringLiteral("SELECT COUNT(*) FROM decisions")},
        {QStringLiteral("executions"), QStringLiteral("SELECT COUNT(*) FROM executions")},
        {QStringLiteral("alerts"), QStringLiteral("SELECT COUNT(*) FROM alerts")},
        {QStringLiteral("alerts_unacknowledged"), QStringLiteral("SELECT COUNT(*) FROM alerts WHERE acknowledged = 0")},
    };
    for (const auto& [name, sql] : totals) {
        auto value = m_db->scalar(sql);
        if (!value)
            return value.error();
        counts.insert(name, value.value().toLongLong());
    }
    return counts;
}

} // namespace sentinel
