// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>
#include <QVariantList>

namespace sentinel::test {

/// Runs one query on a journal file, read-only, and returns the first column of the first row
/// (invalid when the file, the query or the row is missing).
QVariant queryJournal(const QString& path, const QString& sql, const QVariantList& binds = {});

} // namespace sentinel::test
