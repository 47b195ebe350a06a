// SPDX-License-Identifier: GPL-3.0-or-later
// Helper process for tst_engine_simulation: the engine of `sentinel run --simulate --auto-approve`,
// killed by SIGKILL (no handler, no destructor, no flush) at a chosen point of the first trade:
//   --die-at executed       when the first proposal is reported executed
//   --die-at signal-queued  when the first signal has been queued in the outbox
//   engine_crash_worker --config FILE --journal FILE --from T --to T --die-at POINT
// Exits 3 when the run ended without reaching that point.
#include "common/ManualClock.h"
#include "engine/ConfigBootstrap.h"
#include "engine/Engine.h"
#include "engine/SimulationDriver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <csignal>

using namespace sentinel;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    for (const char* name : {"config", "journal", "from", "to", "die-at"})
        parser.addOption({QString::fromLatin1(name), QString::fromLatin1(name), QStringLiteral("VALUE")});
    parser.process(app);
    QTextStream err(stderr);
    const ConfigLoadResult loaded = loadConfigWithRegistries(parser.value(QStringLiteral("config")));
    if (!loaded.ok()) {
        err << "config has errors" << Qt::endl;
        return 2;
    }
    const QString dieAt = parser.value(QStringLiteral("die-at"));
    ManualClock clock(QDateTime::fromString(parser.value(QStringLiteral("from")), Qt::ISODate));
    EngineOptions options;
    options.autoApprove = true;
    options.journalPath = parser.value(QStringLiteral("journal"));
    Engine engine(loaded.config, &clock, options);
    const auto die = [] { std::raise(SIGKILL); };
    if (dieAt == u"executed") {
        QObject::connect(&engine, &Engine::proposalChanged, &engine, [die](const ProposalView& proposal) {
            if (proposal.state == ProposalState::Executed)
                die();
        });
    } else {
        QObject::connect(&engine, &Engine::deliveryChanged, &engine, [die](const DeliverySnapshot& delivery) {
            if (delivery.outboxDepth > 0)
                die();
        });
    }
    SimulationDriver driver(clock, QDateTime::fromString(parser.value(QStringLiteral("to")), Qt::ISODate),
                            [&engine] { return engine.busy(); });
    QObject::connect(&engine, &Engine::idle, &driver, &SimulationDriver::notifyIdle);
    QObject::connect(&driver, &SimulationDriver::finished, &engine, [] { QCoreApplication::exit(3); });
    QObject::connect(&engine, &Engine::startFailed, &engine, [] { QCoreApplication::exit(2); });
    engine.start();
    driver.start();
    return QCoreApplication::exec();
}
