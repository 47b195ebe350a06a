// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/Quantile.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace sentinel {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLargest = std::numeric_limits<double>::max();

// The k-th smallest (0-based) of a scratch copy, in O(n).
double kthSmallest(std::vector<double>& scratch, std::size_t k)
{
    std::nth_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(k), scratch.end());
    return scratch[k];
}

// Where the type-7 quantile of n values sits: at order statistic `lower` (0-based), or a
// `fraction` of the way from it to the next one.
struct Type7Position {
    std::size_t lower = 0;
    double fraction = 0.0;
    bool interpolates = false;

    /// How many of the smallest values the quantile depends on.
    [[nodiscard]] std::size_t needed() const { return lower + (interpolates ? 2 : 1); }
};

Type7Position type7Position(std::size_t n, double p)
{
    const double position = double(n - 1) * p;
    const auto lower = std::size_t(std::floor(position));
    const double fraction = position - double(lower);
    return {lower, fraction, fraction != 0.0 && lower + 1 < n};
}

// The type-7 quantile from `scratch`, which holds at least the at.needed() smallest values of
// the sample, in any order; reorders it.
double type7From(std::vector<double>& scratch, const Type7Position& at)
{
    if (!at.interpolates)
        return kthSmallest(scratch, at.lower);
    // After nth_element at one of the two order statistics, the other is the extreme of the part
    // beside it: select the one that leaves the shorter part to scan.
    const auto begin = scratch.begin();
    const auto next = std::ptrdiff_t(at.lower) + 1;
    double low = 0.0;
    double high = 0.0;
    if (at.lower < scratch.size() / 2) {
        high = kthSmallest(scratch, at.lower + 1);
        low = *std::max_element(begin, begin + next);
    } else {
        low = kthSmallest(scratch, at.lower);
        high = *std::min_element(begin + next, scratch.end());
    }
    return low + at.fraction * (high - low);
}

// A value with, almost surely, a few times `needed` of `values` at or below it, read from an evenly
// spaced sample; nullopt when the tail is too wide (or the series too short) for filtering to pay,
// or when the sample holds a NaN or an infinity, which nth_element must not see.
std::optional<double> sampledBound(std::span<const double> values, std::size_t needed)
{
    constexpr std::size_t kSample = 256;
    const std::size_t n = values.size();
    if (n < 8 * kSample || needed * 16 > n)
        return std::nullopt;
    std::array<double, kSample> sample{};
    for (std::size_t j = 0; j < kSample; ++j) {
        sample[j] = values[j * n / kSample];
        if (!std::isfinite(sample[j]))
            return std::nullopt;
    }
    // How many sampled values fall below the needed-th smallest is about Binomial(kSample,
    // needed / n); three standard deviations and two more above its mean leave a bound that falls
    // short for fewer than one random order in five thousand (the caller then selects over all).
    const double expected = double(kSample) * double(needed) / double(n);
    const auto rank = std::min(kSample - 1, std::size_t(std::ceil(expected + 3.0 * std::sqrt(expected) + 2.0)));
    std::nth_element(sample.begin(), sample.begin() + std::ptrdiff_t(rank), sample.end());
    return sample[rank];
}

// Appends the values at or below `bound` to `tail` in input order; false at the first NaN or
// infinity. Eight values are tested at a time without a branch each, and only a block holding a
// candidate or a non-finite value is walked one by one: with the bound in the lowest few percent,
// most blocks are passed over.
bool collectAtOrBelow(std::span<const double> values, double bound, std::vector<double>& tail)
{
    constexpr std::size_t kBlock = 8;
    const auto keep = [&](double value) {
        if (!(std::fabs(value) <= kLargest))
            return false;
        if (value <= bound)
            tail.push_back(value);
        return true;
    };
    std::size_t i = 0;
    for (; i + kBlock <= values.size(); i += kBlock) {
        unsigned passed = 0; // finite and above the bound
        for (std::size_t j = 0; j < kBlock; ++j)
            passed += unsigned(values[i + j] > bound) & unsigned(std::fabs(values[i + j]) <= kLargest);
        if (passed == kBlock)
            continue;
        for (std::size_t j = 0; j < kBlock; ++j) {
            if (!keep(values[i + j]))
                return false;
        }
    }
    for (; i < values.size(); ++i) {
        if (!keep(values[i]))
            return false;
    }
    return true;
}

// n·(1 - c) as an order-statistic count. Confidence arrives as a decimal such as 0.95, so
// 20·(1 - 0.95) is 0.99999999999999978 in binary; a relative nudge keeps it at 1.
std::size_t tailCount(std::size_t n, double confidence)
{
    const double exact = double(n) * (1.0 - confidence);
    return std::size_t(std::floor(exact * (1.0 + 1e-12) + 1e-12));
}

} // namespace

QString quantileConventionName(QuantileConvention convention)
{
    switch (convention) {
    case QuantileConvention::LinearType7: return QStringLiteral("linear_type7");
    case QuantileConvention::HullKthWorst: return QStringLiteral("hull_kth_worst");
    case QuantileConvention::FrmKthWorstPlusOne: return QStringLiteral("frm_kth_worst_plus_one");
    }
    return {};
}

double quantileType7(std::span<const double> values, double p)
{
    return lowerTailType7(values, p).quantile;
}

LowerTail lowerTailType7(std::span<const double> values, double p)
{
    constexpr LowerTail kNone{false, kNaN, kNaN};
    if (values.empty() || !(p >= 0.0 && p <= 1.0))
        return kNone;
    const Type7Position at = type7Position(values.size(), p);
    const std::optional<double> bound = sampledBound(values, at.needed());
    // Without a bound only the finiteness check runs: no finite value is at or below -inf.
    std::vector<double> tail;
    if (!collectAtOrBelow(values, bound.value_or(-std::numeric_limits<double>::infinity()), tail))
        return kNone;
    if (bound && tail.size() >= at.needed()) {
        // Every value at or below the quantile is in `tail`, in input order, so the shortfall is
        // the same sum as over the whole input.
        std::vector<double> scratch(tail);
        const double quantile = type7From(scratch, at);
        return {true, quantile, meanAtOrBelow(tail, quantile)};
    }
    // No filter, or a sampled bound that kept too few values (an unlucky sample): select over all.
    std::vector<double> scratch(values.begin(), values.end());
    const double quantile = type7From(scratch, at);
    return {true, quantile, meanAtOrBelow(values, quantile)};
}

double lowerTailQuantile(std::span<const double> returns, double confidence, QuantileConvention convention)
{
    if (returns.empty() || !(confidence > 0.0 && confidence < 1.0))
        return kNaN;
    switch (convention) {
    case QuantileConvention::LinearType7:
        return quantileType7(returns, 1.0 - confidence);
    case QuantileConvention::HullKthWorst: {
        std::vector<double> scratch(returns.begin(), returns.end());
        const std::size_t k = std::clamp<std::size_t>(tailCount(scratch.size(), confidence), 1, scratch.size());
        return kthSmallest(scratch, k - 1);
    }
    case QuantileConvention::FrmKthWorstPlusOne: {
        std::vector<double> scratch(returns.begin(), returns.end());
        const std::size_t k = std::min(tailCount(scratch.size(), confidence) + 1, scratch.size());
        return kthSmallest(scratch, k - 1);
    }
    }
    return kNaN;
}

double empyricalConditionalVar(std::span<const double> returns, double cutoff)
{
    if (returns.empty() || !(cutoff >= 0.0 && cutoff <= 1.0))
        return kNaN;
    std::vector<double> scratch(returns.begin(), returns.end());
    const auto count = std::size_t(double(scratch.size() - 1) * cutoff) + 1; // int() truncates, as in Python
    std::nth_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(count - 1), scratch.end());
    double sum = 0.0;
    for (std::size_t i = 0; i < count; ++i)
        sum += scratch[i];
    return sum / double(count);
}

double meanAtOrBelow(std::span<const double> values, double threshold)
{
    double sum = 0.0;
    std::size_t count = 0;
    for (const double value : values) {
        if (value <= threshold) {
            sum += value;
            ++count;
        }
    }
    return count == 0 ? kNaN : sum / double(count);
}

} // namespace sentinel
