// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseDecimal.h"

#include "brokers/DecimalText.h"
#include "brokers/coinbase/CoinbaseError.h"
#include "common/Excerpt.h"

namespace sentinel::coinbase {

namespace ce = coinbaseError;

static_assert(kMaxDecimalChars <= brokers::kMaxConvertedChars);

std::optional<DecimalValue> tryParseDecimalValue(QStringView text, QString& why)
{
    const auto invalid = [&why](QString reason) {
        why = std::move(reason);
        return std::nullopt;
    };
    if (text.isEmpty())
        return invalid(QStringLiteral("is empty, not a number"));
    if (text.size() > kMaxDecimalChars)
        return invalid(QStringLiteral("is %1 characters long; a decimal has at most %2").arg(text.size()).arg(kMaxDecimalChars));
    const brokers::DecimalScan scan = brokers::scanDecimal(text);
    const qsizetype integerStart = scan.integerStart;
    const qsizetype integerDigits = scan.integerDigits;
    if (scan.point && scan.fractionDigits == 0)
        return invalid(QStringLiteral("has no digit after its decimal point"));
    if (integerDigits == 0)
        return invalid(QStringLiteral("is not a decimal number (expected digits, e.g. \"66312.4\")"));
    if (scan.end != text.size())
        return invalid(QStringLiteral("has '%1' after the number").arg(excerpt(text.sliced(scan.end), 20)));

    // Significant digits: from the first non-zero digit to the last one.
    int first = -1;
    int last = -1;
    int leadingIntegerZeros = 0;
    bool seenNonZero = false;
    for (qsizetype k = integerStart; k < text.size(); ++k) {
        if (text[k] == u'.')
            continue;
        if (text[k] != u'0') {
            if (first < 0)
                first = int(k);
            last = int(k);
            seenNonZero = true;
        } else if (!seenNonZero && k < integerStart + integerDigits) {
            ++leadingIntegerZeros;
        }
    }
    if (integerDigits - leadingIntegerZeros > kMaxIntegerDigits)
        return invalid(QStringLiteral("is 10^%1 or more; no price, size or balance is that large").arg(kMaxIntegerDigits));

    DecimalValue decimal;
    if (first >= 0) {
        const qsizetype dot = text.indexOf(u'.');
        const bool dotBetween = dot > first && dot < last;
        decimal.significantDigits = last - first + 1 - (dotBetween ? 1 : 0);
    }
    // The grammar above admits nothing from_chars refuses, and the magnitude cap keeps it finite;
    // the check stays so a future grammar change cannot let a wrong number through.
    const std::optional<double> value = brokers::decimalValue(text);
    if (!value)
        return invalid(QStringLiteral("does not convert to a finite number"));
    decimal.value = *value;
    if (decimal.value == 0)
        decimal.value = 0; // "-0" and "-0.00" are zero, not negative zero
    return decimal;
}

std::optional<Decimal> tryParseDecimal(const QString& text, QString& why)
{
    const std::optional<DecimalValue> number = tryParseDecimalValue(text, why);
    if (!number)
        return std::nullopt;
    return Decimal{text, number->value, number->significantDigits}; // the text shared, not copied
}

Result<Decimal> parseDecimal(QStringView text, const QString& what)
{
    QString why;
    if (auto decimal = tryParseDecimal(text.toString(), why))
        return std::move(*decimal);
    return ce::make(ce::InvalidNumber, QStringLiteral("%1 '%2' %3").arg(what, excerpt(text), why),
                    QStringLiteral("Coinbase sends every amount as a plain decimal string; report this body"));
}

} // namespace sentinel::coinbase
