// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Freshness.h"
#include "common/Instrument.h"
#include "common/Side.h"
#include "risk/PortfolioVar.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace sentinel {

/// A holding or an approved-but-unexecuted order, as signed units at a mark price.
struct Holding {
    Instrument instrument;
    double quantity = 0.0;  ///< long > 0, short < 0
    double markPrice = 0.0; ///< price the exposure is valued at
};

/// The account as the gate sees it at decision time.
struct PortfolioState {
    std::optional<double> balance; ///< account equity; nullopt when the platform did not report it
    double equityPeak = 0.0;       ///< highest equity seen, for the drawdown limit
    QList<Holding> positions;      ///< executed holdings
    QList<Holding> pending;        ///< approved, not yet executed: counted as if filled
    /// Daily returns per Instrument::key(), oldest first, for portfolio VaR and the volatility check.
    QHash<QString, ReturnSeries> returns;
    int tradesToday = 0;           ///< executed today (the pending ones are counted from `pending`)
};

/// Everything the risk gate decides on: the proposed trade, the state of its data and market,
/// and the portfolio it would join.
struct TradeContext {
    Instrument instrument;
    Side side = Side::Buy;
    bool isExit = false;          ///< the strategy means to close or reduce a position
    double quantity = 0.0;        ///< units, > 0
    double price = 0.0;           ///< expected fill price, > 0
    double signalConfidence = 0.0; ///< in [0, 1]
    Freshness freshness = Freshness::Unknown;
    QString freshnessReason;      ///< the freshness gate's own words, shown with a block
    bool marketOpen = false;
    PortfolioState portfolio;
};

} // namespace sentinel
