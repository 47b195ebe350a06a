// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/CacheBase.h"
#include "common/Clock.h"
#include "common/Error.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <chrono>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace sentinel {

/// An in-memory cache with a validity per entry, a size bound with least-recently-used
/// eviction, single-flight loading and statistics. Lives in one thread (the engine's); it is
/// not synchronised.
///
/// Validity: put() uses the default time to live, put(ttl) another one, and putUntil() an
/// explicit instant computed by the caller, which is how schedule-aware expiry plugs in (the
/// caller asks the market calendar when the next bar can exist). An entry is valid while
/// `clock.now() < validUntil`.
///
/// Single flight: getOrFetch() starts at most one fetch per key; requests arriving while it
/// is under way wait for it and are all answered when it completes, with the value or with
/// the same error. Errors are never stored, so the next request after a failure fetches
/// again. A hit answers before getOrFetch() returns; a miss answers when the fetch resolves.
/// invalidate() while a fetch is under way answers that fetch's waiters but does not store
/// its result, and the next request starts a fresh fetch (a trade must never be followed by a
/// portfolio read from before it).
///
/// Disabled (`cache.enabled: false`): every request fetches and nothing is stored or shared.
template <typename Key, typename Value>
class TtlCache final : public CacheBase
{
public:
    /// Completes a load with the value or an error, and optionally the instant until which the
    /// value is valid (an invalid QDateTime means the default time to live from now).
    /// Calling it more than once has no further effect.
    using Resolve = std::function<void(Result<Value> result, QDateTime validUntil)>;
    using Fetch = std::function<void(Resolve resolve)>;
    using Done = std::function<void(const Result<Value>& result)>;

    TtlCache(QString name, Clock& clock, std::chrono::milliseconds defaultTtl, qsizetype capacity,
             bool enabled = true)
        : CacheBase(std::move(name), clock, enabled),
          m_defaultTtl(defaultTtl),
          m_capacity(std::max<qsizetype>(1, capacity))
    {
    }

    [[nodiscard]] std::chrono::milliseconds defaultTtl() const { return m_defaultTtl; }
    [[nodiscard]] qsizetype size() const override { return m_entries.size(); }
    [[nodiscard]] qsizetype capacity() const override { return m_capacity; }

    /// The value if present and valid; counts a hit, a miss (and an expiration if it had
    /// expired) and refreshes the entry's recency.
    [[nodiscard]] std::optional<Value> get(const Key& key)
    {
        if (!enabled()) {
            ++m_counters.misses;
            ++m_counters.bypassed;
            return std::nullopt;
        }
        if (const Node* node = findValid(key)) {
            ++m_counters.hits;
            return node->value;
        }
        ++m_counters.misses;
        return std::nullopt;
    }

    /// Whether a valid entry exists; changes no counter and no recency.
    [[nodiscard]] bool contains(const Key& key) const
    {
        const auto it = m_entries.constFind(key);
        return it != m_entries.cend() && clock().nowMs() < it->validUntilMs;
    }

    [[nodiscard]] std::optional<QDateTime> validUntil(const Key& key) const
    {
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend())
            return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(it->validUntilMs, Qt::UTC);
    }

    void put(const Key& key, Value value) { put(key, std::move(value), m_defaultTtl); }
    void put(const Key& key, Value value, std::chrono::milliseconds ttl)
    {
        store(key, std::move(value), clock().nowMs() + ttl.count());
    }
    /// Stores a value valid until `validUntil`; one already past (or invalid) stores nothing
    /// and drops the key's old entry.
    void putUntil(const Key& key, Value value, const QDateTime& validUntil)
    {
        store(key, std::move(value), validUntil.isValid() ? validUntil.toMSecsSinceEpoch() : 0);
    }

    /// Drops the key's entry and detaches a fetch under way from the cache. Returns whether
    /// there was anything to drop.
    bool invalidate(const Key& key)
    {
        bool dropped = false;
        if (const auto it = m_entries.find(key); it != m_entries.end()) {
            m_lru.erase(it->lru);
            m_entries.erase(it);
            dropped = true;
        }
        if (const auto it = m_flights.find(key); it != m_flights.end()) {
            it.value()->stale = true;
            m_flights.erase(it);
            dropped = true;
        }
        return dropped;
    }

    void clear() override
    {
        m_entries.clear();
        m_lru.clear();
        for (const auto& flight : std::as_const(m_flights))
            flight->stale = true;
        m_flights.clear();
    }

    /// Removes every expired entry (counted as expirations); returns how many.
    qsizetype purgeExpired()
    {
        const qint64 now = clock().nowMs();
        qsizetype purged = 0;
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (now >= it->validUntilMs) {
                m_lru.erase(it->lru);
                it = m_entries.erase(it);
                ++purged;
            } else {
                ++it;
            }
        }
        m_counters.expirations += purged;
        return purged;
    }

    [[nodiscard]] bool isFetching(const Key& key) const { return m_flights.contains(key); }

    /// Answers from memory, or joins the fetch under way for `key`, or starts `fetch`.
    void getOrFetch(const Key& key, Fetch fetch, Done done)
    {
        std::weak_ptr<int> alive = m_alive;
        if (!enabled()) {
            ++m_counters.misses;
            ++m_counters.bypassed;
            ++m_counters.loads;
            auto answered = std::make_shared<bool>(false);
            fetch([this, alive, answered, done = std::move(done)](Result<Value> result, const QDateTime&) {
                if (alive.expired() || *answered)
                    return;
                *answered = true;
                if (!result.ok())
                    ++m_counters.loadErrors;
                done(result);
            });
            return;
        }
        if (const Node* node = findValid(key)) {
            ++m_counters.hits;
            done(Result<Value>(node->value));
            return;
        }
        if (const auto it = m_flights.constFind(key); it != m_flights.cend()) {
            ++m_counters.coalesced;
            it.value()->waiters.push_back(std::move(done));
            return;
        }
        ++m_counters.misses;
        ++m_counters.loads;
        auto flight = std::make_shared<Flight>();
        flight->waiters.push_back(std::move(done));
        m_flights.insert(key, flight);
        fetch([this, alive, key, flight](Result<Value> result, const QDateTime& validUntil) {
            if (alive.expired() || flight->finished)
                return;
            flight->finished = true;
            if (const auto it = m_flights.find(key); it != m_flights.end() && it.value() == flight)
                m_flights.erase(it);
            if (!result.ok())
                ++m_counters.loadErrors;
            else if (!flight->stale)
                store(key, result.value(),
                      validUntil.isValid() ? validUntil.toMSecsSinceEpoch()
                                           : clock().nowMs() + m_defaultTtl.count());
            // Moved out first: a waiter may ask again and start the next flight for this key.
            const std::vector<Done> waiters = std::move(flight->waiters);
            for (const Done& waiter : waiters)
                waiter(result);
        });
    }

private:
    struct Node {
        Value value;
        qint64 validUntilMs = 0;
        typename std::list<Key>::iterator lru;
    };
    struct Flight {
        std::vector<Done> waiters;
        bool stale = false;
        bool finished = false;
    };

    const Node* findValid(const Key& key)
    {
        const auto it = m_entries.find(key);
        if (it == m_entries.end())
            return nullptr;
        if (clock().nowMs() >= it->validUntilMs) {
            ++m_counters.expirations;
            m_lru.erase(it->lru);
            m_entries.erase(it);
            return nullptr;
        }
        m_lru.splice(m_lru.begin(), m_lru, it->lru);
        return &it.value();
    }

    void store(const Key& key, Value value, qint64 validUntilMs)
    {
        if (!enabled())
            return;
        if (validUntilMs <= clock().nowMs()) {
            if (const auto it = m_entries.find(key); it != m_entries.end()) {
                m_lru.erase(it->lru);
                m_entries.erase(it);
            }
            return;
        }
        if (const auto it = m_entries.find(key); it != m_entries.end()) {
            it->value = std::move(value);
            it->validUntilMs = validUntilMs;
            m_lru.splice(m_lru.begin(), m_lru, it->lru);
            return;
        }
        if (m_entries.size() >= m_capacity)
            evictLeastRecentlyUsed();
        m_lru.push_front(key);
        m_entries.insert(key, Node{std::move(value), validUntilMs, m_lru.begin()});
    }

    void evictLeastRecentlyUsed()
    {
        const auto it = m_entries.find(m_lru.back());
        // An entry that had expired anyway is an expiration, not a loss of a valid value.
        if (clock().nowMs() >= it->validUntilMs)
            ++m_counters.expirations;
        else
            ++m_counters.evictions;
        m_entries.erase(it);
        m_lru.pop_back();
    }

    std::chrono::milliseconds m_defaultTtl;
    qsizetype m_capacity;
    QHash<Key, Node> m_entries;
    std::list<Key> m_lru; ///< most recently used first
    QHash<Key, std::shared_ptr<Flight>> m_flights;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace sentinel
