// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Error.h"

#include <QDateTime>

#include <chrono>

namespace sentinel::advisor {

/// When a model server's breaker opens and for how long (docs/adr/0128-advisor-provider-pool.md).
struct BreakerSettings {
    int threshold = 3;                                            ///< consecutive outages that open it
    std::chrono::milliseconds cooldown{std::chrono::seconds(30)}; ///< first open period
    std::chrono::milliseconds maxCooldown{std::chrono::minutes(10)};
};

enum class BreakerState { Closed, Open, HalfOpen };

/// Whether a failure says the server is down (no answer, a deadline, 5xx, a cut stream) rather
/// than that it answered something we refuse: only outages count toward the breaker.
[[nodiscard]] bool isOutage(const Error& error);

/// The circuit breaker of one model server: `threshold` consecutive outages open it for a
/// cool-down; once that has passed it is half-open and one probe decides: success closes it
/// (and resets the cool-down), failure re-opens it for twice as long, up to `maxCooldown`.
/// Not a QObject and no timers: the pool reads the Clock through it and schedules the probe,
/// so the rule is tested on its own. Same rule as RateLimiter's breaker, which is woven into
/// its queue and cannot be reused here.
class ProviderBreaker
{
public:
    ProviderBreaker(const Clock& clock, BreakerSettings settings);

    /// Open turns half-open here once the cool-down has passed.
    [[nodiscard]] BreakerState state() const;
    /// The server answered: closes a half-open breaker and forgets earlier outages.
    void recordSuccess();
    /// An outage: counts toward opening; in half-open it re-opens with the cool-down doubled.
    void recordFailure();

    [[nodiscard]] int consecutiveFailures() const { return m_failures; }
    /// When an open breaker turns half-open; invalid while closed.
    [[nodiscard]] QDateTime retryAt() const;
    /// The cool-down the breaker is open for now, or will be when it next opens.
    [[nodiscard]] std::chrono::milliseconds cooldown() const { return m_cooldown; }

private:
    void open();

    const Clock& m_clock;
    BreakerSettings m_settings;
    bool m_open = false;
    int m_failures = 0;
    qint64 m_openUntilMs = 0;
    std::chrono::milliseconds m_cooldown;
};

} // namespace sentinel::advisor
