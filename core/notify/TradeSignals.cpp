// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TradeSignals.h"

#include <QUuid>

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
