// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/PageIntegrity.h"

#include "common/Excerpt.h"
#include "storage/SqliteConnection.h"

#include <QSqlQuery>
#include <QStringList>

namespace sentinel {

namespace {
/// At most this many of SQLite's messages are quoted.
constexpr int kIntegrityLinesShown = 20;
} // namespace

Status checkPageIntegrity(SqliteConnection& db, const QString& path, PageCheck depth)
{
    const QString remedy = QStringLiteral("run 'sentinel journal verify %1' for the full report; restore the journal from "
                                          "a backup; before any repair, copy the file aside (sqlite3 FILE .recover can "
                                          "salvage rows)")
                               .arg(path);
    auto rows = db.query(depth == PageCheck::Full ? QStringLiteral("PRAGMA integrity_check") : QStringLiteral("PRAGMA quick_check"));
    if (!rows)
        return Error{QStringLiteral("journal_corrupt"),
                     QStringLiteral("journal %1 is corrupt: the integrity check itself failed: %2").arg(path, rows.error().message),
                     remedy};
    QStringList problems;
    int count = 0;
    while (rows.value().next()) {
        // One row can hold several newline-separated messages under a "*** in database main ***"
        // heading; the heading names no problem.
        const QString text = rows.value().value(0).toString();
        if (text == u"ok")
            continue;
        const int before = count;
        for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(u"*** in database"))
                continue;
            if (++count <= kIntegrityLinesShown)
                problems << excerpt(line, 200);
        }
        if (count == before && ++count <= kIntegrityLinesShown) // a heading alone still says "not ok"
            problems << excerpt(text.simplified(), 200);
    }
    if (count == 0)
        return okStatus();
    if (count > kIntegrityLinesShown)
        problems << QStringLiteral("and %1 more").arg(count - kIntegrityLinesShown);
    return Error{QStringLiteral("journal_corrupt"),
                 QStringLiteral("journal %1 is corrupt: SQLite's integrity check found %2 problem(s): %3")
                     .arg(path)
                     .arg(count)
                     .arg(problems.join(QStringLiteral("; "))),
                 remedy};
}

} // namespace sentinel
