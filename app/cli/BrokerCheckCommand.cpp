// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel broker check --config FILE`: connects to the configured broker (OANDA or Coinbase), authenticates, and
// prints the account and its open positions as JSON (exit 0), or a typed error with its remedy
// (exit 1: unreachable or failing; exit 2: credentials or configuration). No secret is printed.
#include "CheckedConfig.h"
#include "Cli.h"

#include "brokers/BrokerCheck.h"
#include "common/ExitCode.h"
#include "providers/AlphaVantageParser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace sentinel::cli {

namespace {

int printFailure(Invocation& invocation, const BrokerCheckOutcome& outcome)
{
    QJsonObject failure = errorToJson(outcome.error);
    failure.insert(QStringLiteral("platform"), outcome.broker);
    invocation.out << QJsonDocument(failure).toJson(QJsonDocument::Indented);
    invocation.err << "sentinel broker check: " << outcome.error.kind << ": " << outcome.error.toString() << Qt::endl;
    return outcome.userToFix ? ExitBadInput : ExitRuntimeFailure;
}

/// Runs the check to its answer in the command's own event loop; every request has its deadline.
BrokerCheckOutcome await(const Config& config, const QString& broker)
{
    BrokerCheckOutcome answer{broker, std::nullopt,
                              Error(QStringLiteral("no_answer"), QStringLiteral("the check ended without an answer")), false};
    BrokerCheck check(config, broker);
    QObject::connect(&check, &BrokerCheck::finished, &check, [&answer](const BrokerCheckOutcome& outcome) {
        answer = outcome;
        QCoreApplication::exit(0);
    });
    check.start();
    QCoreApplication::exec();
    return answer;
}

} // namespace

int runBrokerCheck(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Connect to the configured broker and print its account and open positions."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("broker"), QStringLiteral("which broker section to check: oanda or coinbase"), QStringLiteral("NAME")});
    GlobalOptions global;
    if (const auto exit = parseArguments(parser, invocation, &global))
        return *exit;

    // Only the broker's own settings decide whether the check can run.
    const std::optional<Config> config = loadCheckedConfig(invocation, global.configFile, &blocksBrokerCheck);
    if (!config)
        return ExitBadInput;
    const auto broker = brokerToCheck(*config, parser.value(QStringLiteral("broker")));
    if (!broker)
        return usageError(invocation, QStringLiteral("no broker is configured: add an oanda: section (account_id, token) or a "
                                                     "coinbase: section (key_name, private_key) to the file given with --config FILE"));
    if (const auto blocker = brokerCheckBlocker(*config, *broker))
        return usageError(invocation, blocker->toString());

    const BrokerCheckOutcome outcome = await(*config, *broker);
    if (!outcome.report)
        return printFailure(invocation, outcome);
    invocation.out << QJsonDocument(*outcome.report).toJson(QJsonDocument::Indented);
    return ExitOk;
}

} // namespace sentinel::cli
