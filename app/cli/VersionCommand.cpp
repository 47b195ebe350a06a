// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include "common/ExitCode.h"

namespace sentinel::cli {

int runVersion(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the version."));
    addGlobalOptions(parser);
    if (const auto exit = parseArguments(parser, invocation))
        return *exit;
    invocation.out << "sentinel " << SENTINEL_VERSION << " (Qt " << qVersion() << ")" << Qt::endl;
    return ExitOk;
}

} // namespace sentinel::cli
