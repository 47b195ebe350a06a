// SPDX-License-Identifier: GPL-3.0-or-later
#include "OandaBodies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sentinel::test {

namespace {

QJsonObject candle(const Bar& bar, bool complete)
{
    const auto text = [](double value) { return QString::number(value, 'f', 5); };
    return QJsonObject{
        {QStringLiteral("complete"), complete},
        {QStringLiteral("volume"), qint64(bar.volume)},
        {QStringLiteral("time"), bar.openTime.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.000000000Z"))},
        {QStringLiteral("mid"), QJsonObject{{QStringLiteral("o"), text(bar.open)},
                                            {QStringLiteral("h"), text(bar.high)},
                                            {QStringLiteral("l"), text(bar.low)},
                                            {QStringLiteral("c"), text(bar.close)}}},
    };
}

} // namespace

QByteArray oandaCandlesBody(const QString& instrument, const QString& granularity, const Bars& complete,
                            const std::optional<Bar>& forming)
{
    QJsonArray candles;
    for (const Bar& bar : complete)
        candles.append(candle(bar, true));
    if (forming)
        candles.append(candle(*forming, false));
    return QJsonDocument(QJsonObject{{QStringLiteral("instrument"), instrument},
                                     {QStringLiteral("granularity"), granularity},
                                     {QStringLiteral("candles"), candles}})
        .toJson(QJsonDocument::Compact);
}

} // namespace sentinel::test
