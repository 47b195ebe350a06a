// SPDX-License-Identifier: GPL-3.0-or-later
// The answers that are not bar series: technical indicators, the global quote, the currency
// exchange rate and news sentiment.
#include "providers/AlphaVantagePayloads.h"

#include "common/Excerpt.h"
#include "providers/AlphaVantageFields.h"
#include "providers/ProviderError.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <variant>

namespace sentinel {
namespace alphaVantage {

namespace pe = providerError;

namespace {

/// The point one indicator row gives, or why the row is dropped.
using PointOrIssue = std::variant<IndicatorPoint, DataQualityIssue>;

/// Every member of the row must be a finite number, and there must be one.
PointOrIssue readIndicatorValues(const QString& key, const QDateTime& time, const QJsonObject& row)
{
    IndicatorPoint point;
    point.time = time;
    for (auto it = row.begin(); it != row.end(); ++it) {
        const Number number = readNumber(it.value());
        const QString name = it.key().trimmed();
        if (number.problem != NumberProblem::None)
            return rowIssue(key, QStringLiteral("not_a_number"), QStringLiteral("%1 is not a number").arg(excerpt(name)));
        if (!isFiniteNumber(number.value))
            return rowIssue(key, QStringLiteral("not_finite"), QStringLiteral("%1 is not a finite number").arg(excerpt(name)));
        point.values.insert(name, number.value);
    }
    if (point.values.isEmpty())
        return rowIssue(key, QStringLiteral("missing_field"), QStringLiteral("the row has no values"));
    return point;
}

/// What an indicator row is checked against besides its own values.
struct IndicatorRowRules {
    QHash<QString, int> occurrences; ///< of each key in the body
    QTimeZone zone;
    QDateTime now;      ///< invalid: no future check
    QSet<qint64> taken; ///< instants (ms since the epoch) an earlier row already gave
};

PointOrIssue readIndicatorRow(const QString& key, const QJsonValue& row, const IndicatorRowRules& rules)
{
    const int occurrences = rules.occurrences.value(key);
    if (occurrences > 1)
        return duplicateKeyIssue(key, occurrences);
    const Timestamp stamp = readTimestamp(key, rules.zone);
    if (!stamp.problem.isEmpty())
        return rowIssue(key, stamp.problem, stamp.detail);
    if (rules.now.isValid() && stamp.utc > rules.now)
        return rowIssue(key, QStringLiteral("future_timestamp"),
                        QStringLiteral("the point is at %1, after the current time %2")
                            .arg(stamp.utc.toString(Qt::ISODate), rules.now.toString(Qt::ISODate)));
    if (rules.taken.contains(stamp.utc.toMSecsSinceEpoch()))
        return rowIssue(key, QStringLiteral("duplicate_timestamp"),
                        QStringLiteral("another row names the same instant %1").arg(stamp.utc.toString(Qt::ISODate)));
    return readIndicatorValues(key, stamp.utc, row.toObject());
}

} // namespace

Result<AlphaVantageResponse> parseIndicator(const QJsonObject& root, const QString& seriesKey,
                                            const QStringList& orderedKeys, const AlphaVantageParseContext& context)
{
    const Meta meta{root.value(QStringLiteral("Meta Data")).toObject()};
    IndicatorSeries result;
    result.symbol = meta.text(u"symbol").toUpper();
    // "Technical Analysis: RSI" names the indicator; the metadata's "2: Indicator" is prose
    // ("Relative Strength Index (RSI)") and only a fallback.
    const QString keyIndicator = seriesKey.section(u':', 1).trimmed();
    result.indicator = (keyIndicator.isEmpty() ? meta.text(u"indicator") : keyIndicator).toUpper();
    result.interval = meta.text(u"interval").toLower();
    QString zoneName;
    auto zone = zoneFromMeta(meta, QStringLiteral("US/Eastern"), zoneName, result.qualityIssues);
    if (!zone)
        return zone.error();

    const QJsonObject series = root.value(seriesKey).toObject();
    const QStringList keys = series.keys();
    IndicatorRowRules rules{countOccurrences(orderedKeys), *zone, context.now, {}};
    for (const QString& key : keys) {
        const PointOrIssue row = readIndicatorRow(key, series.value(key), rules);
        if (const auto* issue = std::get_if<DataQualityIssue>(&row)) {
            result.qualityIssues.append(*issue);
            continue;
        }
        const IndicatorPoint& point = std::get<IndicatorPoint>(row);
        rules.taken.insert(point.time.toMSecsSinceEpoch());
        result.points.append(point);
    }
    std::sort(result.points.begin(), result.points.end(),
              [](const IndicatorPoint& a, const IndicatorPoint& b) { return a.time < b.time; });
    if (result.points.isEmpty())
        return pe::make(pe::NoUsableRows,
                        QStringLiteral("no usable %1 point in the response (%2 rows)").arg(result.indicator).arg(keys.size()),
                        QStringLiteral("check the symbol, interval and time period"));
    return AlphaVantageResponse{std::move(result)};
}

Result<AlphaVantageResponse> parseQuote(const QJsonObject& object)
{
    if (object.isEmpty())
        return pe::make(pe::InvalidCall, QStringLiteral("Alpha Vantage returned an empty quote; the symbol is probably unknown"),
                        QStringLiteral("check the symbol"));
    Quote quote;
    quote.symbol = findText(object, u"symbol").toUpper();
    const Number price = readNumber(findField(object, u"price"));
    if (price.problem != NumberProblem::None || !isFiniteNumber(price.value) || price.value <= 0)
        return pe::make(pe::NoUsableRows, QStringLiteral("the quote for %1 has no usable price").arg(quote.symbol),
                        QStringLiteral("retry later; the provider sent an invalid price"));
    quote.price = price.value;
    quote.open = optionalPositive(object, u"open");
    quote.high = optionalPositive(object, u"high");
    quote.low = optionalPositive(object, u"low");
    quote.previousClose = optionalPositive(object, u"previous close");
    quote.change = optionalFinite(object, u"change");
    quote.changePercent = optionalFinite(object, u"change percent", true);
    quote.volume = optionalFinite(object, u"volume");
    if (quote.volume && *quote.volume < 0)
        quote.volume.reset();
    quote.latestTradingDay = QDate::fromString(findText(object, u"latest trading day"), Qt::ISODate);
    if (quote.high && quote.low && *quote.high < *quote.low)
        return pe::make(pe::NoUsableRows, QStringLiteral("the quote for %1 has high below low").arg(quote.symbol),
                        QStringLiteral("retry later; the provider sent inconsistent data"));
    return AlphaVantageResponse{quote};
}

Result<AlphaVantageResponse> parseExchangeRate(const QJsonObject& object, const AlphaVantageParseContext& context)
{
    AlphaVantageExchangeRate rate;
    rate.from = findText(object, u"from currency code").toUpper();
    rate.to = findText(object, u"to currency code").toUpper();
    const Number value = readNumber(findField(object, u"exchange rate"));
    if (value.problem != NumberProblem::None || !isFiniteNumber(value.value) || value.value <= 0)
        return pe::make(pe::NoUsableRows, QStringLiteral("the exchange rate %1/%2 is not a positive number").arg(rate.from, rate.to),
                        QStringLiteral("retry later; the provider sent an invalid rate"));
    rate.rate = value.value;
    rate.bid = optionalPositive(object, u"bid price");
    rate.ask = optionalPositive(object, u"ask price");
    if (rate.bid && rate.ask && *rate.bid > *rate.ask) {
        rate.bid.reset();
        rate.ask.reset();
    }
    const QString zoneName = findText(object, u"time zone");
    const auto zone = zoneNamed(zoneName.isEmpty() ? QStringLiteral("UTC") : zoneName);
    if (!zone)
        return pe::make(pe::UnknownTimeZone, QStringLiteral("the exchange rate names an unknown time zone '%1'").arg(excerpt(zoneName)));
    const Timestamp stamp = readTimestamp(findText(object, u"last refreshed"), *zone);
    if (stamp.problem.isEmpty())
        rate.refreshedAt = stamp.utc;
    if (rate.refreshedAt.isValid() && context.now.isValid() && rate.refreshedAt > context.now)
        return pe::make(pe::NoUsableRows,
                        QStringLiteral("the exchange rate is stamped %1, after the current time").arg(rate.refreshedAt.toString(Qt::ISODate)),
                        QStringLiteral("check the system clock"));
    return AlphaVantageResponse{rate};
}

Result<AlphaVantageResponse> parseNews(const QJsonArray& feed, const AlphaVantageParseContext& context)
{
    NewsSentiment result;
    const QTimeZone utc(QByteArrayLiteral("UTC"));
    int index = 0;
    for (const QJsonValue value : feed) {
        const QString label = QStringLiteral("feed[%1]").arg(index++);
        const QJsonObject object = value.toObject();
        NewsItem item;
        item.title = object.value(QStringLiteral("title")).toString();
        item.url = object.value(QStringLiteral("url")).toString();
        item.source = object.value(QStringLiteral("source")).toString();
        item.sentimentLabel = object.value(QStringLiteral("overall_sentiment_label")).toString();
        const Timestamp stamp = readTimestamp(object.value(QStringLiteral("time_published")).toString(), utc);
        if (!stamp.problem.isEmpty()) {
            result.qualityIssues.append(rowIssue(label, stamp.problem, stamp.detail));
            continue;
        }
        item.publishedAt = stamp.utc;
        if (context.now.isValid() && item.publishedAt > context.now) {
            result.qualityIssues.append(rowIssue(label, QStringLiteral("future_timestamp"),
                                                 QStringLiteral("published %1, after the current time").arg(item.publishedAt.toString(Qt::ISODate))));
            continue;
        }
        const Number score = readNumber(object.value(QStringLiteral("overall_sentiment_score")));
        if (score.problem != NumberProblem::None || !isFiniteNumber(score.value) || std::abs(score.value) > 1) {
            result.qualityIssues.append(rowIssue(label, QStringLiteral("score_out_of_range"),
                                                 QStringLiteral("the sentiment score is missing or outside [-1, 1]")));
            continue;
        }
        item.sentimentScore = score.value;
        // A const array: a temporary's non-const begin() would detach (copy) it first.
        const QJsonArray tickers = object.value(QStringLiteral("ticker_sentiment")).toArray();
        for (const QJsonValue tickerValue : tickers) {
            const QJsonObject t = tickerValue.toObject();
            const Number relevance = readNumber(t.value(QStringLiteral("relevance_score")));
            const Number tickerScore = readNumber(t.value(QStringLiteral("ticker_sentiment_score")));
            if (relevance.problem != NumberProblem::None || tickerScore.problem != NumberProblem::None
                || !isFiniteNumber(relevance.value) || !isFiniteNumber(tickerScore.value) || relevance.value < 0
                || relevance.value > 1 || std::abs(tickerScore.value) > 1) {
                result.qualityIssues.append(rowIssue(label, QStringLiteral("score_out_of_range"),
                                                     QStringLiteral("ticker %1 has a missing or out-of-range score; that ticker is dropped")
                                                         .arg(excerpt(t.value(QStringLiteral("ticker")).toString()))));
                continue;
            }
            item.tickers.append(TickerSentiment{t.value(QStringLiteral("ticker")).toString(), relevance.value,
                                                tickerScore.value, t.value(QStringLiteral("ticker_sentiment_label")).toString()});
        }
        result.items.append(item);
    }
    if (result.items.isEmpty() && !feed.isEmpty())
        return pe::make(pe::NoUsableRows, QStringLiteral("none of the %1 news items is usable").arg(feed.size()),
                        QStringLiteral("retry later"));
    return AlphaVantageResponse{std::move(result)};
}

} // namespace alphaVantage
} // namespace sentinel
