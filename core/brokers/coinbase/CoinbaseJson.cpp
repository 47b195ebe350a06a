// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseJson.h"

#include "market/BarJson.h"

#include <QJsonArray>

namespace sentinel::coinbase {

QJsonObject toJson(const CoinbaseCandles& candles)
{
    QJsonValue granularity(QJsonValue::Null);
    QString interval;
    if (candles.granularity) {
        granularity = granularityName(*candles.granularity);
        // TWO_HOUR and SIX_HOUR have no project interval: their Coinbase name stands in.
        const auto projectInterval = granularityInterval(*candles.granularity);
        interval = projectInterval ? intervalName(*projectInterval) : granularityName(*candles.granularity);
    }
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("bars")},
                       {QStringLiteral("function"), QStringLiteral("coinbase_candles")},
                       {QStringLiteral("symbol"), QString()}, // the answer does not name its product
                       {QStringLiteral("interval"), interval},
                       {QStringLiteral("granularity"), granularity},
                       {QStringLiteral("granularity_inferred"), candles.granularityInferred},
                       {QStringLiteral("time_zone"), QStringLiteral("UTC")},
                       {QStringLiteral("bars"), barsToJson(candles.closed)},
                       {QStringLiteral("live_bar"), candles.forming ? QJsonValue(barToJson(*candles.forming)) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("issues"), QJsonArray()}};
}

} // namespace sentinel::coinbase
