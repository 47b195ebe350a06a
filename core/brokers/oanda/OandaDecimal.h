// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace sentinel::oanda {

/// Why a decimal text is not a number (ADR 0112).
enum class DecimalProblem { None, Empty, NotANumber, TrailingJunk, TooLong, TooLarge };

struct Decimal {
    double value = 0;
    DecimalProblem problem = DecimalProblem::None;
};

/// The longest decimal text accepted; OANDA's prices, units and amounts are far shorter.
inline constexpr qsizetype kMaxDecimalChars = 32;
/// No price, unit count or amount OANDA sends reaches this; a larger one is refused.
inline constexpr double kMaxDecimalMagnitude = 1e15;

/// Parses OANDA's decimal text ("1.05563", "-100", "102107.4442") exactly: the grammar is
/// `-?digits(.digits)?` and nothing else (no spaces, exponents, "+", "NaN", "Infinity", hex or
/// locale separators); the value is the double nearest to the decimal (std::from_chars, correctly
/// rounded and locale-independent).
[[nodiscard]] Decimal parseDecimal(QStringView text);

/// "is empty", "is not a number", ... for an error message about `text`.
[[nodiscard]] QString describeDecimalProblem(DecimalProblem problem);

} // namespace sentinel::oanda
