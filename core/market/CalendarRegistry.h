// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "market/MarketCalendar.h"

#include <QStringList>

#include <map>
#include <memory>

namespace sentinel {

/// The market calendars in use: the versioned file embedded in the program
/// (`:/sentinel/calendars/calendars.json`), optionally overlaid by a user file that replaces or
/// adds markets by name. Copyable and cheap (calendars are shared, immutable); safe to read
/// from any thread.
class CalendarRegistry
{
public:
    static inline const QString builtInPath = QStringLiteral(":/sentinel/calendars/calendars.json");

    /// The embedded calendars (built once per process, then shared).
    [[nodiscard]] static Result<CalendarRegistry> builtIn();
    /// The embedded calendars overlaid by `overridePath` (no overlay when it is empty).
    [[nodiscard]] static Result<CalendarRegistry> load(const QString& overridePath);
    /// Calendars from JSON text alone; `source` names it in messages.
    [[nodiscard]] static Result<CalendarRegistry> fromJson(const QByteArray& json, const QString& source,
                                                           int firstYear = MarketCalendar::defaultFirstYear,
                                                           int lastYear = MarketCalendar::defaultLastYear);

    /// Replaces or adds the markets of a calendar file; `inherits` may name markets already here.
    [[nodiscard]] Status overlay(const QByteArray& json, const QString& source);

    [[nodiscard]] std::shared_ptr<const MarketCalendar> find(QStringView market) const;
    /// find() as a Result whose error names the known markets.
    [[nodiscard]] Result<std::shared_ptr<const MarketCalendar>> require(QStringView market) const;
    [[nodiscard]] QStringList marketNames() const;
    /// Version strings of the files in effect, e.g. "2026.11.1" or "2026.11.1+my-desk-1".
    [[nodiscard]] QString version() const { return m_version; }

private:
    std::map<QString, std::shared_ptr<const MarketCalendar>> m_calendars;
    QString m_version;
    int m_firstYear = MarketCalendar::defaultFirstYear;
    int m_lastYear = MarketCalendar::defaultLastYear;
};

} // namespace sentinel
