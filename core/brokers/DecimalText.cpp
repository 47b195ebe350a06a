// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/DecimalText.h"

#include <array>
#include <charconv>
#include <cmath>

namespace sentinel::brokers {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

qsizetype digitsFrom(QStringView text, qsizetype i)
{
    while (i < text.size() && isDigit(text[i]))
        ++i;
    return i;
}

} // namespace

DecimalScan scanDecimal(QStringView text)
{
    DecimalScan scan;
    scan.integerStart = !text.isEmpty() && text.front() == u'-' ? 1 : 0;
    qsizetype i = digitsFrom(text, scan.integerStart);
    scan.integerDigits = i - scan.integerStart;
    if (i < text.size() && text[i] == u'.') {
        scan.point = true;
        const qsizetype fractionStart = i + 1;
        i = digitsFrom(text, fractionStart);
        scan.fractionDigits = i - fractionStart;
    }
    scan.end = i;
    return scan;
}

std::optional<double> decimalValue(QStringView text)
{
    if (text.size() > kMaxConvertedChars)
        return std::nullopt;
    // The grammar admits ASCII only, so narrowing each character is exact; no allocation.
    std::array<char, kMaxConvertedChars> ascii{};
    for (qsizetype i = 0; i < text.size(); ++i)
        ascii[std::size_t(i)] = char(text[i].unicode());
    const char* const asciiEnd = ascii.data() + text.size();
    double value = 0;
    const auto [end, error] = std::from_chars(ascii.data(), asciiEnd, value);
    if (error != std::errc() || end != asciiEnd || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace sentinel::brokers
