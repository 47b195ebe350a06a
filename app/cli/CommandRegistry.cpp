// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

namespace sentinel::cli {

// Each command lives in its own file; declare its entry point here and list it below.
int runVersion(Invocation&);
int runParseAlphaVantage(Invocation&);

const QList<Command>& commands()
{
    static const QList<Command> all{
        {{QStringLiteral("--version")}, QStringLiteral("Print the version."), &runVersion},
        {{QStringLiteral("parse"), QStringLiteral("alphavantage")},
         QStringLiteral("Parse a saved Alpha Vantage body; print normalised JSON or a typed error."),
         &runParseAlphaVantage},
    };
    return all;
}

} // namespace sentinel::cli
