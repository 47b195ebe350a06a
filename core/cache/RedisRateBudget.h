// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/SharedRateBudget.h"

#include "cache/RedisBackend.h"

#include <QByteArray>
#include <QPointer>

namespace sentinel {

/// The shared rate windows of several desks on one account (ADR 0126), in the Redis server they
/// already share their caches through: one sorted set per budget (`rate:<budget>`), scored by
/// the desks' Clock, trimmed to the window and counted in one script, so two desks can never both
/// take the last request. When Redis is unavailable a request is granted unshared, and each desk's
/// own window still holds.
class RedisRateBudget final : public SharedRateBudget
{
public:
    /// Once `redis` is gone (the desk shutting down), every request is granted unshared.
    explicit RedisRateBudget(RedisBackend* redis);

    void take(const QByteArray& budget, qint64 nowMs, int limit, qint64 windowMs, Done done) override;

private:
    QPointer<RedisBackend> m_redis;
    quint64 m_taken = 0; ///< makes each request a distinct member of the set
};

} // namespace sentinel
