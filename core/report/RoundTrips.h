// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "journal/JournalFills.h"

#include <QList>
#include <QString>

namespace sentinel {

/// A round trip: units opened by one or more entry fills and closed by one fill. Its P&L is in
/// the account currency as the platform books prices (price × units; the paper account does not
/// convert currencies) and net of the fees of both legs (the entry's pro rata).
struct ClosedTrade {
    QString instrumentKey;
    QString strategy;         ///< the strategy of the fill that opened it ("" when unrecorded)
    bool isLong = true;       ///< bought first, sold to close
    double quantity = 0;      ///< units closed
    double entryPrice = 0;    ///< volume-weighted over the lots it closed
    double exitPrice = 0;
    double fees = 0;          ///< both legs' share
    double pnl = 0;           ///< net of fees
    qint64 openedAtMs = 0;    ///< the oldest lot it closed
    qint64 closedAtMs = 0;
    QString entryProposalId;  ///< the oldest lot's proposal
    QString exitProposalId;
    friend bool operator==(const ClosedTrade&, const ClosedTrade&) = default;
};

/// Matches fills into round trips per instrument, first in, first out. A fill against the open
/// position closes the oldest units first (one ClosedTrade per closing fill); a fill larger than
/// the position closes all of it and opens the rest the other way. Whether a proposal was marked
/// as an exit does not matter: the units do.
[[nodiscard]] QList<ClosedTrade> matchRoundTrips(const QList<FillRecord>& fills);

} // namespace sentinel
