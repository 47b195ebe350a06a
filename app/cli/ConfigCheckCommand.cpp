// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "ConfigSecrets.h"

#include "common/ExitCode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sentinel::cli {

namespace {
QString severityName(Issue::Severity severity)
{
    switch (severity) {
    case Issue::Severity::Info: return QStringLiteral("info");
    case Issue::Severity::Warning: return QStringLiteral("warning");
    case Issue::Severity::Error: return QStringLiteral("error");
    }
    return {};
}
} // namespace

/// `sentinel config check [--config FILE] [--calendars FILE]`: every problem with its key path and
/// a remedy, as one JSON object on stdout and one readable line each on stderr. Market and
/// strategy names are checked against the real registries (calendars.file included). Exit 2 when
/// any is an error.
int runConfigCheck(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Validate a configuration file."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("calendars"),
                      QStringLiteral("Calendar file to check the watchlist's markets against (replaces calendars.file)."),
                      QStringLiteral("FILE")});
    GlobalOptions global;
    if (const auto status = parseArguments(parser, invocation, &global))
        return *status;

    ConfigBootstrapOptions options = bootstrapOptionsWithSecrets(global.configFile);
    options.calendarsOverride = parser.value(QStringLiteral("calendars"));
    const ConfigLoadResult result = loadConfigWithRegistries(global.configFile, options);
    QJsonArray issues;
    int errors = 0;
    int warnings = 0;
    for (const Issue& issue : result.issues) {
        errors += issue.severity == Issue::Severity::Error ? 1 : 0;
        warnings += issue.severity == Issue::Severity::Warning ? 1 : 0;
        QJsonObject item{{QStringLiteral("severity"), severityName(issue.severity)},
                         {QStringLiteral("key"), issue.location},
                         {QStringLiteral("message"), issue.message},
                         {QStringLiteral("remedy"), issue.remedy}};
        if (issue.line > 0)
            item.insert(QStringLiteral("line"), issue.line);
        issues.append(item);
        invocation.err << severityName(issue.severity) << ": " << issue.toString() << '\n';
    }
    const QString source = result.config.sourcePath.isEmpty() ? QStringLiteral("(embedded demo profile)")
                                                              : result.config.sourcePath;
    const QJsonObject report{{QStringLiteral("source"), source},
                             {QStringLiteral("valid"), errors == 0},
                             {QStringLiteral("errors"), errors},
                             {QStringLiteral("warnings"), warnings},
                             {QStringLiteral("issues"), issues}};
    invocation.out << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    if (errors == 0)
        invocation.err << source << ": configuration is valid" << (warnings ? " (with warnings)" : "") << '\n';
    return errors == 0 ? ExitOk : ExitBadInput;
}

} // namespace sentinel::cli
