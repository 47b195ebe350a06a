// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/PositionState.h"

#include <QDateTime>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace sentinel {

/// Holding in one instrument.
struct Position {
    QString instrumentKey;
    double quantity = 0;      ///< positive long (the paper platform does not hold shorts)
    double averagePrice = 0;  ///< volume-weighted entry price, fees excluded
    double marketPrice = 0;   ///< last marked price (the fill price until the first mark)

    [[nodiscard]] double marketValue() const { return quantity * marketPrice; }
    [[nodiscard]] double unrealizedPnl() const { return quantity * (marketPrice - averagePrice); }
    friend bool operator==(const Position&, const Position&) = default;
};

/// The account at one instant: what the risk gate sizes against and the UI shows.
struct PortfolioSnapshot {
    double balance = 0;       ///< cash
    double equity = 0;        ///< cash + positions at market
    double peakEquity = 0;    ///< highest equity seen, for drawdown limits
    QString currency;
    QMap<QString, Position> positions; ///< by instrument key
    QDateTime at;             ///< UTC

    [[nodiscard]] PositionState positionState(const QString& instrumentKey) const
    {
        const auto it = positions.constFind(instrumentKey);
        return it == positions.constEnd() ? PositionState{} : PositionState{it->quantity, it->averagePrice};
    }
    [[nodiscard]] double drawdown() const { return peakEquity > 0 ? (peakEquity - equity) / peakEquity : 0.0; }
    friend bool operator==(const PortfolioSnapshot&, const PortfolioSnapshot&) = default;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::PortfolioSnapshot)
