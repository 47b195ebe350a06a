// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/SampleMoments.h"

#include <cmath>
#include <cstddef>

namespace sentinel {

SampleMoments SampleMoments::of(std::span<const double> values)
{
    double mean = 0.0;
    double squares = 0.0;
    std::size_t n = 0;
    for (const double value : values) {
        ++n;
        const double delta = value - mean;
        mean += delta / double(n);
        squares += delta * (value - mean);
    }
    return {mean, n > 1 ? std::sqrt(squares / double(n - 1)) : 0.0};
}

} // namespace sentinel
