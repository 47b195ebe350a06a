// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/RetryPolicy.h"

#include <algorithm>

namespace sentinel {

RetryPolicy::RetryPolicy(std::chrono::milliseconds base, std::chrono::milliseconds cap, std::uint64_t seed)
    : m_base(std::max(base, std::chrono::milliseconds(1))), m_cap(std::max(cap, m_base)), m_random(seed)
{
}

std::chrono::milliseconds RetryPolicy::delay(int consecutiveFailures)
{
    const int exponent = std::clamp(consecutiveFailures - 1, 0, 30);
    const auto raw = m_base.count() * (std::int64_t(1) << exponent);
    const std::int64_t full = std::min<std::int64_t>(raw, m_cap.count());
    const std::int64_t half = full / 2;
    std::uniform_int_distribution<std::int64_t> jitter(0, full - half);
    return std::chrono::milliseconds(half + jitter(m_random));
}

} // namespace sentinel
