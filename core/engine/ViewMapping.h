// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/CacheStats.h"
#include "engine/Snapshots.h"
#include "journal/Alert.h"
#include "notify/DeliveryStats.h"
#include "trading/Portfolio.h"
#include "trading/TradeProposal.h"

// Translations from the modules' own types to the immutable values the UI receives.

namespace sentinel {

[[nodiscard]] ProposalView toView(const TradeProposal& proposal);
[[nodiscard]] AlertView toView(const Alert& alert);
[[nodiscard]] CacheSnapshot toView(const CacheStats& stats);
[[nodiscard]] DeliverySnapshot toView(const DeliveryStats& stats, bool offline);
[[nodiscard]] PortfolioView toView(const PortfolioSnapshot& portfolio);

} // namespace sentinel
