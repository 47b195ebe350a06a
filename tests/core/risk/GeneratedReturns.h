// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/NormalDistribution.h"

#include <cmath>
#include <random>
#include <vector>

namespace sentinel::test {

/// Seeded synthetic daily returns for property tests and benchmarks: normal with the given
/// volatility and drift, plus an occasional jump (one return in `jumpEvery` is tripled) so the
/// tails are fatter than the normal, as real returns are. Same seed, same series, on every platform.
inline std::vector<double> generatedReturns(std::size_t count, quint64 seed, double volatility = 0.01,
                                            double drift = 0.0002, std::size_t jumpEvery = 25)
{
    std::mt19937_64 engine(seed);
    std::vector<double> returns;
    returns.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double uniform = (double(engine() >> 11) + 0.5) * 0x1.0p-53;
        double value = volatility * inverseNormalCdf(uniform);
        if (jumpEvery > 0 && engine() % jumpEvery == 0)
            value *= 3.0;
        returns.push_back(drift + value);
    }
    return returns;
}

} // namespace sentinel::test
