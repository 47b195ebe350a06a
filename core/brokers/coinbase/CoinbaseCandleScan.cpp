// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseCandleScan.h"

#include "brokers/JsonScanner.h"
#include "brokers/coinbase/CoinbaseCandles.h"
#include "brokers/coinbase/CoinbaseDecimal.h"
#include "brokers/coinbase/CoinbaseFields.h"
#include "market/BarValues.h"

#include <QTimeZone>

#include <array>

namespace sentinel::coinbase {

namespace {

using brokers::JsonScanner;
using brokers::ShortText;

/// The members of a candle, in the order the Bar is built from; "start" is read apart.
constexpr std::array<const char*, 5> kValues{"open", "high", "low", "close", "volume"};
constexpr unsigned kStartBit = 1U << kValues.size();
constexpr unsigned kAllBits = (kStartBit << 1) - 1;

/// FieldReader::unixSeconds's rule: 1 to 12 digits, no later than 9999-12-31.
std::optional<qint64> unixSecondsOf(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    qint64 seconds = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        seconds = seconds * 10 + (c - '0');
    }
    return seconds <= 253402300799 ? std::optional<qint64>(seconds) : std::nullopt;
}

/// FieldReader::decimal's rule plus readCandle's: an exact decimal a double holds.
std::optional<double> decimalOf(QByteArrayView text)
{
    const ShortText wide(text);
    QString why; // the DOM reader names the problem; here it only declines
    const std::optional<DecimalValue> decimal = wide.fits() ? tryParseDecimalValue(wide.view(), why) : std::nullopt;
    if (!decimal || decimal->significantDigits > Decimal::kDoubleDigits)
        return std::nullopt;
    return decimal->value;
}

std::optional<RawCandle> scanCandle(JsonScanner& scanner, const QTimeZone& utc)
{
    if (!scanner.enterObject())
        return std::nullopt;
    unsigned seen = 0;
    std::array<QByteArrayView, kValues.size()> texts;
    QByteArrayView start;
    while (const auto key = scanner.nextKey()) {
        std::size_t index = 0;
        while (index < kValues.size() && *key != kValues[index])
            ++index;
        const unsigned bit = *key == "start" ? kStartBit : index < kValues.size() ? 1U << index : 0;
        const auto text = bit != 0 && (seen & bit) == 0 ? scanner.plainString() : std::nullopt;
        if (!text)
            return std::nullopt; // another member, or one twice: the DOM reader decides
        seen |= bit;
        (bit == kStartBit ? start : texts[index]) = *text;
    }
    if (!scanner.ok() || seen != kAllBits)
        return std::nullopt;
    std::array<double, kValues.size()> values{};
    for (std::size_t i = 0; i < kValues.size(); ++i) {
        const std::optional<double> value = decimalOf(texts[i]);
        if (!value)
            return std::nullopt;
        values[i] = *value;
    }
    const std::optional<qint64> seconds = unixSecondsOf(start);
    if (!seconds)
        return std::nullopt;
    RawCandle candle{*seconds, Bar{QDateTime::fromSecsSinceEpoch(*seconds, utc), values[0], values[1], values[2], values[3], values[4], false}};
    if (checkBarValues(QString(), candle.bar))
        return std::nullopt;
    return candle;
}

} // namespace

std::optional<QList<RawCandle>> scanCandles(const QByteArray& body)
{
    if (body.size() > kMaxRestBodyBytes)
        return std::nullopt;
    JsonScanner scanner(body);
    if (!scanner.enterObject())
        return std::nullopt;
    const QTimeZone utc = QTimeZone::utc(); // once: the DOM reader's zone, without its cost per candle
    std::optional<QList<RawCandle>> candles;
    while (const auto key = scanner.nextKey()) {
        if (*key != "candles" || candles || !scanner.enterArray())
            return std::nullopt; // another member, or "candles" twice or not an array
        candles.emplace();
        candles->reserve(std::min(kMaxCandles, body.size() / 100)); // a candle is ~110 bytes
        while (scanner.nextElement()) {
            std::optional<RawCandle> candle = scanCandle(scanner, utc);
            if (!candle || candles->size() == kMaxCandles)
                return std::nullopt;
            candles->append(std::move(*candle));
        }
    }
    if (!scanner.atEnd() || !candles)
        return std::nullopt;
    return candles;
}

} // namespace sentinel::coinbase
