// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/SignalMessage.h"
#include "trading/TradeProposal.h"

#include <chrono>

namespace sentinel {

/// How long a signal stays worth delivering: a trade signal an hour old is history, not advice.
inline constexpr std::chrono::seconds tradeSignalLifetime{3600};
/// A test message that has not arrived in ten minutes proves nothing any more.
inline constexpr std::chrono::seconds testMessageLifetime{600};

/// The message that tells the operator's channels about `proposal` (an executed trade, or a
/// signal in signal-only mode): `headline` first, then the strategy's reason.
[[nodiscard]] SignalMessage tradeSignal(const TradeProposal& proposal, const QString& headline, const QDateTime& now);
/// The question that puts a pending proposal to the operator: Telegram shows it with Approve and
/// Reject buttons (ADR 0132). Made from the proposal alone, so the same text can be rendered
/// again when the message is edited to show the outcome.
[[nodiscard]] SignalMessage proposalQuestion(const TradeProposal& proposal);
/// A message that only proves delivery works (the Delivery panel's Send Test Message).
[[nodiscard]] SignalMessage testSignal(const QDateTime& now);

} // namespace sentinel
