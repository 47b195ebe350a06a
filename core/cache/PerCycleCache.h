// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/TtlCache.h"

namespace sentinel {

/// Fetches a value (the portfolio) at most once per decision cycle, so every step of a cycle
/// sees the same snapshot, and forgets it the moment a trade executes or fills.
///
/// A thin view over a TtlCache<quint64, Value> keyed by cycle id (the registry owns the cache
/// and reports its statistics). Its time to live (`cache.ttl.portfolio`) bounds how long one
/// cycle may keep using a snapshot; a new cycle id always fetches afresh, and requests made
/// while the fetch is under way share it.
template <typename Value>
class PerCycleCache
{
public:
    using Cache = TtlCache<quint64, Value>;

    explicit PerCycleCache(Cache& cache) : m_cache(cache) {}

    /// Answers from this cycle's snapshot or fetches it (see TtlCache::getOrFetch).
    void get(quint64 cycleId, typename Cache::Fetch fetch, typename Cache::Done done)
    {
        if (cycleId != m_cycleId) {
            // A snapshot from an earlier cycle is never reused: drop it without counting it
            // as an eviction.
            m_cache.invalidate(m_cycleId);
            m_cycleId = cycleId;
        }
        m_cache.getOrFetch(cycleId, std::move(fetch), std::move(done));
    }

    /// Call when a trade executes or fills: the next get() fetches, even within the cycle.
    void invalidate() { m_cache.invalidate(m_cycleId); }

    [[nodiscard]] quint64 cycleId() const { return m_cycleId; }
    [[nodiscard]] Cache& cache() const { return m_cache; }

private:
    Cache& m_cache;
    quint64 m_cycleId = 0;
};

} // namespace sentinel
