// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/StaleEpisodeTracker.h"

namespace sentinel {

EpisodeEvent StaleEpisodeTracker::observe(const FreshnessVerdict& verdict)
{
    const std::optional<qint64> bar = verdict.actualBar ? std::optional<qint64>(verdict.actualBar->openMs) : std::nullopt;
    if (!verdict.allowsEntries()) {
        if (m_episodeStartMs)
            return EpisodeEvent::None;
        m_episodeStartMs = verdict.atMs;
        m_barAtStartMs = bar;
        return EpisodeEvent::RaiseAlert;
    }
    if (!m_episodeStartMs)
        return EpisodeEvent::None;
    const bool newerData = bar && (!m_barAtStartMs || *bar > *m_barAtStartMs);
    if (!newerData)
        return EpisodeEvent::None;
    m_lastDurationMs = verdict.atMs - *m_episodeStartMs;
    m_episodeStartMs.reset();
    m_barAtStartMs.reset();
    return EpisodeEvent::Recovered;
}

} // namespace sentinel
