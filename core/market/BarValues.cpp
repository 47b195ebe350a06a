// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/BarValues.h"

#include <cmath>
#include <utility>

namespace sentinel {

namespace {

DataQualityIssue issue(const QString& row, const char* rule, const QString& message)
{
    return DataQualityIssue{row, QString::fromLatin1(rule), message};
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

} // namespace

bool isFiniteNumber(double value)
{
    return std::isfinite(value);
}

std::optional<DataQualityIssue> checkBarValues(const QString& label, const Bar& bar)
{
    const std::pair<const char*, double> prices[] = {
        {"open", bar.open}, {"high", bar.high}, {"low", bar.low}, {"close", bar.close}};
    for (const auto& [name, value] : prices) {
        if (!isFiniteNumber(value))
            return issue(label, "not_finite", QStringLiteral("%1 is not a finite number").arg(QLatin1String(name)));
    }
    if (!isFiniteNumber(bar.volume))
        return issue(label, "not_finite", QStringLiteral("volume is not a finite number"));
    for (const auto& [name, value] : prices) {
        if (value <= 0)
            return issue(label, "non_positive_price",
                         QStringLiteral("%1 is %2; prices must be positive").arg(QLatin1String(name), number(value)));
    }
    if (bar.volume < 0)
        return issue(label, "negative_volume", QStringLiteral("volume is %1; it cannot be negative").arg(number(bar.volume)));
    if (bar.high < bar.low)
        return issue(label, "high_below_low",
                     QStringLiteral("high %1 is below low %2").arg(number(bar.high), number(bar.low)));
    if (bar.open < bar.low || bar.open > bar.high)
        return issue(label, "open_outside_range",
                     QStringLiteral("open %1 lies outside low–high [%2, %3]")
                         .arg(number(bar.open), number(bar.low), number(bar.high)));
    if (bar.close < bar.low || bar.close > bar.high)
        return issue(label, "close_outside_range",
                     QStringLiteral("close %1 lies outside low–high [%2, %3]")
                         .arg(number(bar.close), number(bar.low), number(bar.high)));
    return std::nullopt;
}

} // namespace sentinel
