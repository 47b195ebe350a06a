// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaCandleScan.h"

#include "brokers/JsonScanner.h"
#include "brokers/oanda/OandaDecimal.h"
#include "brokers/oanda/OandaFields.h"
#include "market/BarValues.h"

#include <array>

namespace sentinel::oanda {

namespace {

using brokers::JsonScanner;
using brokers::ShortText;

/// Larger bodies go to QJsonDocument, whatever they hold: a bound on what this reader is asked to
/// agree with it on (5,000 candles are ~0.7 MiB).
constexpr qsizetype kMaxScannedBytes = qsizetype{16} * 1024 * 1024;
constexpr qint64 kMaxVolume = qint64{1} << 53; // FieldReader::count's bound, compared before any rounding

/// In the DOM reader's order of preference, indexed by the enum's value.
constexpr std::array<PriceComponent, 3> kComponents{PriceComponent::Mid, PriceComponent::Bid, PriceComponent::Ask};
static_assert(int(PriceComponent::Mid) == 0 && int(PriceComponent::Bid) == 1 && int(PriceComponent::Ask) == 2);
using Prices = std::array<QByteArrayView, 4>; ///< o, h, l, c

int componentIndex(QByteArrayView key)
{
    if (key == "mid")
        return 0;
    if (key == "bid")
        return 1;
    if (key == "ask")
        return 2;
    return -1;
}

/// Marks `bit` in `seen`; false when it was already there (a duplicate member).
bool firstTime(unsigned& seen, unsigned bit)
{
    if ((seen & bit) != 0)
        return false;
    seen |= bit;
    return true;
}

/// {"o": "...", "h": "...", "l": "...", "c": "..."}, each once and nothing else.
bool scanPrices(JsonScanner& scanner, Prices& prices)
{
    if (!scanner.enterObject())
        return false;
    unsigned seen = 0;
    while (const auto key = scanner.nextKey()) {
        const qsizetype index = key->size() == 1 ? QByteArrayView("ohlc").indexOf(key->front()) : -1;
        const auto text = index >= 0 && firstTime(seen, 1U << index) ? scanner.plainString() : std::nullopt;
        if (!text)
            return false;
        prices[std::size_t(index)] = *text;
    }
    return scanner.ok() && seen == 0xF;
}

/// `text` as FieldReader::decimal reads it, or nullopt where that is an error.
std::optional<double> decimalOf(QByteArrayView text)
{
    const ShortText wide(text);
    if (!wide.fits())
        return std::nullopt;
    const Decimal parsed = parseDecimal(wide.view());
    return parsed.problem == DecimalProblem::None ? std::optional<double>(parsed.value) : std::nullopt;
}

/// One candle; `component` is chosen by the first candle when the caller named none (the DOM
/// reader's rule: mid, else bid, else ask).
std::optional<ReadCandle> scanCandle(JsonScanner& scanner, std::optional<PriceComponent>& component)
{
    if (!scanner.enterObject())
        return std::nullopt;
    enum : unsigned { Complete = 1, Time = 2, Volume = 4, FirstPrices = 8 };
    unsigned seen = 0;
    ReadCandle candle;
    QByteArrayView time;
    qint64 volume = 0;
    std::array<Prices, 3> prices{};
    while (const auto key = scanner.nextKey()) {
        bool read = false;
        if (*key == "complete") {
            const auto value = firstTime(seen, Complete) ? scanner.boolean() : std::nullopt;
            read = value.has_value();
            candle.complete = value.value_or(false);
        } else if (*key == "time") {
            const auto value = firstTime(seen, Time) ? scanner.plainString() : std::nullopt;
            read = value.has_value();
            time = value.value_or(QByteArrayView());
        } else if (*key == "volume") {
            const auto value = firstTime(seen, Volume) ? scanner.wholeNumber() : std::nullopt;
            read = value.has_value();
            volume = value.value_or(0);
        } else if (const int index = componentIndex(*key); index >= 0) {
            read = firstTime(seen, FirstPrices << index) && scanPrices(scanner, prices[std::size_t(index)]);
        }
        if (!read)
            return std::nullopt;
    }
    if (!scanner.ok() || (seen & (Complete | Time | Volume)) != (Complete | Time | Volume))
        return std::nullopt;
    if (!component) {
        for (std::size_t i = 0; i < kComponents.size() && !component; ++i) {
            if ((seen & (FirstPrices << i)) != 0)
                component = kComponents[i];
        }
        if (!component)
            return std::nullopt;
    }
    const auto chosen = std::size_t(*component);
    if ((seen & (FirstPrices << chosen)) == 0 || volume > kMaxVolume)
        return std::nullopt;
    const ShortText timeText(time);
    const std::optional<QDateTime> openTime = timeText.fits() ? parseOandaTime(timeText.view()) : std::nullopt;
    if (!openTime)
        return std::nullopt;
    candle.bar.openTime = *openTime;
    candle.bar.volume = double(volume);
    const std::array<double*, 4> targets{&candle.bar.open, &candle.bar.high, &candle.bar.low, &candle.bar.close};
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const std::optional<double> value = decimalOf(prices[chosen][i]);
        if (!value)
            return std::nullopt;
        *targets[i] = *value;
    }
    if (checkBarValues(QString(), candle.bar))
        return std::nullopt;
    return candle;
}

} // namespace

std::optional<ScannedCandles> scanCandles(const QByteArray& body, std::optional<PriceComponent> component)
{
    if (body.size() > kMaxScannedBytes)
        return std::nullopt;
    JsonScanner scanner(body);
    if (!scanner.enterObject())
        return std::nullopt;
    enum : unsigned { Instrument = 1, Granularity = 2, Candles = 4 };
    unsigned seen = 0;
    ScannedCandles scanned;
    while (const auto key = scanner.nextKey()) {
        if (*key == "instrument" || *key == "granularity") {
            const bool instrument = *key == "instrument";
            const auto text = firstTime(seen, instrument ? Instrument : Granularity) ? scanner.plainString() : std::nullopt;
            if (!text)
                return std::nullopt;
            (instrument ? scanned.instrument : scanned.granularity) = QString::fromLatin1(*text);
        } else if (*key == "candles" && firstTime(seen, Candles) && scanner.enterArray()) {
            scanned.candles.reserve(body.size() / 128); // a candle is ~130 bytes; a guess, not a bound
            while (scanner.nextElement()) {
                std::optional<ReadCandle> candle = scanCandle(scanner, component);
                if (!candle)
                    return std::nullopt;
                scanned.candles.append(std::move(*candle));
            }
        } else {
            return std::nullopt; // another member, or one twice: the DOM reader decides
        }
    }
    if (!scanner.atEnd() || (seen & Candles) == 0)
        return std::nullopt;
    scanned.component = component.value_or(PriceComponent::Mid);
    return scanned;
}

} // namespace sentinel::oanda
