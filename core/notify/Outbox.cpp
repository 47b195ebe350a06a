// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/Outbox.h"

#include "common/Log.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace sentinel {

namespace {


QVariant msOrNull(const QDateTime& instant)
{
    return instant.isValid() ? QVariant(instant.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMs(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

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

Outbox::Outbox(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Outbox::~Outbox()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Error Outbox::storageError(const QString& what, const QString& detail) const
{
    return Error{QStringLiteral("storage_error"),
                 QStringLiteral("signal outbox %1: %2: %3").arg(m_path, what, detail),
                 QStringLiteral("check that the journal file and its folder are writable and the disk is not full")};
}

Result<std::unique_ptr<Outbox>> Outbox::open(const QString& path)
{
    // A connection name of its own: the journal opens the same file through another connection.
    const QString name = QStringLiteral("sentinel-outbox-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Outbox> outbox(new Outbox(QFileInfo(path).absoluteFilePath(), name));
    outbox->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    outbox->m_db.setDatabaseName(outbox->m_path);
    outbox->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!outbox->m_db.open())
        return outbox->storageError(QStringLiteral("cannot open"), outbox->m_db.lastError().text());
    // WAL lets the UI/journal read while we write; synchronous=FULL makes every commit survive
    // power loss, which is the promise "a queued signal is never lost" rests on.
    for (const QString& pragma : {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL")}) {
        if (Status status = outbox->run(pragma); !status)
            return status.error();
    }
    if (Status status = outbox->createSchema(); !status)
        return status.error();
    return outbox;
}

Status Outbox::createSchema()
{
    if (Status status = run(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS notify_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        !status)
        return status;
    QSqlQuery query(m_db);
    if (Status status = run(query, QStringLiteral("SELECT value FROM notify_meta WHERE key = 'outbox_schema_version'"));
        !status)
        return status;
    if (query.next()) {
        const int found = query.value(0).toInt();
        if (found != schemaVersion) {
            return Error{QStringLiteral("schema_mismatch"),
                         QStringLiteral("signal outbox %1 has schema version %2; this build reads version %3")
                             .arg(m_path)
                             .arg(found)
                             .arg(schemaVersion),
                         QStringLiteral("use the Trade Sentinel version that wrote this journal, or point journal.path to a new file")};
        }
        return okStatus();
    }
    if (!m_db.transaction())
        return storageError(QStringLiteral("cannot begin"), m_db.lastError().text());
    const Status created = [&]() -> Status {
        if (Status s = run(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS notify_outbox ("
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
                " finished_at INTEGER)"));
            !s)
            return s;
        if (Status s = run(QStringLiteral(
                "CREATE INDEX IF NOT EXISTS notify_outbox_pending ON notify_outbox (state, next_attempt_at, seq)"));
            !s)
            return s;
        return run(QStringLiteral("INSERT INTO notify_meta (key, value) VALUES ('outbox_schema_version', ?)"),
                   {QString::number(schemaVersion)});
    }();
    if (!created) {
        m_db.rollback();
        return created;
    }
    if (!m_db.commit())
        return storageError(QStringLiteral("cannot commit the schema"), m_db.lastError().text());
    return okStatus();
}

Status Outbox::run(QSqlQuery& query, const QString& sql, const QVariantList& binds)
{
    if (!query.prepare(sql))
        return storageError(QStringLiteral("cannot prepare '%1'").arg(sql.left(60)), query.lastError().text());
    for (const QVariant& value : binds)
        query.addBindValue(value);
    if (!query.exec())
        return storageError(QStringLiteral("cannot run '%1'").arg(sql.left(60)), query.lastError().text());
    return okStatus();
}

Status Outbox::run(const QString& sql, const QVariantList& binds)
{
    QSqlQuery query(m_db);
    return run(query, sql, binds);
}

OutboxEntry Outbox::readEntry(const QSqlQuery& query)
{
    OutboxEntry entry;
    entry.seq = query.value(0).toLongLong();
    const auto json = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
    // The payload was written by toJson(); a row that no longer parses keeps its id at least,
    // so it can be reported rather than silently skipped.
    entry.signal = SignalMessage::fromJson(json).value_or(SignalMessage{json.value(u"id").toString(), {}, {}, 0.0, {}, {}, {}});
    entry.state = stateFromName(query.value(2).toString());
    entry.attempts = query.value(3).toInt();
    entry.partsDone = query.value(4).toInt();
    entry.partsChannel = query.value(5).toString();
    entry.deliveredBy = query.value(6).toString();
    entry.lastError = query.value(7).toString();
    entry.enqueuedAt = fromMs(query.value(8));
    entry.nextAttemptAt = fromMs(query.value(9));
    entry.finishedAt = fromMs(query.value(10));
    return entry;
}

Result<bool> Outbox::enqueue(const SignalMessage& signal, const QDateTime& now)
{
    const QByteArray payload = QJsonDocument(signal.toJson()).toJson(QJsonDocument::Compact);
    QSqlQuery query(m_db);
    if (Status status = run(query,
                            QStringLiteral("INSERT OR IGNORE INTO notify_outbox (signal_id, idempotency_key, payload, state, "
                                           "enqueued_at, next_attempt_at) VALUES (?, ?, ?, 'queued', ?, ?)"),
                            {signal.id, signal.idempotencyKey(), QString::fromUtf8(payload), now.toMSecsSinceEpoch(),
                             now.toMSecsSinceEpoch()});
        !status)
        return status.error();
    return query.numRowsAffected() == 1;
}

Result<int> Outbox::recoverInterrupted(const QDateTime& now)
{
    QSqlQuery query(m_db);
    if (Status status = run(query,
                            QStringLiteral("UPDATE notify_outbox SET state = 'queued', next_attempt_at = ? "
                                           "WHERE state = 'sending'"),
                            {now.toMSecsSinceEpoch()});
        !status)
        return status.error();
    return query.numRowsAffected();
}

Result<std::optional<OutboxEntry>> Outbox::nextDue(const QDateTime& now)
{
    QSqlQuery query(m_db);
    if (Status status = run(query,
                            selectColumns + QStringLiteral("WHERE state = 'queued' AND next_attempt_at IS NOT NULL "
                                                           "AND next_attempt_at <= ? ORDER BY seq LIMIT 1"),
                            {now.toMSecsSinceEpoch()});
        !status)
        return status.error();
    if (!query.next())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(readEntry(query));
}

Result<std::optional<QDateTime>> Outbox::earliestAttempt()
{
    QSqlQuery query(m_db);
    if (Status status = run(query, QStringLiteral("SELECT MIN(next_attempt_at) FROM notify_outbox WHERE state = 'queued'"));
        !status)
        return status.error();
    if (!query.next() || query.value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(fromMs(query.value(0)));
}

Result<int> Outbox::unpark(const QDateTime& now)
{
    QSqlQuery query(m_db);
    if (Status status = run(query,
                            QStringLiteral("UPDATE notify_outbox SET next_attempt_at = ? "
                                           "WHERE state = 'queued' AND next_attempt_at IS NULL"),
                            {now.toMSecsSinceEpoch()});
        !status)
        return status.error();
    return query.numRowsAffected();
}

Status Outbox::markSending(qint64 seq)
{
    return run(QStringLiteral("UPDATE notify_outbox SET state = 'sending', attempts = attempts + 1 WHERE seq = ?"), {seq});
}

Status Outbox::markPartsDone(qint64 seq, const QString& channel, int partsDone)
{
    return run(QStringLiteral("UPDATE notify_outbox SET parts_done = ?, parts_channel = ? WHERE seq = ?"),
               {partsDone, channel, seq});
}

Result<bool> Outbox::markDelivered(qint64 seq, const QString& channel, const QDateTime& now)
{
    QSqlQuery query(m_db);
    if (Status status = run(query,
                            QStringLiteral("UPDATE notify_outbox SET state = 'delivered', delivered_by = ?, finished_at = ?, "
                                           "next_attempt_at = NULL, last_error = NULL "
                                           "WHERE seq = ? AND state IN ('queued', 'sending')"),
                            {channel, now.toMSecsSinceEpoch(), seq});
        !status)
        return status.error();
    return query.numRowsAffected() == 1;
}

Status Outbox::markRetry(qint64 seq, const QDateTime& nextAttempt, const QString& error)
{
    return run(QStringLiteral("UPDATE notify_outbox SET state = 'queued', next_attempt_at = ?, last_error = ? "
                              "WHERE seq = ? AND state IN ('queued', 'sending')"),
               {msOrNull(nextAttempt), error, seq});
}

Status Outbox::markFailed(qint64 seq, const QString& error, const QDateTime& now)
{
    return run(QStringLiteral("UPDATE notify_outbox SET state = 'failed', last_error = ?, finished_at = ?, "
                              "next_attempt_at = NULL WHERE seq = ? AND state IN ('queued', 'sending')"),
               {error, now.toMSecsSinceEpoch(), seq});
}

Status Outbox::markExpired(qint64 seq, const QDateTime& now)
{
    return run(QStringLiteral("UPDATE notify_outbox SET state = 'expired', finished_at = ?, next_attempt_at = NULL "
                              "WHERE seq = ? AND state IN ('queued', 'sending')"),
               {now.toMSecsSinceEpoch(), seq});
}

Result<std::optional<OutboxEntry>> Outbox::find(const QString& signalId)
{
    QSqlQuery query(m_db);
    if (Status status = run(query, selectColumns + QStringLiteral("WHERE signal_id = ?"), {signalId}); !status)
        return status.error();
    if (!query.next())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(readEntry(query));
}

Result<QList<OutboxEntry>> Outbox::pending()
{
    QSqlQuery query(m_db);
    if (Status status = run(query, selectColumns + QStringLiteral("WHERE state IN ('queued', 'sending') ORDER BY seq"));
        !status)
        return status.error();
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(readEntry(query));
    return entries;
}

Result<QHash<OutboxEntry::State, int>> Outbox::counts()
{
    QSqlQuery query(m_db);
    if (Status status = run(query, QStringLiteral("SELECT state, COUNT(*) FROM notify_outbox GROUP BY state")); !status)
        return status.error();
    QHash<OutboxEntry::State, int> counts;
    while (query.next())
        counts.insert(stateFromName(query.value(0).toString()), query.value(1).toInt());
    return counts;
}

} // namespace sentinel
