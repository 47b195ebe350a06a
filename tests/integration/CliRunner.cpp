// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

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
    return runProgram(QStringLiteral(SENTINEL_CLI_PATH), arguments, environment);
}

CliRun runProgram(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    CliRun run;
    // Waits in an event loop rather than waitForFinished(), so loopback servers living in the test
    // process (a webhook receiver, a fake provider) keep answering the child.
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        run.err = program.toUtf8() + " did not start: " + process.errorString().toUtf8();
        return run;
    }
    deadline.start(120'000);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        run.err = program.toUtf8() + " did not finish within 120 s";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace sentinel::test
