// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Interval.h"
#include "market/CalendarSpec.h"

#include <QDate>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QTimeZone;

namespace sentinel {

/// Why a market is (not) trading at an instant.
enum class MarketPhase {
    Open,
    PreOpen,     ///< a trading day whose session has not opened yet
    AfterClose,  ///< a trading day whose session has closed
    EarlyClose,  ///< a trading day whose session closed early
    Weekend,     ///< a day without a regular session
    Holiday,     ///< a holiday or an ad-hoc closure on a regular trading day
    OutOfRange,  ///< outside the years the calendar was built for
};

/// "open", "pre-open", "after-close", "early close", "weekend", "holiday", "out of range".
[[nodiscard]] QString marketPhaseName(MarketPhase phase);

/// One regular session in UTC milliseconds. `tradingDay` is the session's date (Julian day)
/// in the market's own calendar (an FX session opening Sunday 17:00 New York is Monday's).
struct Session {
    qint64 openMs = 0;
    qint64 closeMs = 0;
    qint64 tradingDay = 0;
    bool earlyClose = false;

    [[nodiscard]] QDate date() const { return QDate::fromJulianDay(tradingDay); }
    friend bool operator==(const Session&, const Session&) = default;
};

/// A bar's place in time: it opens at `openMs` (its name) and is closed from `closeMs` on.
struct BarSlot {
    qint64 openMs = 0;
    qint64 closeMs = 0;
    friend bool operator==(const BarSlot&, const BarSlot&) = default;
};

/// The answer to "what is the market doing at this instant", with the reason a person reads.
struct MarketStatus {
    qint64 atMs = 0;
    MarketPhase phase = MarketPhase::OutOfRange;
    QString reason;                      ///< "open", "pre-open", "holiday: Thanksgiving Day", …
    std::optional<Session> session;      ///< the session in progress, or the trading day's session
    std::optional<qint64> nextOpenMs;    ///< next time the market opens after being closed
    std::optional<qint64> nextCloseMs;   ///< end of the current (or next) continuous open period
    std::optional<qint64> previousCloseMs;

    [[nodiscard]] bool isOpen() const { return phase == MarketPhase::Open; }
};

struct SpecialDays; // closures and early closes by day, while a calendar is built

/// One market's trading calendar, built from a CalendarSpec into a sorted table of sessions
/// (UTC milliseconds) over a range of years. Immutable once built, so one instance may be
/// shared between threads. Every query is a binary search over the table (well under a
/// microsecond); instants outside the built range answer OutOfRange / nothing.
class MarketCalendar
{
public:
    static constexpr int defaultFirstYear = 1970;
    static constexpr int defaultLastYear = 2100;

    /// Builds the session table for [firstYear, lastYear]. Fails with a typed error when the
    /// spec's time zone is unknown or the range is empty.
    [[nodiscard]] static Result<std::shared_ptr<const MarketCalendar>>
    build(const CalendarSpec& spec, int firstYear = defaultFirstYear, int lastYear = defaultLastYear);

    [[nodiscard]] const QString& name() const { return m_spec.name; }
    [[nodiscard]] const CalendarSpec& spec() const { return m_spec; }
    [[nodiscard]] int firstYear() const { return m_firstYear; }
    [[nodiscard]] int lastYear() const { return m_lastYear; }
    /// True when `ms` lies inside the built range (and answers are meaningful).
    [[nodiscard]] bool covers(qint64 ms) const { return ms >= m_rangeStartMs && ms < m_rangeEndMs; }

    /// The phase only, without strings: the fast path for the engine.
    [[nodiscard]] MarketPhase phaseAt(qint64 ms) const;
    [[nodiscard]] bool isOpen(qint64 ms) const { return phaseAt(ms) == MarketPhase::Open; }
    /// Phase, reason, the relevant session and the next open/close.
    [[nodiscard]] MarketStatus statusAt(qint64 ms) const;

    /// Sessions whose trading day lies in [from, to], in order.
    [[nodiscard]] std::vector<Session> sessionsBetween(const QDate& from, const QDate& to) const;
    [[nodiscard]] std::optional<Session> sessionOn(const QDate& tradingDay) const;
    [[nodiscard]] const std::vector<Session>& sessions() const { return m_sessions; }

    /// Next instant after `ms` at which a closed market opens (skips the rest of an open period).
    [[nodiscard]] std::optional<qint64> nextOpen(qint64 ms) const;
    /// End of the open period in progress at `ms`, else of the next one. Nothing for a market
    /// that never closes within the range.
    [[nodiscard]] std::optional<qint64> nextClose(qint64 ms) const;
    /// Last close at or before `ms`.
    [[nodiscard]] std::optional<qint64> previousClose(qint64 ms) const;

    /// The newest bar of `interval` the market could have closed by `ms` (see docs/adr/0011).
    [[nodiscard]] std::optional<BarSlot> newestClosedBar(Interval interval, qint64 ms) const;
    /// Where a bar named `barOpenMs` ends. A daily bar may be named by its session's open or,
    /// as Alpha Vantage labels them, by 00:00Z of its trading day.
    [[nodiscard]] BarSlot barSlot(Interval interval, qint64 barOpenMs) const;
    /// Time the market was open between two instants (0 if `to` <= `from`).
    [[nodiscard]] qint64 openTimeBetween(qint64 fromMs, qint64 toMs) const;

    /// The trading day an instant belongs to (its local date, shifted by the day roll).
    [[nodiscard]] qint64 tradingDayOf(qint64 ms) const;
    /// Local wall time with the zone label: "2024-03-08 16:00 ET", or "16:00 ET" if
    /// `omitDateOf` falls on the same local date.
    [[nodiscard]] QString formatLocal(qint64 ms, std::optional<qint64> omitDateOf = std::nullopt) const;
    [[nodiscard]] int utcOffsetSeconds(qint64 ms) const;

    MarketCalendar(const MarketCalendar&) = delete;
    MarketCalendar& operator=(const MarketCalendar&) = delete;

private:
    MarketCalendar() = default;

    struct OpenPeriod {
        qint64 openMs;
        qint64 closeMs;
    };
    struct Closure {
        qint64 day;
        int nameIndex;
    };

    /// The zone's UTC offsets over the range as a sorted table.
    void tabulateOffsets(const QTimeZone& zone);
    /// Every session of the range: the weekly pattern less closures, with early closes.
    void buildSessions(const SpecialDays& special);
    /// Cumulative open time before each session, and sessions merged into open periods.
    void indexOpenTime();
    [[nodiscard]] std::size_t firstSessionClosingAfter(qint64 ms) const;
    [[nodiscard]] std::size_t firstPeriodClosingAfter(qint64 ms) const;
    [[nodiscard]] qint64 openTimeBefore(qint64 ms) const;
    [[nodiscard]] const Closure* closureOn(qint64 tradingDay) const;
    [[nodiscard]] MarketPhase phaseAt(qint64 ms, std::size_t& sessionIndex, const Closure*& closure) const;
    [[nodiscard]] qint64 localToUtc(qint64 localMs) const;
    [[nodiscard]] std::optional<BarSlot> lastBarOf(qint64 openMs, qint64 closeMs, qint64 lengthMs) const;

    CalendarSpec m_spec;
    int m_firstYear = 0;
    int m_lastYear = 0;
    qint64 m_rangeStartMs = 0;
    qint64 m_rangeEndMs = 0;
    unsigned m_weeklyDays = 0;
    std::vector<Session> m_sessions;
    std::vector<qint64> m_openBefore;   ///< open time of all sessions before index i
    std::vector<OpenPeriod> m_periods;  ///< sessions merged where one closes as the next opens
    std::vector<Closure> m_closures;    ///< holidays and ad-hoc closures on regular trading days
    QStringList m_closureNames;
    std::vector<std::pair<qint64, int>> m_offsets; ///< (from UTC ms, UTC offset seconds), sorted
};

} // namespace sentinel
