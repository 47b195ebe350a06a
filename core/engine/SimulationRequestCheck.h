// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

namespace sentinel {

/// The request's problems, one sentence each, against the watchlist's instrument keys and the
/// rule strategies; empty when it can run.
[[nodiscard]] QStringList simulationRequestProblems(const SimulationRequest& request, const QStringList& watchlistKeys);

/// "2026-11-02 – 2026-11-30 · sma_cross · EUR/USD, AAPL": the range (UTC days), the strategy
/// and the instruments' symbols, for the Performance view's title.
[[nodiscard]] QString describeSimulation(const SimulationRequest& request, const QStringList& symbols);

} // namespace sentinel
