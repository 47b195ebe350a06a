// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartSeries.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace sentinel {

namespace {

constexpr qint64 dayMs = 86'400'000;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

qint64 offsetMsAt(qint64 utcMs)
{
    return qint64(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toLocalTime().offsetFromUtc()) * 1000;
}

/// The local zone's offset for many instants in order. A conversion costs microseconds, so one
/// is made at each end of a UTC day and shared by the day's bars when both agree: zones change
/// their offset at most twice a year, never twice in a day.
class LocalOffsets
{
public:
    qint64 at(qint64 utcMs)
    {
        const qint64 day = floorDiv(utcMs, dayMs);
        if (day != m_day) {
            m_day = day;
            m_start = offsetMsAt(day * dayMs);
            m_uniform = m_start == offsetMsAt((day + 1) * dayMs - 1);
        }
        return m_uniform ? m_start : offsetMsAt(utcMs);
    }

private:
    qint64 m_day = std::numeric_limits<qint64>::min();
    qint64 m_start = 0;
    bool m_uniform = true;
};

} // namespace

ChartSeries::Merge ChartSeries::merge(Bars& bars, const Bars& update, int limit)
{
    Merge result;
    for (const Bar& bar : update) {
        if (!bar.openTime.isValid())
            continue;
        if (!bars.isEmpty() && bar.openTime == bars.constLast().openTime) {
            bars.last() = bar;
            result.correctedLast = true;
            continue;
        }
        if (!bars.isEmpty() && bar.openTime < bars.constLast().openTime)
            continue;
        bars.append(bar);
        ++result.appended;
    }
    if (bars.size() > limit) {
        result.dropped = int(bars.size()) - limit;
        bars.remove(0, result.dropped);
    }
    return result;
}

ChartSeries::ChartSeries(int limit)
    : m_limit(limit)
{
}

void ChartSeries::reset(const Bars& bars)
{
    m_bars.clear();
    m_utc.clear();
    m_local.clear();
    m_average.clear();
    // Through merge, so a reload obeys the same rules (order, validity, limit) as an update.
    merge(m_bars, bars, m_limit);
    extendDerived(0);
}

ChartSeries::Merge ChartSeries::append(const Bars& update)
{
    const int before = size();
    const Merge result = merge(m_bars, update, m_limit);
    if (result.dropped >= before) {
        m_utc.clear();
        m_local.clear();
        m_average.clear();
        extendDerived(0);
        return result;
    }
    dropDerived(result.dropped);
    // A corrected bar is derived again, with everything after it.
    const int kept = before - result.dropped;
    const int from = std::max(0, result.correctedLast ? kept - 1 : kept);
    m_utc.resize(from);
    m_local.resize(from);
    m_average.resize(from);
    extendDerived(from);
    return result;
}

void ChartSeries::dropDerived(int count)
{
    if (count <= 0)
        return;
    // The averages already computed stay as they were: a bar does not lose its average because
    // the bars it was computed from have scrolled out of memory.
    m_utc.remove(0, count);
    m_local.remove(0, count);
    m_average.remove(0, count);
}

void ChartSeries::extendDerived(int from)
{
    LocalOffsets offsets;
    for (int i = from; i < size(); ++i) {
        const qint64 utc = m_bars.at(i).openTime.toMSecsSinceEpoch();
        m_utc.append(utc);
        m_local.append(utc + offsets.at(utc));
        double average = std::numeric_limits<double>::quiet_NaN();
        if (i + 1 >= averagePeriod) {
            double sum = 0;
            for (int j = i + 1 - averagePeriod; j <= i; ++j)
                sum += m_bars.at(j).close;
            average = sum / averagePeriod;
        }
        m_average.append(average);
    }
    deriveGapsAndSessions();
    derivePriceDecimals();
}

void ChartSeries::derivePriceDecimals()
{
    // The fewest decimals (up to 8) that write every price of the newest bars exactly.
    int decimals = 0;
    for (int i = std::max(0, size() - 50); i < size(); ++i) {
        const Bar& bar = m_bars.at(i);
        for (const double price : {bar.open, bar.high, bar.low, bar.close}) {
            while (decimals < 8) {
                const double scaled = std::abs(price) * std::pow(10.0, decimals);
                if (std::abs(scaled - std::round(scaled)) <= 1e-6 * std::max(1.0, scaled))
                    break;
                ++decimals;
            }
        }
    }
    m_priceDecimals = isEmpty() ? 2 : std::max(decimals, 2);
}

void ChartSeries::deriveGapsAndSessions()
{
    const int count = size();
    // The interval is the median step, so a missing bar or a weekend does not set it, and a
    // single odd step (a bar one minute late) does not turn every normal step into a gap.
    std::vector<qint64> steps;
    steps.reserve(std::size_t(std::min(count, 512)));
    for (int i = std::max(1, count - 512); i < count; ++i) {
        if (const qint64 step = m_utc.at(i) - m_utc.at(i - 1); step > 0)
            steps.push_back(step);
    }
    if (!steps.empty()) {
        const auto middle = steps.begin() + std::ptrdiff_t(steps.size() / 2);
        std::nth_element(steps.begin(), middle, steps.end());
        m_intervalMs = *middle;
    }
    // Intraday: anything over 1.5 intervals is a closed period or missing data. Daily bars skip
    // weekends and holidays as a matter of course; only a longer break counts there.
    const bool intraday = m_intervalMs < dayMs / 2;
    const qint64 threshold = intraday ? m_intervalMs * 3 / 2 : m_intervalMs * 9 / 2;

    m_gapsUpTo.resize(count);
    m_sessionStarts.clear();
    m_averagePoints = 0;
    int gaps = 0;
    for (int i = 0; i < count; ++i) {
        if (std::isfinite(m_average.at(i)))
            ++m_averagePoints;
        if (i == 0) {
            m_gapsUpTo[0] = 0;
            continue;
        }
        const bool gap = m_utc.at(i) - m_utc.at(i - 1) > threshold;
        gaps += gap ? 1 : 0;
        m_gapsUpTo[i] = gaps;
        const qint64 day = floorDiv(m_local.at(i), dayMs);
        const qint64 previousDay = floorDiv(m_local.at(i - 1), dayMs);
        bool starts = gap;
        if (intraday) {
            starts = starts || day != previousDay;
        } else if (day != previousDay) {
            const QDate date = QDate(1970, 1, 1).addDays(day);
            const QDate previous = QDate(1970, 1, 1).addDays(previousDay);
            starts = date.month() != previous.month() || date.year() != previous.year();
        }
        if (starts)
            m_sessionStarts.append(i);
    }
}

QList<QPair<int, int>> ChartSeries::averageRuns() const
{
    // The average itself runs on across a gap (it is the mean of the last 20 closes, as trading
    // platforms compute it, so it does not vanish for the first 20 bars of every session); only
    // the line is not drawn across the closed period.
    QList<QPair<int, int>> runs;
    int start = -1;
    for (int i = 0; i < size(); ++i) {
        const bool has = std::isfinite(m_average.at(i));
        if (start >= 0 && (!has || gapBefore(i))) {
            runs.append({start, i - 1});
            start = -1;
        }
        if (has && start < 0)
            start = i;
    }
    if (start >= 0)
        runs.append({start, size() - 1});
    return runs;
}

bool ChartSeries::gapBefore(int index) const
{
    return index > 0 && index < size() && m_gapsUpTo.at(index) != m_gapsUpTo.at(index - 1);
}

int ChartSeries::gapsBetween(int from, int to) const
{
    if (isEmpty() || to <= from)
        return 0;
    from = std::clamp(from, 0, size() - 1);
    to = std::clamp(to, 0, size() - 1);
    return m_gapsUpTo.at(to) - m_gapsUpTo.at(from);
}

int ChartSeries::indexOf(const QDateTime& openTime) const
{
    const int index = indexAt(openTime);
    return index >= 0 && m_utc.at(index) == openTime.toMSecsSinceEpoch() ? index : -1;
}

int ChartSeries::indexAt(const QDateTime& at) const
{
    if (!at.isValid())
        return -1;
    const auto after = std::upper_bound(m_utc.cbegin(), m_utc.cend(), at.toMSecsSinceEpoch());
    return int(after - m_utc.cbegin()) - 1;
}

} // namespace sentinel
