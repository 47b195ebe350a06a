// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SoakFacts.h"

#include <QString>

namespace sentinel::soak {

/// Reads what the checks need from the journal file (read-only): the outbox rows, the executions
/// with the bar each acted on, and duplicate counts. False with `error` when the file cannot be read.
[[nodiscard]] bool readJournalFacts(const QString& journalPath, SoakFacts& facts, QString* error);

/// Deliberate damage that proves a check can fail (docs/soak.md), done to the finished journal:
/// "repeat-execution" copies an executed proposal as a second proposal, approval, execution and
/// paper fill on the same bar; "break-journal" deletes the approval of an executed proposal.
/// Returns what it did, or an empty string when it did nothing.
[[nodiscard]] QString damageJournal(const QString& journalPath, const QString& sabotage, QString* error);

} // namespace sentinel::soak
