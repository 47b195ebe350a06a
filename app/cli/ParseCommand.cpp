// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel parse alphavantage FILE`: the Alpha Vantage parser on a saved body, for checking a
// response by hand and for scripts. Prints the normalised JSON, or a typed error (exit 2).
#include "Cli.h"

#include "common/BoundedFile.h"
#include "common/ExitCode.h"
#include "providers/AlphaVantageParser.h"

#include <QDateTime>
#include <QJsonDocument>

namespace sentinel::cli {

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
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usageError(invocation, QStringLiteral("expected exactly one FILE, got %1").arg(files.size()));

    const Result<QByteArray> body = readBoundedFile(files.first(), FileKind::ParseInput);
    if (!body)
        return usageError(invocation, body.error().toString());
    AlphaVantageParseContext context;
    context.function = parser.value(QStringLiteral("function"));
    context.now = QDateTime::currentDateTimeUtc();
    const auto parsed = parseAlphaVantage(*body, context);
    if (!parsed) {
        invocation.out << QJsonDocument(errorToJson(parsed.error())).toJson(QJsonDocument::Indented);
        invocation.err << "sentinel " << invocation.commandName << ": " << files.first() << ": "
                       << parsed.error().kind << ": " << parsed.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    invocation.out << QJsonDocument(toNormalisedJson(parsed.value())).toJson(QJsonDocument::Indented);
    return ExitOk;
}

} // namespace sentinel::cli
