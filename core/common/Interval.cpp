// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Interval.h"

#include <array>
#include <utility>

namespace sentinel {

namespace {
struct IntervalInfo {
    Interval interval;
    QStringView name;
    std::chrono::minutes length;
};
constexpr std::array<IntervalInfo, 6> intervals{{
    {Interval::Min1, u"1min", std::chrono::minutes(1)},
    {Interval::Min5, u"5min", std::chrono::minutes(5)},
    {Interval::Min15, u"15min", std::chrono::minutes(15)},
    {Interval::Min30, u"30min", std::chrono::minutes(30)},
    {Interval::Min60, u"60min", std::chrono::minutes(60)},
    {Interval::Daily, u"daily", std::chrono::minutes(24 * 60)},
}};
} // namespace

QString intervalName(Interval interval)
{
    for (const auto& info : intervals) {
        if (info.interval == interval)
            return info.name.toString();
    }
    return {};
}

std::optional<Interval> parseInterval(QStringView name)
{
    for (const auto& info : intervals) {
        if (info.name == name)
            return info.interval;
    }
    return std::nullopt;
}

std::chrono::minutes intervalLength(Interval interval)
{
    for (const auto& info : intervals) {
        if (info.interval == interval)
            return info.length;
    }
    return std::chrono::minutes(1);
}

QString knownIntervalNames()
{
    return QStringLiteral("1min, 5min, 15min, 30min, 60min, daily");
}

} // namespace sentinel
