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

/// One named QtSql connection to an SQLite file, with the durability settings every Trade
/// Sentinel store needs (WAL, synchronous=FULL, foreign keys on, a busy timeout) and SQL errors
/// turned into Error values that name the file and the statement. The journal, the paper
/// account and the outbox share one file through separate connections, so each owner gets a
/// unique connection name. A connection belongs to the thread that opened it.
class SqliteConnection final
{
public:
    enum class Access {
        ReadWrite, ///< creates the file when missing; switches it to WAL
        ReadOnly,  ///< never creates or converts anything (verification of a file we did not write)
    };

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

    /// Runs `work` inside one transaction: commits when it succeeds, rolls back when it returns an
    /// error (or the commit fails), so either every write of `work` is durable or none is.
    [[nodiscard]] Status transaction(const std::function<Status()>& work);

    [[nodiscard]] Error storageError(const QString& what, const QString& detail) const;
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] QSqlDatabase& database() { return m_db; }

private:
    SqliteConnection(QString path, QString owner, QString connectionName);

    QString m_path;
    QString m_owner;
    QString m_connectionName;
    QSqlDatabase m_db;
};

/// Milliseconds since the epoch as SQLite stores instants, and back (invalid <-> NULL).
[[nodiscard]] QVariant msOrNull(const QDateTime& instant);
[[nodiscard]] QDateTime dateTimeFromMs(const QVariant& value);

} // namespace sentinel
