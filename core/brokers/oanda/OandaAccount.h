// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace sentinel::oanda {

/// GET /v3/accounts/{id}/summary: the figures `broker check` and the UI show.
struct AccountSummary {
    QString id;
    QString currency;
    double balance = 0;
    double nav = 0;             ///< net asset value
    double unrealizedPl = 0;
    double marginUsed = 0;
    double marginAvailable = 0;
    qint64 openPositionCount = 0;
    qint64 openTradeCount = 0;
    QString lastTransactionId;
};

/// One side of a position. `averagePrice` is present when `units` is not zero.
struct PositionSide {
    double units = 0; ///< long: ≥ 0, short: ≤ 0, as OANDA signs them
    std::optional<double> averagePrice;
};

/// GET /v3/accounts/{id}/openPositions: one entry an instrument.
struct Position {
    QString instrument;
    PositionSide longSide;
    PositionSide shortSide;
    double unrealizedPl = 0;
};

[[nodiscard]] Result<AccountSummary> parseAccountSummary(const QByteArray& body);
/// A side with units but no average price, a long side with negative units or a short side with
/// positive ones is an error: the position would be shown wrong.
[[nodiscard]] Result<QList<Position>> parseOpenPositions(const QByteArray& body);

} // namespace sentinel::oanda
