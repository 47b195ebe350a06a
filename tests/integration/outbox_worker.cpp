// SPDX-License-Identifier: GPL-3.0-or-later
// Helper process for tst_outbox_crash: queues N signals in an outbox (or resumes a previous run's
// outbox) and delivers them through one channel at the given loopback URL, then exits 0 once
// nothing is pending. The test kills it with SIGKILL part-way and starts it again.
//   outbox_worker --db FILE --channel telegram|webhook --url BASE --count N
#include "common/SystemClock.h"
#include "notify/SignalDispatcher.h"
#include "notify/TelegramChannel.h"
#include "notify/WebhookChannel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace sentinel;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("db"), QStringLiteral("outbox file"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("channel"), QStringLiteral("telegram or webhook"), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("url"), QStringLiteral("base URL"), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("signals"), QStringLiteral("N")});
    parser.process(app);
    QTextStream err(stderr);

    auto opened = Outbox::open(parser.value(QStringLiteral("db")));
    if (!opened) {
        err << opened.error().toString() << Qt::endl;
        return 1;
    }
    std::unique_ptr<Outbox> outbox = std::move(opened).value();
    SystemClock clock;
    SignalDispatcher::Options options;
    options.backoffBase = std::chrono::milliseconds(50);
    SignalDispatcher dispatcher(clock, *outbox, options);
    const QUrl url(parser.value(QStringLiteral("url")));
    if (parser.value(QStringLiteral("channel")) == u"webhook") {
        dispatcher.addChannel(new WebhookChannel(
            WebhookSettings{true, QUrl(url.toString() + u"/hook"), Secret(QStringLiteral("crash-test-secret"))}, clock));
    } else {
        TelegramChannel::Options telegramOptions;
        // Pacing is tested elsewhere on a ManualClock; here it would only make the test slow.
        telegramOptions.limits = TelegramLimits{std::chrono::milliseconds(0), 1'000'000, 1'000'000};
        dispatcher.addChannel(new TelegramChannel(
            TelegramSettings{true, Secret(QStringLiteral("424242:AAF-crash_test_token_abcdefghijklmnop")),
                             QStringLiteral("4242"), url},
            clock, telegramOptions));
    }

    auto finishIfDone = [&] {
        const DeliveryStats stats = dispatcher.stats();
        if (stats.queued == 0) {
            std::printf("{\"delivered\":%d,\"failed\":%d}\n", stats.delivered, stats.failed);
            std::fflush(stdout);
            QCoreApplication::exit(0);
        }
    };
    QObject::connect(&dispatcher, &SignalDispatcher::signalDelivered, &app, finishIfDone);
    QObject::connect(&dispatcher, &SignalDispatcher::outboxFailed, &app, [](const QString& message) {
        std::fprintf(stderr, "%s\n", message.toUtf8().constData());
        QCoreApplication::exit(1);
    });

    if (Status started = dispatcher.start(); !started) {
        err << started.error().toString() << Qt::endl;
        return 1;
    }
    const QDateTime created = clock.now();
    const int count = parser.value(QStringLiteral("count")).toInt();
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("crash-%1").arg(i, 3, 10, QLatin1Char('0'));
        // A second run finds them queued already: dispatch() refuses duplicates.
        if (!dispatcher.dispatch(SignalMessage{id, QStringLiteral("FX:EUR/USD"), QStringLiteral("BUY"), 1.0 + i / 1000.0,
                                               QStringLiteral("crash test"), created, {}})) {
            return 1;
        }
    }
    QMetaObject::invokeMethod(&app, finishIfDone, Qt::QueuedConnection);
    return QCoreApplication::exec();
}
