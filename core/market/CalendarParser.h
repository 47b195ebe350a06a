// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "market/CalendarSpec.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace sentinel {

/// The calendar file schema this build reads.
inline constexpr int calendarSchemaVersion = 1;

/// Parses a calendar file (JSON, see docs/adr/0010). `source` names the file in messages;
/// `bases` are markets an `inherits` key may name besides those defined earlier in the same
/// file. Every problem is an Error of kind "invalid_calendar" whose message starts with the
/// location (`file: markets[2].holidays[0].month: …`).
[[nodiscard]] Result<CalendarFile> parseCalendarFile(const QByteArray& json, const QString& source,
                                                     const QList<CalendarSpec>& bases = {});

/// "HH:mm" (00:00…24:00) as minutes after midnight, or -1.
[[nodiscard]] int parseClockTime(QStringView text);

} // namespace sentinel
