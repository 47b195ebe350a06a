// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <climits>
#include <optional>

namespace sentinel {

/// How a holiday that falls on a weekend moves to a weekday.
enum class Observance {
    None,            ///< the date stands as it is
    SundayToMonday,  ///< Sunday → Monday
    Nyse,            ///< Sunday → Monday; Saturday → Friday unless that Friday ends a month (NYSE Rule 7.2)
};

enum class DateRuleType { Fixed, NthWeekday, Easter };

/// One yearly date rule of a calendar: a holiday or an early close. Evaluated per year; the
/// weekday filter applies to the date after observance and offset.
struct DateRule {
    QString name;
    DateRuleType type = DateRuleType::Fixed;
    int month = 0;          ///< Fixed, NthWeekday
    int day = 0;            ///< Fixed
    int weekday = 0;        ///< NthWeekday: 1 = Monday … 7 = Sunday (QDate::dayOfWeek)
    int n = 0;              ///< NthWeekday: 1…5, or -1 for the last
    int offsetDays = 0;     ///< added after the rule (Good Friday: Easter -2; day after Thanksgiving: +1)
    Observance observance = Observance::None;
    unsigned weekdayMask = 0x7f; ///< bit (dayOfWeek - 1): the rule applies only on these weekdays
    int fromYear = INT_MIN;
    int toYear = INT_MAX;
    int closeMinutes = -1;  ///< early closes: local close time in minutes after midnight

    /// The date this rule gives in `year`, or nothing when it does not apply that year.
    [[nodiscard]] std::optional<QDate> dateIn(int year) const;
};

/// A regular weekly session: on the trading days in `dayMask` it opens at `openMinutes`
/// (local, on the trading day plus `openDayOffset` days) and closes at `closeMinutes` on the
/// trading day itself. `closeMinutes` may be 1440 (24:00).
struct WeeklySession {
    unsigned dayMask = 0;
    int openMinutes = 0;
    int openDayOffset = 0;
    int closeMinutes = 0;
};

/// A one-off date no rule predicts: a closure (days of mourning, weather, 2001-09-11) or, when
/// `closeMinutes` is set, an early close.
struct AdhocDate {
    QDate date;
    QString name;
    int closeMinutes = -1;
};

/// Where intraday bars start: at the session open (exchanges) or at UTC multiples of the
/// interval (FX, crypto).
enum class BarAlignment { SessionOpen, Utc };

/// One market's calendar as data, parsed from the calendar file.
struct CalendarSpec {
    QString name;          ///< ISO MIC or FX / CRYPTO
    QString title;
    QString timeZoneId;    ///< IANA id, e.g. America/New_York
    QString zoneLabel;     ///< shown next to local times, e.g. ET
    BarAlignment barAlignment = BarAlignment::SessionOpen;
    int dayRollMinutes = 0; ///< the trading day D starts at this local time on D-1 (0: midnight of D)
    QList<WeeklySession> sessions;
    QList<DateRule> holidays;
    QList<DateRule> earlyCloses;
    QList<AdhocDate> adhocClosures;
    QList<AdhocDate> adhocEarlyCloses;
    int verifiedFrom = 0;  ///< years checked against the exchange's published history (0: none)
    int verifiedTo = 0;
    QString source;        ///< file the spec came from, for messages
};

/// A parsed calendar file.
struct CalendarFile {
    int schema = 0;
    QString version;
    QString source;
    QList<CalendarSpec> markets;
};

[[nodiscard]] QDate easterSunday(int year);

} // namespace sentinel
