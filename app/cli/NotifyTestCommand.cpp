// SPDX-License-Identifier: GPL-3.0-or-later
#include "NotifyTestCommand.h"

#include "ConfigSecrets.h"
#include "common/Excerpt.h"
#include "common/ExitCode.h"
#include "common/SystemClock.h"
#include "config/ConfigLoader.h"
#include "notify/SignalDispatcher.h"
#include "notify/TelegramChannel.h"
#include "notify/WebhookChannel.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace sentinel::cli {

namespace {

using namespace std::chrono_literals;

/// One channel under test: its own outbox and dispatcher, and what happened.
struct Probe {
    QString name;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<SignalDispatcher> dispatcher;
    QString signalId;
    bool finished = false;
    QJsonObject report;
};

SignalMessage testSignal(const QString& channel, const QDateTime& now)
{
    SignalMessage signal;
    signal.id = QStringLiteral("notify-test-%1-%2").arg(channel, QUuid::createUuid().toString(QUuid::WithoutBraces));
    signal.instrumentKey = QStringLiteral("TEST:EUR_USD");
    signal.side = QStringLiteral("TEST");
    signal.price = 1.2345;
    signal.text = QStringLiteral("Trade Sentinel test message: if you can read this, %1 delivery works.\n"
                                 "Reserved characters arrive intact: _ * [ ] ( ) ~ ` > # + - = | { } . ! \\")
                      .arg(channel);
    signal.createdAt = now;
    signal.expiresAt = now.addSecs(10 * 60);
    return signal;
}

bool isHttpUrl(const QUrl& url)
{
    return url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") && !url.host().isEmpty();
}

} // namespace

int runNotifyTestWith(const TelegramSettings& telegram, const WebhookSettings& webhook, const QString& workDir,
                      Invocation& invocation, std::chrono::milliseconds deadline)
{
    if (!telegram.enabled && !webhook.enabled) {
        return usageError(invocation, QStringLiteral("no channel is enabled: set telegram.enabled or webhook.enabled "
                                                     "to true in the configuration given with --config FILE"));
    }
    if (telegram.enabled) {
        if (const Issues issues = validateTelegramForSignalOnly(telegram); !issues.isEmpty())
            return usageError(invocation, issues.first().toString());
    }
    if (webhook.enabled) {
        if (!isHttpUrl(webhook.url))
            return usageError(invocation, QStringLiteral("webhook.url: '%1' is not an http(s) URL").arg(excerpt(webhook.url.toString())));
        if (webhook.secret.isEmpty())
            return usageError(invocation, QStringLiteral("webhook.secret: empty; the receiver cannot verify the signature "
                                                         "(set it to \"${WEBHOOK_SECRET}\" and export the shared secret)"));
    }

    QTemporaryDir scratch;
    const QString dir = workDir.isEmpty() ? scratch.path() : workDir;
    if (workDir.isEmpty() && !scratch.isValid())
        return usageError(invocation, QStringLiteral("cannot create a temporary folder for the test outbox"));

    SystemClock clock;
    SignalDispatcher::Options options;
    options.backoffBase = 1s;
    options.maxRounds = 4;
    options.maxWait = 30s; // a longer retry_after is reported, not waited out

    std::vector<std::unique_ptr<Probe>> probes;
    int pending = 0;
    auto addProbe = [&](const QString& name, DeliveryChannel* channel) -> bool {
        auto probe = std::make_unique<Probe>();
        probe->name = name;
        auto opened = Outbox::open(dir + QStringLiteral("/notify-test-%1.sqlite").arg(name));
        if (!opened) {
            invocation.err << "sentinel notify test: " << opened.error().toString() << Qt::endl;
            delete channel;
            return false;
        }
        probe->outbox = std::move(opened).value();
        probe->dispatcher = std::make_unique<SignalDispatcher>(clock, *probe->outbox, options);
        probe->dispatcher->addChannel(channel);
        probe->report = QJsonObject{{QStringLiteral("enabled"), true}};
        Probe* p = probe.get();
        auto finish = [p, &pending] {
            if (p->finished)
                return;
            p->finished = true;
            const DeliveryStats stats = p->dispatcher->stats();
            if (!stats.channels.isEmpty() && stats.channels.first().latencyP50Ms >= 0)
                p->report.insert(QStringLiteral("latency_ms"), stats.channels.first().latencyP50Ms);
            if (const auto entry = p->outbox->find(p->signalId); entry && entry.value())
                p->report.insert(QStringLiteral("attempts"), entry.value()->attempts);
            if (--pending == 0)
                QCoreApplication::exit(0);
        };
        QObject::connect(p->dispatcher.get(), &SignalDispatcher::signalDelivered, p->dispatcher.get(), [p, finish] {
            p->report.insert(QStringLiteral("outcome"), QStringLiteral("delivered"));
            finish();
        });
        QObject::connect(p->dispatcher.get(), &SignalDispatcher::signalFailed, p->dispatcher.get(),
                         [p, finish](const QString&, const QString& reason) {
                             p->report.insert(QStringLiteral("outcome"), QStringLiteral("failed"));
                             p->report.insert(QStringLiteral("error"), reason);
                             if (!p->report.contains(u"remedy")) {
                                 const auto channels = p->dispatcher->stats().channels;
                                 if (!channels.isEmpty())
                                     p->report.insert(QStringLiteral("remedy"), channels.first().lastRemedy);
                             }
                             finish();
                         });
        QObject::connect(p->dispatcher.get(), &SignalDispatcher::signalExpired, p->dispatcher.get(), [p, finish] {
            p->report.insert(QStringLiteral("outcome"), QStringLiteral("expired"));
            finish();
        });
        QObject::connect(p->dispatcher.get(), &SignalDispatcher::configurationError, p->dispatcher.get(),
                         [p](const QString&, const QString& key, const QString& message, const QString& remedy) {
                             p->report.insert(QStringLiteral("config_key"), key);
                             p->report.insert(QStringLiteral("remedy"), remedy);
                             p->report.insert(QStringLiteral("problem"), message);
                         });
        QObject::connect(p->dispatcher.get(), &SignalDispatcher::chatMigrated, p->dispatcher.get(),
                         [p](const QString&, const QString& newChatId) {
                             p->report.insert(QStringLiteral("migrated_to_chat_id"), newChatId);
                         });
        probes.push_back(std::move(probe));
        return true;
    };

    // No single request may outlast the whole test (docs/adr/0104).
    TelegramChannel::Options telegramOptions;
    telegramOptions.request.deadline = std::min(telegramOptions.request.deadline, deadline);
    if (telegram.enabled && !addProbe(QStringLiteral("telegram"), new TelegramChannel(telegram, clock, telegramOptions)))
        return ExitRuntimeFailure;
    if (webhook.enabled) {
        auto* hook = new WebhookChannel(webhook, clock);
        hook->setRequestLimits({std::min(WebhookChannel::defaultLimits.deadline, deadline),
                                WebhookChannel::defaultLimits.maxBodyBytes});
        if (!addProbe(QStringLiteral("webhook"), hook))
            return ExitRuntimeFailure;
    }

    pending = int(probes.size());
    for (const auto& probe : probes) {
        const SignalMessage signal = testSignal(probe->name, clock.now());
        probe->signalId = signal.id;
        if (Status started = probe->dispatcher->start(); !started) {
            invocation.err << "sentinel notify test: " << started.error().toString() << Qt::endl;
            return ExitRuntimeFailure;
        }
        if (const auto queued = probe->dispatcher->dispatch(signal); !queued) {
            invocation.err << "sentinel notify test: " << queued.error().toString() << Qt::endl;
            return ExitRuntimeFailure;
        }
    }
    // Whatever the servers do (trickle, stall, retry_after, back-off), the test ends in time:
    // a channel without an outcome by then is reported undelivered.
    QTimer overall;
    overall.setSingleShot(true);
    QObject::connect(&overall, &QTimer::timeout, &overall, [&probes, &pending, deadline] {
        for (const auto& probe : probes) {
            if (probe->finished)
                continue;
            probe->finished = true;
            probe->report.insert(QStringLiteral("outcome"), QStringLiteral("failed"));
            probe->report.insert(QStringLiteral("error"),
                                 QStringLiteral("deadline_exceeded: no outcome within %1 s").arg(deadline.count() / 1000.0));
            --pending;
        }
        QCoreApplication::exit(0);
    });
    overall.start(deadline);
    // The command's own (and only) event loop: main() has not started one.
    QCoreApplication::exec();
    overall.stop();

    QJsonObject channels{{QStringLiteral("telegram"), QJsonObject{{QStringLiteral("enabled"), false}}},
                         {QStringLiteral("webhook"), QJsonObject{{QStringLiteral("enabled"), false}}}};
    bool allDelivered = true;
    for (const auto& probe : probes) {
        channels.insert(probe->name, probe->report);
        allDelivered = allDelivered && probe->report.value(u"outcome").toString() == u"delivered";
    }
    const QJsonObject result{{QStringLiteral("ok"), allDelivered}, {QStringLiteral("channels"), channels}};
    invocation.out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    if (!allDelivered)
        invocation.err << "sentinel notify test: not every enabled channel delivered the test message (see \"channels\")" << Qt::endl;
    return allDelivered ? ExitOk : ExitRuntimeFailure;
}

int runNotifyTest(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Send one test message through every enabled channel of the configuration."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("work-dir"), QStringLiteral("folder for the scratch outbox (default: temporary)"),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("seconds after which the test ends and an undelivered channel fails (1-60, default 60)"),
                      QStringLiteral("S"), QStringLiteral("60")});
    GlobalOptions global;
    if (const auto exit = parseArguments(parser, invocation, &global))
        return *exit;

    bool numeric = false;
    const double timeoutSeconds = parser.value(QStringLiteral("timeout")).toDouble(&numeric);
    if (!numeric || !(timeoutSeconds >= 0.1 && timeoutSeconds <= 60))
        return usageError(invocation, QStringLiteral("--timeout '%1' is not a number of seconds from 0.1 to 60")
                                          .arg(parser.value(QStringLiteral("timeout"))));
    const auto deadline = std::chrono::milliseconds(qint64(timeoutSeconds * 1000));

    // Only the channels' own settings decide whether this test can run: someone setting up
    // Telegram before the rest of the file is finished should still be able to try it.
    const ConfigLoadResult loaded = ConfigLoader(loadOptionsWithSecrets(global.configFile)).loadDefault(global.configFile);
    int blocking = 0;
    for (const Issue& issue : loaded.issues) {
        const bool concernsChannels = issue.location.startsWith(u"telegram.") || issue.location.startsWith(u"webhook.")
                                      || issue.location == u"(file)";
        // "signal-only mode needs Telegram" is a problem of the mode, not of a disabled channel.
        const bool aboutTheMode = issue.location == u"telegram.enabled" && !loaded.config.telegram.enabled;
        const bool blocks = issue.severity == Issue::Severity::Error && concernsChannels && !aboutTheMode;
        blocking += blocks ? 1 : 0;
        invocation.err << "sentinel notify test: " << (blocks ? "" : "note: ") << issue.toString() << Qt::endl;
    }
    if (blocking > 0)
        return ExitBadInput;
    return runNotifyTestWith(loaded.config.telegram, loaded.config.webhook, parser.value(QStringLiteral("work-dir")),
                             invocation, deadline);
}

} // namespace sentinel::cli
