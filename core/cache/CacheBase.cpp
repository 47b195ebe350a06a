// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CacheBase.h"

#include "common/Clock.h"

namespace sentinel {

CacheBase::CacheBase(QString name, Clock& clock, bool enabled)
    : m_name(std::move(name)), m_clock(clock), m_enabled(enabled)
{
}

CacheBase::~CacheBase() = default;

CacheStats CacheBase::stats() const
{
    CacheStats s;
    s.name = m_name;
    s.backend = m_enabled ? m_backend : QStringLiteral("none");
    s.enabled = m_enabled;
    s.degraded = m_enabled && m_degraded;
    s.hits = m_counters.hits;
    s.coalesced = m_counters.coalesced;
    s.misses = m_counters.misses;
    s.bypassed = m_counters.bypassed;
    s.loads = m_counters.loads;
    s.sharedHits = m_counters.sharedHits;
    s.loadErrors = m_counters.loadErrors;
    s.expirations = m_counters.expirations;
    s.evictions = m_counters.evictions;
    s.entries = size();
    s.capacity = capacity();
    return s;
}

} // namespace sentinel
