// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include "common/ExitCode.h"
#include "journal/JournalFills.h"
#include "market/TimeText.h"
#include "report/ClosedTradesCsv.h"
#include "report/PerformanceReport.h"

#include <QJsonDocument>

#include <cmath>

namespace sentinel::cli {

namespace {

/// A window end: a UTC instant ending in Z, or a date (its midnight for --from, the next
/// midnight for --to, so `--to 2026-11-30` includes that day).
std::optional<QDateTime> parseWindowEnd(const QString& text, bool isEnd)
{
    if (const auto ms = parseUtcInstant(text))
        return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    if (const auto date = parseIsoDate(text))
        return QDateTime(isEnd ? date->addDays(1) : *date, QTime(0, 0), Qt::UTC);
    return std::nullopt;
}

} // namespace

/// `sentinel report --journal FILE [--from --to] [--format json|csv] [--starting-equity N]`:
/// issue 17's performance figures of a journal's closed trades, read without changing the file.
int runReport(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Performance of the trades in a journal: fills, round trips, win rate, profit factor, P&L, maximum drawdown, "
        "Sharpe and Sortino (daily returns, annualised by sqrt 252), in total, by strategy and by instrument.\n"
        "JSON: one object. CSV: a header row and one row per closed trade.\n"
        "Exit status: 0 the report was printed; 2 bad arguments or the file is missing or not a journal; "
        "1 it could not be read."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("journal"), QStringLiteral("The journal file (SQLite) to report on."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("Start of the window: YYYY-MM-DD (UTC midnight) or a UTC instant ending in Z. Default: the first fill."),
                      QStringLiteral("WHEN")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("End of the window, exclusive: a UTC instant ending in Z, or YYYY-MM-DD to include that day. "
                                     "Default: after the last fill."),
                      QStringLiteral("WHEN")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("json (default) or csv."), QStringLiteral("FORMAT"), QStringLiteral("json")});
    parser.addOption({QStringLiteral("starting-equity"),
                      QStringLiteral("The account's equity before the journal's first fill, in its currency (the journal does not "
                                     "record it). Default: 100000, the paper account's."),
                      QStringLiteral("AMOUNT"), QStringLiteral("100000")});
    if (const auto status = parseArguments(parser, invocation))
        return *status;

    const QString path = parser.value(QStringLiteral("journal"));
    if (path.isEmpty())
        return usageError(invocation, QStringLiteral("--journal FILE is required"));
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"json" && format != u"csv")
        return usageError(invocation, QStringLiteral("--format must be json or csv, not '%1'").arg(format));
    ReportWindow window;
    for (const bool isEnd : {false, true}) {
        const QString name = isEnd ? QStringLiteral("to") : QStringLiteral("from");
        if (!parser.isSet(name))
            continue;
        const auto at = parseWindowEnd(parser.value(name), isEnd);
        if (!at)
            return usageError(invocation, QStringLiteral("--%1 '%2' is neither a date YYYY-MM-DD nor a UTC instant ending in Z "
                                                         "(e.g. 2026-11-30 or 2026-11-30T14:00:00Z)")
                                              .arg(name, parser.value(name)));
        (isEnd ? window.to : window.from) = at;
    }
    if (window.from && window.to && *window.to <= *window.from)
        return usageError(invocation, QStringLiteral("--to (%1) must be after --from (%2)")
                                          .arg(window.to->toString(Qt::ISODate), window.from->toString(Qt::ISODate)));
    bool numeric = false;
    window.startingEquity = parser.value(QStringLiteral("starting-equity")).toDouble(&numeric);
    if (!numeric || !std::isfinite(window.startingEquity) || window.startingEquity <= 0)
        return usageError(invocation, QStringLiteral("--starting-equity must be a positive amount, not '%1'")
                                          .arg(parser.value(QStringLiteral("starting-equity"))));

    const auto fills = journalfills::readFile(path, window.to);
    if (!fills) {
        const Error& error = fills.error();
        invocation.err << "sentinel " << invocation.commandName << ": " << error.toString() << Qt::endl;
        const bool badInput = error.kind == u"not_found" || error.kind == u"not_a_journal";
        return badInput ? ExitBadInput : ExitRuntimeFailure;
    }
    const PerformanceReport report = PerformanceReport::build(fills.value(), window);
    if (format == u"csv")
        invocation.out << QString::fromUtf8(closedTradesCsv(report.closedTrades));
    else
        invocation.out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact) << '\n';
    return ExitOk;
}

} // namespace sentinel::cli
