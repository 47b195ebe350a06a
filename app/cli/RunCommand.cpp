// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "ConfigSecrets.h"

#include "common/Excerpt.h"
#include "common/ExitCode.h"
#include "common/ManualClock.h"
#include "common/SystemClock.h"
#include "config/ConfigLoader.h"
#include "engine/ConfigBootstrap.h"
#include "control/EngineControlService.h"
#include "engine/Engine.h"
#include "engine/SimulationDriver.h"
#include "journal/Journal.h"
#include "journal/JournalTimeline.h"
#include "report/PerformanceReport.h"
#include "telemetry/Logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <memory>
#include <utility>

namespace sentinel::cli {

namespace {

std::optional<QDateTime> parseUtcInstant(const QString& text)
{
    if (!text.endsWith(u'Z'))
        return std::nullopt;
    QDateTime instant = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!instant.isValid())
        instant = QDateTime::fromString(text, Qt::ISODate);
    if (!instant.isValid())
        return std::nullopt;
    return instant.toUTC();
}

/// Set by SIGINT/SIGTERM. A handler may only store to a lock-free atomic; the event loop polls it.
std::atomic<bool> stopRequested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void requestStop(int)
{
    stopRequested.store(true);
}

/// Where `--resume` starts: the last instant the journal records (ADR 0106). An error is a
/// usage error (exit 2) when the file is the wrong one, a runtime failure (exit 1) otherwise.
std::optional<QDateTime> resumePoint(Invocation& invocation, const QString& journalPath, int* exitCode)
{
    if (journalPath.isEmpty()) {
        *exitCode = usageError(invocation, QStringLiteral("--resume needs the journal to resume: give --journal FILE"));
        return std::nullopt;
    }
    const auto last = JournalTimeline::lastInstant(journalPath);
    if (!last) {
        const QString& kind = last.error().kind;
        if (kind == u"not_found" || kind == u"not_a_journal") {
            *exitCode = usageError(invocation, QStringLiteral("--resume: %1").arg(last.error().toString()));
        } else {
            invocation.err << "sentinel run: --resume: " << last.error().toString() << '\n';
            *exitCode = ExitRuntimeFailure;
        }
        return std::nullopt;
    }
    if (!last.value()) {
        *exitCode = usageError(invocation, QStringLiteral("--resume: journal %1 records nothing yet; start it with --from").arg(journalPath));
        return std::nullopt;
    }
    return *last.value();
}

} // namespace

/// `sentinel run`: the headless engine. With --simulate it drives the engine on a ManualClock from
/// --from to --to as fast as the machine allows; otherwise it runs in real time for --duration
/// seconds, or until Ctrl-C / SIGTERM. Either way an interrupt stops the engine cleanly and the
/// JSON summary is still printed.
int runRun(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run the engine headless and print a JSON summary."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("duration"), QStringLiteral("Run for S seconds of real time."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("simulate"), QStringLiteral("Drive the engine on a simulated clock.")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("Simulation start, UTC (2026-11-23T00:00:00Z)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Simulation end, UTC."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("resume"),
                      QStringLiteral("Simulation only, instead of --from: start where the journal's records end "
                                     "(after a crash or a kill).")});
    parser.addOption({QStringLiteral("auto-approve"),
                      QStringLiteral("Approve every proposal at once (simulation with the paper platform only).")});
    parser.addOption({QStringLiteral("offline"), QStringLiteral("Skip live checks of delivery channels.")});
    parser.addOption({QStringLiteral("journal"),
                      QStringLiteral("Journal file (default: journal.path; with --simulate a temporary file)."),
                      QStringLiteral("FILE")});
    GlobalOptions global;
    if (const auto status = parseArguments(parser, invocation, &global))
        return *status;

    // As `config check` and the desktop app load it: markets from calendars.file are valid here too.
    // `${NAME}` from the environment, else from the keychain Settings stored it in (ADR 0123).
    const ConfigLoadResult loaded = loadConfigWithRegistries(global.configFile, bootstrapOptionsWithSecrets(global.configFile));
    if (!loaded.ok()) {
        for (const Issue& issue : loaded.issues)
            invocation.err << "config: " << issue.toString() << '\n';
        return usageError(invocation, QStringLiteral("the configuration has errors (run 'sentinel config check')"));
    }
    setLogFormat(loaded.config.logFormat); // logging was set up from the command line, before the file was read

    const bool simulate = parser.isSet(QStringLiteral("simulate"));
    const bool resume = parser.isSet(QStringLiteral("resume"));
    if (resume && !simulate)
        return usageError(invocation, QStringLiteral("--resume is allowed only with --simulate (a live run starts at the present)"));
    if (resume && parser.isSet(QStringLiteral("from")))
        return usageError(invocation, QStringLiteral("--resume starts where the journal ends: give --resume or --from, not both"));
    std::unique_ptr<Clock> clock;
    QDateTime start;
    QDateTime end;
    if (simulate) {
        std::optional<QDateTime> from;
        if (resume) {
            const QString journal = parser.isSet(QStringLiteral("journal")) ? parser.value(QStringLiteral("journal"))
                                                                            : loaded.config.journalPath;
            int resumeStatus = ExitOk;
            from = resumePoint(invocation, journal, &resumeStatus);
            if (!from)
                return resumeStatus;
        } else {
            from = parseUtcInstant(parser.value(QStringLiteral("from")));
        }
        const auto to = parseUtcInstant(parser.value(QStringLiteral("to")));
        if (!from)
            return usageError(invocation, QStringLiteral("--simulate needs --from as a UTC instant ending in Z, e.g. 2026-11-23T00:00:00Z"));
        if (!to)
            return usageError(invocation, QStringLiteral("--simulate needs --to as a UTC instant ending in Z, e.g. 2026-11-30T00:00:00Z"));
        if (*to <= *from)
            return usageError(invocation, QStringLiteral("--to (%1) must be after --from (%2)")
                                              .arg(to->toString(Qt::ISODate), from->toString(Qt::ISODate)));
        clock = std::make_unique<ManualClock>(*from);
        start = *from;
        end = *to;
    } else {
        clock = std::make_unique<SystemClock>();
        if (parser.isSet(QStringLiteral("duration"))) {
            bool ok = false;
            const double seconds = parser.value(QStringLiteral("duration")).toDouble(&ok);
            if (!ok || seconds <= 0)
                return usageError(invocation, QStringLiteral("--duration '%1' is not a number of seconds > 0")
                                                  .arg(excerpt(parser.value(QStringLiteral("duration")))));
            end = clock->now().addMSecs(qint64(seconds * 1000));
        } // else: until interrupted
    }

    EngineOptions options;
    options.offline = parser.isSet(QStringLiteral("offline"));
    options.autoApprove = parser.isSet(QStringLiteral("auto-approve"));
    if (options.autoApprove && !simulate)
        return usageError(invocation, QStringLiteral("--auto-approve is allowed only with --simulate (a person approves real runs)"));
    options.journalPath = parser.value(QStringLiteral("journal"));
    options.serveTelemetry = !simulate; // simulated time has nothing to offer a live scraper
    QTemporaryDir scratch; // a simulation must not write into the user's real journal by accident
    if (simulate && options.journalPath.isEmpty()) {
        if (!scratch.isValid())
            return usageError(invocation, QStringLiteral("cannot create a temporary journal; give --journal FILE"));
        options.journalPath = scratch.filePath(QStringLiteral("journal.sqlite"));
    }

    // The journal's own faults get their exit codes before the engine starts (it reports every
    // start problem as a runtime failure): a directory or another kind of file is bad input (2), a
    // damaged journal is a failed check (3), as `journal verify` says.
    if (const QString journal = !options.journalPath.isEmpty() ? options.journalPath : loaded.config.journalPath; !journal.isEmpty()) {
        if (const Status usable = Journal::checkFile(journal); !usable) {
            invocation.err << "sentinel run: " << usable.error().toString() << '\n';
            if (usable.error().kind == u"journal_corrupt")
                return ExitCheckFailed;
            return usable.error().kind == u"not_a_journal" ? ExitBadInput : ExitRuntimeFailure;
        }
    }

    Engine engine(loaded.config, clock.get(), options);
    int exitCode = ExitOk;
    QObject::connect(&engine, &Engine::startFailed, &engine, [&](const QStringList& problems) {
        for (const QString& problem : problems)
            invocation.err << "sentinel run: cannot start: " << problem << '\n';
        invocation.err.flush();
        exitCode = ExitRuntimeFailure;
        QCoreApplication::exit(ExitRuntimeFailure);
    });
    std::unique_ptr<SimulationDriver> driver;
    bool finished = false;
    const auto finish = [&] {
        if (std::exchange(finished, true))
            return; // the end of the run and an interrupt can arrive together
        engine.stop();
        QJsonObject summary = engine.statistics().toJson();
        if (simulate) {
            // Which stretch of simulated time this run covered: a resumed run names its start.
            summary.insert(QStringLiteral("simulation"),
                           QJsonObject{{QStringLiteral("from"), start.toString(Qt::ISODateWithMs)},
                                       {QStringLiteral("to"), end.toString(Qt::ISODateWithMs)},
                                       {QStringLiteral("resumed"), resume}});
            // The same figures as `sentinel report` over the simulated stretch (issue 17).
            const auto fills = journalfills::readFile(options.journalPath, end);
            if (fills) {
                const ReportWindow window{start, end, loaded.config.paper.startingBalance};
                summary.insert(QStringLiteral("performance"), PerformanceReport::build(fills.value(), window).toJson());
            } else {
                invocation.err << "sentinel run: cannot compute the performance: " << fills.error().toString() << '\n';
                summary.insert(QStringLiteral("performance"), QJsonValue(QJsonValue::Null));
                exitCode = ExitRuntimeFailure;
            }
        }
        invocation.out << QJsonDocument(summary).toJson(QJsonDocument::Compact) << '\n';
        QCoreApplication::quit();
    };
    if (simulate) {
        driver = std::make_unique<SimulationDriver>(static_cast<ManualClock&>(*clock), end, [&engine] { return engine.busy(); });
        QObject::connect(&engine, &Engine::idle, driver.get(), &SimulationDriver::notifyIdle);
        QObject::connect(driver.get(), &SimulationDriver::finished, &engine, finish);
        engine.start();
        driver->start();
    } else {
        if (end.isValid())
            clock->callAt(end, &engine, finish);
        // `sentinel control` reaches a real-time run (a simulation's clock is not the operator's).
        EngineControlService::serveWhenRunning(engine);
        engine.start();
    }
    stopRequested.store(false);
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &engine, [&] {
        if (stopRequested.exchange(false)) {
            interruptPoll.stop();
            finish();
        }
    });
    interruptPoll.start(100);
    const int loopStatus = QCoreApplication::exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return exitCode != ExitOk ? exitCode : (loopStatus == 0 ? ExitOk : ExitRuntimeFailure);
}

} // namespace sentinel::cli
