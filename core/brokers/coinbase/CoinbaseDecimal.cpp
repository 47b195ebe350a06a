// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseDecimal.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "common/Excerpt.h"

#include <charconv>
#include <cmath>

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }

} // namespace

std::optional<Decimal> tryParseDecimal(const QString& text, QString& why)
{
    const auto invalid = [&why](QString reason) {
        why = std::move(reason);
        return std::nullopt;
    };
    if (text.isEmpty())
        return invalid(QStringLiteral("is empty, not a number"));
    if (text.size() > kMaxDecimalChars)
        return invalid(QStringLiteral("is %1 characters long; a decimal has at most %2").arg(text.size()).arg(kMaxDecimalChars));
    qsizetype i = text.front() == u'-' ? 1 : 0;
    const qsizetype integerStart = i;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    const qsizetype integerDigits = i - integerStart;
    qsizetype fractionDigits = 0;
    if (i < text.size() && text[i] == u'.') {
        const qsizetype fractionStart = ++i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        fractionDigits = i - fractionStart;
        if (fractionDigits == 0)
            return invalid(QStringLiteral("has no digit after its decimal point"));
    }
    if (integerDigits == 0)
        return invalid(QStringLiteral("is not a decimal number (expected digits, e.g. \"66312.4\")"));
    if (i != text.size())
        return invalid(QStringLiteral("has '%1' after the number").arg(excerpt(text.mid(i), 20)));

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

    Decimal decimal;
    decimal.text = text; // shared, not copied
    if (first >= 0) {
        const qsizetype dot = text.indexOf(u'.');
        const bool dotBetween = dot > first && dot < last;
        decimal.significantDigits = last - first + 1 - (dotBetween ? 1 : 0);
    }
    // ASCII by the grammar above, and at most kMaxDecimalChars long: no allocation needed.
    char ascii[kMaxDecimalChars];
    for (qsizetype k = 0; k < text.size(); ++k)
        ascii[k] = char(text[k].unicode());
    const char* const asciiEnd = ascii + text.size();
    const auto [end, error] = std::from_chars(ascii, asciiEnd, decimal.value);
    // The grammar above admits nothing from_chars refuses, and the magnitude cap keeps it finite;
    // the check stays so a future grammar change cannot let a wrong number through.
    if (error != std::errc() || end != asciiEnd || !std::isfinite(decimal.value))
        return invalid(QStringLiteral("does not convert to a finite number"));
    if (decimal.value == 0)
        decimal.value = 0; // "-0" and "-0.00" are zero, not negative zero
    return decimal;
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
