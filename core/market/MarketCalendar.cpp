// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/MarketCalendar.h"

#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <limits>

namespace sentinel {

namespace {

constexpr qint64 msPerMinute = 60'000;
constexpr qint64 msPerDay = 86'400'000;
constexpr qint64 unixEpochJulianDay = 2'440'588; // QDate(1970, 1, 1).toJulianDay()

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

/// Julian day 0 was a Monday, so the weekday is a remainder (1 = Monday … 7 = Sunday).
int dayOfWeek(qint64 julianDay)
{
    return int(julianDay % 7) + 1;
}

qint64 localMidnightMs(qint64 julianDay)
{
    return (julianDay - unixEpochJulianDay) * msPerDay;
}

} // namespace

QString marketPhaseName(MarketPhase phase)
{
    switch (phase) {
    case MarketPhase::Open: return QStringLiteral("open");
    case MarketPhase::PreOpen: return QStringLiteral("pre-open");
    case MarketPhase::AfterClose: return QStringLiteral("after-close");
    case MarketPhase::EarlyClose: return QStringLiteral("early close");
    case MarketPhase::Weekend: return QStringLiteral("weekend");
    case MarketPhase::Holiday: return QStringLiteral("holiday");
    case MarketPhase::OutOfRange: return QStringLiteral("out of range");
    }
    return {};
}

/// Closures and early closes by Julian day, for every year the table touches (observance can
/// cross a year end).
struct SpecialDays {
    QHash<qint64, QString> closures;
    QHash<qint64, int> earlyCloses;
};

namespace {

Status checkBuildable(const CalendarSpec& spec, const QString& where, const QTimeZone& zone, int firstYear, int lastYear)
{
    if (firstYear > lastYear || firstYear < 1800 || lastYear > 2400)
        return Error{QStringLiteral("invalid_calendar"),
                     QStringLiteral("%1: cannot build the years %2 to %3").arg(where).arg(firstYear).arg(lastYear),
                     QStringLiteral("choose a range of years between 1800 and 2400")};
    if (!zone.isValid())
        return Error{QStringLiteral("invalid_calendar"),
                     QStringLiteral("%1: unknown time zone \"%2\"").arg(where, spec.timeZoneId),
                     QStringLiteral("use an IANA time-zone name such as America/New_York")};
    if (spec.sessions.isEmpty())
        return Error{QStringLiteral("invalid_calendar"), QStringLiteral("%1: no weekly sessions").arg(where),
                     QStringLiteral("add at least one entry to \"sessions\"")};
    return okStatus();
}

SpecialDays specialDays(const CalendarSpec& spec, int firstYear, int lastYear)
{
    SpecialDays days;
    for (const AdhocDate& adhoc : spec.adhocClosures)
        days.closures.insert(adhoc.date.toJulianDay(), adhoc.name);
    for (int year = firstYear - 1; year <= lastYear + 1; ++year) {
        for (const DateRule& rule : spec.holidays) {
            if (const auto date = rule.dateIn(year); date && !days.closures.contains(date->toJulianDay()))
                days.closures.insert(date->toJulianDay(), rule.name);
        }
        for (const DateRule& rule : spec.earlyCloses) {
            if (const auto date = rule.dateIn(year))
                days.earlyCloses.insert(date->toJulianDay(), rule.closeMinutes);
        }
    }
    for (const AdhocDate& adhoc : spec.adhocEarlyCloses)
        days.earlyCloses.insert(adhoc.date.toJulianDay(), adhoc.closeMinutes);
    return days;
}

} // namespace

Result<std::shared_ptr<const MarketCalendar>> MarketCalendar::build(const CalendarSpec& spec, int firstYear, int lastYear)
{
    const QString where = spec.source.isEmpty() ? spec.name : spec.source + u": " + spec.name;
    const QTimeZone zone(spec.timeZoneId.toUtf8());
    if (const Status buildable = checkBuildable(spec, where, zone, firstYear, lastYear); !buildable)
        return buildable.error();
    std::shared_ptr<MarketCalendar> calendar(new MarketCalendar());
    calendar->m_spec = spec;
    calendar->m_firstYear = firstYear;
    calendar->m_lastYear = lastYear;
    calendar->tabulateOffsets(zone);
    calendar->buildSessions(specialDays(spec, firstYear, lastYear));
    calendar->indexOpenTime();
    return std::shared_ptr<const MarketCalendar>(std::move(calendar));
}

void MarketCalendar::tabulateOffsets(const QTimeZone& zone)
{
    // UTC offsets as a sorted table, so converting a wall time costs a binary search instead of
    // a QTimeZone call (which is what makes forty years build in a few milliseconds).
    const QDateTime scanFrom(QDate(m_firstYear - 1, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime scanTo(QDate(m_lastYear + 2, 1, 1), QTime(0, 0), Qt::UTC);
    m_offsets.emplace_back(std::numeric_limits<qint64>::min(), zone.offsetFromUtc(scanFrom));
    for (const QTimeZone::OffsetData& transition : zone.transitions(scanFrom, scanTo))
        m_offsets.emplace_back(transition.atUtc.toMSecsSinceEpoch(), transition.offsetFromUtc);
}

void MarketCalendar::buildSessions(const SpecialDays& special)
{
    std::array<const WeeklySession*, 8> weekly{};
    for (const WeeklySession& session : m_spec.sessions) {
        for (int day = 1; day <= 7; ++day) {
            if (session.dayMask & (1u << (day - 1)))
                weekly[std::size_t(day)] = &session;
        }
        m_weeklyDays |= session.dayMask;
    }
    const qint64 firstDay = QDate(m_firstYear, 1, 1).toJulianDay();
    const qint64 lastDay = QDate(m_lastYear, 12, 31).toJulianDay();
    const qint64 rollMs = qint64(m_spec.dayRollMinutes) * msPerMinute;
    const qint64 dayStartShift = rollMs > 0 ? rollMs - msPerDay : 0;
    m_rangeStartMs = localToUtc(localMidnightMs(firstDay) + dayStartShift);
    m_rangeEndMs = localToUtc(localMidnightMs(lastDay + 1) + dayStartShift);

    QHash<QString, int> nameIndex;
    m_sessions.reserve(std::size_t(lastDay - firstDay + 1));
    for (qint64 day = firstDay; day <= lastDay; ++day) {
        const WeeklySession* regular = weekly[std::size_t(dayOfWeek(day))];
        if (!regular)
            continue;
        if (const auto closure = special.closures.constFind(day); closure != special.closures.cend()) {
            auto index = nameIndex.constFind(*closure);
            if (index == nameIndex.cend()) {
                index = nameIndex.insert(*closure, int(m_closureNames.size()));
                m_closureNames << *closure;
            }
            m_closures.push_back({day, *index});
            continue;
        }
        // Never later than the regular close (the parser refuses that; a spec built in code must
        // not stretch a session into the next either).
        const int closeMinutes = std::min(special.earlyCloses.value(day, regular->closeMinutes), regular->closeMinutes);
        const qint64 midnight = localMidnightMs(day);
        Session session;
        session.tradingDay = day;
        session.openMs = localToUtc(midnight + qint64(regular->openDayOffset * 1440 + regular->openMinutes) * msPerMinute);
        session.closeMs = localToUtc(midnight + qint64(closeMinutes) * msPerMinute);
        session.earlyClose = closeMinutes < regular->closeMinutes;
        if (session.closeMs <= session.openMs)
            continue; // an early close at or before the open leaves no session
        m_sessions.push_back(session);
    }
}

void MarketCalendar::indexOpenTime()
{
    m_openBefore.reserve(m_sessions.size() + 1);
    qint64 total = 0;
    for (const Session& session : m_sessions) {
        m_openBefore.push_back(total);
        total += session.closeMs - session.openMs;
        if (!m_periods.empty() && m_periods.back().closeMs == session.openMs)
            m_periods.back().closeMs = session.closeMs;
        else
            m_periods.push_back({session.openMs, session.closeMs});
    }
    m_openBefore.push_back(total);
}

int MarketCalendar::utcOffsetSeconds(qint64 ms) const
{
    const auto next = std::upper_bound(m_offsets.begin(), m_offsets.end(), ms,
                                       [](qint64 value, const std::pair<qint64, int>& entry) { return value < entry.first; });
    return std::prev(next)->second;
}

qint64 MarketCalendar::localToUtc(qint64 localMs) const
{
    // Guess with the offset at the wall time read as UTC, then correct once. Wall times in a
    // spring-forward gap land after it; ambiguous autumn times take the first occurrence.
    const int guess = utcOffsetSeconds(localMs - qint64(utcOffsetSeconds(localMs)) * 1000);
    const qint64 utc = localMs - qint64(guess) * 1000;
    const int actual = utcOffsetSeconds(utc);
    return actual == guess ? utc : localMs - qint64(actual) * 1000;
}

qint64 MarketCalendar::tradingDayOf(qint64 ms) const
{
    const qint64 local = ms + qint64(utcOffsetSeconds(ms)) * 1000;
    const qint64 rollMs = qint64(m_spec.dayRollMinutes) * msPerMinute;
    return floorDiv(local - rollMs, msPerDay) + unixEpochJulianDay + (rollMs > 0 ? 1 : 0);
}

std::size_t MarketCalendar::firstSessionClosingAfter(qint64 ms) const
{
    const auto it = std::upper_bound(m_sessions.begin(), m_sessions.end(), ms,
                                     [](qint64 value, const Session& session) { return value < session.closeMs; });
    return std::size_t(it - m_sessions.begin());
}

std::size_t MarketCalendar::firstPeriodClosingAfter(qint64 ms) const
{
    const auto it = std::upper_bound(m_periods.begin(), m_periods.end(), ms,
                                     [](qint64 value, const OpenPeriod& period) { return value < period.closeMs; });
    return std::size_t(it - m_periods.begin());
}

const MarketCalendar::Closure* MarketCalendar::closureOn(qint64 tradingDay) const
{
    const auto it = std::lower_bound(m_closures.begin(), m_closures.end(), tradingDay,
                                     [](const Closure& closure, qint64 day) { return closure.day < day; });
    return it != m_closures.end() && it->day == tradingDay ? &*it : nullptr;
}

MarketPhase MarketCalendar::phaseAt(qint64 ms, std::size_t& sessionIndex, const Closure*& closure) const
{
    closure = nullptr;
    sessionIndex = 0;
    if (!covers(ms))
        return MarketPhase::OutOfRange;
    const std::size_t next = firstSessionClosingAfter(ms);
    sessionIndex = next;
    if (next < m_sessions.size() && m_sessions[next].openMs <= ms)
        return MarketPhase::Open;
    const qint64 day = tradingDayOf(ms);
    if ((closure = closureOn(day)))
        return MarketPhase::Holiday;
    if (!(m_weeklyDays & (1u << (dayOfWeek(day) - 1))))
        return MarketPhase::Weekend;
    if (next < m_sessions.size() && m_sessions[next].tradingDay == day)
        return MarketPhase::PreOpen;
    if (next > 0 && m_sessions[next - 1].tradingDay == day) {
        sessionIndex = next - 1;
        return m_sessions[next - 1].earlyClose ? MarketPhase::EarlyClose : MarketPhase::AfterClose;
    }
    return MarketPhase::OutOfRange;
}

MarketPhase MarketCalendar::phaseAt(qint64 ms) const
{
    std::size_t index = 0;
    const Closure* closure = nullptr;
    return phaseAt(ms, index, closure);
}

MarketStatus MarketCalendar::statusAt(qint64 ms) const
{
    MarketStatus status;
    status.atMs = ms;
    std::size_t index = 0;
    const Closure* closure = nullptr;
    status.phase = phaseAt(ms, index, closure);
    switch (status.phase) {
    case MarketPhase::Holiday:
        status.reason = u"holiday: " + m_closureNames.at(closure->nameIndex);
        break;
    case MarketPhase::OutOfRange:
        status.reason = QStringLiteral("outside the calendar's years %1 to %2").arg(m_firstYear).arg(m_lastYear);
        return status;
    default:
        status.reason = marketPhaseName(status.phase);
        break;
    }
    if (status.phase == MarketPhase::Open || status.phase == MarketPhase::PreOpen
        || status.phase == MarketPhase::AfterClose || status.phase == MarketPhase::EarlyClose)
        status.session = m_sessions[index];
    status.nextOpenMs = nextOpen(ms);
    status.nextCloseMs = nextClose(ms);
    status.previousCloseMs = previousClose(ms);
    return status;
}

std::vector<Session> MarketCalendar::sessionsBetween(const QDate& from, const QDate& to) const
{
    const qint64 first = from.toJulianDay();
    const qint64 last = to.toJulianDay();
    auto it = std::lower_bound(m_sessions.begin(), m_sessions.end(), first,
                               [](const Session& session, qint64 day) { return session.tradingDay < day; });
    std::vector<Session> result;
    for (; it != m_sessions.end() && it->tradingDay <= last; ++it)
        result.push_back(*it);
    return result;
}

std::optional<Session> MarketCalendar::sessionOn(const QDate& tradingDay) const
{
    const qint64 day = tradingDay.toJulianDay();
    const auto it = std::lower_bound(m_sessions.begin(), m_sessions.end(), day,
                                     [](const Session& session, qint64 value) { return session.tradingDay < value; });
    if (it == m_sessions.end() || it->tradingDay != day)
        return std::nullopt;
    return *it;
}

std::optional<qint64> MarketCalendar::nextOpen(qint64 ms) const
{
    std::size_t index = firstPeriodClosingAfter(ms);
    if (index < m_periods.size() && m_periods[index].openMs <= ms)
        ++index;
    if (index >= m_periods.size())
        return std::nullopt;
    return m_periods[index].openMs;
}

std::optional<qint64> MarketCalendar::nextClose(qint64 ms) const
{
    const std::size_t index = firstPeriodClosingAfter(ms);
    // A period that runs to the end of the table has no close we know of (crypto never closes).
    if (index >= m_periods.size() || m_periods[index].closeMs >= m_rangeEndMs)
        return std::nullopt;
    return m_periods[index].closeMs;
}

std::optional<qint64> MarketCalendar::previousClose(qint64 ms) const
{
    const std::size_t index = firstPeriodClosingAfter(ms);
    if (index == 0)
        return std::nullopt;
    return m_periods[index - 1].closeMs;
}

qint64 MarketCalendar::openTimeBefore(qint64 ms) const
{
    const std::size_t index = firstSessionClosingAfter(ms);
    qint64 total = m_openBefore[index];
    if (index < m_sessions.size() && m_sessions[index].openMs < ms)
        total += ms - m_sessions[index].openMs;
    return total;
}

qint64 MarketCalendar::openTimeBetween(qint64 fromMs, qint64 toMs) const
{
    return toMs > fromMs ? openTimeBefore(toMs) - openTimeBefore(fromMs) : 0;
}

std::optional<BarSlot> MarketCalendar::lastBarOf(qint64 openMs, qint64 closeMs, qint64 lengthMs) const
{
    const qint64 origin = m_spec.barAlignment == BarAlignment::SessionOpen ? openMs : 0;
    const qint64 lastOpen = std::max(origin + floorDiv(closeMs - 1 - origin, lengthMs) * lengthMs, openMs);
    return BarSlot{lastOpen, closeMs};
}

std::optional<BarSlot> MarketCalendar::newestClosedBar(Interval interval, qint64 ms) const
{
    if (!covers(ms))
        return std::nullopt;
    if (interval == Interval::Daily) {
        const std::size_t next = firstSessionClosingAfter(ms);
        if (next == 0)
            return std::nullopt;
        return BarSlot{m_sessions[next - 1].openMs, m_sessions[next - 1].closeMs};
    }
    const qint64 length = qint64(intervalLength(interval).count()) * msPerMinute;
    if (m_spec.barAlignment == BarAlignment::SessionOpen) {
        const std::size_t next = firstSessionClosingAfter(ms);
        if (next < m_sessions.size() && m_sessions[next].openMs <= ms) {
            const qint64 open = m_sessions[next].openMs;
            const qint64 done = (ms - open) / length;
            if (done >= 1)
                return BarSlot{open + (done - 1) * length, open + done * length};
        }
        if (next == 0)
            return std::nullopt;
        return lastBarOf(m_sessions[next - 1].openMs, m_sessions[next - 1].closeMs, length);
    }
    const std::size_t next = firstPeriodClosingAfter(ms);
    if (next < m_periods.size() && m_periods[next].openMs <= ms) {
        const qint64 gridEnd = floorDiv(ms, length) * length;
        if (gridEnd > m_periods[next].openMs)
            return BarSlot{std::max(gridEnd - length, m_periods[next].openMs), gridEnd};
    }
    if (next == 0)
        return std::nullopt;
    return lastBarOf(m_periods[next - 1].openMs, m_periods[next - 1].closeMs, length);
}

BarSlot MarketCalendar::barSlot(Interval interval, qint64 barOpenMs) const
{
    const std::size_t next = firstSessionClosingAfter(barOpenMs);
    const bool inSession = next < m_sessions.size() && m_sessions[next].openMs <= barOpenMs;
    if (interval == Interval::Daily) {
        if (inSession)
            return {m_sessions[next].openMs, m_sessions[next].closeMs};
        // Alpha Vantage names a daily bar by its date; read 00:00Z as that trading day.
        const qint64 day = floorDiv(barOpenMs, msPerDay) * msPerDay == barOpenMs
                               ? barOpenMs / msPerDay + unixEpochJulianDay
                               : tradingDayOf(barOpenMs);
        if (const auto session = sessionOn(QDate::fromJulianDay(day)))
            return {session->openMs, session->closeMs};
        return {barOpenMs, barOpenMs + msPerDay};
    }
    const qint64 close = barOpenMs + qint64(intervalLength(interval).count()) * msPerMinute;
    return {barOpenMs, inSession ? std::min(close, m_sessions[next].closeMs) : close};
}

QString MarketCalendar::formatLocal(qint64 ms, std::optional<qint64> omitDateOf) const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms + qint64(utcOffsetSeconds(ms)) * 1000, Qt::UTC);
    bool sameDay = false;
    if (omitDateOf) {
        const QDateTime other = QDateTime::fromMSecsSinceEpoch(*omitDateOf + qint64(utcOffsetSeconds(*omitDateOf)) * 1000, Qt::UTC);
        sameDay = other.date() == local.date();
    }
    return local.toString(sameDay ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm")) + u' ' + m_spec.zoneLabel;
}

} // namespace sentinel
