// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CacheRegistry.h"

#include "common/Log.h"

#include "providers/SharedRateBudget.h"

#if SENTINEL_WITH_REDIS
#include "cache/RedisBackend.h"
#include "cache/RedisRateBudget.h"
#endif

namespace sentinel {

CacheRegistry::CacheRegistry(CacheSettings settings, Clock& clock, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)), m_clock(clock)
{
    m_sharedWanted = m_settings.enabled && m_settings.backend == CacheBackend::Redis;
    if (!m_sharedWanted)
        return;
#if SENTINEL_WITH_REDIS
    auto endpoint = RedisBackend::parseUrl(m_settings.redisUrl);
    if (!endpoint.ok()) {
        m_issues << Issue{Issue::Severity::Error, QStringLiteral("cache.redis_url"), endpoint.error().message,
                          endpoint.error().remedy};
        m_sharedDegraded = true;
        return;
    }
    m_redis = new RedisBackend(endpoint.value(), m_clock, this);
    m_rateBudget = std::make_shared<RedisRateBudget>(m_redis);
    connect(m_redis, &RedisBackend::backendDegraded, this, [this](const QString& reason) {
        setSharedDegraded(true);
        Q_EMIT backendDegraded(reason);
    });
    connect(m_redis, &RedisBackend::backendRecovered, this, [this] {
        setSharedDegraded(false);
        Q_EMIT backendRecovered();
    });
#else
    m_issues << Issue{Issue::Severity::Warning, QStringLiteral("cache.backend"),
                      QStringLiteral("this build has no Redis support; caching in memory only"),
                      QStringLiteral("use cache.backend: memory, or a build configured with "
                                     "-DSENTINEL_WITH_REDIS=ON")};
    m_sharedDegraded = true;
#endif
}

CacheRegistry::~CacheRegistry() = default;

void CacheRegistry::start()
{
#if SENTINEL_WITH_REDIS
    if (m_redis)
        m_redis->start();
#endif
}

std::optional<std::chrono::milliseconds> CacheRegistry::configuredTtl(const CacheTtls& ttls, QStringView name)
{
    const std::pair<QStringView, std::chrono::seconds> known[] = {
        {cachenames::portfolio, ttls.portfolio}, {cachenames::quote, ttls.quote},
        {cachenames::indicators, ttls.indicators}, {cachenames::sentiment, ttls.sentiment},
        {cachenames::macro, ttls.macro}, {cachenames::regime, ttls.regime},
    };
    for (const auto& [knownName, ttl] : known) {
        if (knownName == name)
            return ttl;
    }
    return std::nullopt;
}

void CacheRegistry::adopt(std::unique_ptr<CacheBase> cache, Sharing sharing)
{
    Q_ASSERT_X(!find(cache->name()), "CacheRegistry::create", "cache names must be unique");
    if (sharing == Sharing::Shared && m_sharedWanted) {
        cache->setBackend(QStringLiteral("redis"));
        cache->setDegraded(m_sharedDegraded);
        m_shared.push_back(cache.get());
    }
    m_caches.push_back(std::move(cache));
}

void CacheRegistry::setSharedDegraded(bool degraded)
{
    m_sharedDegraded = degraded;
    for (CacheBase* cache : m_shared)
        cache->setDegraded(degraded);
}

CacheBase* CacheRegistry::find(QStringView name) const
{
    for (const auto& cache : m_caches) {
        if (cache->name() == name)
            return cache.get();
    }
    return nullptr;
}

CacheStatsList CacheRegistry::snapshot() const
{
    CacheStatsList list;
    list.reserve(qsizetype(m_caches.size()));
    for (const auto& cache : m_caches)
        list.append(cache->stats());
    return list;
}

void CacheRegistry::clearAll()
{
    for (const auto& cache : m_caches)
        cache->clear();
}

RedisBackend* CacheRegistry::sharedBackend() const
{
    return m_redis;
}

} // namespace sentinel
