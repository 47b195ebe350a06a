// SPDX-License-Identifier: GPL-3.0-or-later
// Helper process for tst_telegram_crash: an engine whose Telegram points at the test's Bot API
// stand-in, killed by SIGKILL (no handler, no destructor, no flush) the moment a decision taken
// from Telegram has been journalled, before the poller has confirmed the update to Telegram.
//   telegram_crash_worker --journal FILE --bot URL --token T --chat ID --operator ID --at ISO
//                         --die-at decided|never
// With `never` it runs for two seconds of wall time and exits 0. Exits 3 when it was to die and
// did not, 2 when the engine would not start.
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <csignal>

using namespace sentinel;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    for (const char* name : {"journal", "bot", "token", "chat", "operator", "at", "die-at"})
        parser.addOption({QString::fromLatin1(name), QString::fromLatin1(name), QStringLiteral("VALUE")});
    parser.process(app);
    Config config = ConfigLoader().loadDemoProfile().config;
    config.watchlist = {Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5}};
    config.mode = TradingMode::Approval;
    config.telegram.enabled = true;
    config.telegram.botToken = Secret(parser.value(QStringLiteral("token")));
    config.telegram.chatId = parser.value(QStringLiteral("chat"));
    config.telegram.apiBaseUrl = QUrl(parser.value(QStringLiteral("bot")));
    config.telegram.operators = {parser.value(QStringLiteral("operator")).toLongLong()};
    ManualClock clock(QDateTime::fromString(parser.value(QStringLiteral("at")), Qt::ISODate));
    EngineOptions options;
    options.journalPath = parser.value(QStringLiteral("journal"));
    Engine engine(config, &clock, options);
    const bool die = parser.value(QStringLiteral("die-at")) == u"decided";
    QObject::connect(&engine, &Engine::proposalChanged, &engine, [die](const ProposalView& proposal) {
        if (die && proposal.state == ProposalState::Rejected)
            std::raise(SIGKILL);
    });
    QObject::connect(&engine, &Engine::startFailed, &engine, [] { QCoreApplication::exit(2); });
    QTimer::singleShot(std::chrono::seconds(die ? 20 : 2), &app, [die] { QCoreApplication::exit(die ? 3 : 0); });
    engine.start();
    return QCoreApplication::exec();
}
