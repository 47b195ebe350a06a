// SPDX-License-Identifier: GPL-3.0-or-later
// The normalised JSON of a parsed response: what `sentinel parse alphavantage` prints and the
// golden tests compare.
#include "providers/AlphaVantageParser.h"

#include "market/BarJson.h"

#include <QJsonArray>

#include <variant>

namespace sentinel {

namespace {

QJsonValue optionalJson(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject payloadJson(const AlphaVantageBars& payload)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("bars")},
                       {QStringLiteral("function"), payload.function},
                       {QStringLiteral("symbol"), payload.symbol},
                       {QStringLiteral("interval"), payload.interval},
                       {QStringLiteral("time_zone"), payload.timeZone},
                       {QStringLiteral("bars"), barsToJson(payload.bars)},
                       {QStringLiteral("issues"), issuesToJson(payload.issues)}};
}

QJsonObject payloadJson(const Quote& payload)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("quote")},
                       {QStringLiteral("symbol"), payload.symbol},
                       {QStringLiteral("price"), payload.price},
                       {QStringLiteral("open"), optionalJson(payload.open)},
                       {QStringLiteral("high"), optionalJson(payload.high)},
                       {QStringLiteral("low"), optionalJson(payload.low)},
                       {QStringLiteral("previous_close"), optionalJson(payload.previousClose)},
                       {QStringLiteral("change"), optionalJson(payload.change)},
                       {QStringLiteral("change_percent"), optionalJson(payload.changePercent)},
                       {QStringLiteral("volume"), optionalJson(payload.volume)},
                       {QStringLiteral("latest_trading_day"), payload.latestTradingDay.toString(Qt::ISODate)}};
}

QJsonObject payloadJson(const AlphaVantageExchangeRate& payload)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("exchange_rate")},
                       {QStringLiteral("from"), payload.from},
                       {QStringLiteral("to"), payload.to},
                       {QStringLiteral("rate"), payload.rate},
                       {QStringLiteral("bid"), optionalJson(payload.bid)},
                       {QStringLiteral("ask"), optionalJson(payload.ask)},
                       {QStringLiteral("refreshed_at"), isoUtc(payload.refreshedAt)}};
}

QJsonObject payloadJson(const IndicatorSeries& payload)
{
    QJsonArray points;
    for (const IndicatorPoint& point : payload.points) {
        QJsonObject values;
        for (auto it = point.values.begin(); it != point.values.end(); ++it)
            values.insert(it.key(), it.value());
        points.append(QJsonObject{{QStringLiteral("time"), isoUtc(point.time)}, {QStringLiteral("values"), values}});
    }
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("indicator")},
                       {QStringLiteral("symbol"), payload.symbol},
                       {QStringLiteral("indicator"), payload.indicator},
                       {QStringLiteral("interval"), payload.interval},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("issues"), issuesToJson(payload.qualityIssues)}};
}

QJsonObject newsItemJson(const NewsItem& item)
{
    QJsonArray tickers;
    for (const TickerSentiment& t : item.tickers)
        tickers.append(QJsonObject{{QStringLiteral("ticker"), t.ticker},
                                   {QStringLiteral("relevance"), t.relevance},
                                   {QStringLiteral("score"), t.score},
                                   {QStringLiteral("label"), t.label}});
    return QJsonObject{{QStringLiteral("title"), item.title},
                       {QStringLiteral("url"), item.url},
                       {QStringLiteral("source"), item.source},
                       {QStringLiteral("published_at"), isoUtc(item.publishedAt)},
                       {QStringLiteral("sentiment_score"), item.sentimentScore},
                       {QStringLiteral("sentiment_label"), item.sentimentLabel},
                       {QStringLiteral("tickers"), tickers}};
}

QJsonObject payloadJson(const NewsSentiment& payload)
{
    QJsonArray items;
    for (const NewsItem& item : payload.items)
        items.append(newsItemJson(item));
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("news_sentiment")},
                       {QStringLiteral("items"), items},
                       {QStringLiteral("issues"), issuesToJson(payload.qualityIssues)}};
}

QJsonObject payloadJson(const AlphaVantageEconomicSeries& payload)
{
    QJsonArray points;
    for (const EconomicPoint& point : payload.points)
        points.append(QJsonObject{{QStringLiteral("date"), point.date.toString(Qt::ISODate)},
                                  {QStringLiteral("value"), point.value}});
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("economic_series")},
                       {QStringLiteral("name"), payload.name},
                       {QStringLiteral("interval"), payload.interval},
                       {QStringLiteral("unit"), payload.unit},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("issues"), issuesToJson(payload.issues)}};
}

} // namespace

QJsonObject toNormalisedJson(const AlphaVantageResponse& response)
{
    return std::visit([](const auto& payload) { return payloadJson(payload); }, response.payload);
}

QJsonObject errorToJson(const Error& error)
{
    return QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("kind"), error.kind},
                                                             {QStringLiteral("message"), error.message},
                                                             {QStringLiteral("remedy"), error.remedy}}}};
}

} // namespace sentinel
