// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaGranularity.h"

#include <QStringList>

#include <array>
#include <utility>

namespace sentinel::oanda {

namespace {

constexpr std::array<std::pair<Interval, const char16_t*>, 6> kNames{{
    {Interval::Min1, u"M1"},
    {Interval::Min5, u"M5"},
    {Interval::Min15, u"M15"},
    {Interval::Min30, u"M30"},
    {Interval::Min60, u"H1"},
    {Interval::Daily, u"D"},
}};

} // namespace

QString granularityName(Interval interval)
{
    for (const auto& [known, name] : kNames) {
        if (known == interval)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<Interval> parseGranularity(QStringView name)
{
    for (const auto& [interval, known] : kNames) {
        if (name == QStringView(known))
            return interval;
    }
    return std::nullopt;
}

QString supportedGranularities()
{
    QStringList names;
    for (const auto& entry : kNames)
        names << QString::fromUtf16(entry.second);
    return names.join(QStringLiteral(", "));
}

} // namespace sentinel::oanda
