// SPDX-License-Identifier: GPL-3.0-or-later
// trade-sentinel: the GUI composition root. Picks the language and theme, loads the configuration
// (or the embedded demo profile) once the keychain has been read, starts the engine on its worker
// thread, and wires the engine's signals to the main window and the operator's actions back.
#include "AppConfigStore.h"
#include "LanguageSwitch.h"
#include "common/BoundedFile.h"
#include "common/Log.h"
#include "config/ConfigLoader.h"
#include "config/LiveTrading.h"
#include "control/EngineControlService.h"
#include "engine/Engine.h"
#include "engine/ConfigBootstrap.h"
#include "engine/DemoOpening.h"
#include "engine/EngineHost.h"
#include "engine/SimulationHost.h"
#include "telemetry/Logging.h"
#include "ui/AlertPanel.h"
#include "ui/EngineBinding.h"
#include "ui/LiveTradingQuestion.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"
#include "ui/TrayNotifier.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <memory>

using namespace sentinel;

namespace {

QByteArray readConfigText(const QString& explicitPath)
{
    const QString path = !explicitPath.isEmpty() ? explicitPath
        : (QFile::exists(ConfigLoader::platformConfigPath()) ? ConfigLoader::platformConfigPath()
                                                             : QStringLiteral(":/sentinel/config/demo.yaml"));
    // A file that cannot be read bounded starts the editor empty; the loader reports why.
    Result<QByteArray> text = readBoundedFile(path, FileKind::Config);
    return text ? std::move(text).value() : QByteArray();
}

/// The folder of runbook pages for the Alerts panel's "What to do": installed beside the program
/// (share/doc/trade-sentinel/runbooks under the prefix; Contents/Resources/runbooks in the macOS
/// bundle), else the source tree's when run from a build. Empty when neither is here: the panel
/// then keeps its web address.
QUrl localRunbookFolder()
{
    const QDir programDir(QCoreApplication::applicationDirPath());
    for (const QString& folder : {programDir.filePath(QStringLiteral("../share/doc/trade-sentinel/runbooks")),
                                  programDir.filePath(QStringLiteral("../Resources/runbooks")),
                                  QStringLiteral(SENTINEL_SOURCE_RUNBOOKS)}) {
        if (QFileInfo(folder + QStringLiteral("/README.md")).isFile())
            return QUrl::fromLocalFile(QDir(folder).canonicalPath() + u'/');
    }
    return {};
}

/// The program's options; --help prints them.
void describeOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral("Trade Sentinel desktop trading monitor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("Configuration file (YAML)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("log-file"), QStringLiteral("Write the log to FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("log-level"), QStringLiteral("Log level (default info)."), QStringLiteral("LEVEL")});
    parser.addOption({QStringLiteral("theme"), QStringLiteral("Colour theme: system, light or dark (default: as set in Settings)."),
                      QStringLiteral("THEME")});
    parser.addOption({QStringLiteral("language"), QStringLiteral("User interface language: en, de, es (default: as set in Settings, else the system's)."),
                      QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("reset-layout"), QStringLiteral("Start with the default panel layout.")});
    parser.addOption({QStringLiteral("offline"), QStringLiteral("Skip live checks of delivery channels (shown in the status bar).")});
    parser.addOption({QStringLiteral("journal"), QStringLiteral("Journal file (default: journal.path, else the data folder)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("screenshot"),
                      QStringLiteral("Save a PNG of the main window after --screenshot-delay ms, then quit."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("screenshot-delay"), QStringLiteral("Delay before the screenshot (default 3000)."),
                      QStringLiteral("MS"), QStringLiteral("3000")});
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("trade-sentinel"));
    QCoreApplication::setOrganizationName(QStringLiteral("TradeSentinel"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SENTINEL_VERSION));
}

/// --help and --version need no window: answered before QApplication, which aborts without a
/// display ("could not connect to display").
bool asksForHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "-?" || argument == "--help-all" || argument == "--version"
            || argument == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    if (asksForHelpOrVersion(argc, argv)) {
        const QCoreApplication app(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(app); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Trade Sentinel"));
    QApplication::setWindowIcon(Theme::icon(QStringLiteral("sentinel")));
    const QPalette systemPalette = QApplication::palette();

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);

    const UiPreferences preferences = AppConfigStore::storedPreferences();
    const QString language = parser.isSet(QStringLiteral("language")) ? parser.value(QStringLiteral("language")) : preferences.language;
    const QString theme = parser.isSet(QStringLiteral("theme")) ? parser.value(QStringLiteral("theme")) : preferences.theme;
    LanguageSwitch languages;
    if (!languages.apply(language)) {
        std::fprintf(stderr, "trade-sentinel: no translation for the language \"%s\" (there are en, de and es); "
                             "showing the system's language\n", qPrintable(language));
        languages.apply(QString());
    }
    Theme::apply(app, parseThemeChoice(theme), systemPalette);

    LoggingOptions logging;
    logging.logFile = parser.value(QStringLiteral("log-file"));
    logging.level = parser.isSet(QStringLiteral("log-level")) ? parser.value(QStringLiteral("log-level")) : QStringLiteral("info");
    if (const auto problem = setupLogging(logging)) {
        std::fprintf(stderr, "trade-sentinel: %s\n", qPrintable(*problem));
        return 2;
    }

    const QString explicitPath = parser.value(QStringLiteral("config"));
    AppConfigStore store(explicitPath.isEmpty() ? ConfigLoader::platformConfigPath() : explicitPath,
                         readConfigText(explicitPath));
    MainWindow window;
    window.setConfigStore(&store);
    window.trayNotifier()->setSoundEnabled(store.preferences().alertSound);
    if (const QUrl runbooks = localRunbookFolder(); runbooks.isValid())
        window.alertPanel()->setRunbookBase(runbooks);
    QObject::connect(&window, &MainWindow::languageChangeRequested, &app,
                     [&languages](const QString& chosen) { languages.apply(chosen); });
    QObject::connect(&window, &MainWindow::themeChangeRequested, &app,
                     [&app, systemPalette](const QString& chosen) { Theme::apply(app, parseThemeChoice(chosen), systemPalette); });

    QSettings settings;
    const bool screenshot = parser.isSet(QStringLiteral("screenshot"));
    // Screenshots use the default layout and size so they are the same on every machine.
    if (!screenshot && !parser.isSet(QStringLiteral("reset-layout"))) {
        window.restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        window.restoreLayout(settings.value(QStringLiteral("window/layout")).toByteArray());
        window.keepOnScreen(); // saved on a larger or a disconnected screen
    }

    std::unique_ptr<EngineHost> host;
    std::unique_ptr<SimulationHost> simulations;
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&] {
        if (!screenshot) {
            QSettings out;
            out.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
            out.setValue(QStringLiteral("window/layout"), window.saveLayout());
        }
        if (simulations)
            simulations->shutdown();
        if (host)
            host->shutdown();
    });
    window.show();
    if (!screenshot)
        window.keepOnScreen(); // again with the frame the window manager added

    // Secrets kept in the keychain are read before the configuration is validated, so a
    // `${TELEGRAM_BOT_TOKEN}` stored there resolves like an exported variable.
    store.preload([&] {
        ConfigBootstrapOptions options;
        options.environment = [&store](const QString& name) { return store.lookup(name); };
        const ConfigLoadResult loaded = loadConfigWithRegistries(explicitPath, options);
        // The settings dialog then accepts the markets the user's calendar file adds, as the engine does.
        store.setKnownNames(loaded.known);
        setLogFormat(loaded.config.logFormat);
        for (const Issue& issue : loaded.issues)
            log::config()->warn("{}", issue.toString());
        if (!loaded.ok()) {
            QStringList lines;
            for (const Issue& issue : loaded.issues)
                lines << issue.toString();
            auto* box = new QMessageBox(QMessageBox::Critical, QObject::tr("Configuration problems"),
                                        QObject::tr("Trade Sentinel cannot start with this configuration:\n\n%1\n\n"
                                                    "Run 'sentinel config check' for the full report.")
                                            .arg(lines.join(u'\n')),
                                        QMessageBox::Close, &window);
            QObject::connect(box, &QMessageBox::finished, &app, [] { QApplication::exit(2); });
            box->open();
            return;
        }
        const auto startEngine = [&](const Config& config) {
            EngineOptions engineOptions;
            engineOptions.offline = parser.isSet(QStringLiteral("offline"));
            engineOptions.journalPath = parser.value(QStringLiteral("journal"));
            engineOptions.serveTelemetry = true;
            // The simulated feed's market: for the embedded demo's very first start (no journal
            // yet), one on which a first proposal comes within two minutes, so a new user sees the
            // approval flow (issue 17). Kept for every later start on the simulated feed, demo or
            // not: the journal's bars and the paper account were made on that market.
            if (config.provider == ProviderKind::Simulated) {
                QSettings saved;
                const QString key = QStringLiteral("demo/simulated_seed");
                if (!saved.contains(key)) {
                    const bool newDemo = config.sourcePath.isEmpty()
                        && !QFileInfo::exists(journalPathFor(config, engineOptions));
                    saved.setValue(key, newDemo ? demoOpeningSeed(config, QDateTime::currentDateTimeUtc(),
                                                                  std::chrono::seconds(90), engineOptions.seed)
                                                : engineOptions.seed);
                }
                engineOptions.seed = saved.value(key).toULongLong();
                log::config()->info("simulated market seed {}", engineOptions.seed);
            }
            host = std::make_unique<EngineHost>(config, engineOptions);
            bindEngine(host->engine(), &window);
            // File ▸ Simulate… runs on its own thread, a scratch journal and the paper account.
            simulations = std::make_unique<SimulationHost>(config, engineOptions.seed);
            bindSimulation(simulations.get(), &window);
            // Before start: connected in the engine's thread, it listens once the engine runs.
            EngineControlService::serveWhenRunning(*host->engine());
        QObject::connect(host->engine(), &Engine::startFailed, &window, [&window](const QStringList& problems) {
            auto* box = new QMessageBox(QMessageBox::Critical, QObject::tr("The engine could not start"),
                                        QObject::tr("Nothing is being monitored. Fix these and restart:\n\n%1")
                                            .arg(problems.join(u'\n')),
                                        QMessageBox::Close, &window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
        host->start();
        };
        // Live money needs a second yes, once per start (the first is allow_live in the file).
        if (const auto live = liveTradingAccount(loaded.config)) {
            auto* question = new LiveTradingQuestion(live->describe(), &window);
            question->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(question, &LiveTradingQuestion::answered, &window, [startEngine, config = loaded.config](bool yes) {
                if (!yes)
                    log::config()->warn("live trading declined for this run: approved orders go to the paper account");
                startEngine(yes ? config : withPaperTrading(config));
            });
            question->open();
            return;
        }
        startEngine(loaded.config);
    });

    if (screenshot) {
        const QString path = parser.value(QStringLiteral("screenshot"));
        QTimer::singleShot(parser.value(QStringLiteral("screenshot-delay")).toInt(), &window, [&window, path] {
            if (!window.grab().save(path))
                log::ui()->error("could not save screenshot to {}", path);
            QApplication::quit();
        });
    }
    const int status = QApplication::exec();
    flushLogs();
    return status;
}
