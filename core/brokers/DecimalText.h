// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

#include <optional>

namespace sentinel::brokers {

/// How far `text` follows the grammar brokers write amounts in, `-?digits(.digits)?`, read from the
/// start. Each broker's reader turns this into its own messages (ADRs 0112, 0113).
struct DecimalScan {
    qsizetype integerStart = 0;   ///< 1 after a leading '-', else 0
    qsizetype integerDigits = 0;  ///< 0: no number at all
    bool point = false;           ///< a '.' follows the integer digits (or the sign: ".5" has none)
    qsizetype fractionDigits = 0; ///< digits after the '.'
    qsizetype end = 0;            ///< where the scan stopped; text.size() when all of it matched
};

[[nodiscard]] DecimalScan scanDecimal(QStringView text);

/// The double nearest to a text that matched the grammar in full (std::from_chars: correctly
/// rounded, locale-independent); nullopt when it does not convert or is not finite, or when the
/// text is longer than kMaxConvertedChars.
[[nodiscard]] std::optional<double> decimalValue(QStringView text);
inline constexpr qsizetype kMaxConvertedChars = 64;

} // namespace sentinel::brokers
