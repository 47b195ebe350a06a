// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>

namespace sentinel {

/// Mean and sample standard deviation (n − 1) of a series, by Welford's update, which stays
/// accurate when the mean is large against the spread. Deviation 0 for fewer than two values.
struct SampleMoments {
    double mean = 0.0;
    double deviation = 0.0;

    [[nodiscard]] static SampleMoments of(std::span<const double> values);
};

} // namespace sentinel
