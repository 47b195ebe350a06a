// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

namespace sentinel::cli {

// Each command lives in its own file; declare its entry point here and list it below.
int runVersion(Invocation&);
int runVar(Invocation&);

const QList<Command>& commands()
{
    static const QList<Command> all{
        {{QStringLiteral("--version")}, QStringLiteral("Print the version."), &runVersion},
        {{QStringLiteral("var")}, QStringLiteral("Value at risk of a file of returns (JSON)."), &runVar},
    };
    return all;
}

} // namespace sentinel::cli
