// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/MarketCalendar.h"

#include <QString>

#include <memory>

namespace sentinel::test {

/// One market of the calendars embedded in the program (resources/calendars/calendars.json).
/// Stops the test with a message when the file does not load or lacks the market: every test
/// that asks depends on the real calendar and cannot run without it.
std::shared_ptr<const MarketCalendar> builtInCalendar(const QString& market);

} // namespace sentinel::test
