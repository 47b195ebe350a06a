// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Side.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace sentinel {

class SqliteConnection;

/// One execution as the reports read it: the fill joined with the proposal it filled.
struct FillRecord {
    QString proposalId;
    QString instrumentKey;
    QString strategy;        ///< registry name; "" for proposals journalled before schema 5
    Side side = Side::Buy;
    bool isExit = false;
    double quantity = 0;     ///< units, > 0
    double price = 0;        ///< fill price
    double fee = 0;          ///< account currency
    qint64 atMs = 0;         ///< UTC
    /// The protective stop of an entry's proposal (ADR 0140); none for exits and before schema 7.
    /// Defaulted here, so initialisers that list the fields above stay complete.
    std::optional<double> stopPrice = std::nullopt;
    friend bool operator==(const FillRecord&, const FillRecord&) = default;
};

/// Fills up to an instant. Reports read everything before their window too: a trade closed in
/// the window may have been opened before it.
namespace journalfills {

/// Every fill before `until` (all of them when it is unset), oldest first, ties in the order
/// they were journalled. Works on any schema from 1 on (columns added later read as unrecorded).
[[nodiscard]] Result<QList<FillRecord>> read(SqliteConnection& db, const std::optional<QDateTime>& until = std::nullopt);

/// The same from a journal file someone else wrote, opened read-only and never changed. Error
/// kinds as journalfile::openForReading (`not_found`, `not_a_journal`).
[[nodiscard]] Result<QList<FillRecord>> readFile(const QString& path, const std::optional<QDateTime>& until = std::nullopt);

} // namespace journalfills

} // namespace sentinel
