// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: parseCalendarFile must never crash, hang or trip a sanitizer, whatever the
// JSON. A file it accepts must hold only markets the rest of the program can use: every spec
// obeys the rules the parser states, and builds into a calendar whose sessions are ordered,
// non-empty and do not overlap (open time counted twice would be a wrong freshness lag).
// Seeded from tests/data/calendars/seeds (scripts/fuzz.sh).
#include "market/CalendarParser.h"
#include "market/MarketCalendar.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace {

using namespace sentinel;

bool validRule(const DateRule& rule, bool earlyClose)
{
    const bool typeOk = rule.type == DateRuleType::Easter
        || (rule.month >= 1 && rule.month <= 12
            && (rule.type != DateRuleType::NthWeekday || (rule.weekday >= 1 && rule.weekday <= 7 && rule.n != 0)));
    const bool closeOk = earlyClose ? rule.closeMinutes >= 0 && rule.closeMinutes <= 1440 : rule.closeMinutes == -1;
    return !rule.name.isEmpty() && typeOk && closeOk && rule.fromYear <= rule.toYear && rule.weekdayMask != 0
        && rule.weekdayMask < 0x80;
}

bool validSpec(const CalendarSpec& spec)
{
    if (spec.name.isEmpty() || spec.timeZoneId.isEmpty() || spec.sessions.isEmpty() || spec.verifiedFrom > spec.verifiedTo
        || spec.dayRollMinutes < 0 || spec.dayRollMinutes >= 1440)
        return false;
    unsigned seen = 0;
    for (const WeeklySession& session : spec.sessions) {
        const int open = session.openDayOffset * 1440 + session.openMinutes;
        if (session.dayMask == 0 || session.dayMask >= 0x80 || (seen & session.dayMask) || open >= session.closeMinutes
            || session.closeMinutes - open > 1440)
            return false;
        seen |= session.dayMask;
    }
    for (const DateRule& rule : spec.holidays) {
        if (!validRule(rule, false))
            return false;
    }
    for (const DateRule& rule : spec.earlyCloses) {
        if (!validRule(rule, true))
            return false;
    }
    for (const AdhocDate& day : spec.adhocClosures) {
        if (!day.date.isValid() || day.name.isEmpty() || day.closeMinutes != -1)
            return false;
    }
    for (const AdhocDate& day : spec.adhocEarlyCloses) {
        if (!day.date.isValid() || day.name.isEmpty() || day.closeMinutes < 0 || day.closeMinutes > 1440)
            return false;
    }
    return true;
}

/// One year is enough to see the weekly pattern, a DST change each way and the special days.
bool buildsCleanly(const CalendarSpec& spec)
{
    const auto calendar = MarketCalendar::build(spec, 2024, 2024);
    if (!calendar.ok())
        return false;
    const std::vector<Session>& sessions = calendar.value()->sessions();
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        if (sessions[i].closeMs <= sessions[i].openMs)
            return false;
        if (i > 0 && sessions[i].openMs < sessions[i - 1].closeMs)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto parsed = parseCalendarFile(json, QStringLiteral("fuzz.json"));
    if (!parsed.ok()) {
        if (parsed.error().kind != u"invalid_calendar" || !parsed.error().message.startsWith(u"fuzz.json: "))
            __builtin_trap();
        return 0;
    }
    if (parsed.value().schema != calendarSchemaVersion || parsed.value().version.isEmpty())
        __builtin_trap();
    // Building is the costly part; a handful of markets shows every shape.
    int built = 0;
    for (const CalendarSpec& spec : parsed.value().markets) {
        if (!validSpec(spec))
            __builtin_trap();
        if (built++ < 4 && !buildsCleanly(spec))
            __builtin_trap();
    }
    return 0;
}
