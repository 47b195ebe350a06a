// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel`: the console composition root. Finds the subcommand named by the leading words of
// the command line and hands it the rest.
#include "Cli.h"

#include "common/ExitCode.h"

#include <QCoreApplication>

#include <cstdio>

using namespace sentinel;

namespace {

void printUsage(QTextStream& stream)
{
    stream << "Usage: sentinel <command> [options]\n\nCommands:\n";
    for (const cli::Command& command : cli::commands())
        stream << "  " << command.words.join(u' ').leftJustified(28) << command.summary << '\n';
    stream << "\nEvery command accepts --config FILE, --log-file FILE, --log-level LEVEL and --help.\n"
              "Exit status: 0 success, 1 runtime failure, 2 bad usage or input, 3 a check said no.\n";
    stream.flush();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trade-sentinel"));
    QCoreApplication::setOrganizationName(QStringLiteral("TradeSentinel"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SENTINEL_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        printUsage(args.isEmpty() ? err : out);
        return args.isEmpty() ? ExitBadInput : ExitOk;
    }

    // The longest command whose words match the start of the arguments wins ("config check").
    const cli::Command* chosen = nullptr;
    for (const cli::Command& command : cli::commands()) {
        if (args.size() >= command.words.size() && args.mid(0, command.words.size()) == command.words
            && (!chosen || command.words.size() > chosen->words.size()))
            chosen = &command;
    }
    if (!chosen) {
        err << "sentinel: unknown command '" << args.first() << "'. Run 'sentinel --help' for the list." << Qt::endl;
        return ExitBadInput;
    }
    const QString name = chosen->words.join(u' ');
    cli::Invocation invocation{name, QStringList{QStringLiteral("sentinel ") + name} + args.mid(chosen->words.size()), out, err};
    const int status = chosen->run(invocation);
    out.flush();
    err.flush();
    return status;
}
