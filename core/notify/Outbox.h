// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "notify/SignalMessage.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

class QSqlQuery;

namespace sentinel {

class SqliteConnection;

/// One signal in the outbox.
struct OutboxEntry {
    enum class State { Queued, Sending, Delivered, Failed, Expired };

    qint64 seq = 0; ///< insertion order; signals are attempted oldest first
    SignalMessage signal;
    State state = State::Queued;
    int attempts = 0;         ///< rounds started (state went to sending)
    int partsDone = 0;        ///< Telegram parts confirmed, valid for partsChannel
    QString partsChannel;
    QString deliveredBy;      ///< channel name once delivered
    QString lastError;
    QDateTime enqueuedAt;
    QDateTime nextAttemptAt;  ///< invalid: parked until a channel is reconfigured
    QDateTime finishedAt;     ///< delivered, failed or expired at
};

[[nodiscard]] QString outboxStateName(OutboxEntry::State state);

/// The persistent outbox of outgoing signals: a table in an SQLite file (normally the journal's,
/// so both share one file; ADR 0040). Each signal is committed before its first attempt and
/// moves queued → sending → delivered | failed | expired, each step its own durable commit
/// (WAL, synchronous=FULL, through SqliteConnection). Rows left in `sending` by a crash are
/// requeued on open. Its schema is owner "signal outbox" in `schema_versions` (ADR 0101).
/// Not a QObject; used from one thread (its named QtSql connection belongs to that thread).
class Outbox final
{
public:
    static constexpr int schemaVersion = 1;

    /// Opens (creating if needed) the outbox in the SQLite file at `path`.
    [[nodiscard]] static Result<std::unique_ptr<Outbox>> open(const QString& path);
    ~Outbox();
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    /// Queues a signal, due now. Returns false when a signal with this id is already there
    /// (in any state): a signal is stored and delivered once.
    [[nodiscard]] Result<bool> enqueue(const SignalMessage& signal, const QDateTime& now);
    /// Deletes delivered, failed and expired rows that finished before `before`; queued and
    /// sending rows stay whatever their age. A signal id can be queued again once its row is gone,
    /// so the retention must outlast any re-dispatch of a signal (hours; the minimum is a day).
    /// Returns how many went.
    [[nodiscard]] Result<int> pruneFinishedBefore(const QDateTime& before);
    /// Moves rows a crash left in `sending` back to `queued`, due now. Returns how many.
    [[nodiscard]] Result<int> recoverInterrupted(const QDateTime& now);

    /// The oldest queued signal due at `now`, if any.
    [[nodiscard]] Result<std::optional<OutboxEntry>> nextDue(const QDateTime& now);
    /// Earliest next attempt among queued signals (parked ones excluded).
    [[nodiscard]] Result<std::optional<QDateTime>> earliestAttempt();
    /// Makes parked signals due at `now` (after a channel's configuration was fixed).
    [[nodiscard]] Result<int> unpark(const QDateTime& now);

    [[nodiscard]] Status markSending(qint64 seq);
    [[nodiscard]] Status markPartsDone(qint64 seq, const QString& channel, int partsDone);
    /// Commits the confirmation. Refuses (returns false) when the row is not queued/sending.
    [[nodiscard]] Result<bool> markDelivered(qint64 seq, const QString& channel, const QDateTime& now);
    /// Back to queued; `nextAttempt` invalid parks it.
    [[nodiscard]] Status markRetry(qint64 seq, const QDateTime& nextAttempt, const QString& error);
    [[nodiscard]] Status markFailed(qint64 seq, const QString& error, const QDateTime& now);
    [[nodiscard]] Status markExpired(qint64 seq, const QDateTime& now);

    [[nodiscard]] Result<std::optional<OutboxEntry>> find(const QString& signalId);
    /// Signals in queued or sending, oldest first.
    [[nodiscard]] Result<QList<OutboxEntry>> pending();
    [[nodiscard]] Result<QHash<OutboxEntry::State, int>> counts();

    [[nodiscard]] const QString& path() const;

private:
    explicit Outbox(std::unique_ptr<SqliteConnection> db);
    Status createSchema();
    static OutboxEntry readEntry(const QSqlQuery& query);

    std::unique_ptr<SqliteConnection> m_db;
};

} // namespace sentinel
