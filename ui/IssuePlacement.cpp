// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/IssuePlacement.h"

#include <optional>

namespace sentinel {

const QString IssuePlacement::watchlistKey = QStringLiteral("watchlist");
const QString IssuePlacement::advisorServersKey = QStringLiteral("advisor.providers");

namespace {

/// True when `location` is `key` itself or something inside it ("watchlist[2].market" in "watchlist").
bool isWithin(const QString& location, const QString& key)
{
    if (!location.startsWith(key))
        return false;
    if (location.size() == key.size())
        return true;
    const QChar next = location.at(key.size());
    return next == u'.' || next == u'[';
}

/// The row `location` names in `table` ("watchlist[2].market": 2), if it names one.
std::optional<int> rowIndex(const QString& location, const QString& table)
{
    const qsizetype open = table.size();
    const qsizetype close = location.indexOf(u']', open);
    if (location.size() <= open || location.at(open) != u'[' || close < 0)
        return std::nullopt;
    bool ok = false;
    const int row = location.mid(open + 1, close - open - 1).toInt(&ok);
    return ok ? std::optional<int>(row) : std::nullopt;
}

} // namespace

IssuePlacement IssuePlacement::place(const Issues& issues, const QStringList& labelKeys)
{
    IssuePlacement placed;
    for (const Issue& issue : issues) {
        QString best;
        for (const QString& key : labelKeys) {
            if (isWithin(issue.location, key) && key.size() > best.size())
                best = key;
        }
        if (best.isEmpty()) {
            placed.other << issue.toString();
            continue;
        }
        const QString text = issue.remedy.isEmpty() ? issue.message : tr("%1 — %2").arg(issue.message, issue.remedy);
        // A table's label names the row; the others sit next to their field already.
        const bool table = best == watchlistKey || best == advisorServersKey;
        placed.byLabel[best] << (table && issue.location != best ? issue.location + u": " + text : text);
        if (const auto row = table ? rowIndex(issue.location, best) : std::nullopt)
            placed.badRows[best].insert(*row);
    }
    return placed;
}

} // namespace sentinel
