// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/BarJson.h"

namespace sentinel {

QString isoUtc(const QDateTime& instant)
{
    return instant.isValid() ? instant.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject barToJson(const Bar& bar)
{
    return QJsonObject{{QStringLiteral("open_time"), isoUtc(bar.openTime)},
                       {QStringLiteral("open"), bar.open},
                       {QStringLiteral("high"), bar.high},
                       {QStringLiteral("low"), bar.low},
                       {QStringLiteral("close"), bar.close},
                       {QStringLiteral("volume"), bar.volume},
                       {QStringLiteral("extended_hours"), bar.extendedHours}};
}

QJsonArray barsToJson(const Bars& bars)
{
    QJsonArray array;
    for (const Bar& bar : bars)
        array.append(barToJson(bar));
    return array;
}

QJsonArray issuesToJson(const QList<DataQualityIssue>& issues)
{
    QJsonArray array;
    for (const DataQualityIssue& issue : issues)
        array.append(QJsonObject{{QStringLiteral("row"), issue.row},
                                 {QStringLiteral("rule"), issue.rule},
                                 {QStringLiteral("message"), issue.message}});
    return array;
}

} // namespace sentinel
