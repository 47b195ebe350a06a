// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "config/AdvisorSettings.h"
#include "common/LogFormat.h"
#include "common/Secret.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>

namespace sentinel {

/// How proposals reach execution.
enum class TradingMode { Approval, SignalOnly, Autonomous };
enum class ProviderKind { Simulated, Replay, AlphaVantage, Oanda, Coinbase };
enum class CacheBackend { Memory, Redis };

struct AlphaVantageSettings {
    Secret apiKey;
    QUrl baseUrl = QUrl(QStringLiteral("https://www.alphavantage.co"));
    int requestsPerMinute = 5;
    int requestsPerDay = 25;
    std::chrono::seconds timeout{10};
};

/// A broker's environment. Practice is the default everywhere; live needs `allow_live: true` too.
enum class BrokerEnvironment { Practice, Live };

/// `oanda:` (issue 14, ADR 0117). The URLs follow the environment unless overridden; an override
/// may use http:// only for a loopback host (the test stand-ins).
struct OandaSettings {
    BrokerEnvironment environment = BrokerEnvironment::Practice;
    bool allowLive = false;
    QString accountId;       ///< e.g. 101-004-1234567-001
    Secret token;
    QUrl baseUrl;            ///< empty: api-fxpractice / api-fxtrade
    QUrl streamUrl;          ///< empty: stream-fxpractice / stream-fxtrade
    std::chrono::seconds timeout{10};
    /// OANDA allows 120 requests a second; a budget of at most 120 a minute can never burst past it.
    int requestsPerMinute = 120;
};

/// `coinbase:` (issue 14, ADR 0121): Coinbase Advanced Trade with a CDP API key. Coinbase has no
/// practice account, so orders there are always real money: `platform: coinbase` needs
/// `allow_live: true`. The market data the feed reads is public and needs no key. URL overrides
/// may use http:// or ws:// only for a loopback host (the test stand-ins).
struct CoinbaseSettings {
    Secret keyName;    ///< organizations/{org}/apiKeys/{key}: the JWT's `sub` and `kid`
    Secret privateKey; ///< the key's ECDSA P-256 private key, PEM (ADR 0116)
    QUrl baseUrl = QUrl(QStringLiteral("https://api.coinbase.com"));
    QUrl wsUrl = QUrl(QStringLiteral("wss://advanced-trade-ws.coinbase.com"));
    bool allowLive = false;
    std::chrono::seconds timeout{10};
    /// Coinbase allows 10 public requests a second per IP address (30 signed ones per user); the
    /// default leaves room for a second process on the same address.
    int requestsPerSecond = 8;
};

struct ReplaySettings {
    QString directory;
};

struct FreshnessSettings {
    std::chrono::seconds marketOpenMaxLag{2 * 3600};
    std::chrono::seconds marketClosedMaxLag{24 * 3600};
    std::chrono::seconds weekendMaxLag{72 * 3600};
};

struct CacheTtls {
    std::chrono::seconds portfolio{60};
    std::chrono::seconds quote{30};
    std::chrono::seconds indicators{5 * 60};
    std::chrono::seconds sentiment{30 * 60};
    std::chrono::seconds macro{24 * 3600};
    std::chrono::seconds regime{5 * 60};
};

struct CacheSettings {
    bool enabled = true;
    CacheBackend backend = CacheBackend::Memory;
    /// As written, password included; shown only through the Redactor (the password is
    /// registered as redisPassword when the file is read).
    QString redisUrl = QStringLiteral("redis://127.0.0.1:6379");
    Secret redisPassword; ///< the password in redisUrl, if any
    CacheTtls ttl;
};

struct RiskSettings {
    double varConfidence = 0.95;
    double maxVarPct = 0.05;
    double maxPositionPct = 0.05;
    double maxDrawdownPct = 0.05;
    int minHistoricalReturns = 30; ///< below this, VaR blends in the bootstrap fallback
    int maxTradesPerDay = 20;
    double maxAssetClassPct = 0.25; ///< gross exposure of one asset class, fraction of equity
    int volatilityWindow = 20;      ///< daily returns the volatility check looks back over
    /// An entry with signal confidence c may trade while recent daily volatility is at most
    /// c × this multiple × the asset class's typical volatility (ADR 0033).
    double volatilityConfidenceMultiple = 3.0;
};

struct TelegramSettings {
    bool enabled = false;
    Secret botToken;
    QString chatId;
    QUrl apiBaseUrl = QUrl(QStringLiteral("https://api.telegram.org"));
    /// `telegram.operators`: the Telegram user ids allowed to approve, reject and command (ADR
    /// 0119). Empty: nobody can act through Telegram; proposals still arrive there.
    QList<qint64> operators{}; // {}: aggregate initialisers that stop before it stay warning-free
};

struct WebhookSettings {
    bool enabled = false;
    QUrl url;
    Secret secret;
};

/// `journal.retention`: how long operational rows are kept before the daily sweep deletes them
/// (ADR 0108). The trading record (proposals, decisions, executions) is never deleted.
struct RetentionSettings {
    std::chrono::seconds alerts{std::chrono::hours{24 * 90}}; ///< alerts, by when they were raised
    std::chrono::seconds outbox{std::chrono::hours{24 * 30}}; ///< finished outbox rows, by when they finished
};

struct PaperSettings {
    double startingBalance = 100000;
    QString currency = QStringLiteral("USD");
    double feeBps = 1.0;      ///< fee per fill, basis points of notional
    double slippageBps = 2.0; ///< adverse price move per fill, basis points
};

/// The whole configuration, typed. Loaded by ConfigLoader; defaults are the embedded demo
/// profile's values.
struct Config {
    QString sourcePath; ///< file it was loaded from; empty for the embedded demo profile
    TradingMode mode = TradingMode::Approval;
    bool autonomousEnabled = false;
    ProviderKind provider = ProviderKind::Simulated;
    AlphaVantageSettings alphaVantage;
    OandaSettings oanda;
    CoinbaseSettings coinbase;
    ReplaySettings replay;
    QList<Instrument> watchlist;
    /// `watchlist[i].provider` where it differs from `provider`, by Instrument::key().
    QHash<QString, ProviderKind> providerOverrides;
    QString strategyName = QStringLiteral("sma_cross");
    AdvisorSettings advisor; ///< `advisor:`, used when strategyName is llm_advisor
    QString platform = QStringLiteral("paper");
    PaperSettings paper;
    std::chrono::seconds approvalTimeout{300};
    FreshnessSettings freshness;
    CacheSettings cache;
    RiskSettings risk;
    TelegramSettings telegram;
    WebhookSettings webhook;
    QString journalPath; ///< empty: the platform's data location
    RetentionSettings retention;
    QString telemetryListen = QStringLiteral("127.0.0.1:9464");
    /// A non-loopback `telemetry.listen` needs both: `telemetry.allow_remote: true` and a bearer
    /// token that every scraper then sends (SECURITY.md).
    bool telemetryAllowRemote = false;
    Secret telemetryBearerToken;
    LogFormat logFormat = LogFormat::Text; ///< `logging.format`
    /// `calendars.file`: a user calendar file overlaid on the built-in calendars; empty = the
    /// built-in calendars only. A relative path is resolved against the configuration file's folder.
    QString calendarsFile;
};

[[nodiscard]] QString tradingModeName(TradingMode mode);
[[nodiscard]] QString providerKindName(ProviderKind kind);
/// The feed one instrument is fetched from: its `watchlist[i].provider`, else `provider`.
[[nodiscard]] ProviderKind providerFor(const Config& config, const Instrument& instrument);
/// Every feed the configuration names, each once: `provider` (the default, even when every row
/// overrides it) first, then the rows' own.
[[nodiscard]] QList<ProviderKind> providersInUse(const Config& config);
/// "BTC/USD" → "BTC-USD", Coinbase's product id for a watchlist pair; empty when `symbol` is no
/// BASE/QUOTE pair of capitals and digits.
[[nodiscard]] QString coinbaseProductId(const QString& symbol);

} // namespace sentinel
