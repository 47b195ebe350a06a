// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace sentinel::test {

/// Runs the built `sentinel` binary and captures what it printed.
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const;
};

/// Path of the built `sentinel` binary, for tests that manage the process themselves.
QString sentinelPath();

CliRun runSentinel(const QStringList& arguments, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

/// runSentinel() for another program, e.g. `dbus-run-session -- <sentinel> ...`.
CliRun runProgram(const QString& program, const QStringList& arguments,
                  const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

} // namespace sentinel::test
