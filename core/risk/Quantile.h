// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <span>

namespace sentinel {

/// Which order statistic a historical VaR reads. Implementations disagree (see
/// tests/data/var/SOURCES.md and docs/adr/0030-historical-var-quantile-convention.md); the
/// production convention is LinearType7.
enum class QuantileConvention {
    /// Hyndman–Fan type 7, numpy's default `linear`: interpolates between the order statistics
    /// around position (n - 1)·p. What empyrical, numpy and pandas report.
    LinearType7,
    /// Hull (RMFI): the k-th worst return with k = n·(1 - c), at least the worst one.
    HullKthWorst,
    /// FRM / Bionic Turtle: the (k + 1)-th worst return with k = n·(1 - c).
    FrmKthWorstPlusOne,
};

/// The convention historical VaR uses in production.
inline constexpr QuantileConvention kProductionQuantileConvention = QuantileConvention::LinearType7;

/// Stable name for reports and the CLI: "linear_type7", "hull_kth_worst", "frm_kth_worst_plus_one".
[[nodiscard]] QString quantileConventionName(QuantileConvention convention);

/// The p-quantile (p in [0, 1]) of `values`, Hyndman–Fan type 7 (numpy `linear`). Values need not
/// be sorted. Precondition: values non-empty and finite; NaN otherwise.
[[nodiscard]] double quantileType7(std::span<const double> values, double p);

/// What a historical VaR and its expected shortfall read from a sample, found together.
struct LowerTail {
    bool finite = false;        ///< false: a value is NaN or infinite (or the input is empty), both figures NaN
    double quantile = 0.0;      ///< quantileType7(values, p)
    double meanAtOrBelow = 0.0; ///< meanAtOrBelow(values, quantile), summed in the same order
};

/// quantileType7 and meanAtOrBelow of `values` in one read of the input, which also checks that
/// every value is finite. Bit for bit what the two separate calls return on finite input; a small
/// tail of a long series (a VaR's) costs about one std::nth_element over a copy, or less.
[[nodiscard]] LowerTail lowerTailType7(std::span<const double> values, double p);

/// The lower-tail quantile of `returns` that a historical VaR at `confidence` reads, in returns
/// space (a loss is negative), under `convention`. NaN for empty input or confidence outside (0, 1).
[[nodiscard]] double lowerTailQuantile(std::span<const double> returns, double confidence,
                                       QuantileConvention convention);

/// empyrical's conditional_value_at_risk: the mean of the int((n - 1)·cutoff) + 1 smallest
/// returns, in returns space. Kept as a named rule so its published vectors can be checked.
[[nodiscard]] double empyricalConditionalVar(std::span<const double> returns, double cutoff);

/// Mean of the values at or below `threshold`; NaN when none is.
[[nodiscard]] double meanAtOrBelow(std::span<const double> values, double threshold);

} // namespace sentinel
