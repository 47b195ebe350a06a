// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

namespace sentinel::cli {

// Each command lives in its own file; declare its entry point here and list it below.
int runVersion(Invocation&);
int runConfigCheck(Invocation&);
int runJournalVerify(Invocation&);

const QList<Command>& commands()
{
    static const QList<Command> all{
        {{QStringLiteral("--version")}, QStringLiteral("Print the version."), &runVersion},
        {{QStringLiteral("config"), QStringLiteral("check")}, QStringLiteral("Validate the configuration; list every problem."), &runConfigCheck},
        {{QStringLiteral("journal"), QStringLiteral("verify")}, QStringLiteral("Check a journal file against every integrity rule."), &runJournalVerify},
    };
    return all;
}

} // namespace sentinel::cli
