// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ClosedTradesCsv.h"

#include "report/PerformanceReport.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace sentinel {

namespace {

/// Journal text reaches a spreadsheet through this file: it must stay text there.
QString textCell(QString value)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!value.isEmpty() && formulaStarts.contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r'))
        value = u'"' + value.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    return value;
}

QString numberCell(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString instantCell(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QByteArray closedTradesCsv(const QList<ClosedTrade>& trades)
{
    QStringList lines{QStringLiteral("closed_at,opened_at,instrument,strategy,direction,quantity,entry_price,exit_price,fees,pnl,"
                                     "entry_proposal,exit_proposal")};
    for (const ClosedTrade& trade : trades) {
        lines << QStringList{instantCell(trade.closedAtMs),
                             instantCell(trade.openedAtMs),
                             textCell(trade.instrumentKey),
                             textCell(reportedStrategy(trade.strategy)),
                             trade.isLong ? QStringLiteral("long") : QStringLiteral("short"),
                             numberCell(trade.quantity),
                             numberCell(trade.entryPrice),
                             numberCell(trade.exitPrice),
                             numberCell(trade.fees),
                             numberCell(trade.pnl),
                             textCell(trade.entryProposalId),
                             textCell(trade.exitProposalId)}
                     .join(u',');
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

} // namespace sentinel
