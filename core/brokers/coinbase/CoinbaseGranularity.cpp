// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseGranularity.h"

#include <QStringList>

#include <array>

namespace sentinel::coinbase {

namespace {

struct Row {
    Granularity granularity;
    const char16_t* name;
    qint64 seconds;
    std::optional<Interval> interval;
};

constexpr std::array<Row, 8> kRows{{
    {Granularity::OneMinute, u"ONE_MINUTE", 60, Interval::Min1},
    {Granularity::FiveMinute, u"FIVE_MINUTE", 300, Interval::Min5},
    {Granularity::FifteenMinute, u"FIFTEEN_MINUTE", 900, Interval::Min15},
    {Granularity::ThirtyMinute, u"THIRTY_MINUTE", 1800, Interval::Min30},
    {Granularity::OneHour, u"ONE_HOUR", 3600, Interval::Min60},
    {Granularity::TwoHour, u"TWO_HOUR", 7200, std::nullopt},
    {Granularity::SixHour, u"SIX_HOUR", 21600, std::nullopt},
    {Granularity::OneDay, u"ONE_DAY", 86400, Interval::Daily},
}};

const Row& rowOf(Granularity granularity)
{
    return kRows[std::size_t(granularity)];
}

} // namespace

QString granularityName(Granularity granularity)
{
    return QString::fromUtf16(rowOf(granularity).name);
}

qint64 granularitySeconds(Granularity granularity)
{
    return rowOf(granularity).seconds;
}

std::optional<Interval> granularityInterval(Granularity granularity)
{
    return rowOf(granularity).interval;
}

std::optional<Granularity> parseGranularity(QStringView name)
{
    for (const Row& row : kRows) {
        if (name.compare(QStringView(row.name), Qt::CaseInsensitive) == 0)
            return row.granularity;
    }
    if (const auto interval = parseInterval(name)) {
        for (const Row& row : kRows) {
            if (row.interval == interval)
                return row.granularity;
        }
    }
    return std::nullopt;
}

std::optional<Granularity> granularityOfSeconds(qint64 seconds)
{
    for (const Row& row : kRows) {
        if (row.seconds == seconds)
            return row.granularity;
    }
    return std::nullopt;
}

QString knownGranularityNames()
{
    QStringList names;
    for (const Row& row : kRows)
        names.append(QString::fromUtf16(row.name));
    return names.join(QStringLiteral(", ")) + QStringLiteral(" (or ") + knownIntervalNames() + u')';
}

} // namespace sentinel::coinbase
