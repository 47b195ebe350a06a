// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/EngineServices.h"

#include "cache/BarStore.h"
#include "cache/CacheRegistry.h"
#include "cache/CachedBarSource.h"
#include "common/AlertKinds.h"
#include "common/Log.h"
#include "config/Config.h"
#include "engine/AdvisorServices.h"
#include "engine/AlertSink.h"
#include "engine/BarHistory.h"
#include "engine/EngineOptions.h"
#include "engine/InstrumentBook.h"
#include "engine/MeteredProvider.h"
#include "journal/Journal.h"
#include "market/CalendarRegistry.h"
#include "market/FreshnessGate.h"
#include "notify/DesktopChannel.h"
#include "notify/Outbox.h"
#include "notify/SignalDispatcher.h"
#include "notify/TelegramChannel.h"
#include "notify/WebhookChannel.h"
#include "providers/AlphaVantageProvider.h"
#include "providers/CoinbaseProvider.h"
#include "providers/OandaProvider.h"
#include "providers/ReplayProvider.h"
#include "providers/RoutedProvider.h"
#include "providers/SharedRateBudget.h"
#include "providers/SimulatedProvider.h"
#include "risk/RiskGate.h"
#include "strategy/AdvisorContextFactory.h"
#include "strategy/StrategyRegistry.h"
#include "trading/CoinbasePlatform.h"
#include "trading/OandaPlatform.h"
#include "trading/PaperPlatform.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace sentinel {

using namespace std::chrono_literals;

QString journalPathFor(const Config& config, const EngineOptions& options)
{
    if (!options.journalPath.isEmpty())
        return options.journalPath;
    if (!config.journalPath.isEmpty())
        return config.journalPath;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/journal.sqlite");
}

EngineServices::EngineServices(const Config& config, const EngineOptions& options, Clock& clock, InstrumentBook& instruments,
                               AlertSink& alerts)
    : m_config(config), m_options(options), m_clock(clock), m_instruments(instruments), m_alerts(alerts)
{
}

EngineServices::~EngineServices()
{
    // The dispatcher's channels may still be sending from the outbox: stop them first.
    dispatcher.reset();
}

QStringList EngineServices::build()
{
    QStringList problems = checkModes();
    auto registry = CalendarRegistry::load(m_config.calendarsFile);
    if (!registry) {
        problems << registry.error().toString();
        return problems;
    }
    calendars = std::make_unique<CalendarRegistry>(std::move(registry).value());
    gate = std::make_unique<FreshnessGate>(*calendars, FreshnessPolicy::fromSettings(m_config.freshness));
    problems << m_instruments.build(m_config.watchlist, *calendars);
    buildProvider();
    problems << buildCaches();
    const QStringList storeProblems = buildStores();
    if (!storeProblems.isEmpty())
        return problems << storeProblems; // nothing can run without its journal and account
    problems << buildDecisionRules();
    problems << buildDispatcher();
    return problems;
}

QStringList EngineServices::checkModes() const
{
    QStringList problems;
    if (m_config.mode == TradingMode::Autonomous && !m_config.autonomousEnabled)
        problems << QStringLiteral("mode: autonomous needs autonomous.enabled: true");
    if (m_options.autoApprove && m_config.platform != u"paper")
        problems << QStringLiteral("--auto-approve is allowed only with the paper platform");
    if (m_config.watchlist.isEmpty())
        problems << QStringLiteral("watchlist: list at least one instrument");
    return problems;
}

std::unique_ptr<MarketDataProvider> EngineServices::makeProvider(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Simulated: {
        auto simulated = std::make_unique<SimulatedProvider>(m_clock, m_options.seed);
        simulated->setSchedule(&m_instruments);
        return simulated;
    }
    case ProviderKind::Replay:
        return std::make_unique<ReplayProvider>(m_clock, m_config.replay.directory);
    case ProviderKind::AlphaVantage: {
        auto alphaVantage = std::make_unique<AlphaVantageProvider>(m_clock, m_config.alphaVantage);
        alphaVantage->setSchedule(&m_instruments);
        m_alphaVantageFeed = alphaVantage.get();
        return alphaVantage;
    }
    case ProviderKind::Oanda:
        return std::make_unique<OandaProvider>(m_clock, m_config.oanda, routedTo(ProviderKind::Oanda));
    case ProviderKind::Coinbase:
        return std::make_unique<CoinbaseProvider>(m_clock, m_config.coinbase, routedTo(ProviderKind::Coinbase));
    }
    return {};
}

QList<Instrument> EngineServices::routedTo(ProviderKind kind) const
{
    QList<Instrument> routed;
    for (const Instrument& instrument : m_config.watchlist) {
        if (providerFor(m_config, instrument) == kind)
            routed << instrument;
    }
    return routed;
}

void EngineServices::buildProvider()
{
    // One feed for the whole watchlist, or one per feed its rows name (ADR 0117).
    const QList<ProviderKind> kinds = providersInUse(m_config);
    if (kinds.size() == 1) {
        upstream = makeProvider(kinds.front());
    } else {
        std::vector<std::unique_ptr<MarketDataProvider>> feeds;
        for (const ProviderKind kind : kinds)
            feeds.push_back(makeProvider(kind));
        upstream = std::make_unique<RoutedProvider>(std::move(feeds), [this, kinds](const Instrument& instrument) {
            return std::size_t(kinds.indexOf(providerFor(m_config, instrument)));
        });
    }
    m_instruments.setPublicationDelay(upstream->publicationDelay());
    QObject::connect(upstream.get(), &MarketDataProvider::alertRaised, &m_alerts, [this](const ProviderAlert& alert) {
        // Provider trouble (quota, circuit breaker) is the operator's business: critical.
        QString message = alert.message;
        if (alert.resumesAt.isValid())
            message += QStringLiteral(" (requests resume at %1 UTC)").arg(alert.resumesAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        m_alerts.raise(Alert::Severity::Critical, alert.kind, {}, message);
    });
}

QStringList EngineServices::buildCaches()
{
    QStringList problems;
    caches = std::make_unique<CacheRegistry>(m_config.cache, m_clock);
    for (const Issue& issue : caches->issues())
        problems << issue.toString();
    QObject::connect(caches.get(), &CacheRegistry::backendDegraded, &m_alerts, [this](const QString& reason) {
        m_alerts.raise(Alert::Severity::Warning, alertkind::cacheDegraded, {},
                       QStringLiteral("shared cache unavailable, serving from memory: %1").arg(reason));
    });
    QObject::connect(caches.get(), &CacheRegistry::backendRecovered, &m_alerts, [this] {
        m_alerts.raise(Alert::Severity::Info, alertkind::cacheRecovered, {}, QStringLiteral("shared cache is back"));
    });
    caches->start();
    // Desks on one account count each other's requests (ADR 0126).
    if (const std::shared_ptr<SharedRateBudget> budget = caches->sharedRateBudget())
        upstream->shareRateBudget(budget);
    auto& barCache = caches->create<QString, BarSeries>(cachenames::bars, 5min, 4096, CacheRegistry::Sharing::Shared);
    metered = std::make_unique<MeteredProvider>(*upstream, [this](const Instrument& instrument) {
        const InstrumentRuntime* runtime = m_instruments.find(instrument.key());
        if (!runtime || !runtime->loaded)
            return true; // the start-up history load is reported apart (docs/adr/0090)
        return m_instruments.canPublish(*runtime, m_clock.nowMs());
    });
    bars = std::make_unique<CachedBarSource>(*metered, barCache, &m_instruments);
    bars->setSharedBackend(caches->sharedBackend());
    portfolioCache = &caches->create<quint64, PortfolioSnapshot>(cachenames::portfolio);
    return problems;
}

QStringList EngineServices::buildStores()
{
    m_journalPath = journalPathFor(m_config, m_options);
    QDir().mkpath(QFileInfo(m_journalPath).absolutePath());
    auto opened = Journal::open(m_journalPath);
    if (!opened)
        return {QStringLiteral("journal.path: %1").arg(opened.error().toString())};
    journal = std::move(opened).value();
    if (auto store = BarStore::open(m_journalPath)) {
        barStore = std::move(store).value();
        bars->setBarStore(barStore.get());
        bars->warmFromStore(m_config.watchlist, BarHistory::maxBars, BarHistory::maxDailyCloses);
    } else {
        log::engine()->warn("bar store unavailable, a restart will fetch history again: {}", store.error().toString());
    }
    if (m_config.platform == u"oanda") {
        // The broker's account: orders, positions and balance come from OANDA (ADR 0118).
        platform = std::make_unique<OandaPlatform>(m_clock, m_config.oanda, m_config.watchlist);
        return {};
    }
    if (m_config.platform == u"coinbase") {
        // Coinbase has no practice account: without the explicit yes, orders stay on paper (the
        // configuration check refuses this file; a Config built in code lands here). ADR 0122.
        if (m_config.coinbase.allowLive) {
            log::engine()->warn("platform: coinbase: approved orders are LIVE on Coinbase, with real money (coinbase.allow_live: true)");
            platform = std::make_unique<CoinbasePlatform>(m_clock, m_config.coinbase, m_config.watchlist);
            return {};
        }
        log::engine()->warn("platform: coinbase without coinbase.allow_live: true: orders go to the paper account, not to Coinbase");
    }
    auto paper = PaperPlatform::open(m_journalPath, m_config.paper, m_clock);
    if (!paper)
        return {QStringLiteral("paper: %1").arg(paper.error().toString())};
    platform = std::move(paper).value();
    return {};
}

QStringList EngineServices::buildDecisionRules()
{
    riskGate = std::make_unique<RiskGate>(m_config.risk);
    Result<std::unique_ptr<Strategy>> chosen = Error{};
    if (m_config.strategyName == StrategyRegistry::advisorName()) {
        buildAdvisorContext();
        advisor = std::make_unique<AdvisorServices>(m_config, m_clock, m_alerts);
        chosen = advisor->build([context = advisorContext.get()](const ContextQuestion& question, auto done) {
            context->gather(question, std::move(done));
        });
    } else {
        chosen = StrategyRegistry::create(m_config.strategyName);
    }
    if (!chosen)
        return {QStringLiteral("strategy.name: %1").arg(chosen.error().toString())};
    strategy = std::move(chosen).value();
    return {};
}

void EngineServices::buildAdvisorContext()
{
    AlphaVantageProvider* alphaVantage = m_alphaVantageFeed;
    if (!alphaVantage && !m_config.alphaVantage.apiKey.isEmpty()) {
        contextFeed = std::make_unique<AlphaVantageProvider>(m_clock, m_config.alphaVantage);
        alphaVantage = contextFeed.get();
    }
    advisorContext = makeAdvisorContext(*caches, m_clock, alphaVantage);
}

QStringList EngineServices::buildDispatcher()
{
    QStringList problems;
    if (m_config.mode == TradingMode::SignalOnly) {
        for (const Issue& issue : validateTelegramForSignalOnly(m_config.telegram))
            problems << issue.toString();
    }
    if (!m_config.telegram.enabled && !m_config.webhook.enabled)
        return problems;
    auto opened = Outbox::open(m_journalPath);
    if (!opened)
        return problems << QStringLiteral("journal.path: signal outbox: %1").arg(opened.error().toString());
    outbox = std::move(opened).value();
    dispatcher = std::make_unique<SignalDispatcher>(m_clock, *outbox);
    if (m_config.telegram.enabled) {
        telegram = new TelegramChannel(m_config.telegram, m_clock);
        dispatcher->addChannel(telegram);
    }
    if (m_config.webhook.enabled)
        dispatcher->addChannel(new WebhookChannel(m_config.webhook, m_clock));
    dispatcher->addChannel(new LogChannel);
    wireDispatcherAlerts();
    return problems;
}

void EngineServices::wireDispatcherAlerts()
{
    QObject::connect(dispatcher.get(), &SignalDispatcher::allChannelsFailed, &m_alerts, [this](const QString& id, const QString& reason) {
        m_alerts.raise(Alert::Severity::Critical, alertkind::deliveryFailed, {},
                       QStringLiteral("signal %1 reached no channel and stays queued: %2").arg(id, reason));
    });
    QObject::connect(dispatcher.get(), &SignalDispatcher::configurationError, &m_alerts,
                     [this](const QString& channel, const QString& key, const QString& message, const QString& remedy) {
                         m_alerts.raise(Alert::Severity::Critical, alertkind::deliveryConfig, {},
                                        QStringLiteral("%1: %2: %3 — %4").arg(channel, key, message, remedy));
                     });
    QObject::connect(dispatcher.get(), &SignalDispatcher::chatMigrated, &m_alerts, [this](const QString& from, const QString& to) {
        m_alerts.raise(Alert::Severity::Warning, alertkind::deliveryConfig, {},
                       QStringLiteral("the Telegram chat moved from %1 to %2: set telegram.chat_id: \"%2\"").arg(from, to));
    });
}

// Not const although the compiler would allow it: it starts the dispatcher, behind a pointer.
// NOLINTNEXTLINE(readability-make-member-function-const)
QStringList EngineServices::startDispatcher()
{
    if (!dispatcher)
        return {};
    if (const Status started = dispatcher->start(); !started)
        return {QStringLiteral("journal.path: signal outbox: %1").arg(started.error().toString())};
    return {};
}

} // namespace sentinel
