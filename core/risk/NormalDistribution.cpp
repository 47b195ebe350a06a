// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/NormalDistribution.h"

#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace sentinel {

namespace {

// Peter Acklam's rational approximations (relative error below 1.15e-9), split into a central
// region and two tails; one Halley step on Φ(x) - p then brings the result to double precision.
constexpr std::array<double, 6> kCentralNumerator{-3.969683028665376e+01, 2.209460984245205e+02,
                                                  -2.759285104469687e+02, 1.383577518672690e+02,
                                                  -3.066479806614716e+01, 2.506628277459239e+00};
constexpr std::array<double, 5> kCentralDenominator{-5.447609879822406e+01, 1.615858368580409e+02,
                                                    -1.556989798598866e+02, 6.680131188771972e+01,
                                                    -1.328068155288572e+01};
constexpr std::array<double, 6> kTailNumerator{-7.784894002430293e-03, -3.223964580411365e-01,
                                               -2.400758277161838e+00, -2.549732539343734e+00,
                                               4.374664141464968e+00, 2.938163982698783e+00};
constexpr std::array<double, 4> kTailDenominator{7.784695709041462e-03, 3.224671290700398e-01,
                                                 2.445134137142996e+00, 3.754408661907416e+00};
constexpr double kLowerBreak = 0.02425;

template <std::size_t N>
double horner(const std::array<double, N>& coefficients, double x)
{
    double value = 0.0;
    for (const double c : coefficients)
        value = value * x + c;
    return value;
}

// Lower tail, p < kLowerBreak (and, by symmetry, the upper tail).
double tailApproximation(double p)
{
    const double q = std::sqrt(-2.0 * std::log(p));
    return horner(kTailNumerator, q) / (horner(kTailDenominator, q) * q + 1.0);
}

double acklam(double p)
{
    if (p < kLowerBreak)
        return tailApproximation(p);
    if (p > 1.0 - kLowerBreak)
        return -tailApproximation(1.0 - p);
    const double q = p - 0.5;
    const double r = q * q;
    return horner(kCentralNumerator, r) * q / (horner(kCentralDenominator, r) * r + 1.0);
}

} // namespace

double normalPdf(double x)
{
    return std::exp(-0.5 * x * x) * std::numbers::inv_sqrtpi / std::numbers::sqrt2;
}

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double approximateInverseNormalCdf(double p)
{
    if (!(p > 0.0 && p < 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    return acklam(p);
}

double inverseNormalCdf(double p)
{
    double x = approximateInverseNormalCdf(p);
    if (std::isnan(x))
        return x;
    // Halley's method on f(x) = Φ(x) - p: cubic convergence, so one step from 1e-9 is enough.
    // The error is taken in the tail nearer to x so that 1 - p does not cancel digits away.
    const double error = x <= 0.0 ? normalCdf(x) - p : (1.0 - p) - normalCdf(-x);
    const double u = error / normalPdf(x);
    x -= u / (1.0 + 0.5 * x * u);
    return x;
}

} // namespace sentinel
