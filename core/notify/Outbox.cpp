// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/Outbox.h"

#include "storage/SchemaVersions.h"
#include "storage/SqliteConnection.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace sentinel {

namespace {

OutboxEntry::State stateFromName(const QString& name)
{
    if (name == u"sending") return OutboxEntry::State::Sending;
    if (name == u"delivered") return OutboxEntry::State::Delivered;
    if (name == u"failed") return OutboxEntry::State::Failed;
    if (name == u"expired") return OutboxEntry::State::Expired;
    return OutboxEntry::State::Queued;
}

const QString selectColumns = QStringLiteral(
    "SELECT seq, payload, state, attempts, parts_done, parts_channel, delivered_by, last_error, "
    "enqueued_at, next_attempt_at, finished_at FROM notify_outbox ");

} // namespace

QString outboxStateName(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Queued: return QStringLiteral("queued");
    case OutboxEntry::State::Sending: return QStringLiteral("sending");
    case OutboxEntry::State::Delivered: return QStringLiteral("delivered");
    case OutboxEntry::State::Failed: return QStringLiteral("failed");
    case OutboxEntry::State::Expired: return QStringLiteral("expired");
    }
    return {};
}

Outbox::Outbox(std::unique_ptr<SqliteConnection> db) : m_db(std::move(db)) {}

Outbox::~Outbox() = default;

const QString& Outbox::path() const
{
    return m_db->path();
}

Result<std::unique_ptr<Outbox>> Outbox::open(const QString& path)
{
    // A connection of its own: the journal opens the same file through another one. FULL
    // synchronous is the promise "a queued signal is never lost" rests on.
    SqliteConnection::Options options;
    options.owner = QStringLiteral("signal outbox");
    options.remedy = QStringLiteral("check that the journal file and its folder are writable and the disk is not full");
    auto db = SqliteConnection::open(path, options);
    if (!db)
        return db.error();
    std::unique_ptr<Outbox> outbox(new Outbox(std::move(db).value()));
    if (Status status = outbox->createSchema(); !status)
        return status.error();
    return outbox;
}

Status Outbox::createSchema()
{
    static const SchemaOwner signalOutbox{
        QStringLiteral("signal outbox"),
        {
            {1,
             QStringLiteral("outbox of outgoing signals"),
             {
                 QStringLiteral("CREATE TABLE IF NOT EXISTS notify_outbox ("
                                " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                                " signal_id TEXT NOT NULL UNIQUE,"
                                " idempotency_key TEXT NOT NULL UNIQUE,"
                                " payload TEXT NOT NULL,"
                                " state TEXT NOT NULL CHECK (state IN ('queued','sending','delivered','failed','expired')),"
                                " attempts INTEGER NOT NULL DEFAULT 0,"
                                " parts_done INTEGER NOT NULL DEFAULT 0,"
                                " parts_channel TEXT,"
                                " delivered_by TEXT,"
                                " last_error TEXT,"
                                " enqueued_at INTEGER NOT NULL,"
                                " next_attempt_at INTEGER,"
                                " finished_at INTEGER)"),
                 QStringLiteral("CREATE INDEX IF NOT EXISTS notify_outbox_pending ON notify_outbox (state, next_attempt_at, seq)"),
             }},
        },
        // Releases before schema_versions kept the version here (ADR 0040).
        LegacyVersionMark::keyValue(QStringLiteral("notify_meta"), QStringLiteral("outbox_schema_version")),
        QStringLiteral("schema_mismatch"),
        QStringLiteral("use the Trade Sentinel version that wrote this journal, or point journal.path to a new file"),
    };
    Q_ASSERT(signalOutbox.latestVersion() == schemaVersion);
    auto version = SchemaVersions::migrate(*m_db, signalOutbox);
    if (!version)
        return version.error();
    return okStatus();
}

OutboxEntry Outbox::readEntry(const QSqlQuery& query)
{
    OutboxEntry entry;
    entry.seq = query.value(0).toLongLong();
    const auto json = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
    // The payload was written by toJson(); a row that no longer parses keeps its id at least,
    // so it can be reported rather than silently skipped.
    entry.signal = SignalMessage::fromJson(json).value_or(SignalMessage{json.value(u"id").toString(), {}, {}, 0.0, {}, {}, {}, {}});
    entry.state = stateFromName(query.value(2).toString());
    entry.attempts = query.value(3).toInt();
    entry.partsDone = query.value(4).toInt();
    entry.partsChannel = query.value(5).toString();
    entry.deliveredBy = query.value(6).toString();
    entry.lastError = query.value(7).toString();
    entry.enqueuedAt = dateTimeFromMs(query.value(8));
    entry.nextAttemptAt = dateTimeFromMs(query.value(9));
    entry.finishedAt = dateTimeFromMs(query.value(10));
    return entry;
}

Result<bool> Outbox::enqueue(const SignalMessage& signal, const QDateTime& now)
{
    const QByteArray payload = QJsonDocument(signal.toJson()).toJson(QJsonDocument::Compact);
    auto inserted = m_db->update(QStringLiteral("INSERT OR IGNORE INTO notify_outbox (signal_id, idempotency_key, payload, "
                                                "state, enqueued_at, next_attempt_at) VALUES (?, ?, ?, 'queued', ?, ?)"),
                                 {signal.id, signal.idempotencyKey(), QString::fromUtf8(payload), now.toMSecsSinceEpoch(),
                                  now.toMSecsSinceEpoch()});
    if (!inserted)
        return inserted.error();
    return inserted.value() == 1;
}

Result<int> Outbox::pruneFinishedBefore(const QDateTime& before)
{
    return m_db->update(QStringLiteral("DELETE FROM notify_outbox WHERE state IN ('delivered','failed','expired') "
                                       "AND finished_at IS NOT NULL AND finished_at < ?"),
                        {before.toMSecsSinceEpoch()});
}

Result<int> Outbox::recoverInterrupted(const QDateTime& now)
{
    return m_db->update(QStringLiteral("UPDATE notify_outbox SET state = 'queued', next_attempt_at = ? WHERE state = 'sending'"),
                        {now.toMSecsSinceEpoch()});
}

Result<std::optional<OutboxEntry>> Outbox::nextDue(const QDateTime& now)
{
    auto query = m_db->query(selectColumns + QStringLiteral("WHERE state = 'queued' AND next_attempt_at IS NOT NULL "
                                                            "AND next_attempt_at <= ? ORDER BY seq LIMIT 1"),
                             {now.toMSecsSinceEpoch()});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(readEntry(query.value()));
}

Result<std::optional<QDateTime>> Outbox::earliestAttempt()
{
    auto earliest = m_db->scalar(QStringLiteral("SELECT MIN(next_attempt_at) FROM notify_outbox WHERE state = 'queued'"));
    if (!earliest)
        return earliest.error();
    if (earliest.value().isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(dateTimeFromMs(earliest.value()));
}

Result<int> Outbox::unpark(const QDateTime& now)
{
    return m_db->update(QStringLiteral("UPDATE notify_outbox SET next_attempt_at = ? "
                                       "WHERE state = 'queued' AND next_attempt_at IS NULL"),
                        {now.toMSecsSinceEpoch()});
}

Status Outbox::markSending(qint64 seq)
{
    return m_db->exec(QStringLiteral("UPDATE notify_outbox SET state = 'sending', attempts = attempts + 1 WHERE seq = ?"), {seq});
}

Status Outbox::markPartsDone(qint64 seq, const QString& channel, int partsDone)
{
    return m_db->exec(QStringLiteral("UPDATE notify_outbox SET parts_done = ?, parts_channel = ? WHERE seq = ?"),
                      {partsDone, channel, seq});
}

Result<bool> Outbox::markDelivered(qint64 seq, const QString& channel, const QDateTime& now)
{
    auto updated = m_db->update(QStringLiteral("UPDATE notify_outbox SET state = 'delivered', delivered_by = ?, finished_at = ?, "
                                               "next_attempt_at = NULL, last_error = NULL "
                                               "WHERE seq = ? AND state IN ('queued', 'sending')"),
                                {channel, now.toMSecsSinceEpoch(), seq});
    if (!updated)
        return updated.error();
    return updated.value() == 1;
}

Status Outbox::markRetry(qint64 seq, const QDateTime& nextAttempt, const QString& error)
{
    return m_db->exec(QStringLiteral("UPDATE notify_outbox SET state = 'queued', next_attempt_at = ?, last_error = ? "
                                     "WHERE seq = ? AND state IN ('queued', 'sending')"),
                      {msOrNull(nextAttempt), error, seq});
}

Status Outbox::markFailed(qint64 seq, const QString& error, const QDateTime& now)
{
    return m_db->exec(QStringLiteral("UPDATE notify_outbox SET state = 'failed', last_error = ?, finished_at = ?, "
                                     "next_attempt_at = NULL WHERE seq = ? AND state IN ('queued', 'sending')"),
                      {error, now.toMSecsSinceEpoch(), seq});
}

Status Outbox::markExpired(qint64 seq, const QDateTime& now)
{
    return m_db->exec(QStringLiteral("UPDATE notify_outbox SET state = 'expired', finished_at = ?, next_attempt_at = NULL "
                                     "WHERE seq = ? AND state IN ('queued', 'sending')"),
                      {now.toMSecsSinceEpoch(), seq});
}

Result<std::optional<OutboxEntry>> Outbox::find(const QString& signalId)
{
    auto query = m_db->query(selectColumns + QStringLiteral("WHERE signal_id = ?"), {signalId});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(readEntry(query.value()));
}

Result<QList<OutboxEntry>> Outbox::pending()
{
    auto query = m_db->query(selectColumns + QStringLiteral("WHERE state IN ('queued', 'sending') ORDER BY seq"));
    if (!query)
        return query.error();
    QList<OutboxEntry> entries;
    while (query.value().next())
        entries.append(readEntry(query.value()));
    return entries;
}

Result<QHash<OutboxEntry::State, int>> Outbox::counts()
{
    auto query = m_db->query(QStringLiteral("SELECT state, COUNT(*) FROM notify_outbox GROUP BY state"));
    if (!query)
        return query.error();
    QHash<OutboxEntry::State, int> counts;
    while (query.value().next())
        counts.insert(stateFromName(query.value().value(0).toString()), query.value().value(1).toInt());
    return counts;
}

} // namespace sentinel
