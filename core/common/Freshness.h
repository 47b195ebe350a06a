// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sentinel {

/// How current an instrument's data is, as the freshness gate judges it, carried unchanged from
/// the gate through the risk gate to the watchlist. Fresh and Warn allow entries; Stale and
/// Unknown (nothing judged yet) block them, never exits.
enum class Freshness { Unknown, Fresh, Warn, Stale };

/// "unknown", "fresh", "warn", "stale": the spelling of JSON, journals and logs.
[[nodiscard]] QString freshnessName(Freshness freshness);

} // namespace sentinel
