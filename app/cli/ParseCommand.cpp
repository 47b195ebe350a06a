// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel parse alphavantage|oanda|coinbase FILE`: a parser on a saved body, for checking a
// response by hand and for scripts. Prints the normalised JSON (the same bar layout for all), or
// a typed error (exit 2).
#include "Cli.h"

#include "brokers/coinbase/CoinbaseJson.h"
#include "brokers/oanda/OandaGranularity.h"
#include "brokers/oanda/OandaJson.h"
#include "common/BoundedFile.h"
#include "common/ExitCode.h"
#include "providers/AlphaVantageParser.h"

#include <QDateTime>
#include <QJsonDocument>

#include <functional>

namespace sentinel::cli {

namespace {

/// What a parse command's body parser answers: the normalised JSON, or the typed error.
using BodyParser = std::function<Result<QJsonObject>(const QByteArray& body)>;

/// Reads the one FILE argument and prints what `parse` makes of it.
int printParsed(Invocation& invocation, const QCommandLineParser& parser, const BodyParser& parse)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usageError(invocation, QStringLiteral("expected exactly one FILE, got %1").arg(files.size()));
    const Result<QByteArray> body = readBoundedFile(files.first(), FileKind::ParseInput);
    if (!body)
        return usageError(invocation, body.error().toString());
    const Result<QJsonObject> parsed = parse(*body);
    if (!parsed) {
        invocation.out << QJsonDocument(errorToJson(parsed.error())).toJson(QJsonDocument::Indented);
        invocation.err << "sentinel " << invocation.commandName << ": " << files.first() << ": "
                       << parsed.error().kind << ": " << parsed.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    invocation.out << QJsonDocument(parsed.value()).toJson(QJsonDocument::Indented);
    return ExitOk;
}

} // namespace

int runParseAlphaVantage(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Parse a saved Alpha Vantage response and print it normalised."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("function"),
                      QStringLiteral("The function that produced the body (e.g. FX_INTRADAY); default: recognised from the body."),
                      QStringLiteral("NAME")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The saved response body (JSON)."));
    if (const auto exit = parseArguments(parser, invocation, nullptr, 1))
        return *exit;
    AlphaVantageParseContext context;
    context.function = parser.value(QStringLiteral("function"));
    context.now = QDateTime::currentDateTimeUtc();
    return printParsed(invocation, parser, [&context](const QByteArray& body) -> Result<QJsonObject> {
        const auto parsed = parseAlphaVantage(body, context);
        if (!parsed)
            return parsed.error();
        return toNormalisedJson(parsed.value());
    });
}

int runParseOanda(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Parse a saved OANDA v20 candles body and print its complete candles as bars; the forming candle is "
        "printed apart as live_bar, never among the bars."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("granularity"),
                      QStringLiteral("The granularity asked for (M1 M5 M15 M30 H1 D, or 1min ... daily); needed when the "
                                     "body names none, checked when it does."),
                      QStringLiteral("G")});
    parser.addOption({QStringLiteral("price"),
                      QStringLiteral("The candle prices to read: mid, bid or ask; default: mid, else what the body carries."),
                      QStringLiteral("COMPONENT")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The saved response body (JSON)."));
    if (const auto exit = parseArguments(parser, invocation, nullptr, 1))
        return *exit;
    oanda::CandlesContext context;
    if (parser.isSet(QStringLiteral("granularity"))) {
        const QString name = parser.value(QStringLiteral("granularity"));
        context.granularity = oanda::parseGranularity(name);
        if (!context.granularity)
            context.granularity = parseInterval(name);
        if (!context.granularity)
            return usageError(invocation, QStringLiteral("--granularity '%1' is not one of %2 (or %3)")
                                              .arg(name, oanda::supportedGranularities(), knownIntervalNames()));
    }
    if (parser.isSet(QStringLiteral("price"))) {
        const QString name = parser.value(QStringLiteral("price"));
        for (const auto component : {oanda::PriceComponent::Mid, oanda::PriceComponent::Bid, oanda::PriceComponent::Ask}) {
            if (name == oanda::priceComponentName(component))
                context.component = component;
        }
        if (!context.component)
            return usageError(invocation, QStringLiteral("--price '%1' is not one of mid, bid, ask").arg(name));
    }
    return printParsed(invocation, parser, [&context](const QByteArray& body) -> Result<QJsonObject> {
        const auto parsed = oanda::parseCandles(body, context);
        if (!parsed)
            return parsed.error();
        return oanda::toJson(parsed.value());
    });
}

int runParseCoinbase(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Parse a saved Coinbase Advanced Trade candles body and print its closed candles as bars; the candle "
        "still forming is printed apart as live_bar, never among the bars (docs/adr/0113)."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("granularity"),
                      QStringLiteral("The granularity asked for (ONE_MINUTE ... ONE_DAY, or 1min ... daily); default: "
                                     "inferred from the candles' spacing."),
                      QStringLiteral("G")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The saved response body (JSON)."));
    if (const auto exit = parseArguments(parser, invocation, nullptr, 1))
        return *exit;
    coinbase::CandleParseOptions options;
    if (parser.isSet(QStringLiteral("granularity"))) {
        const QString name = parser.value(QStringLiteral("granularity"));
        options.granularity = coinbase::parseGranularity(name);
        if (!options.granularity)
            return usageError(invocation, QStringLiteral("--granularity '%1' is not one of %2")
                                              .arg(name, coinbase::knownGranularityNames()));
    }
    options.now = QDateTime::currentDateTimeUtc();
    return printParsed(invocation, parser, [&options](const QByteArray& body) -> Result<QJsonObject> {
        const auto parsed = coinbase::parseCoinbaseCandles(body, options);
        if (!parsed)
            return parsed.error();
        return coinbase::toJson(parsed.value());
    });
}

} // namespace sentinel::cli
