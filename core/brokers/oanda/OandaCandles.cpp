// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaCandles.h"

#include "brokers/oanda/OandaCandleScan.h"
#include "brokers/oanda/OandaDecimal.h"
#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaFields.h"
#include "brokers/oanda/OandaGranularity.h"
#include "common/Excerpt.h"
#include "market/BarValues.h"

#include <array>
#include <cmath>
#include <optional>

namespace sentinel::oanda {

namespace oe = oandaError;

namespace {

const QString kRemedy = QStringLiteral("the body is not a valid OANDA candles answer; report it if it persists");

using Candle = ReadCandle;

/// `named`: the body's granularity member, empty when absent.
Result<Interval> readGranularity(const QString& named, const CandlesContext& context)
{
    if (named.isEmpty()) {
        if (context.granularity)
            return *context.granularity;
        return oe::make(oe::MissingField, QStringLiteral("granularity is missing and none was given"),
                        QStringLiteral("name the granularity the candles were asked for (--granularity M5)"));
    }
    const auto interval = parseGranularity(named);
    if (!interval)
        return oe::make(oe::UnsupportedGranularity,
                        QStringLiteral("granularity '%1' is not one the engine uses (%2)")
                            .arg(excerpt(named), supportedGranularities()),
                        QStringLiteral("ask OANDA for one of %1").arg(supportedGranularities()));
    if (context.granularity && *context.granularity != *interval)
        return oe::make(oe::InvalidField,
                        QStringLiteral("granularity is %1 but %2 was asked for")
                            .arg(named, granularityName(*context.granularity)),
                        kRemedy);
    return *interval;
}

/// The component the candles carry: the one asked for, else mid, bid, ask in that order.
Result<PriceComponent> chooseComponent(const QJsonArray& candles, const CandlesContext& context)
{
    if (context.component)
        return *context.component;
    if (candles.isEmpty())
        return PriceComponent::Mid;
    const QJsonObject first = candles.first().toObject();
    for (const PriceComponent component : {PriceComponent::Mid, PriceComponent::Bid, PriceComponent::Ask}) {
        if (first.contains(priceComponentName(component)))
            return component;
    }
    return oe::make(oe::MissingField, QStringLiteral("candles[0] carries none of mid, bid and ask"), kRemedy);
}

Result<Candle> readCandle(const FieldReader& root, const QJsonArray& candles, qsizetype index, PriceComponent component)
{
    const auto element = root.element(u"candles", candles, index);
    if (!element)
        return element.error();
    const FieldReader& candle = element.value();
    const QString path = root.pathOf(u"candles") + QStringLiteral("[%1]").arg(index);
    Candle result;
    if (auto read = store(candle.boolean(u"complete"), result.complete); !read)
        return read.error();
    if (auto read = store(candle.time(u"time"), result.bar.openTime); !read)
        return read.error();
    qint64 volume = 0;
    if (auto read = store(candle.count(u"volume"), volume); !read)
        return read.error();
    result.bar.volume = double(volume);
    const auto prices = candle.child(priceComponentName(component));
    if (!prices)
        return prices.error();
    const std::array<std::pair<const char16_t*, double*>, 4> fields{{{u"o", &result.bar.open},
                                                                     {u"h", &result.bar.high},
                                                                     {u"l", &result.bar.low},
                                                                     {u"c", &result.bar.close}}};
    for (const auto& [key, target] : fields) {
        if (auto read = store(prices.value().decimal(QStringView(key)), *target); !read)
            return read.error();
    }
    if (auto problem = checkBarValues(path, result.bar))
        return oe::make(oe::InvalidBar, QStringLiteral("%1 (%2): %3 [%4]")
                                            .arg(path, result.bar.openTime.toString(Qt::ISODate), problem->message, problem->rule),
                        kRemedy);
    return result;
}

/// The common case without building any field path (a path per candle cost more than the rest
/// of reading it): nullopt sends the candle to readCandle, which names what is wrong. Accepts
/// nothing readCandle would refuse: the same readers' rules, stricter where that is simpler
/// (a volume as a string goes to readCandle).
std::optional<Candle> readCandleQuickly(const QJsonValue& element, const QString& componentName)
{
    if (!element.isObject())
        return std::nullopt;
    const QJsonObject candle = element.toObject();
    const QJsonValue complete = candle.value(u"complete");
    const QJsonValue time = candle.value(u"time");
    const QJsonValue volume = candle.value(u"volume");
    const QJsonValue prices = candle.value(componentName);
    if (!complete.isBool() || !time.isString() || !volume.isDouble() || !prices.isObject())
        return std::nullopt;
    constexpr double maxVolume = 9007199254740992.0; // 2^53, FieldReader::count's bound
    const double units = volume.toDouble();
    if (!std::isfinite(units) || units < 0 || units > maxVolume || std::floor(units) != units)
        return std::nullopt;
    const std::optional<QDateTime> openTime = parseOandaTime(time.toString());
    if (!openTime)
        return std::nullopt;
    Candle result;
    result.complete = complete.toBool();
    result.bar.openTime = *openTime;
    result.bar.volume = units;
    const QJsonObject ohlc = prices.toObject();
    const std::array<std::pair<const char16_t*, double*>, 4> fields{{{u"o", &result.bar.open},
                                                                     {u"h", &result.bar.high},
                                                                     {u"l", &result.bar.low},
                                                                     {u"c", &result.bar.close}}};
    for (const auto& [key, target] : fields) {
        const QJsonValue text = ohlc.value(QStringView(key));
        if (!text.isString())
            return std::nullopt;
        const Decimal parsed = parseDecimal(text.toString());
        if (parsed.problem != DecimalProblem::None)
            return std::nullopt;
        *target = parsed.value;
    }
    if (checkBarValues(QString(), result.bar))
        return std::nullopt;
    return result;
}

/// Candle `index` of `count`, read: strictly after the one before, and incomplete only as the
/// newest, which becomes the live bar. Both readers hold their candles to this, in their order.
Status appendInOrder(Candles& result, const Candle& candle, qsizetype index, qsizetype count)
{
    const QDateTime previous = result.closed.isEmpty() ? QDateTime() : result.closed.last().openTime;
    if (previous.isValid() && candle.bar.openTime <= previous)
        return oe::make(oe::OutOfOrder,
                        QStringLiteral("candles[%1] opens at %2, not after candles[%3] at %4")
                            .arg(index)
                            .arg(candle.bar.openTime.toString(Qt::ISODate))
                            .arg(index - 1)
                            .arg(previous.toString(Qt::ISODate)),
                        kRemedy);
    if (!candle.complete) {
        // The forming candle is the newest; one that is followed by another is not forming.
        if (index != count - 1)
            return oe::make(oe::OutOfOrder,
                            QStringLiteral("candles[%1] is incomplete but %2 candle(s) follow it; only the newest may be")
                                .arg(index)
                                .arg(count - 1 - index),
                            kRemedy);
        result.live = candle.bar;
        return okStatus();
    }
    result.closed.append(candle.bar);
    return okStatus();
}

} // namespace

QString priceComponentName(PriceComponent component)
{
    switch (component) {
    case PriceComponent::Mid:
        return QStringLiteral("mid");
    case PriceComponent::Bid:
        return QStringLiteral("bid");
    case PriceComponent::Ask:
        return QStringLiteral("ask");
    }
    return QStringLiteral("mid");
}

Result<Candles> parseCandles(const QByteArray& body, const CandlesContext& context)
{
    if (auto scanned = parseCandlesWithScanner(body, context))
        return std::move(*scanned);
    return parseCandlesWithDom(body, context);
}

Result<Candles> parseCandlesWithDom(const QByteArray& body, const CandlesContext& context)
{
    const auto answer = readAnswer(body, u"candles");
    if (!answer)
        return answer.error();
    const FieldReader& root = answer.value();
    const auto list = root.array(u"candles");
    if (!list)
        return list.error();
    Candles result;
    const auto instrument = root.optionalText(u"instrument");
    if (!instrument)
        return instrument.error();
    result.instrument = instrument.value();
    const auto named = root.optionalText(u"granularity");
    if (!named)
        return named.error();
    const auto interval = readGranularity(named.value(), context);
    if (!interval)
        return interval.error();
    result.interval = interval.value();
    const auto component = chooseComponent(list.value(), context);
    if (!component)
        return component.error();
    result.component = component.value();

    const QJsonArray& candles = list.value();
    const QString componentName = priceComponentName(result.component);
    for (qsizetype i = 0; i < candles.size() && !result.live; ++i) {
        std::optional<Candle> quick = readCandleQuickly(candles.at(i), componentName);
        auto candle = quick ? Result<Candle>(std::move(*quick)) : readCandle(root, candles, i, result.component);
        if (!candle)
            return candle.error();
        if (auto added = appendInOrder(result, candle.value(), i, candles.size()); !added)
            return added.error();
    }
    return result;
}

std::optional<Result<Candles>> parseCandlesWithScanner(const QByteArray& body, const CandlesContext& context)
{
    std::optional<ScannedCandles> scanned = scanCandles(body, context.component);
    if (!scanned)
        return std::nullopt;
    // Read whole and well formed: from here on, the same rules in the same order as the DOM reader.
    Candles result;
    result.instrument = std::move(scanned->instrument);
    const auto interval = readGranularity(scanned->granularity, context);
    if (!interval)
        return Result<Candles>(interval.error());
    result.interval = interval.value();
    result.component = scanned->component;
    const QList<Candle>& candles = scanned->candles;
    result.closed.reserve(candles.size());
    for (qsizetype i = 0; i < candles.size() && !result.live; ++i) {
        if (auto added = appendInOrder(result, candles[i], i, candles.size()); !added)
            return Result<Candles>(added.error());
    }
    return result;
}

} // namespace sentinel::oanda
