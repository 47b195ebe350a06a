// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaDecimal.h"

#include "brokers/DecimalText.h"

#include <QString>

#include <cmath>

namespace sentinel::oanda {

static_assert(kMaxDecimalChars <= brokers::kMaxConvertedChars);

Decimal parseDecimal(QStringView text)
{
    if (text.isEmpty())
        return {0, DecimalProblem::Empty};
    const brokers::DecimalScan scan = brokers::scanDecimal(text);
    if (scan.integerDigits == 0)
        return {0, DecimalProblem::NotANumber};
    if ((scan.point && scan.fractionDigits == 0) || scan.end != text.size())
        return {0, DecimalProblem::TrailingJunk};
    if (text.size() > kMaxDecimalChars)
        return {0, DecimalProblem::TooLong};
    const std::optional<double> value = brokers::decimalValue(text);
    if (!value || std::fabs(*value) >= kMaxDecimalMagnitude)
        return {0, DecimalProblem::TooLarge};
    return {*value, DecimalProblem::None};
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
