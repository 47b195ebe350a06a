// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"

#include <QJsonDocument>

namespace sentinel::test {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QString sentinelPath()
{
    return QStringLiteral(SENTINEL_CLI_PATH);
}

CliRun runSentinel(const QStringList& arguments, const QProcessEnvironment& environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SENTINEL_CLI_PATH), arguments);
    CliRun run;
    // A child process, not a nested event loop in the code under test.
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        run.err = "sentinel did not finish within 120 s";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace sentinel::test
