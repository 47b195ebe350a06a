// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RedisRateBudget.h"

namespace sentinel {

namespace {

// Drops the requests that left the window, then takes one if fewer than the limit remain: -1.
// Otherwise the instant the oldest leaves the window (when the next may go). The set expires
// two windows after its last request, so an idle budget leaves nothing behind.
// KEYS: the budget's set. ARGV: now ms (the desks' Clock), window ms, limit, member.
constexpr char kTakeScript[] =
    "local now = tonumber(ARGV[1]) local window = tonumber(ARGV[2]) "
    "redis.call('zremrangebyscore', KEYS[1], '-inf', now - window) "
    "if redis.call('zcard', KEYS[1]) < tonumber(ARGV[3]) then "
    "redis.call('zadd', KEYS[1], now, ARGV[4]) redis.call('pexpire', KEYS[1], 2 * window) return -1 end "
    "local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES') "
    "return tonumber(oldest[2]) + window";

} // namespace

RedisRateBudget::RedisRateBudget(RedisBackend* redis) : m_redis(redis) {}

void RedisRateBudget::take(const QByteArray& budget, qint64 nowMs, int limit, qint64 windowMs, Done done)
{
    if (!m_redis) {
        done(Answer{true, 0, false});
        return;
    }
    const QByteArray member = m_redis->ownerId() + ':' + QByteArray::number(++m_taken);
    m_redis->evalInteger(kTakeScript, {QByteArrayLiteral("rate:") + budget},
                        {QByteArray::number(nowMs), QByteArray::number(windowMs), QByteArray::number(limit), member},
                        [done = std::move(done)](std::optional<qint64> answer) {
                            if (!answer) {
                                done(Answer{true, 0, false});
                                return;
                            }
                            if (*answer < 0)
                                done(Answer{true, 0, true});
                            else
                                done(Answer{false, *answer, true});
                        });
}

} // namespace sentinel
