// SPDX-License-Identifier: GPL-3.0-or-later
#include "KnownTrades.h"

#include "journal/Journal.h"
#include "trading/Order.h"
#include "trading/TradeProposal.h"

namespace sentinel::test {

namespace {

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, 3, day), QTime(hour, minute), Qt::UTC);
}

} // namespace

QList<KnownFill> KnownTrades::fills()
{
    const QString sma = QStringLiteral("sma_cross");
    const QString rsi = QStringLiteral("rsi_reversion");
    const QString aapl = QStringLiteral("AAPL");
    const QString msft = QStringLiteral("MSFT");
    return {
        {aapl, sma, Side::Buy, 10, 100, 1, at(4, 14)},
        {aapl, sma, Side::Sell, 10, 110, 1, at(4, 16)},
        {msft, rsi, Side::Buy, 20, 50, 0.5, at(5, 14)},
        {aapl, sma, Side::Buy, 10, 120, 1, at(6, 14, 30)},
        {msft, rsi, Side::Sell, 20, 45, 0.5, at(6, 15)},
        {aapl, sma, Side::Sell, 4, 130, 0.4, at(6, 17)},
        {aapl, sma, Side::Sell, 6, 115, 0.6, at(7, 15)},
        {aapl, sma, Side::Buy, 1, 200, 0.02, at(8, 15)},
    };
}

Status KnownTrades::write(const QString& path)
{
    auto journal = Journal::open(path);
    if (!journal)
        return journal.error();
    int number = 0;
    for (const KnownFill& known : fills()) {
        ++number;
        const Instrument instrument{known.symbol, QStringLiteral("XNYS"), Interval::Min5};
        TradeProposal proposal = TradeProposal::create(instrument, known.side, known.quantity, known.price,
                                                       known.at.addSecs(-60), known.at.addSecs(600));
        proposal.strategy = known.strategy;
        proposal.strategyReason = QStringLiteral("known trade %1").arg(number);
        proposal.isExit = known.side == Side::Sell;
        proposal.verdict = RiskVerdictSummary{true, {QStringLiteral("test")}};
        proposal.freshness = QStringLiteral("fresh");
        if (Status status = journal.value()->recordProposal(proposal); !status)
            return status;
        if (Status status = journal.value()->recordDecision(proposal.id, Decision::Approve, QStringLiteral("test"),
                                                            QStringLiteral("tester"), known.at.addSecs(-30));
            !status)
            return status;
        const Fill fill{proposal.clientOrderId, QStringLiteral("order-%1").arg(number), instrument.key(), known.side,
                        known.price, known.quantity, known.fee, known.at, false};
        if (auto recorded = journal.value()->recordExecution(proposal.id, fill); !recorded)
            return recorded.error();
    }
    return okStatus();
}

} // namespace sentinel::test
