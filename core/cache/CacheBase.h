// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/CacheStats.h"

#include <QString>

namespace sentinel {

class Clock;

/// The part of every cache that does not depend on its key and value types: name, clock,
/// the enabled switch, counters and the stats snapshot. Lets CacheRegistry hold caches of
/// different types and report them uniformly.
class CacheBase
{
public:
    CacheBase(QString name, Clock& clock, bool enabled);
    virtual ~CacheBase();
    CacheBase(const CacheBase&) = delete;
    CacheBase& operator=(const CacheBase&) = delete;

    [[nodiscard]] const QString& name() const { return m_name; }
    /// False is the rollback switch: every lookup fetches, nothing is stored.
    [[nodiscard]] bool enabled() const { return m_enabled; }
    [[nodiscard]] Clock& clock() const { return m_clock; }

    [[nodiscard]] virtual qsizetype size() const = 0;
    [[nodiscard]] virtual qsizetype capacity() const = 0;
    /// Drops every entry; not counted as evictions. Fetches under way are not stored.
    virtual void clear() = 0;

    [[nodiscard]] CacheStats stats() const;

    /// Set by whoever fronts this cache with a shared backend.
    void setBackend(const QString& backend) { m_backend = backend; }
    void setDegraded(bool degraded) { m_degraded = degraded; }
    /// A load was answered by the shared backend (another desk fetched it).
    void recordSharedHit() { ++m_counters.sharedHits; }

protected:
    struct Counters {
        quint64 hits = 0;
        quint64 coalesced = 0;
        quint64 misses = 0;
        quint64 bypassed = 0;
        quint64 loads = 0;
        quint64 sharedHits = 0;
        quint64 loadErrors = 0;
        quint64 expirations = 0;
        quint64 evictions = 0;
    };
    Counters m_counters;

private:
    QString m_name;
    Clock& m_clock;
    bool m_enabled;
    QString m_backend = QStringLiteral("memory");
    bool m_degraded = false;
};

} // namespace sentinel
