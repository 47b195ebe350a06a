// SPDX-License-Identifier: GPL-3.0-or-later
#include "CalendarOptions.h"

#include "common/ExitCode.h"
#include "market/TimeText.h"

namespace sentinel::cli {

int runMarketStatus(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print whether a market is open at an instant, and why, as JSON."));
    addGlobalOptions(parser);
    addCalendarOptions(parser);
    parser.addOption({QStringLiteral("at"), QStringLiteral("UTC instant with Z (default: now)."), QStringLiteral("T")});
    if (const auto exit = parseArguments(parser, invocation))
        return *exit;

    const auto at = requireInstant(parser, invocation, QStringLiteral("at"), true);
    if (!at)
        return ExitBadInput;
    int exitCode = ExitOk;
    const auto calendar = requireCalendar(parser, invocation, exitCode);
    if (!calendar)
        return exitCode;
    if (!calendar->covers(*at))
        return usageError(invocation, QStringLiteral("--at: the %1 calendar covers the years %2 to %3")
                                          .arg(calendar->name()).arg(calendar->firstYear()).arg(calendar->lastYear()));

    const MarketStatus status = calendar->statusAt(*at);
    QJsonObject json{
        {QStringLiteral("market"), calendar->name()},
        {QStringLiteral("at"), formatUtcInstant(*at)},
        {QStringLiteral("at_local"), calendar->formatLocal(*at)},
        {QStringLiteral("time_zone"), calendar->spec().timeZoneId},
        {QStringLiteral("state"), status.isOpen() ? QStringLiteral("open") : QStringLiteral("closed")},
        {QStringLiteral("phase"), marketPhaseName(status.phase)},
        {QStringLiteral("reason"), status.reason},
        {QStringLiteral("next_open"), instantJson(status.nextOpenMs)},
        {QStringLiteral("next_close"), instantJson(status.nextCloseMs)},
        {QStringLiteral("previous_close"), instantJson(status.previousCloseMs)},
    };
    if (status.session) {
        json.insert(QStringLiteral("session"),
                    QJsonObject{{QStringLiteral("date"), status.session->date().toString(Qt::ISODate)},
                                {QStringLiteral("open"), formatUtcInstant(status.session->openMs)},
                                {QStringLiteral("close"), formatUtcInstant(status.session->closeMs)},
                                {QStringLiteral("early_close"), status.session->earlyClose}});
    } else {
        json.insert(QStringLiteral("session"), QJsonValue::Null);
    }
    printJson(invocation, json);
    return ExitOk;
}

} // namespace sentinel::cli
