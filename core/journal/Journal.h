// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/HistoryRecords.h"
#include "common/OperatorOrigin.h"
#include "journal/Alert.h"
#include "journal/JournalFills.h"
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

/// The operator's controls over the whole desk (ADR 0132).
enum class OperatorAction { Pause, Resume, Flatten, KillSwitch, ClosePosition };
[[nodiscard]] QString operatorActionName(OperatorAction action);

/// One journalled control: who, through what, when.
struct OperatorActionRecord {
    OperatorAction action = OperatorAction::Pause;
    QString who;
    QString channel;   ///< "desktop", "telegram", "cli", "engine"
    QString detail;
    QDateTime at;
};

/// What the desk keeps across restarts besides proposals.
struct DeskState {
    bool paused = false;
    QString pausedBy;        ///< OperatorOrigin::describe() of who paused
    QDateTime pausedAt;
    qint64 telegramOffset = 0; ///< the getUpdates offset: every update below it was handled
};

/// The Telegram message a proposal was put to the operator in (its buttons point at it).
struct TelegramMessageRecord {
    QString proposalId;
    qint64 chatId = 0;
    qint64 messageId = 0;
    QDateTime sentAt;
    bool outcomeShown = false; ///< the message was edited to show how the proposal ended
};

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
    /// The same, saying where it came from; a Telegram origin's offset is stored in the same
    /// transaction, so a crash cannot leave the decision without the update marked handled.
    [[nodiscard]] Status recordDecision(const QString& proposalId, Decision decision, const QString& reason,
                                        const OperatorOrigin& origin, const QDateTime& at);
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
    /// Every fill before `until` (all when unset), oldest first: what realised P&L is computed from.
    [[nodiscard]] Result<QList<FillRecord>> fills(const std::optional<QDateTime>& until = std::nullopt);

    // ---- the history of proposals, a page at a time (JournalHistory.cpp, ADR 0136) ----

    /// Up to `limit` proposals matching `filter`, newest first, starting after `after` (from the
    /// newest when unset), each with its decision and fill. A page is one indexed query however long
    /// the journal is.
    [[nodiscard]] Result<QList<HistoryRow>> historyPage(const HistoryFilter& filter, const std::optional<HistoryCursor>& after,
                                                        int limit);
    /// How many proposals match `filter`.
    [[nodiscard]] Result<qint64> historyCount(const HistoryFilter& filter);
    /// The strategies the journal's proposals name, sorted; "unrecorded" for those from before schema 5.
    [[nodiscard]] Result<QStringList> historyStrategies();

    // ---- the operator's controls and Telegram (JournalDesk.cpp) ----

    /// Journals a control; Pause and KillSwitch set the paused state, Resume clears it, all in
    /// one transaction with the origin's Telegram offset.
    [[nodiscard]] Status recordOperatorAction(OperatorAction action, const OperatorOrigin& origin, const QString& detail,
                                              const QDateTime& at);
    [[nodiscard]] Result<QList<OperatorActionRecord>> operatorActions();
    [[nodiscard]] Result<DeskState> deskState();
    /// Stores the getUpdates offset; never moves it back.
    [[nodiscard]] Status saveTelegramOffset(qint64 offset);
    [[nodiscard]] Status recordTelegramMessage(const TelegramMessageRecord& message);
    [[nodiscard]] Result<std::optional<TelegramMessageRecord>> telegramMessage(const QString& proposalId);
    [[nodiscard]] Status markTelegramOutcomeShown(const QString& proposalId);
    /// Who decided a proposal and through what; nullopt while it is undecided (or it expired).
    [[nodiscard]] Result<std::optional<OperatorOrigin>> decidedBy(const QString& proposalId);

private:
    Journal(std::unique_ptr<SqliteConnection> db, int schemaVersion);
    /// Inside a transaction: moves the stored Telegram offset up to `offset` (never back).
    Status storeTelegramOffset(qint64 offset);
    Result<QList<TradeProposal>> proposalsWhere(const QString& condition, const QVariantList& binds);
    /// Sets state, resolution and time when the proposal is in one of `from`; an error naming the
    /// actual state otherwise.
    Status transition(const QString& proposalId, const QStringList& from, ProposalState to, const QString& resolution,
                      const QDateTime& at);

    std::unique_ptr<SqliteConnection> m_db;
    int m_schemaVersion = 0;
};

} // namespace sentinel
