// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/CalendarRegistry.h"

#include "common/BoundedFile.h"
#include "common/Excerpt.h"
#include "market/CalendarParser.h"

namespace sentinel {

namespace {

Result<QByteArray> readFile(const QString& path)
{
    Result<QByteArray> json = readBoundedFile(path, FileKind::Calendars);
    if (!json)
        return Error{QStringLiteral("invalid_calendar"), json.error().message, json.error().remedy};
    return json;
}

} // namespace

Result<CalendarRegistry> CalendarRegistry::fromJson(const QByteArray& json, const QString& source, int firstYear, int lastYear)
{
    CalendarRegistry registry;
    registry.m_firstYear = firstYear;
    registry.m_lastYear = lastYear;
    if (Status status = registry.overlay(json, source); !status)
        return status.error();
    return registry;
}

Result<CalendarRegistry> CalendarRegistry::builtIn()
{
    // Built once: the embedded file cannot change while the program runs.
    static const Result<CalendarRegistry> cached = [] () -> Result<CalendarRegistry> {
        Result<QByteArray> json = readFile(builtInPath);
        if (!json)
            return json.error();
        return fromJson(*json, QStringLiteral("built-in calendars.json"));
    }();
    return cached;
}

Result<CalendarRegistry> CalendarRegistry::load(const QString& overridePath)
{
    Result<CalendarRegistry> registry = builtIn();
    if (!registry || overridePath.isEmpty())
        return registry;
    Result<QByteArray> json = readFile(overridePath);
    if (!json)
        return json.error();
    CalendarRegistry result = registry.value();
    if (Status status = result.overlay(*json, overridePath); !status)
        return status.error();
    return result;
}

Status CalendarRegistry::overlay(const QByteArray& json, const QString& source)
{
    QList<CalendarSpec> bases;
    for (const auto& [name, calendar] : m_calendars)
        bases << calendar->spec();
    Result<CalendarFile> file = parseCalendarFile(json, source, bases);
    if (!file)
        return file.error();
    std::map<QString, std::shared_ptr<const MarketCalendar>> built;
    for (const CalendarSpec& spec : file->markets) {
        auto calendar = MarketCalendar::build(spec, m_firstYear, m_lastYear);
        if (!calendar)
            return calendar.error();
        built[spec.name] = calendar.value();
    }
    for (auto& [name, calendar] : built)
        m_calendars[name] = std::move(calendar);
    m_version = m_version.isEmpty() ? file->version : m_version + u'+' + file->version;
    return okStatus();
}

std::shared_ptr<const MarketCalendar> CalendarRegistry::find(QStringView market) const
{
    const auto it = m_calendars.find(market.toString());
    return it == m_calendars.end() ? nullptr : it->second;
}

Result<std::shared_ptr<const MarketCalendar>> CalendarRegistry::require(QStringView market) const
{
    if (auto calendar = find(market))
        return calendar;
    return Error{QStringLiteral("unknown_market"), QStringLiteral("unknown market \"%1\"").arg(excerpt(market)),
                 QStringLiteral("use one of %1, or add it with a calendar override file").arg(marketNames().join(u", "))};
}

QStringList CalendarRegistry::marketNames() const
{
    QStringList names;
    for (const auto& [name, calendar] : m_calendars)
        names << name;
    return names;
}

} // namespace sentinel
