// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/KeySuggestion.h"

#include <QList>

#include <algorithm>
#include <utility>

namespace sentinel {

int editDistance(const QString& a, const QString& b)
{
    // Two rows of the dynamic-programming table are enough.
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString suggestKey(const QString& key, const QStringList& known)
{
    constexpr int tooFar = 3;
    QString suggestion;
    int best = tooFar;
    for (const QString& name : known) {
        const int distance = editDistance(key, name);
        if (distance < best) {
            best = distance;
            suggestion = name;
        }
    }
    return suggestion;
}

} // namespace sentinel
