// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "trading/TradeProposal.h"

#include <QDateTime>
#include <QString>
#include <QVariantList>

namespace sentinel::test {

/// A journal file with one proposal in every state, a paper fill for the executed one and an
/// alert, built through the real Journal and PaperPlatform APIs.
struct JournalFixture {
    QString path;
    QString executedId;
    QString approvedId; ///< approved, not yet executed
    QString rejectedId;
    QString expiredId;
    QString refusedId;
    QString pendingId;
    QString executedOrderId;
    QString executedClientOrderId;
    QString approvedClientOrderId;

    static QDateTime start() { return QDateTime(QDate(2024, 3, 4), QTime(15, 0), Qt::UTC); }
    static TradeProposal proposalAt(const QDateTime& createdAt, int timeoutSeconds = 300);

    /// Builds the file at `path`; an error says which step failed.
    [[nodiscard]] static Result<JournalFixture> build(const QString& path);
};

/// Runs raw SQL statements on the file through a connection of its own (to break invariants on
/// purpose). Foreign keys are off on that connection so a broken reference can be written.
[[nodiscard]] Status corrupt(const QString& path, const QStringList& statements);

} // namespace sentinel::test
