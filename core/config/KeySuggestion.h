// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace sentinel {

/// Levenshtein distance: an insertion, a deletion or a substitution each cost one.
[[nodiscard]] int editDistance(const QString& a, const QString& b);

/// The name in `known` closest to `key`, when it is at most two edits away (a typo rather than
/// another word); empty otherwise. On a tie the earlier name wins, so the suggestion is stable.
[[nodiscard]] QString suggestKey(const QString& key, const QStringList& known);

} // namespace sentinel
