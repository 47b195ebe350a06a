// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace sentinel::coinbase {

/// A decimal number as Coinbase writes it: a JSON string such as "66312.4", "0.00500000" or
/// "-1.85" (ADR 0113). `text` keeps the exact digits for amounts that must not be rounded
/// (balances, sizes, client-side comparisons); `value` is the nearest double.
struct Decimal {
    QString text;               ///< as received (already validated)
    double value = 0;           ///< correctly rounded (std::from_chars)
    int significantDigits = 0;  ///< from the first to the last non-zero digit; 0 for zero

    /// A double holds every decimal of up to 15 significant digits exactly enough to give the
    /// same digits back (DBL_DIG); more may come back different, i.e. silently wrong.
    [[nodiscard]] bool fitsDouble() const { return significantDigits <= kDoubleDigits; }
    static constexpr int kDoubleDigits = 15;

    friend bool operator==(const Decimal& a, const Decimal& b) { return a.text == b.text; }
};

/// The longest decimal text accepted; anything longer is junk or an attack, not a price.
inline constexpr qsizetype kMaxDecimalChars = 40;
/// Integer digits at most: 10^15 is beyond any price, size or balance Coinbase lists.
inline constexpr int kMaxIntegerDigits = 15;

/// Parses `text` exactly: an optional '-', digits, optionally '.' and digits. No blanks, no '+',
/// no exponent, no "NaN"/"Infinity", nothing after the number. `what` names the field in the
/// error ("candles[3].open"), which has kind coinbaseError::InvalidNumber.
[[nodiscard]] Result<Decimal> parseDecimal(QStringView text, const QString& what);
/// The same without an error value: nullopt and `why` (how the text fails, e.g. "is empty, not a
/// number") when `text` is refused. For readers that name the field only when it is wrong.
[[nodiscard]] std::optional<Decimal> tryParseDecimal(const QString& text, QString& why);

/// A decimal's number without its text, for readers of many values that keep only the number
/// (the candles scanner, ADR 0125); accepts and refuses exactly what tryParseDecimal does.
struct DecimalValue {
    double value = 0;
    int significantDigits = 0;
};
[[nodiscard]] std::optional<DecimalValue> tryParseDecimalValue(QStringView text, QString& why);

} // namespace sentinel::coinbase
