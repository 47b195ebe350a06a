// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ClosedTradesCsv.h"

#include "report/CsvCells.h"
#include "report/PerformanceReport.h"

#include <QStringList>

namespace sentinel {

QByteArray closedTradesCsv(const QList<ClosedTrade>& trades)
{
    QStringList lines{QStringLiteral("closed_at,opened_at,instrument,strategy,direction,quantity,entry_price,exit_price,fees,pnl,"
                                     "entry_proposal,exit_proposal")};
    for (const ClosedTrade& trade : trades) {
        lines << QStringList{csvcell::instant(trade.closedAtMs),
                             csvcell::instant(trade.openedAtMs),
                             csvcell::text(trade.instrumentKey),
                             csvcell::text(reportedStrategy(trade.strategy)),
                             trade.isLong ? QStringLiteral("long") : QStringLiteral("short"),
                             csvcell::number(trade.quantity),
                             csvcell::number(trade.entryPrice),
                             csvcell::number(trade.exitPrice),
                             csvcell::number(trade.fees),
                             csvcell::number(trade.pnl),
                             csvcell::text(trade.entryProposalId),
                             csvcell::text(trade.exitProposalId)}
                     .join(u',');
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

} // namespace sentinel
