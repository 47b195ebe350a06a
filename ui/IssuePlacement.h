// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Issue.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace sentinel {

/// Where the Settings dialog shows each configuration issue: under the label whose key path is
/// the longest that holds the issue's location ("risk" holds "risk.max_var_pct"), or among the
/// others when none does. A table's label (watchlist, advisor.providers) names the row and the
/// row is tinted.
struct IssuePlacement {
    Q_DECLARE_TR_FUNCTIONS(IssuePlacement)
public:
    static const QString watchlistKey;
    static const QString advisorServersKey;

    QHash<QString, QStringList> byLabel; ///< label key path -> its lines
    QStringList other;                   ///< issues no label holds, in full
    QHash<QString, QSet<int>> badRows;   ///< table key path -> rows an issue names

    [[nodiscard]] static IssuePlacement place(const Issues& issues, const QStringList& labelKeys);
};

} // namespace sentinel
