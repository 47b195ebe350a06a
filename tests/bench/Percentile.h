// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace sentinel::bench {

/// The sample at `fraction` (0.99 for p99) of `samples`, nearest rank: what the absolute-target
/// benches report.
template <typename T>
T percentile(std::vector<T> samples, double fraction)
{
    std::sort(samples.begin(), samples.end());
    const auto rank = std::size_t(std::max(0.0, fraction * double(samples.size()) - 1e-9));
    return samples.at(std::min(rank, samples.size() - 1));
}

} // namespace sentinel::bench
