// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Side.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace sentinel::test {

/// One fill of the known-trades journal, as the test writes it.
struct KnownFill {
    QString symbol;
    QString strategy;
    Side side = Side::Buy;
    double quantity = 0;
    double price = 0;
    double fee = 0;
    QDateTime at;
};

/// A journal of hand-computed trades, written through the real Journal API (proposal, approval,
/// execution), starting from 10,000 in the account currency:
///   Mon 4 Mar 2024  AAPL  sma_cross      buy 10 @ 100 (fee 1), sell 10 @ 110 (fee 1)       +98
///   Tue 5 Mar       MSFT  rsi_reversion  buy 20 @ 50 (fee 0.5)
///   Wed 6 Mar       MSFT                 sell 20 @ 45 (fee 0.5)                           -101
///                   AAPL  sma_cross      buy 10 @ 120 (fee 1), sell 4 @ 130 (fee 0.4)     +39.2
///   Thu 7 Mar       AAPL                 sell 6 @ 115 (fee 0.6)                           -31.2
///   Fri 8 Mar       AAPL                 buy 1 @ 200 (fee 0.02), still open
/// 8 fills, 4 round trips, P&L +5, win rate 0.5, profit factor 137.2 / 132.2, maximum drawdown
/// 101 / 10,098 (the peak after Monday to the trough after Wednesday's first close).
struct KnownTrades {
    static constexpr double startingEquity = 10000;
    [[nodiscard]] static QList<KnownFill> fills();
    /// Writes them into a new journal at `path`.
    [[nodiscard]] static Status write(const QString& path);
};

} // namespace sentinel::test
