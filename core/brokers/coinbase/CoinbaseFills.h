// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/coinbase/CoinbaseDecimal.h"
#include "common/Error.h"
#include "common/Side.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace sentinel::coinbase {

/// One fill of GET /orders/historical/fills.
struct CoinbaseFill {
    QString entryId;
    QString tradeId;
    QString orderId;
    QString productId;
    Side side = Side::Buy;
    Decimal price;
    Decimal size;
    Decimal commission;
    QString liquidityIndicator; ///< MAKER, TAKER, UNKNOWN_LIQUIDITY_INDICATOR
    bool sizeInQuote = false;   ///< size is in the quote currency, not the base
    QDateTime tradeTime;        ///< UTC
};

struct FillPage {
    QList<CoinbaseFill> fills;
    QString cursor; ///< empty on the last page
};

/// Parses GET /orders/historical/fills: {"fills": [...], "cursor"}.
[[nodiscard]] Result<FillPage> parseFills(const QByteArray& body);

} // namespace sentinel::coinbase
