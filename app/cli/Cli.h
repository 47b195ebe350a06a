// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace sentinel::cli {

/// What one subcommand receives: its own arguments (with a synthetic program name first, as
/// QCommandLineParser expects), and the two output streams. stdout carries only
/// machine-readable output (CSV or one JSON object); messages go to stderr.
struct Invocation {
    QString commandName; ///< e.g. "config check"
    QStringList arguments;
    QTextStream& out;
    QTextStream& err;
};

using CommandMain = int (*)(Invocation&);

struct Command {
    QStringList words; ///< {"config", "check"}
    QString summary;
    CommandMain run;
};

/// All subcommands, in the order `sentinel --help` lists them (CommandRegistry.cpp).
const QList<Command>& commands();

/// Options every subcommand accepts.
struct GlobalOptions {
    QString configFile;
    QString logFile;
    QString logLevel;
};

/// Adds --config, --log-file, --log-level and --help to `parser`.
void addGlobalOptions(QCommandLineParser& parser);

/// Parses `invocation.arguments`; on a usage error prints it to stderr and returns the exit code
/// the command must return (2). More positional arguments than `maxPositional` are a usage
/// error naming the first unexpected one: a stray word is never silently ignored. On --help
/// prints help and returns 0. On success sets up logging from the global options and returns
/// std::nullopt.
std::optional<int> parseArguments(QCommandLineParser& parser, Invocation& invocation, GlobalOptions* global = nullptr,
                                  qsizetype maxPositional = 0);

/// Prints "sentinel <command>: <message>" to stderr and returns ExitBadInput.
int usageError(Invocation& invocation, const QString& message);

} // namespace sentinel::cli
