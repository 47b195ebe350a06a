// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace sentinel {

/// One named QtSql connection to an SQLite file, with the settings every Trade Sentinel store
/// needs (WAL, foreign keys on, a busy timeout, synchronous=FULL unless the owner asks for less)
/// and SQL errors turned into Error values that name the owner, the file and the statement. The
/// journal, the paper account, the outbox and the bar store share one file through separate
/// connections, so each gets a unique connection name. A connection belongs to the thread that
/// opened it. Every store opens its file here and versions its tables through SchemaVersions
/// (ADR 0101).
class SqliteConnection final
{
public:
    enum class Access {
        ReadWrite, ///< creates the file when missing; switches it to WAL
        ReadOnly,  ///< never creates or converts anything (verification of a file we did not write)
    };

    /// How far a commit is pushed to disk before it returns (`PRAGMA synchronous`).
    enum class Sync {
        /// The WAL is fsynced at every commit, so a commit survives power loss. Every record the
        /// engine acts on ("written before acting") needs this.
        Full,
        /// No fsync per commit (only at checkpoints). Still crash-safe for the process and never
        /// corrupts the file, but a power cut may undo the last commits. Only for data that can be
        /// fetched again: the bar store (ADR 0101).
        Normal,
    };

    /// How to open: the typed request of open().
    struct Options {
        QString owner;                  ///< names the store in errors and logs ("journal", "bar store")
        Access access = Access::ReadWrite;
        Sync sync = Sync::Full;
        QString errorKind = QStringLiteral("storage_error"); ///< Error::kind of every failure
        QString remedy;                 ///< what the user can do about a failure; empty: a general one
    };

    [[nodiscard]] static Result<std::unique_ptr<SqliteConnection>> open(const QString& path, const Options& options);
    /// `owner` names the store in error messages ("journal", "paper account").
    [[nodiscard]] static Result<std::unique_ptr<SqliteConnection>> open(const QString& path, const QString& owner,
                                                                         Access access = Access::ReadWrite);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    /// Prepares and runs `sql` with positional `binds`; the query is positioned before the first row.
    [[nodiscard]] Result<QSqlQuery> query(const QString& sql, const QVariantList& binds = {});
    [[nodiscard]] Status exec(const QString& sql, const QVariantList& binds = {});
    /// Rows changed by `sql`.
    [[nodiscard]] Result<int> update(const QString& sql, const QVariantList& binds = {});
    /// First column of the first row, or a null QVariant when there is no row.
    [[nodiscard]] Result<QVariant> scalar(const QString& sql, const QVariantList& binds = {});
    [[nodiscard]] Result<bool> hasTable(const QString& table);

    /// When a transaction takes the file's write lock.
    enum class Lock {
        Deferred,  ///< at its first write (SQLite's default)
        Immediate, ///< at once: what it reads cannot change before it writes (read-check-write steps)
    };
    /// Runs `work` inside one transaction: commits when it succeeds, rolls back when it returns an
    /// error (or the commit fails), so either every write of `work` is durable or none is.
    [[nodiscard]] Status transaction(const std::function<Status()>& work, Lock lock = Lock::Deferred);

    [[nodiscard]] Error storageError(const QString& what, const QString& detail) const;
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] const QString& owner() const { return m_options.owner; }
    [[nodiscard]] QSqlDatabase& database() { return m_db; }

private:
    SqliteConnection(QString path, Options options, QString connectionName);

    QString m_path;
    Options m_options;
    QString m_connectionName;
    QSqlDatabase m_db;
};

/// Milliseconds since the epoch as SQLite stores instants, and back (invalid <-> NULL).
[[nodiscard]] QVariant msOrNull(const QDateTime& instant);
[[nodiscard]] QDateTime dateTimeFromMs(const QVariant& value);

} // namespace sentinel
