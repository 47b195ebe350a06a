// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include "common/Excerpt.h"
#include "common/ExitCode.h"
#include "common/Redactor.h"
#include "telemetry/Logging.h"

namespace sentinel::cli {

void addGlobalOptions(QCommandLineParser& parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("Configuration file (YAML)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("log-file"), QStringLiteral("Write the log to FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("log-level"),
                      QStringLiteral("trace, debug, info, warn, error, critical or off (default: warn)."),
                      QStringLiteral("LEVEL")});
}

std::optional<int> parseArguments(QCommandLineParser& parser, Invocation& invocation, GlobalOptions* global,
                                  qsizetype maxPositional)
{
    if (!parser.parse(invocation.arguments))
        return usageError(invocation, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        invocation.out << parser.helpText();
        return ExitOk;
    }
    if (const QStringList positional = parser.positionalArguments(); positional.size() > maxPositional)
        return usageError(invocation, QStringLiteral("unexpected argument '%1' (run 'sentinel %2 --help' for what it accepts)")
                                          .arg(excerpt(positional.at(maxPositional)), invocation.commandName));
    GlobalOptions options{parser.value(QStringLiteral("config")), parser.value(QStringLiteral("log-file")),
                          parser.value(QStringLiteral("log-level"))};
    LoggingOptions logging;
    logging.logFile = options.logFile;
    logging.fileEnabled = !options.logFile.isEmpty();
    logging.level = options.logLevel.isEmpty() ? QStringLiteral("warn") : options.logLevel;
    if (const auto problem = setupLogging(logging))
        return usageError(invocation, *problem);
    if (global)
        *global = options;
    return std::nullopt;
}

int usageError(Invocation& invocation, const QString& message)
{
    // A usage message may quote an argument or a configured URL; mask any secret in it
    // (docs/adr/0103).
    invocation.err << "sentinel " << invocation.commandName << ": " << Redactor::instance().redact(message) << Qt::endl;
    return ExitBadInput;
}

} // namespace sentinel::cli
