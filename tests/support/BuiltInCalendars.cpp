// SPDX-License-Identifier: GPL-3.0-or-later
#include "BuiltInCalendars.h"

#include "market/CalendarRegistry.h"

#include <QtGlobal>

namespace sentinel::test {

std::shared_ptr<const MarketCalendar> builtInCalendar(const QString& market)
{
    const Result<CalendarRegistry> registry = CalendarRegistry::builtIn();
    if (!registry)
        qFatal("built-in calendars did not load: %s", qPrintable(registry.error().toString()));
    auto found = registry->find(market);
    if (!found)
        qFatal("no built-in calendar %s", qPrintable(market));
    return found;
}

} // namespace sentinel::test
