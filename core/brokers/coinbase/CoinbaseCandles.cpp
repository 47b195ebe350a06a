// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseCandles.h"

#include "brokers/coinbase/CoinbaseCandleScan.h"
#include "brokers/coinbase/CoinbaseError.h"
#include "brokers/coinbase/CoinbaseFields.h"
#include "market/BarValues.h"

#include <QList>
#include <QTimeZone>

#include <algorithm>

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

QString candleName(qsizetype index)
{
    return QStringLiteral("candles[%1]").arg(index);
}

QString startText(qint64 start)
{
    return QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc()).toString(Qt::ISODate);
}

/// One candle's fields. Every value must be a decimal a double holds exactly (a bar is a double,
/// and a rounded price would be a silently wrong number) and the bar must keep the rules of
/// market/BarValues.h.
Result<RawCandle> readCandle(const QJsonValue& value, qsizetype index)
{
    const QString where = candleName(index);
    if (!value.isObject())
        return notAnObject(where);
    FieldReader reader(value.toObject(), where);
    RawCandle candle;
    candle.start = reader.unixSeconds(u"start");
    const Decimal open = reader.decimal(u"open");
    const Decimal high = reader.decimal(u"high");
    const Decimal low = reader.decimal(u"low");
    const Decimal close = reader.decimal(u"close");
    const Decimal volume = reader.decimal(u"volume");
    if (!reader.ok())
        return reader.error();
    const std::pair<const char16_t*, const Decimal*> fields[] = {
        {u"open", &open}, {u"high", &high}, {u"low", &low}, {u"close", &close}, {u"volume", &volume}};
    for (const auto& [name, decimal] : fields) {
        if (!decimal->fitsDouble())
            return ce::make(ce::InvalidNumber,
                            QStringLiteral("%1 '%2' has %3 significant digits; a bar holds at most %4 exactly")
                                .arg(reader.path(QStringView(name)), decimal->text)
                                .arg(decimal->significantDigits)
                                .arg(Decimal::kDoubleDigits),
                            QStringLiteral("report this body; the value cannot be stored without rounding"));
    }
    candle.bar = Bar{QDateTime::fromSecsSinceEpoch(candle.start, QTimeZone::utc()),
                     open.value, high.value, low.value, close.value, volume.value, false};
    if (const auto issue = checkBarValues(where, candle.bar))
        return ce::make(ce::InvalidBar, issue->row + u": " + issue->message,
                        QStringLiteral("report this body; the candle cannot be used"));
    return candle;
}

/// Newest first, strictly: a repeated start is a duplicate, a rising one breaks the order.
std::optional<Error> checkOrder(const QList<RawCandle>& candles)
{
    for (qsizetype i = 1; i < candles.size(); ++i) {
        const qint64 previous = candles[i - 1].start;
        const qint64 current = candles[i].start;
        if (current == previous)
            return ce::make(ce::DuplicateCandle,
                            QStringLiteral("%1 and %2 both start at %3 (%4)").arg(candleName(i - 1), candleName(i)).arg(current).arg(startText(current)),
                            QStringLiteral("report this body; nothing tells which of the two is right"));
        if (current > previous)
            return ce::make(ce::UnsortedCandles,
                            QStringLiteral("%1 starts at %2, after %3 at %4: Coinbase lists candles newest first")
                                .arg(candleName(i), startText(current), candleName(i - 1), startText(previous)),
                            QStringLiteral("report this body; an answer out of order cannot be trusted"));
    }
    return std::nullopt;
}

/// The granularity: the given one, else the smallest spacing between candles (Coinbase leaves
/// out candles without trades, so a larger spacing is a multiple of it).
Result<Granularity> granularityOf(const QList<RawCandle>& candles, const std::optional<Granularity>& given)
{
    if (given)
        return *given;
    if (candles.size() < 2)
        return ce::make(ce::UnknownGranularity,
                        QStringLiteral("the granularity cannot be inferred from a single candle"),
                        QStringLiteral("give it (e.g. --granularity ONE_HOUR)"));
    qint64 smallest = candles[0].start - candles[1].start;
    for (qsizetype i = 2; i < candles.size(); ++i)
        smallest = std::min(smallest, candles[i - 1].start - candles[i].start);
    const auto inferred = granularityOfSeconds(smallest);
    if (!inferred)
        return ce::make(ce::InconsistentSpacing,
                        QStringLiteral("the smallest spacing between candles is %1 s, which is no Coinbase granularity").arg(smallest),
                        QStringLiteral("give the granularity the request asked for (e.g. --granularity ONE_HOUR)"));
    return *inferred;
}

/// Every start on the granularity's grid (Coinbase aligns candles to the unix epoch, days to
/// 00:00 UTC), hence every spacing a multiple of it.
std::optional<Error> checkGrid(const QList<RawCandle>& candles, qint64 seconds, bool inferred)
{
    for (qsizetype i = 0; i < candles.size(); ++i) {
        if (candles[i].start % seconds == 0)
            continue;
        return ce::make(inferred ? ce::InconsistentSpacing : ce::MisalignedCandle,
                        QStringLiteral("%1 starts at %2, which is not a multiple of %3 s from the epoch")
                            .arg(candleName(i), startText(candles[i].start))
                            .arg(seconds),
                        inferred ? QStringLiteral("give the granularity the request asked for (e.g. --granularity ONE_HOUR)")
                                 : QStringLiteral("check the granularity matches the request's"));
    }
    return std::nullopt;
}

/// The rules between candles, the same for both readers: newest first, on the granularity's grid,
/// none in the future; split into the closed bars (oldest first) and the one still forming.
Result<CoinbaseCandles> assemble(const QList<RawCandle>& candles, const CandleParseOptions& options)
{
    if (auto error = checkOrder(candles))
        return *error;

    CoinbaseCandles result;
    if (candles.isEmpty() && !options.granularity)
        return result;
    const Result<Granularity> granularity = granularityOf(candles, options.granularity);
    if (!granularity)
        return granularity.error();
    result.granularity = *granularity;
    result.granularityInferred = !options.granularity;
    const qint64 seconds = granularitySeconds(*granularity);
    if (auto error = checkGrid(candles, seconds, result.granularityInferred))
        return *error;

    const qint64 now = options.now.toSecsSinceEpoch();
    if (!candles.isEmpty() && candles.first().start > now)
        return ce::make(ce::FutureCandle,
                        QStringLiteral("candles[0] starts at %1, after now (%2)")
                            .arg(startText(candles.first().start), options.now.toUTC().toString(Qt::ISODate)),
                        QStringLiteral("check the system clock; a candle cannot start in the future"));
    result.closed.reserve(candles.size());
    for (auto it = candles.crbegin(); it != candles.crend(); ++it) {
        if (it->start + seconds <= now)
            result.closed.append(it->bar);
        else
            result.forming = it->bar; // only the newest can be: starts are at least one interval apart
    }
    return result;
}

std::optional<Error> checkClock(const CandleParseOptions& options)
{
    if (options.now.isValid())
        return std::nullopt;
    return ce::make(ce::NoClock, QStringLiteral("no current time was given, so no candle can be called closed"),
                    QStringLiteral("pass the clock's now to the parser"));
}

} // namespace

Result<CoinbaseCandles> parseCoinbaseCandles(const QByteArray& body, const CandleParseOptions& options)
{
    if (auto scanned = parseCoinbaseCandlesWithScanner(body, options))
        return std::move(*scanned);
    return parseCoinbaseCandlesWithDom(body, options);
}

Result<CoinbaseCandles> parseCoinbaseCandlesWithDom(const QByteArray& body, const CandleParseOptions& options)
{
    if (auto error = checkClock(options))
        return *error;
    Result<QJsonObject> root = parseObjectBody(body, kMaxRestBodyBytes, QStringLiteral("the candles answer"));
    if (!root)
        return root.error();
    FieldReader reader(*root, QStringLiteral("body"));
    const QJsonArray array = reader.array(u"candles");
    if (!reader.ok())
        return reader.error();
    if (array.size() > kMaxCandles)
        return ce::make(ce::BodyTooLarge, QStringLiteral("the answer holds %1 candles; at most %2 are read").arg(array.size()).arg(kMaxCandles),
                        QStringLiteral("ask for a shorter window (Coinbase serves at most 350 candles a request)"));

    QList<RawCandle> candles;
    candles.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<RawCandle> candle = readCandle(array.at(i), i);
        if (!candle)
            return candle.error();
        candles.append(std::move(candle).value());
    }
    return assemble(candles, options);
}

std::optional<Result<CoinbaseCandles>> parseCoinbaseCandlesWithScanner(const QByteArray& body, const CandleParseOptions& options)
{
    if (checkClock(options))
        return std::nullopt; // the DOM reader names it
    const std::optional<QList<RawCandle>> candles = scanCandles(body);
    if (!candles)
        return std::nullopt;
    return assemble(*candles, options);
}

} // namespace sentinel::coinbase
