// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/TtlCache.h"
#include "common/Issue.h"
#include "config/Config.h"

#include <QObject>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace sentinel {

class Clock;
class RedisBackend;
class SharedRateBudget;

/// Names of the caches `cache.ttl` configures, plus the bar cache (schedule-aware, no TTL).
namespace cachenames {
inline constexpr QStringView portfolio = u"portfolio";
inline constexpr QStringView quote = u"quote";
inline constexpr QStringView indicators = u"indicators";
inline constexpr QStringView sentiment = u"sentiment";
inline constexpr QStringView macro = u"macro";
inline constexpr QStringView regime = u"regime";
inline constexpr QStringView bars = u"bars";
} // namespace cachenames

/// Owns the engine's named caches, built from `cache.*` configuration, and reports them all
/// as one snapshot for the UI and the run summary. Holds the shared Redis backend when
/// `cache.backend: redis`, and forwards its degradation and recovery.
///
/// Construct in the engine thread, connect the signals, then start().
class CacheRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheRegistry)
public:
    static constexpr qsizetype kDefaultCapacity = 4096;
    /// Lifetime of entries of a cache whose name `cache.ttl` does not know.
    static constexpr std::chrono::milliseconds kFallbackTtl{60'000};

    enum class Sharing { Local, Shared };

    CacheRegistry(CacheSettings settings, Clock& clock, QObject* parent = nullptr);
    ~CacheRegistry() override;

    /// Connects the shared backend, if any.
    void start();

    /// The configured lifetime for a named cache, if `cache.ttl` has that name.
    [[nodiscard]] static std::optional<std::chrono::milliseconds> configuredTtl(const CacheTtls& ttls,
                                                                                  QStringView name);

    /// A cache with the TTL configured for `name` (kFallbackTtl for other names).
    template <typename Key, typename Value>
    TtlCache<Key, Value>& create(QStringView name, qsizetype capacity = kDefaultCapacity,
                                 Sharing sharing = Sharing::Local)
    {
        return create<Key, Value>(name, configuredTtl(m_settings.ttl, name).value_or(kFallbackTtl), capacity,
                                  sharing);
    }
    /// A cache with an explicit default TTL. `Sharing::Shared` marks it as fronted by the
    /// shared backend in its statistics (the front-end, e.g. CachedBarSource, does the sharing).
    template <typename Key, typename Value>
    TtlCache<Key, Value>& create(QStringView name, std::chrono::milliseconds ttl, qsizetype capacity,
                                 Sharing sharing = Sharing::Local)
    {
        auto cache = std::make_unique<TtlCache<Key, Value>>(name.toString(), m_clock, ttl, capacity,
                                                            m_settings.enabled);
        TtlCache<Key, Value>& ref = *cache;
        adopt(std::move(cache), sharing);
        return ref;
    }

    [[nodiscard]] CacheBase* find(QStringView name) const;
    /// Statistics of every cache, in creation order.
    [[nodiscard]] CacheStatsList snapshot() const;
    /// Drops every entry of every cache.
    void clearAll();

    [[nodiscard]] bool enabled() const { return m_settings.enabled; }
    [[nodiscard]] const CacheSettings& settings() const { return m_settings; }
    /// The Redis backend when `cache.backend: redis` is configured, valid and built in.
    [[nodiscard]] RedisBackend* sharedBackend() const;
    /// The providers' rate windows shared with the other desks through that backend (ADR 0126);
    /// null without it.
    [[nodiscard]] std::shared_ptr<SharedRateBudget> sharedRateBudget() const { return m_rateBudget; }
    /// Configuration problems found while building (bad URL, Redis not built in).
    [[nodiscard]] const Issues& issues() const { return m_issues; }

Q_SIGNALS:
    void backendDegraded(const QString& reason);
    void backendRecovered();

private:
    void adopt(std::unique_ptr<CacheBase> cache, Sharing sharing);
    void setSharedDegraded(bool degraded);

    CacheSettings m_settings;
    Clock& m_clock;
    std::vector<std::unique_ptr<CacheBase>> m_caches;
    std::vector<CacheBase*> m_shared;
    RedisBackend* m_redis = nullptr; ///< child of this
    /// Shared with the providers' limiters, which may outlive this registry.
    std::shared_ptr<SharedRateBudget> m_rateBudget;
    bool m_sharedWanted = false;
    bool m_sharedDegraded = false;
    Issues m_issues;
};

} // namespace sentinel
