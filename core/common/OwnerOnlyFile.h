// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QString>

namespace sentinel {

/// Makes `path` a file only its owner may read and write (0600), creating it empty when it
/// does not exist, before any data goes in. Every data file the program writes (journal,
/// outbox, bar store, log) is opened through this, so none is ever readable by others, not even
/// for the moment between its creation and a later chmod (ADR 0103). SQLite gives its -wal and
/// -shm files the main file's mode. On Windows, where files inherit their folder's ACL, only
/// the existence part applies.
[[nodiscard]] Status ensureOwnerOnlyFile(const QString& path);

} // namespace sentinel
