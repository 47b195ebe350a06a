// SPDX-License-Identifier: GPL-3.0-or-later
#include "CoinbaseBodies.h"

namespace sentinel::test {

QByteArray coinbaseCandlesBody(const Bars& bars)
{
    QByteArray candles;
    for (auto bar = bars.crbegin(); bar != bars.crend(); ++bar) {
        if (!candles.isEmpty())
            candles += ',';
        const auto text = [](double value, int decimals) -> QByteArray { return '"' + QByteArray::number(value, 'f', decimals) + '"'; };
        candles += R"({"start":")" + QByteArray::number(bar->openTime.toSecsSinceEpoch()) + R"(","low":)" + text(bar->low, 2)
                   + R"(,"high":)" + text(bar->high, 2) + R"(,"open":)" + text(bar->open, 2) + R"(,"close":)"
                   + text(bar->close, 2) + R"(,"volume":)" + text(bar->volume, 8) + "}";
    }
    return R"({"candles":[)" + candles + "]}";
}

} // namespace sentinel::test
