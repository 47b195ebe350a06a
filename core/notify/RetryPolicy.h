// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <random>

namespace sentinel {

/// Exponential back-off with "equal jitter": the n-th consecutive failure waits
/// d/2 + uniform(0, d/2) with d = min(cap, base * 2^(n-1)). Half the delay is fixed, so until the
/// cap a delay never shrinks from one failure to the next (then it stays within [cap/2, cap]),
/// and the random half spreads the retries of many clients. The generator is seeded by the caller so tests are reproducible.
class RetryPolicy final
{
public:
    RetryPolicy(std::chrono::milliseconds base = std::chrono::seconds(2),
                std::chrono::milliseconds cap = std::chrono::minutes(10),
                std::uint64_t seed = std::random_device{}());

    /// Delay before the next attempt after `consecutiveFailures` (>= 1) failures in a row.
    [[nodiscard]] std::chrono::milliseconds delay(int consecutiveFailures);

    [[nodiscard]] std::chrono::milliseconds base() const { return m_base; }
    [[nodiscard]] std::chrono::milliseconds cap() const { return m_cap; }

private:
    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_cap;
    std::mt19937_64 m_random;
};

} // namespace sentinel
