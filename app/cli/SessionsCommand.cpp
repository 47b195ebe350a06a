// SPDX-License-Identifier: GPL-3.0-or-later
#include "CalendarOptions.h"

#include "common/Excerpt.h"
#include "common/ExitCode.h"
#include "market/TimeText.h"

namespace sentinel::cli {

int runSessions(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the regular sessions of a market as CSV."));
    addGlobalOptions(parser);
    addCalendarOptions(parser);
    parser.addOption({QStringLiteral("from"), QStringLiteral("First trading day (YYYY-MM-DD)."), QStringLiteral("D")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Last trading day (YYYY-MM-DD)."), QStringLiteral("D")});
    if (const auto exit = parseArguments(parser, invocation))
        return *exit;

    std::optional<QDate> bounds[2];
    const QString names[2] = {QStringLiteral("from"), QStringLiteral("to")};
    for (int i = 0; i < 2; ++i) {
        const QString value = parser.value(names[i]);
        if (!parser.isSet(names[i]))
            return usageError(invocation, QStringLiteral("--%1 is required (a date such as 2024-03-08)").arg(names[i]));
        bounds[i] = parseIsoDate(value);
        if (!bounds[i])
            return usageError(invocation, QStringLiteral("--%1: \"%2\" is not a date; write it like 2024-03-08").arg(names[i], excerpt(value)));
    }
    if (*bounds[1] < *bounds[0])
        return usageError(invocation, QStringLiteral("--to is before --from"));
    int exitCode = ExitOk;
    const auto calendar = requireCalendar(parser, invocation, exitCode);
    if (!calendar)
        return exitCode;
    if (bounds[0]->year() < calendar->firstYear() || bounds[1]->year() > calendar->lastYear())
        return usageError(invocation, QStringLiteral("--from/--to: the %1 calendar covers the years %2 to %3")
                                          .arg(calendar->name()).arg(calendar->firstYear()).arg(calendar->lastYear()));

    invocation.out << "session,open_utc,close_utc\n";
    for (const Session& session : calendar->sessionsBetween(*bounds[0], *bounds[1]))
        invocation.out << session.date().toString(Qt::ISODate) << ',' << formatUtcInstant(session.openMs) << ','
                       << formatUtcInstant(session.closeMs) << '\n';
    return ExitOk;
}

} // namespace sentinel::cli
