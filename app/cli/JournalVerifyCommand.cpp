// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include "common/ExitCode.h"
#include "journal/JournalVerifier.h"

#include <QJsonDocument>

namespace sentinel::cli {

/// `sentinel journal verify --journal FILE`: one JSON object with the row counts and every
/// integrity rule's outcome. SQLite's integrity_check runs first. Exit 0 when all rules pass,
/// 3 when one fails or the file is corrupt (SQLite's messages on stderr), 2 when the file is
/// missing, a directory or not a journal (not SQLite, or SQLite without the journal's tables),
/// 1 when it cannot be read.
int runJournalVerify(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check a journal file against every integrity rule, after SQLite's own integrity_check.\n"
        "Exit status: 0 every rule passed; 3 a rule failed or the file is corrupt (SQLite's messages on stderr); "
        "2 the file is missing, a directory or not a journal; 1 it could not be read."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("journal"), QStringLiteral("The journal file (SQLite) to check."), QStringLiteral("FILE")});
    if (const auto status = parseArguments(parser, invocation))
        return *status;
    const QString path = parser.value(QStringLiteral("journal"));
    if (path.isEmpty())
        return usageError(invocation, QStringLiteral("--journal FILE is required"));

    const Result<VerificationReport> report = JournalVerifier::verify(path);
    if (!report) {
        const Error& error = report.error();
        invocation.err << "sentinel " << invocation.commandName << ": " << error.toString() << Qt::endl;
        // Corruption is a check that ran and said no (DESIGN.md exit 3), not a runtime failure.
        if (error.kind == u"journal_corrupt")
            return ExitCheckFailed;
        const bool badInput = error.kind == u"not_found" || error.kind == u"not_a_journal" || error.kind == u"journal_too_new";
        return badInput ? ExitBadInput : ExitRuntimeFailure;
    }
    invocation.out << QJsonDocument(report->toJson()).toJson(QJsonDocument::Compact) << '\n';
    for (const RuleResult& rule : report->rules) {
        for (const RuleViolation& violation : rule.violations)
            invocation.err << rule.name << ": " << violation.id << ": " << violation.detail << '\n';
    }
    invocation.err << path << (report->passed() ? ": every integrity rule passed" : ": integrity rules failed") << '\n';
    return report->passed() ? ExitOk : ExitCheckFailed;
}

} // namespace sentinel::cli
