// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaDecimal.h"

#include <QString>

#include <array>
#include <charconv>
#include <cmath>

namespace sentinel::oanda {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

/// Length of the longest prefix of `text` that is a decimal, 0 when there is none.
qsizetype decimalPrefix(QStringView text)
{
    qsizetype i = 0;
    if (i < text.size() && text[i] == u'-')
        ++i;
    const qsizetype intStart = i;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    if (i == intStart)
        return 0;
    if (i + 1 < text.size() && text[i] == u'.' && isDigit(text[i + 1])) {
        ++i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
    }
    return i;
}

} // namespace

Decimal parseDecimal(QStringView text)
{
    if (text.isEmpty())
        return {0, DecimalProblem::Empty};
    const qsizetype prefix = decimalPrefix(text);
    if (prefix == 0)
        return {0, DecimalProblem::NotANumber};
    if (prefix != text.size())
        return {0, DecimalProblem::TrailingJunk};
    if (text.size() > kMaxDecimalChars)
        return {0, DecimalProblem::TooLong};
    // The grammar admits ASCII only, so narrowing each character is exact.
    std::array<char, kMaxDecimalChars> ascii{};
    for (qsizetype i = 0; i < text.size(); ++i)
        ascii[std::size_t(i)] = char(text[i].unicode());
    double value = 0;
    const auto [end, error] = std::from_chars(ascii.data(), ascii.data() + text.size(), value);
    if (error != std::errc() || end != ascii.data() + text.size() || !std::isfinite(value)
        || std::fabs(value) >= kMaxDecimalMagnitude)
        return {0, DecimalProblem::TooLarge};
    return {value, DecimalProblem::None};
}

QString describeDecimalProblem(DecimalProblem problem)
{
    switch (problem) {
    case DecimalProblem::None:
        return QStringLiteral("is a number");
    case DecimalProblem::Empty:
        return QStringLiteral("is empty");
    case DecimalProblem::NotANumber:
        return QStringLiteral("is not a decimal number");
    case DecimalProblem::TrailingJunk:
        return QStringLiteral("has text after the number");
    case DecimalProblem::TooLong:
        return QStringLiteral("is longer than %1 characters").arg(kMaxDecimalChars);
    case DecimalProblem::TooLarge:
        return QStringLiteral("is too large (at least 1e15 in size)");
    }
    return QStringLiteral("is not a number");
}

} // namespace sentinel::oanda
