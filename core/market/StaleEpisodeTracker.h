// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/FreshnessGate.h"

#include <optional>

namespace sentinel {

/// What the engine should do after a verdict.
enum class EpisodeEvent {
    None,        ///< nothing changed (still fresh, or still in the same stale episode)
    RaiseAlert,  ///< fresh → stale: one alert for the whole episode
    Recovered,   ///< stale → fresh with newer data: the episode is over
};

/// Turns a stream of verdicts for one instrument into alert episodes: one alert when data goes
/// stale, silence while it stays stale, one recovery when fresh data returns. An episode only
/// ends on a bar newer than the one held when it began: a verdict that turns fresh merely
/// because the market closed (and the closed tolerance is wider) is not a recovery.
/// Pure logic; one tracker per instrument.
class StaleEpisodeTracker
{
public:
    EpisodeEvent observe(const FreshnessVerdict& verdict);

    [[nodiscard]] bool inEpisode() const { return m_episodeStartMs.has_value(); }
    /// When the current episode began (nothing outside an episode).
    [[nodiscard]] std::optional<qint64> episodeStartMs() const { return m_episodeStartMs; }
    /// How long the last finished episode lasted.
    [[nodiscard]] std::optional<qint64> lastEpisodeDurationMs() const { return m_lastDurationMs; }

private:
    std::optional<qint64> m_episodeStartMs;
    std::optional<qint64> m_barAtStartMs;
    std::optional<qint64> m_lastDurationMs;
};

} // namespace sentinel
