// SPDX-License-Identifier: GPL-3.0-or-later
// trade-sentinel: the GUI composition root. Loads the configuration (or the embedded demo
// profile), starts the engine on its worker thread and shows the main window.
#include "common/Log.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "engine/EngineHost.h"
#include "telemetry/Logging.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

using namespace sentinel;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("trade-sentinel"));
    QApplication::setOrganizationName(QStringLiteral("TradeSentinel"));
    QApplication::setApplicationDisplayName(QStringLiteral("Trade Sentinel"));
    QApplication::setApplicationVersion(QStringLiteral(SENTINEL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Trade Sentinel desktop trading monitor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("Configuration file (YAML)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("log-file"), QStringLiteral("Write the log to FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("log-level"), QStringLiteral("Log level (default info)."), QStringLiteral("LEVEL")});
    parser.addOption({QStringLiteral("screenshot"),
                      QStringLiteral("Save a PNG of the main window after --screenshot-delay ms, then quit."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("screenshot-delay"), QStringLiteral("Delay before the screenshot (default 3000)."),
                      QStringLiteral("MS"), QStringLiteral("3000")});
    parser.process(app);

    LoggingOptions logging;
    logging.logFile = parser.value(QStringLiteral("log-file"));
    logging.level = parser.isSet(QStringLiteral("log-level")) ? parser.value(QStringLiteral("log-level")) : QStringLiteral("info");
    if (const auto problem = setupLogging(logging)) {
        std::fprintf(stderr, "trade-sentinel: %s\n", qPrintable(*problem));
        return 2;
    }

    const ConfigLoadResult loaded = ConfigLoader().loadDefault(parser.value(QStringLiteral("config")));
    for (const Issue& issue : loaded.issues)
        log::config()->warn("{}", issue.toString());
    if (!loaded.ok()) {
        QStringList lines;
        for (const Issue& issue : loaded.issues)
            lines << issue.toString();
        QMessageBox::critical(nullptr, QObject::tr("Configuration problems"),
                              QObject::tr("Trade Sentinel cannot start with this configuration:\n\n%1\n\n"
                                          "Run 'sentinel config check' for the full report.")
                                  .arg(lines.join(u'\n')));
        return 2;
    }

    EngineHost host(loaded.config);
    MainWindow window;
    QObject::connect(host.engine(), &Engine::snapshotsChanged, &window, &MainWindow::onSnapshotsChanged);
    QObject::connect(host.engine(), &Engine::statusChanged, &window, &MainWindow::onEngineStatusChanged);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &host, &EngineHost::shutdown);
    window.show();
    host.start();

    if (parser.isSet(QStringLiteral("screenshot"))) {
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
