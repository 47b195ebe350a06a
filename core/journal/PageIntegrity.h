// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QString>

namespace sentinel {

class SqliteConnection;

enum class PageCheck {
    Quick, ///< PRAGMA quick_check: every page and record readable, no index cross-check (opening)
    Full,  ///< PRAGMA integrity_check: also every index against its table (`journal verify`)
};

/// SQLite's own page-level check of the file behind `db`. A damaged file is `journal_corrupt`,
/// quoting up to 20 of SQLite's messages, with a remedy: on such a file the tables would fail
/// with a generic storage error later, mid-way through a trade, and never say the file is corrupt.
[[nodiscard]] Status checkPageIntegrity(SqliteConnection& db, const QString& path, PageCheck depth);

} // namespace sentinel
