// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel advisor test [--config FILE]`: health-checks every configured model server and asks
// each the fixed test prompt (strategy/AdvisorTestPrompt.h), then prints
// {"providers": [{name, reachable, model_present, latency_ms, valid_output, error}]}. Exit 0: all
// answered with valid advice; 1: one unreachable, without its model, or with an invalid answer;
// 2: the configuration (unreadable, an error in advisor:, no providers, a base_url or model the
// advisor refuses). No secret is printed (docs/adr/0131).
#include "CheckedConfig.h"
#include "Cli.h"

#include "common/ExitCode.h"
#include "providers/AlphaVantageParser.h"
#include "strategy/AdvisorCheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sentinel::cli {

namespace {

QJsonObject serverJson(const AdvisorServerCheck& server)
{
    return QJsonObject{
        {QStringLiteral("name"), server.name},
        {QStringLiteral("reachable"), server.reachable},
        {QStringLiteral("model_present"), server.modelPresent},
        {QStringLiteral("latency_ms"), server.latency ? QJsonValue(qint64(server.latency->count())) : QJsonValue()},
        {QStringLiteral("valid_output"), server.validOutput},
        // {kind, message, remedy}, as every command prints an error.
        {QStringLiteral("error"), server.error ? errorToJson(*server.error).value(QStringLiteral("error")) : QJsonValue()},
    };
}

/// Runs the test to its answer in the command's own event loop; it has its own overall deadline.
AdvisorCheckReport await(const AdvisorSettings& settings)
{
    AdvisorCheckReport answer;
    answer.blocker = Error(QStringLiteral("no_answer"), QStringLiteral("the test ended without an answer"));
    AdvisorCheck check(settings);
    QObject::connect(&check, &AdvisorCheck::finished, &check, [&answer](const AdvisorCheckReport& report) {
        answer = report;
        QCoreApplication::exit(0);
    });
    check.start();
    QCoreApplication::exec();
    return answer;
}

} // namespace

int runAdvisorTest(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Health-check every advisor model server and ask each one fixed prompt; print what each answered."));
    addGlobalOptions(parser);
    GlobalOptions global;
    if (const auto exit = parseArguments(parser, invocation, &global))
        return *exit;

    // Only the advisor's own settings decide whether the test can run.
    const std::optional<Config> config = loadCheckedConfig(invocation, global.configFile, &blocksAdvisorCheck);
    if (!config)
        return ExitBadInput;
    if (const auto blocker = advisorCheckBlocker(config->advisor))
        return usageError(invocation, QStringLiteral("%1: %2 in the file given with --config FILE").arg(blocker->message, blocker->remedy));

    const AdvisorCheckReport report = await(config->advisor);
    if (report.blocker)
        return usageError(invocation, report.blocker->toString());
    QJsonArray servers;
    for (const AdvisorServerCheck& server : report.servers) {
        servers.append(serverJson(server));
        if (server.error)
            invocation.err << "sentinel advisor test: " << server.name << ": " << server.error->kind << ": "
                           << server.error->toString() << Qt::endl;
    }
    invocation.out << QJsonDocument(QJsonObject{{QStringLiteral("providers"), servers}}).toJson(QJsonDocument::Indented);
    switch (report.verdict()) {
    case AdvisorCheckReport::Verdict::AllGood:
        return ExitOk;
    case AdvisorCheckReport::Verdict::ServerFailed:
        return ExitRuntimeFailure;
    case AdvisorCheckReport::Verdict::BadConfig:
        break;
    }
    return ExitBadInput;
}

} // namespace sentinel::cli
