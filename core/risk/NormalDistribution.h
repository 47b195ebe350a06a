// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sentinel {

/// The standard normal distribution to full double precision, for parametric VaR at any
/// confidence (not a rounded table value such as 1.65 or 2.33).

/// Density φ(x).
[[nodiscard]] double normalPdf(double x);
/// Cumulative distribution Φ(x), through std::erfc so the tails keep their relative precision.
[[nodiscard]] double normalCdf(double x);
/// Quantile Φ⁻¹(p) for p in (0, 1); NaN for p outside (0, 1) or NaN, so a caller that skipped
/// validation gets a number that poisons the result visibly instead of a plausible one.
[[nodiscard]] double inverseNormalCdf(double p);
/// Φ⁻¹(p) without the refinement step: relative error below 1.2e-9, several times faster. For
/// drawing samples, where that error is far below the sampling noise; never for a reported z.
[[nodiscard]] double approximateInverseNormalCdf(double p);

} // namespace sentinel
