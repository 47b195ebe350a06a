// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/RoundTrips.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <deque>

namespace sentinel {

namespace {

/// Units still open from one entry fill, with the part of its fee they carry.
struct OpenLot {
    double quantity = 0;
    double price = 0;
    double fee = 0;
    qint64 atMs = 0;
    QString proposalId;
    QString strategy;
};

/// Open lots of one instrument, all on one side.
struct Book {
    bool isLong = true;
    std::deque<OpenLot> lots;
};

/// Below this share of a fill, what is left is rounding, not units.
constexpr double residueShare = 1e-9;

} // namespace

QList<ClosedTrade> matchRoundTrips(const QList<FillRecord>& fills)
{
    QHash<QString, Book> books;
    QList<ClosedTrade> closed;
    for (const FillRecord& fill : fills) {
        Book& book = books[fill.instrumentKey];
        const bool buying = fill.side == Side::Buy;
        double remaining = fill.quantity;
        const double residue = fill.quantity * residueShare;
        if (!book.lots.empty() && book.isLong != buying) {
            ClosedTrade trade;
            trade.instrumentKey = fill.instrumentKey;
            trade.isLong = book.isLong;
            trade.exitPrice = fill.price;
            trade.closedAtMs = fill.atMs;
            trade.exitProposalId = fill.proposalId;
            trade.strategy = book.lots.front().strategy;
            trade.entryProposalId = book.lots.front().proposalId;
            trade.openedAtMs = book.lots.front().atMs;
            double entryCost = 0;
            while (remaining > residue && !book.lots.empty()) {
                OpenLot& lot = book.lots.front();
                const double units = std::min(remaining, lot.quantity);
                const double share = units / lot.quantity;
                const double lotFee = lot.fee * share;
                trade.quantity += units;
                entryCost += units * lot.price;
                trade.fees += lotFee;
                lot.fee -= lotFee;
                lot.quantity -= units;
                remaining -= units;
                if (lot.quantity <= residue)
                    book.lots.pop_front();
            }
            trade.entryPrice = entryCost / trade.quantity;
            trade.fees += fill.fee * (trade.quantity / fill.quantity);
            const double direction = trade.isLong ? 1.0 : -1.0;
            trade.pnl = direction * (trade.exitPrice - trade.entryPrice) * trade.quantity - trade.fees;
            closed << trade;
        }
        if (remaining > residue) {
            // What was not closing anything opens (or adds to) a position on the fill's side.
            book.isLong = buying;
            book.lots.push_back(OpenLot{remaining, fill.price, fill.fee * (remaining / fill.quantity), fill.atMs,
                                        fill.proposalId, fill.strategy});
        }
    }
    return closed;
}

} // namespace sentinel
