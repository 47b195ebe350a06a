// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace sentinel {

/// How far in engine time a journal file got: the latest instant any of its records carries
/// (proposals made and resolved, decisions, executions, alerts, and, where they share the file,
/// outbox steps, paper fills and stored bars). Every record is written at the engine's clock, so
/// this is a lower bound of where the engine that wrote the file stood when it stopped, or was
/// killed, and an upper bound of everything it did. `sentinel run --simulate --resume` starts
/// there (ADR 0106). Reads the file without changing it.
class JournalTimeline final
{
public:
    /// nullopt when the file holds no record yet. Error kinds as journalfile::openForReading.
    [[nodiscard]] static Result<std::optional<QDateTime>> lastInstant(const QString& path);
};

} // namespace sentinel
