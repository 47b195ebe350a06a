// SPDX-License-Identifier: GPL-3.0-or-later
// sentinel_soak: the fault soak of issue 18 (docs/soak.md, ADR 0106). Runs the real `sentinel`
// binary over simulated days against loopback stand-ins for Alpha Vantage, Telegram and a webhook
// receiver that fail on purpose, kills it with SIGKILL at seeded points, restarts it, and then
// checks the journal, the executions, the deliveries and the memory. Prints one JSON object on
// stdout and a table on stderr; exits 0 when every check passed, 1 when one failed, 2 on bad usage.
#include "JournalFacts.h"
#include "SoakChecks.h"
#include "SoakRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <cstdio>

using namespace sentinel::soak;

namespace {

const QStringList knownSabotage{QStringLiteral("telegram-ack-lost"), QStringLiteral("webhook-ack-lost"),
                                QStringLiteral("no-dedupe"),         QStringLiteral("channels-down"),
                                QStringLiteral("repeat-execution"),  QStringLiteral("break-journal")};

int usage(const QString& message)
{
    std::fprintf(stderr, "sentinel_soak: %s\n", qPrintable(message));
    return 2;
}

bool readNumber(const QCommandLineParser& parser, const QString& name, double low, double high, double* out, QString* error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !(value >= low && value <= high)) {
        *error = QStringLiteral("--%1 '%2' is not a number from %3 to %4").arg(name, parser.value(name).left(40)).arg(low).arg(high);
        return false;
    }
    *out = value;
    return true;
}

VerifyOutcome verifyJournal(const QString& sentinel, const QString& journal)
{
    VerifyOutcome outcome;
    QProcess verify;
    verify.start(sentinel, {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
    if (!verify.waitForFinished(600'000)) {
        verify.kill();
        verify.waitForFinished();
        outcome.stderrText = QStringLiteral("journal verify did not finish within 10 minutes");
        return outcome;
    }
    outcome.exitCode = verify.exitStatus() == QProcess::NormalExit ? verify.exitCode() : -1;
    outcome.report = QJsonDocument::fromJson(verify.readAllStandardOutput()).object();
    outcome.stderrText = QString::fromUtf8(verify.readAllStandardError());
    return outcome;
}

/// The table on stderr: one line a check, with the figures that matter most.
void printTable(const QList<CheckResult>& checks)
{
    std::fprintf(stderr, "\n%-30s %-6s %s\n", "check", "result", "figures");
    for (const CheckResult& check : checks) {
        QString line;
        for (auto it = check.figures.begin(); it != check.figures.end(); ++it) {
            if (it.value().isDouble() || it.value().isBool())
                line += QStringLiteral("%1=%2 ").arg(it.key(), it.value().isBool() ? (it.value().toBool() ? QStringLiteral("yes") : QStringLiteral("no"))
                                                                                    : QString::number(it.value().toDouble()));
        }
        std::fprintf(stderr, "%-30s %-6s %s\n", qPrintable(check.name), check.passed ? "PASS" : "FAIL", qPrintable(line.trimmed()));
        for (const QString& problem : check.problems)
            std::fprintf(stderr, "    - %s\n", qPrintable(problem));
        if (check.problemsNotListed > 0)
            std::fprintf(stderr, "    - and %lld more\n", qint64(check.problemsNotListed));
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sentinel_soak"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The fault soak: the real sentinel binary over simulated days against failing stand-ins, killed and restarted; "
        "then journal, executions, deliveries and memory are checked (docs/soak.md)."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sentinel"), QStringLiteral("The sentinel binary to soak."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("days"), QStringLiteral("Simulated days (default 1)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed of every random choice (default 18)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("kills"), QStringLiteral("SIGKILLs with restarts (default 5)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("First simulated instant, UTC (default 2026-03-02T00:00:00Z)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("work-dir"), QStringLiteral("Folder for journal, config and logs (default: temporary)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("keep"), QStringLiteral("Keep the temporary folder even when every check passed.")});
    parser.addOption({QStringLiteral("memory-tolerance"), QStringLiteral("Allowed memory growth, a fraction (default 0.10)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("provider-error-rate"), QStringLiteral("Share of provider requests answered 5xx (0.02)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("provider-note-rate"),
                      QStringLiteral("Share of provider requests answered with the recorded rate-limit note (0.005)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("timeouts-per-day"), QStringLiteral("Provider requests never answered, per simulated day (1)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("stalls-per-day"), QStringLiteral("Provider answers that stall mid-body, per simulated day (1)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("telegram-429-rate"), QStringLiteral("Share of sendMessage answered 429 (0.10)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("telegram-500-rate"), QStringLiteral("Share of sendMessage answered 500 (0.10)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("webhook-error-rate"), QStringLiteral("Share of webhook POSTs answered 503 (0.02)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("sabotage"),
                      QStringLiteral("Break a condition on purpose to see its check fail: %1 (repeatable).").arg(knownSabotage.join(u", ")),
                      QStringLiteral("NAME")});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first().left(40)));

    SoakOptions options;
    options.sentinel = parser.value(QStringLiteral("sentinel"));
    if (options.sentinel.isEmpty() || !QFileInfo(options.sentinel).isExecutable())
        return usage(QStringLiteral("--sentinel must name the built sentinel binary"));
    QString error;
    double kills = options.kills;
    double seed = double(options.seed);
    if (!readNumber(parser, QStringLiteral("days"), 0.01, 3650, &options.days, &error)
        || !readNumber(parser, QStringLiteral("kills"), 0, 100, &kills, &error)
        || !readNumber(parser, QStringLiteral("seed"), 0, 9007199254740991.0, &seed, &error)
        || !readNumber(parser, QStringLiteral("memory-tolerance"), 0, 10, &options.memoryTolerance, &error)
        || !readNumber(parser, QStringLiteral("provider-error-rate"), 0, 1, &options.faults.providerErrorRate, &error)
        || !readNumber(parser, QStringLiteral("provider-note-rate"), 0, 1, &options.faults.providerNoteRate, &error)
        || !readNumber(parser, QStringLiteral("timeouts-per-day"), 0, 1000, &options.faults.timeoutsPerDay, &error)
        || !readNumber(parser, QStringLiteral("stalls-per-day"), 0, 1000, &options.faults.stallsPerDay, &error)
        || !readNumber(parser, QStringLiteral("telegram-429-rate"), 0, 1, &options.faults.telegram429Rate, &error)
        || !readNumber(parser, QStringLiteral("telegram-500-rate"), 0, 1, &options.faults.telegram500Rate, &error)
        || !readNumber(parser, QStringLiteral("webhook-error-rate"), 0, 1, &options.faults.webhookErrorRate, &error))
        return usage(error);
    options.kills = int(kills);
    options.seed = quint64(seed);
    if (parser.isSet(QStringLiteral("from"))) {
        options.from = QDateTime::fromString(parser.value(QStringLiteral("from")), Qt::ISODate).toUTC();
        if (!options.from.isValid() || !parser.value(QStringLiteral("from")).endsWith(u'Z'))
            return usage(QStringLiteral("--from must be a UTC instant ending in Z"));
    }
    options.workDir = parser.value(QStringLiteral("work-dir"));
    options.keep = parser.isSet(QStringLiteral("keep"));
    for (const QString& name : parser.values(QStringLiteral("sabotage"))) {
        if (!knownSabotage.contains(name))
            return usage(QStringLiteral("unknown --sabotage '%1' (known: %2)").arg(name.left(40), knownSabotage.join(u", ")));
        options.sabotage << name;
    }

    SoakRunner runner(options);
    if (!runner.prepare(&error))
        return usage(error);
    std::fprintf(stderr, "sentinel_soak: %g simulated day(s) from %s, %d kill(s), seed %llu, in %s\n", options.days,
                 qPrintable(options.from.toString(Qt::ISODate)), options.kills, static_cast<unsigned long long>(options.seed),
                 qPrintable(runner.workDir()));
    int status = 1;
    QObject::connect(&runner, &SoakRunner::finished, &app, [&] {
        SoakFacts facts = runner.facts();
        QJsonArray damage;
        for (const QString& name : {QStringLiteral("repeat-execution"), QStringLiteral("break-journal")}) {
            if (!options.sabotage.contains(name))
                continue;
            QString damageError;
            const QString done = damageJournal(runner.journalPath(), name, &damageError);
            damage.append(done.isEmpty() ? QStringLiteral("%1: nothing done %2").arg(name, damageError) : done);
        }
        facts.verify = verifyJournal(options.sentinel, runner.journalPath());
        QString readError;
        const bool read = readJournalFacts(runner.journalPath(), facts, &readError);
        QList<CheckResult> checks = runChecks(facts);
        if (!read) {
            CheckResult unreadable{QStringLiteral("journal_readable"), false, {}, 0, {}};
            unreadable.addProblem(readError);
            checks.prepend(unreadable);
        }
        const bool passed = std::all_of(checks.cbegin(), checks.cend(), [](const CheckResult& c) { return c.passed; });
        if (!passed)
            runner.keepWorkDir();
        QJsonArray runs;
        for (const ChildRun& run : facts.runs)
            runs.append(QJsonObject{{QStringLiteral("run"), run.number},
                                    {QStringLiteral("from"), run.from},
                                    {QStringLiteral("end"), endName(run.end)},
                                    {QStringLiteral("exit_code"), run.exitCode},
                                    {QStringLiteral("wall_s"), double(run.wallMs) / 1000.0},
                                    {QStringLiteral("reached"), QDateTime::fromMSecsSinceEpoch(run.lastSimulatedMs, Qt::UTC).toString(Qt::ISODate)},
                                    {QStringLiteral("summary"), run.summary}});
        QJsonArray checkJson;
        for (const CheckResult& check : checks)
            checkJson.append(check.toJson());
        const QJsonObject report{
            {QStringLiteral("soak"),
             QJsonObject{{QStringLiteral("days"), options.days},
                         {QStringLiteral("from"), QDateTime::fromMSecsSinceEpoch(facts.fromMs, Qt::UTC).toString(Qt::ISODate)},
                         {QStringLiteral("to"), QDateTime::fromMSecsSinceEpoch(facts.toMs, Qt::UTC).toString(Qt::ISODate)},
                         {QStringLiteral("seed"), QString::number(options.seed)},
                         {QStringLiteral("instruments"), 20},
                         {QStringLiteral("wall_s"), double(runner.wallMs()) / 1000.0},
                         {QStringLiteral("work_dir"), passed && !options.keep && options.workDir.isEmpty() ? QString() : runner.workDir()},
                         {QStringLiteral("sabotage"), QJsonArray::fromStringList(options.sabotage)},
                         {QStringLiteral("journal_damage"), damage}}},
            {QStringLiteral("faults_played"), runner.standInStats()},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("checks"), checkJson},
            {QStringLiteral("passed"), passed}};
        std::fprintf(stdout, "%s\n", QJsonDocument(report).toJson(QJsonDocument::Indented).constData());
        std::fflush(stdout);
        printTable(checks);
        std::fprintf(stderr, "\nsentinel_soak: %s after %.0f s of wall time\n", passed ? "every check passed" : "CHECKS FAILED",
                     double(runner.wallMs()) / 1000.0);
        status = passed ? 0 : 1;
        QCoreApplication::quit();
    });
    runner.start();
    QCoreApplication::exec();
    return status;
}
