// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "journal/Alert.h"
#include "trading/Order.h"
#include "trading/TradeProposal.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace sentinel {

class SqliteConnection;

/// The operator's decision on a pending proposal.
enum class Decision { Approve, Reject };

/// The durable record of everything the engine proposes and does: proposals, the operator's
/// decisions, executions and alerts, in an SQLite file (WAL, synchronous=FULL, foreign keys on).
/// Each call is written before the engine acts on it, and each call that changes more than one row
/// is one transaction, so a crash leaves either all of it or none. Not a QObject; used from the
/// engine thread that opened it (its QtSql connection belongs to that thread).
///
/// Proposal life: pending -> approved -> executed | refused; pending -> rejected | expired | refused.
class Journal final
{
public:
    /// Opens (creating if needed) and migrates the journal at `path`. Refuses a file written by a
    /// newer schema (`journal_too_new`).
    [[nodiscard]] static Result<std::unique_ptr<Journal>> open(const QString& path);
    /// What open() would refuse about the file at `path`, without creating or changing it:
    /// `not_a_journal` for a directory or a file that is not SQLite (bad input), `journal_corrupt`
    /// when SQLite's quick_check finds damaged pages. A missing or empty file is fine.
    [[nodiscard]] static Status checkFile(const QString& path);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    [[nodiscard]] const QString& path() const;
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }

    /// Stores a new proposal in state pending. Fails when its id or client order id is known.
    [[nodiscard]] Status recordProposal(const TradeProposal& proposal);
    /// Records the operator's decision and moves the proposal to approved or rejected, together.
    /// Only a pending proposal that has not expired at `at` can be decided.
    [[nodiscard]] Status recordDecision(const QString& proposalId, Decision decision, const QString& reason,
                                        const QString& operatorName, const QDateTime& at);
    /// A pending proposal whose time ran out.
    [[nodiscard]] Status markExpired(const QString& proposalId, const QDateTime& at);
    /// A pending or approved proposal the engine will not execute (stale data or risk at approval
    /// time, the platform refused the order).
    [[nodiscard]] Status markRefused(const QString& proposalId, const QString& reason, const QDateTime& at);
    /// Records the fill of an approved proposal and marks it executed, together. Fails without an
    /// approval (also enforced by a trigger) or when the fill's client order id is not the
    /// proposal's. Recording the same fill again returns false and changes nothing, so recovery
    /// after a crash can simply record what the platform reports.
    [[nodiscard]] Result<bool> recordExecution(const QString& proposalId, const Fill& fill);

    [[nodiscard]] Status recordAlert(const Alert& alert);
    /// False when the alert was already acknowledged.
    [[nodiscard]] Result<bool> acknowledgeAlert(const QString& alertId, const QDateTime& at);
    [[nodiscard]] Result<QList<Alert>> unacknowledgedAlerts();
    /// Deletes alerts raised before `before` (acknowledged or not: they are operational notices,
    /// counted in the metrics; the trading record of proposals, decisions and executions is never
    /// pruned). Returns how many went.
    [[nodiscard]] Result<int> pruneAlertsBefore(const QDateTime& before);

    [[nodiscard]] Result<std::optional<TradeProposal>> proposal(const QString& id);
    /// Pending proposals, oldest first.
    [[nodiscard]] Result<QList<TradeProposal>> pendingProposals();
    /// Approved but neither executed nor refused: a crash came between approval and the journalled
    /// fill. The engine re-checks and re-sends them with the same client order id.
    [[nodiscard]] Result<QList<TradeProposal>> approvedAwaitingExecution();
    /// On restart: marks every pending proposal whose expiry is at or before `now` expired and
    /// returns the others, in one transaction.
    [[nodiscard]] Result<QList<TradeProposal>> restorePending(const QDateTime& now);

    /// Rows per proposal state ("pending", ...), plus "decisions", "executions", "alerts",
    /// "alerts_unacknowledged": what `sentinel run` reports.
    [[nodiscard]] Result<QMap<QString, qint64>> counts();
    /// Units held per instrument key as the journal's executions add up (buys minus sells);
    /// instruments that net to zero are left out.
    [[nodiscard]] Result<QMap<QString, double>> netPositions();

private:
    Journal(std::unique_ptr<SqliteConnection> db, int schemaVersion);
    Result<QList<TradeProposal>> proposalsWhere(const QString& condition, const QVariantList& binds);
    /// Sets state, resolution and time when the proposal is in one of `from`; an error naming the
    /// actual state otherwise.
    Status transition(const QString& proposalId, const QStringList& from, ProposalState to, const QString& resolution,
                      const QDateTime& at);

    std::unique_ptr<SqliteConnection> m_db;
    int m_schemaVersion = 0;
};

} // namespace sentinel
