// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel control status|pause|resume|flatten|kill [--config FILE] [--journal FILE] [--yes] [--timeout S]`:
// one command to the desktop app or `sentinel run` that uses the configuration's journal, over
// the local control channel (ADR 0133). Prints the engine's reply (one JSON object) on stdout.
// Exit 0 done, 1 no engine is running (or it failed, or its reply was not one), 2 bad usage,
// 3 the engine refused. flatten and kill without --yes ask with confirm:false: the engine closes
// nothing and answers, refused, with what it would close.
#include "Cli.h"

#include "common/Excerpt.h"
#include "common/ExitCode.h"
#include "config/ConfigLoader.h"
#include "control/ControlClient.h"
#include "control/ControlEndpoint.h"
#include "control/ControlProtocol.h"

#include <QJsonDocument>
#include <QStandardPaths>

#include <chrono>
#include <cmath>
#include <optional>

namespace sentinel::cli {

namespace {

constexpr double defaultTimeoutSeconds = 15;
constexpr double maxTimeoutSeconds = 600;

QString commandWords()
{
    QStringList names;
    for (const ControlCommand command : allControlCommands())
        names.append(controlCommandName(command));
    return names.join(u", ");
}

/// The account name, as a label for the engine's journal ("cli (alice)"). Not an identity: the
/// socket's owner-only access decides who may send at all.
QString localUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("unknown") : name.left(64);
}

/// Where the engine keeps its journal when neither --journal nor journal.path names one; the
/// same folder the engine uses (EngineServices::buildStores), found through the same
/// application name (main.cpp).
QString platformJournalPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/journal.sqlite");
}

/// The journal the configuration names, read the way the app and `sentinel run` read the file
/// (`--config`, else the platform file, else the demo profile). Only an unreadable file or a
/// problem with `journal:` stops the command; the rest of the file is the running engine's
/// business. No secret is needed, so none is looked up: every `${NAME}` counts as set, and the
/// keychain is left alone (a status poll must not wait on it).
std::optional<QString> configuredJournal(Invocation& invocation, const QString& configFile)
{
    ConfigLoadOptions options;
    options.environment = [](const QString&) -> std::optional<QString> { return QStringLiteral("(not needed)"); };
    const ConfigLoadResult loaded = ConfigLoader(options).loadDefault(configFile);
    bool blocked = false;
    for (const Issue& issue : loaded.issues) {
        if (issue.severity == Issue::Severity::Error &&
            (issue.location == u"(file)" || issue.location.startsWith(u"journal"))) {
            invocation.err << "sentinel control: " << issue.toString() << Qt::endl;
            blocked = true;
        }
    }
    if (blocked)
        return std::nullopt;
    return loaded.config.journalPath.isEmpty() ? platformJournalPath() : loaded.config.journalPath;
}

void printReply(Invocation& invocation, const ControlReply& reply)
{
    invocation.out << QJsonDocument(reply.toJson()).toJson(QJsonDocument::Indented);
}

} // namespace

int runControl(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Send one command to the desktop app or `sentinel run` that uses this configuration's journal."));
    addGlobalOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("One of %1.").arg(commandWords()));
    parser.addOption({QStringLiteral("journal"),
                      QStringLiteral("The journal of the engine to reach, when it was started with --journal FILE "
                                     "(default: journal.path of the configuration)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("yes"), QStringLiteral("Confirm flatten or kill. Without it the engine closes "
                                                            "nothing and answers with what it would close (exit 3).")});
    parser.addOption(
        {QStringLiteral("timeout"),
         QStringLiteral("Seconds to wait for the engine's answer (default %1).").arg(defaultTimeoutSeconds),
         QStringLiteral("S")});
    GlobalOptions global;
    if (const auto exit = parseArguments(parser, invocation, &global, 1))
        return *exit;

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(invocation, QStringLiteral("say what to do: sentinel control <%1> [--config FILE]")
                                          .arg(commandWords().replace(QStringLiteral(", "), QStringLiteral("|"))));
    const auto command = controlCommandFromName(positional.first());
    if (!command)
        return usageError(invocation, QStringLiteral("unknown control command '%1': use one of %2")
                                          .arg(excerpt(positional.first()), commandWords()));

    double seconds = defaultTimeoutSeconds;
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > maxTimeoutSeconds)
            return usageError(invocation,
                              QStringLiteral("--timeout '%1' is not a number of seconds above 0 and at most %2")
                                  .arg(excerpt(parser.value(QStringLiteral("timeout"))))
                                  .arg(maxTimeoutSeconds));
    }

    QString journal = parser.value(QStringLiteral("journal"));
    if (journal.isEmpty()) {
        const auto configured = configuredJournal(invocation, global.configFile);
        if (!configured)
            return ExitBadInput;
        journal = *configured;
    }
    const Result<QString> serverName = ControlEndpoint::serverName(journal);
    if (!serverName) {
        invocation.err << "sentinel control: " << serverName.error().toString() << Qt::endl;
        return ExitRuntimeFailure;
    }

    const bool confirmed = parser.isSet(QStringLiteral("yes"));
    const ControlRequest request{*command, QStringLiteral("cli (%1)").arg(localUserName()), confirmed};
    const auto timeout = std::chrono::milliseconds(qint64(std::llround(seconds * 1000)));
    const Result<ControlReply> sent = ControlClient::send(*serverName, request, timeout);
    if (!sent) {
        const Error& error = sent.error();
        if (error.kind == controlClientError::NoEngine) {
            const QString how = global.configFile.isEmpty()
                                    ? QStringLiteral("`sentinel run`")
                                    : QStringLiteral("`sentinel run --config %1`").arg(global.configFile);
            invocation.err << "sentinel control: no Trade Sentinel is running on journal " << journal
                           << ": start the desktop app or " << how << " with this configuration, then try again"
                           << Qt::endl;
        } else {
            invocation.err << "sentinel control: " << error.kind << ": " << error.toString() << Qt::endl;
        }
        return ExitRuntimeFailure;
    }

    const ControlReply& reply = sent.value();
    printReply(invocation, reply);
    if (reply.refused) {
        invocation.err << "sentinel control: " << controlCommandName(*command) << " refused: " << reply.error
                       << Qt::endl;
        if (controlCommandNeedsConfirmation(*command) && !confirmed)
            invocation.err << "sentinel control: nothing was closed; run it again with --yes to "
                           << controlCommandName(*command) << Qt::endl;
        return ExitCheckFailed;
    }
    if (!reply.ok) {
        invocation.err << "sentinel control: " << controlCommandName(*command) << " failed: " << reply.error
                       << Qt::endl;
        return ExitRuntimeFailure;
    }
    if (*command == ControlCommand::Status) {
        if (const Status complete = checkStatusReply(reply); !complete) {
            invocation.err << "sentinel control: " << complete.error().toString() << Qt::endl;
            return ExitRuntimeFailure;
        }
    }
    return ExitOk;
}

} // namespace sentinel::cli
