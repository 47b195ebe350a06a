// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TradeSignals.h"

#include <QUuid>

#include <algorithm>

namespace sentinel {

SignalMessage tradeSignal(const TradeProposal& proposal, const QString& headline, const QDateTime& now)
{
    SignalMessage message;
    message.id = proposal.id;
    message.instrumentKey = proposal.instrument.key();
    message.side = proposal.isExit ? QStringLiteral("EXIT") : sideName(proposal.side).toUpper();
    message.price = proposal.price;
    message.text = headline + QStringLiteral("\n") + proposal.strategyReason;
    message.createdAt = now;
    message.expiresAt = now.addSecs(tradeSignalLifetime.count());
    return message;
}

SignalMessage proposalQuestion(const TradeProposal& proposal)
{
    SignalMessage message;
    message.id = QStringLiteral("ask-") + proposal.id;
    message.instrumentKey = proposal.instrument.key();
    message.side = proposal.isExit ? QStringLiteral("EXIT") : sideName(proposal.side).toUpper();
    message.price = proposal.price;
    const qint64 minutes = std::max<qint64>(1, (proposal.createdAt.secsTo(proposal.expiresAt) + 59) / 60);
    message.text = QStringLiteral("Proposal: %1 %2 %3 @ %4, answer within %5 min\n%6\nVaR %7 % -> %8 %; data %9")
                       .arg(proposal.isExit ? QStringLiteral("exit") : sideName(proposal.side), QString::number(proposal.quantity),
                            proposal.instrument.symbol, QString::number(proposal.price, 'g', 10), QString::number(minutes),
                            proposal.strategyReason, QString::number(proposal.varBefore * 100, 'f', 2),
                            QString::number(proposal.varAfter * 100, 'f', 2), proposal.freshness);
    message.createdAt = proposal.createdAt;
    message.expiresAt = proposal.expiresAt; // a question nobody can answer any more is not sent
    message.decisionFor = proposal.id;
    return message;
}

SignalMessage testSignal(const QDateTime& now)
{
    SignalMessage message;
    message.id = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    message.side = QStringLiteral("TEST");
    message.text = QStringLiteral("Trade Sentinel test message: delivery works.");
    message.createdAt = now;
    message.expiresAt = now.addSecs(testMessageLifetime.count());
    return message;
}

} // namespace sentinel
