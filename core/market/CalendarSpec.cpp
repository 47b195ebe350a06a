// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/CalendarSpec.h"

namespace sentinel {

QDate easterSunday(int year)
{
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    return QDate(year, month, day);
}

namespace {

QDate nthWeekday(int year, int month, int weekday, int n)
{
    if (n > 0) {
        const QDate first(year, month, 1);
        const int shift = (weekday - first.dayOfWeek() + 7) % 7;
        const QDate date = first.addDays(shift + 7 * (n - 1));
        return date.month() == month ? date : QDate();
    }
    const QDate last(year, month, QDate(year, month, 1).daysInMonth());
    const int shift = (last.dayOfWeek() - weekday + 7) % 7;
    return last.addDays(-shift);
}

QDate observe(const QDate& date, Observance observance)
{
    switch (observance) {
    case Observance::None:
        return date;
    case Observance::SundayToMonday:
        return date.dayOfWeek() == Qt::Sunday ? date.addDays(1) : date;
    case Observance::Nyse:
        if (date.dayOfWeek() == Qt::Sunday)
            return date.addDays(1);
        if (date.dayOfWeek() == Qt::Saturday) {
            // A Friday that ends a month (or the year) closes an accounting period, so the
            // exchange stays open: New Year's Day on a Saturday is not observed at all.
            const QDate friday = date.addDays(-1);
            const bool endsMonth = friday.addDays(3).month() != friday.month();
            return endsMonth ? QDate() : friday;
        }
        return date;
    }
    return date;
}

} // namespace

std::optional<QDate> DateRule::dateIn(int year) const
{
    if (year < fromYear || year > toYear)
        return std::nullopt;
    QDate date;
    switch (type) {
    case DateRuleType::Fixed:
        date = QDate(year, month, day);
        break;
    case DateRuleType::NthWeekday:
        date = nthWeekday(year, month, weekday, n);
        break;
    case DateRuleType::Easter:
        date = easterSunday(year);
        break;
    }
    if (!date.isValid())
        return std::nullopt;
    date = observe(date.addDays(offsetDays), observance);
    if (!date.isValid() || !(weekdayMask & (1u << (date.dayOfWeek() - 1))))
        return std::nullopt;
    return date;
}

} // namespace sentinel
