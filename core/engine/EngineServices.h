// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "cache/TtlCache.h"
#include "trading/Portfolio.h"

#include <QStringList>

#include <memory>

namespace sentinel {

class AdvisorContext;
class AdvisorServices;
class AlphaVantageProvider;
class AlertSink;
class BarStore;
class CacheRegistry;
class CachedBarSource;
class CalendarRegistry;
class Clock;
class FreshnessGate;
class InstrumentBook;
class Journal;
class MarketDataProvider;
class MeteredProvider;
class Outbox;
class RiskGate;
class SignalDispatcher;
class Strategy;
class TelegramChannel;
class TradingPlatform;
struct Config;
enum class ProviderKind;
struct EngineOptions;

/// Every service one engine runs on, built from the configuration in the engine's thread: the
/// calendars and freshness gate, the market-data provider behind its meter and bar cache, the
/// caches, the journal, the trading platform, the strategy, the risk gate and the signal
/// dispatcher with its outbox; their trouble (provider quota, cache backend, delivery) is wired to
/// the engine's alerts. Members are declared in dependency order, so users are destroyed first.
class EngineServices final
{
public:
    EngineServices(const Config& config, const EngineOptions& options, Clock& clock, InstrumentBook& instruments,
                   AlertSink& alerts);
    ~EngineServices();
    EngineServices(const EngineServices&) = delete;
    EngineServices& operator=(const EngineServices&) = delete;

    /// Builds everything; returns what to fix (empty: ready to run).
    [[nodiscard]] QStringList build();
    /// Starts delivering from the outbox (after the caller has connected to the dispatcher's
    /// statistics); returns what to fix. Nothing to do without a dispatcher.
    [[nodiscard]] QStringList startDispatcher();

    [[nodiscard]] const QString& journalPath() const { return m_journalPath; }

    std::unique_ptr<CalendarRegistry> calendars;
    std::unique_ptr<FreshnessGate> gate;
    std::unique_ptr<MarketDataProvider> upstream;
    std::unique_ptr<MeteredProvider> metered;
    std::unique_ptr<CacheRegistry> caches;
    std::unique_ptr<BarStore> barStore;
    std::unique_ptr<CachedBarSource> bars;
    TtlCache<quint64, PortfolioSnapshot>* portfolioCache = nullptr; ///< owned by `caches`
    std::unique_ptr<Journal> journal;
    std::unique_ptr<TradingPlatform> platform;
    /// The advisor's Alpha Vantage access for sentiment and macro when the bars come from another
    /// feed; null when the bars' own Alpha Vantage feed serves (one limiter and quota per key) or no key.
    std::unique_ptr<AlphaVantageProvider> contextFeed;
    std::unique_ptr<AdvisorContext> advisorContext; ///< the advisor's prompt context; null without it
    std::unique_ptr<AdvisorServices> advisor; ///< with strategy.name: llm_advisor; null otherwise
    std::unique_ptr<Strategy> strategy;
    std::unique_ptr<RiskGate> riskGate;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<SignalDispatcher> dispatcher; ///< null when no remote channel is enabled
    TelegramChannel* telegram = nullptr;          ///< owned by `dispatcher`

private:
    [[nodiscard]] QStringList checkModes() const;
    void buildProvider();
    [[nodiscard]] std::unique_ptr<MarketDataProvider> makeProvider(ProviderKind kind);
    /// The watchlist rows `kind` serves: the ones a streaming feed watches live.
    [[nodiscard]] QList<Instrument> routedTo(ProviderKind kind) const;
    [[nodiscard]] QStringList buildCaches();
    [[nodiscard]] QStringList buildStores();
    [[nodiscard]] QStringList buildDecisionRules();
    /// The advisor's context sources through the named caches (ADR 0129).
    void buildAdvisorContext();
    [[nodiscard]] QStringList buildDispatcher();
    void wireDispatcherAlerts();

    const Config& m_config;
    const EngineOptions& m_options;
    Clock& m_clock;
    InstrumentBook& m_instruments;
    AlertSink& m_alerts;
    QString m_journalPath;
    AlphaVantageProvider* m_alphaVantageFeed = nullptr; ///< the bars' own, owned by `upstream`; null when none
};

} // namespace sentinel
