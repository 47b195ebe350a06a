// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Config.h"

#include <QDateTime>

#include <chrono>

namespace sentinel {

/// The embedded demo profile trades a simulated market, so which seed its prices come from
/// changes nothing a user could rely on; whether a new user sees the approval flow in their first
/// minutes does (issue 17). Among `candidates` seeds from `first`, the first whose simulated
/// market makes the configured rule strategy propose an entry on a watchlist instrument at a bar
/// closing within `within` after `now` (flat, as a new paper account is). `first` when none does,
/// when the provider is not the simulated feed, or when the strategy is not a rule strategy.
/// Only instruments trading around the clock are looked at (crypto on the default sessions), so
/// the answer does not depend on exchange calendars.
[[nodiscard]] quint64 demoOpeningSeed(const Config& config, const QDateTime& now, std::chrono::seconds within,
                                      quint64 first, int candidates = 400);

} // namespace sentinel
