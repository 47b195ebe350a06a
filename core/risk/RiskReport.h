// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace sentinel {

enum class VarMethod { Historical, Parametric, Bootstrap };

/// "historical", "parametric", "bootstrap".
[[nodiscard]] QString varMethodName(VarMethod method);

/// One VaR estimate and how it was made. Immutable value that crosses from the engine thread to
/// the UI. Loss figures are positive fractions of the position or portfolio value; a negative
/// var means even the tail quantile of the history is a gain (reported as is, never clamped).
struct RiskReport {
    double var = 0.0;
    double expectedShortfall = 0.0;
    double confidence = 0.0;
    int horizonDays = 1;
    VarMethod method = VarMethod::Historical;
    int samples = 0;               ///< returns the estimate rests on (aligned returns for a portfolio)
    double historicalWeight = 1.0; ///< bootstrap only: share of the history in the blend, 1 otherwise

    /// What the UI shows beside the number: "historical", "parametric", "bootstrap (12 returns)".
    [[nodiscard]] QString methodLabel() const;

    friend bool operator==(const RiskReport&, const RiskReport&) = default;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::RiskReport)
