// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace sentinel {

/// One broken invariant: the record it concerns and what is wrong with it.
struct RuleViolation {
    QString id;     ///< proposal id, client order id, signal id, table name, ...
    QString detail;
};

/// The outcome of one integrity rule.
struct RuleResult {
    QString name;           ///< stable, e.g. "no_execution_without_approval"
    QString description;
    bool applicable = true; ///< false when the file has nothing this rule is about (no outbox)
    QString note;           ///< why it was not applicable
    QList<RuleViolation> violations;

    [[nodiscard]] bool passed() const { return violations.isEmpty(); }
};

struct VerificationReport {
    QString path;
    int schemaVersion = 0;
    QMap<QString, qint64> counts; ///< rows per table, and proposals per state ("proposals_pending")
    QList<RuleResult> rules;

    [[nodiscard]] bool passed() const;
    /// The object `sentinel journal verify` prints.
    [[nodiscard]] QJsonObject toJson() const;
};

/// Checks a journal file against every integrity rule without changing it (read-only connection):
/// no execution without an approval; no client order id or order id twice; no signal delivered
/// twice (when the notify outbox shares the file); no half-written record (states that disagree
/// with decisions and executions); journalled executions present in the paper ledger when it
/// shares the file; SQLite's own integrity and foreign-key checks.
class JournalVerifier final
{
public:
    /// Error kinds: `not_found` (no such file), `not_a_journal` (not SQLite, or no journal
    /// tables), `journal_too_new`; anything else is a storage failure. Violations are not errors:
    /// they are in the report.
    [[nodiscard]] static Result<VerificationReport> verify(const QString& path);
};

} // namespace sentinel
