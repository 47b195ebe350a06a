// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/ConfigSchema.h"

#include "common/Excerpt.h"
#include "config/AdvisorSchema.h"
#include "config/BrokerSchema.h"
#include "config/CoinbaseSchema.h"
#include "config/TelegramShapes.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace sentinel {

namespace {

void readMode(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    reader.readChoice(root, {}, "mode", config.mode,
                      {{"approval", TradingMode::Approval},
                       {"signal-only", TradingMode::SignalOnly},
                       {"autonomous", TradingMode::Autonomous}});
    if (reader.checkMap(root["autonomous"], QStringLiteral("autonomous"), {"enabled"}))
        reader.readBool(root["autonomous"], QStringLiteral("autonomous"), "enabled", config.autonomousEnabled);
}

void readAlphaVantage(SchemaReader& reader, const YAML::Node& av, Config& config)
{
    const QString path = QStringLiteral("providers.alpha_vantage");
    if (!reader.checkMap(av, path, {"api_key", "base_url", "requests_per_minute", "requests_per_day", "timeout_s"}))
        return;
    reader.readSecret(av, path, "api_key", config.alphaVantage.apiKey, config.provider == ProviderKind::AlphaVantage,
                      QStringLiteral("ALPHA_VANTAGE_API_KEY"));
    reader.readUrl(av, path, "base_url", config.alphaVantage.baseUrl);
    reader.readInt(av, path, "requests_per_minute", config.alphaVantage.requestsPerMinute, 1, 1200);
    reader.readInt(av, path, "requests_per_day", config.alphaVantage.requestsPerDay, 1, 1'000'000);
    reader.readSeconds(av, path, "timeout_s", config.alphaVantage.timeout, 300);
}

/// The settings of each provider the watchlist uses must be there, even when its section is
/// missing altogether.
void checkChosenProvider(SchemaReader& reader, const YAML::Node& root, const Config& config)
{
    const QList<ProviderKind> used = providersInUse(config);
    // readSecret has already said why the key is missing when the section names it; say it once.
    const bool apiKeyReported = std::any_of(reader.issues().cbegin(), reader.issues().cend(), [](const Issue& issue) {
        return issue.location == u"providers.alpha_vantage.api_key";
    });
    if (used.contains(ProviderKind::AlphaVantage) && config.alphaVantage.apiKey.isEmpty() && !apiKeyReported) {
        reader.error(QStringLiteral("providers.alpha_vantage.api_key"), root["provider"],
                     QStringLiteral("provider alpha_vantage needs an API key"),
                     reader.missingSecretRemedy(QStringLiteral("providers.alpha_vantage.api_key"),
                                                QStringLiteral("write api_key: \"${ALPHA_VANTAGE_API_KEY}\" and export the variable")));
    }
    if (used.contains(ProviderKind::Replay) && config.replay.directory.isEmpty()) {
        reader.error(QStringLiteral("providers.replay.directory"), root["provider"],
                     QStringLiteral("provider replay needs a directory of CSV files"),
                     QStringLiteral("set providers.replay.directory"));
    }
}

/// `provider` chooses the market data feed; `providers` holds each feed's settings.
void readProviders(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    readProviderKind(reader, root, {}, config.provider);
    const YAML::Node providers = root["providers"];
    if (reader.checkMap(providers, QStringLiteral("providers"), {"alpha_vantage", "replay"})) {
        readAlphaVantage(reader, providers["alpha_vantage"], config);
        if (reader.checkMap(providers["replay"], QStringLiteral("providers.replay"), {"directory"}))
            reader.readString(providers["replay"], QStringLiteral("providers.replay"), "directory",
                              config.replay.directory);
    }
}

/// One watchlist row; nullopt (with every problem reported) when it cannot be watched.
std::optional<Instrument> readInstrument(SchemaReader& reader, const YAML::Node& item, const QString& path,
                                         const KnownNames& known)
{
    Instrument instrument;
    QString marketText;
    QString intervalText = QStringLiteral("5min");
    bool valid = true;
    if (!reader.readString(item, path, "symbol", instrument.symbol) || instrument.symbol.trimmed().isEmpty()) {
        reader.error(path + u".symbol", item, QStringLiteral("is missing"),
                     QStringLiteral("name the instrument, e.g. symbol: \"AAPL\""));
        valid = false;
    }
    if (!reader.readString(item, path, "market", marketText)) {
        reader.error(path + u".market", item, QStringLiteral("is missing"),
                     QStringLiteral("use one of: %1").arg(known.markets.join(u", ")));
        valid = false;
    } else if (!known.markets.contains(marketText)) {
        reader.error(path + u".market", item["market"], QStringLiteral("unknown market '%1'").arg(excerpt(marketText)),
                     QStringLiteral("use one of: %1").arg(known.markets.join(u", ")));
        valid = false;
    }
    instrument.market = marketText;
    reader.readString(item, path, "interval", intervalText);
    if (const auto interval = parseInterval(intervalText)) {
        instrument.interval = *interval;
    } else {
        reader.error(path + u".interval", item["interval"], QStringLiteral("unknown interval '%1'").arg(excerpt(intervalText)),
                     QStringLiteral("use one of: %1").arg(knownIntervalNames()));
        valid = false;
    }
    return valid ? std::optional<Instrument>(instrument) : std::nullopt;
}

void readWatchlist(SchemaReader& reader, const YAML::Node& node, const KnownNames& known, Config& config)
{
    // `watchlist: []` is as empty as a missing key: an engine with nothing to watch is no monitor.
    if (!node.IsDefined() || node.IsNull() || (node.IsSequence() && node.size() == 0)) {
        reader.error(QStringLiteral("watchlist"), node, QStringLiteral("is missing or empty"),
                     QStringLiteral("list at least one instrument, e.g. - {symbol: \"EUR/USD\", market: FX, interval: 5min}"));
        return;
    }
    if (!node.IsSequence()) {
        reader.error(QStringLiteral("watchlist"), node, QStringLiteral("must be a list of instruments"),
                     QStringLiteral("write each instrument on its own line starting with '- '"));
        return;
    }
    QList<Instrument> instruments;
    // Key → row, so a duplicate is found in constant time: a 120,000-row list compared every row
    // with every earlier one and timed out (issue 18).
    QHash<QString, std::size_t> rowOfKey;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const QString path = QStringLiteral("watchlist[%1]").arg(i);
        const YAML::Node item = node[i];
        if (!reader.checkMap(item, path, {"symbol", "market", "interval", "provider"})) {
            if (item.IsNull())
                reader.error(path, item, QStringLiteral("is empty"), QStringLiteral("give symbol, market and interval"));
            continue;
        }
        const auto instrument = readInstrument(reader, item, path, known);
        if (!instrument)
            continue;
        const QString key = instrument->key();
        if (const auto seen = rowOfKey.constFind(key); seen != rowOfKey.constEnd()) {
            reader.error(path, item, QStringLiteral("%1 is listed twice (first as watchlist[%2])").arg(key).arg(*seen),
                         QStringLiteral("remove the duplicate"));
            continue;
        }
        rowOfKey.insert(key, i);
        instruments.append(*instrument);
        ProviderKind feed = config.provider;
        readProviderKind(reader, item, path, feed);
        if (feed != config.provider)
            config.providerOverrides.insert(key, feed);
    }
    config.watchlist = instruments;
}

void readStrategy(SchemaReader& reader, const YAML::Node& root, const KnownNames& known, Config& config)
{
    if (!reader.checkMap(root["strategy"], QStringLiteral("strategy"), {"name"}))
        return;
    QString name;
    if (!reader.readString(root["strategy"], QStringLiteral("strategy"), "name", name))
        return;
    if (known.strategies.contains(name))
        config.strategyName = name;
    else
        reader.error(QStringLiteral("strategy.name"), root["strategy"]["name"],
                     QStringLiteral("unknown strategy '%1' (strategies are chosen from a fixed registry, never loaded as code)").arg(excerpt(name)),
                     QStringLiteral("use one of: %1").arg(known.strategies.join(u", ")));
}

void readPlatform(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    QString platform;
    if (!reader.readString(root, {}, "platform", platform))
        return;
    if (platform == u"paper" || platform == u"oanda" || platform == u"coinbase")
        config.platform = platform;
    else
        reader.error(QStringLiteral("platform"), root["platform"], QStringLiteral("unknown platform '%1'").arg(excerpt(platform)),
                     QStringLiteral("use paper, oanda with an oanda: section, or coinbase with a coinbase: section"));
}

void readPaper(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const YAML::Node paper = root["paper"];
    const QString path = QStringLiteral("paper");
    if (!reader.checkMap(paper, path, {"starting_balance", "currency", "fee_bps", "slippage_bps"}))
        return;
    reader.readDouble(paper, path, "starting_balance", config.paper.startingBalance, 0, 1e12);
    reader.readDouble(paper, path, "fee_bps", config.paper.feeBps, 0, 1000);
    reader.readDouble(paper, path, "slippage_bps", config.paper.slippageBps, 0, 1000);
    QString currency;
    if (!reader.readString(paper, path, "currency", currency))
        return;
    static const QRegularExpression iso(QStringLiteral("^[A-Z]{3}$"));
    if (iso.match(currency).hasMatch())
        config.paper.currency = currency;
    else
        reader.error(QStringLiteral("paper.currency"), paper["currency"],
                     QStringLiteral("'%1' is not an ISO 4217 currency code").arg(excerpt(currency)),
                     QStringLiteral("write three capital letters such as USD or EUR"));
}

void readApproval(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    if (reader.checkMap(root["approval"], QStringLiteral("approval"), {"timeout_s"}))
        reader.readSeconds(root["approval"], QStringLiteral("approval"), "timeout_s", config.approvalTimeout, 86400);
}

void readFreshness(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const YAML::Node freshness = root["freshness"];
    const QString path = QStringLiteral("freshness");
    if (!reader.checkMap(freshness, path, {"market_open_max_lag", "market_closed_max_lag", "weekend_max_lag"}))
        return;
    reader.readDuration(freshness, path, "market_open_max_lag", config.freshness.marketOpenMaxLag);
    reader.readDuration(freshness, path, "market_closed_max_lag", config.freshness.marketClosedMaxLag);
    reader.readDuration(freshness, path, "weekend_max_lag", config.freshness.weekendMaxLag);
}

void readRedisUrl(SchemaReader& reader, const YAML::Node& cache, Config& config)
{
    QString redisUrl;
    if (!reader.readString(cache, QStringLiteral("cache"), "redis_url", redisUrl))
        return;
    // The password is a secret like any other: registered (so no output shows it) and held
    // in a Secret before anything else looks at the URL, and never quoted back in a message.
    const QUrl parsed(redisUrl);
    const QString password = parsed.password();
    const QString shown = parsed.isValid() ? parsed.toString(QUrl::RemoveUserInfo) : QStringLiteral("(unreadable URL)");
    if (!password.isEmpty()) {
        if (reader.refuseShortSecret(QStringLiteral("cache.redis_url"), cache["redis_url"], password,
                                     QStringLiteral("the password in cache.redis_url")))
            return;
        config.cache.redisPassword = Secret(password);
    }
    if (redisUrl.startsWith(u"redis://"))
        config.cache.redisUrl = redisUrl;
    else if (redisUrl.startsWith(u"rediss://"))
        // The Redis client speaks plain TCP only; accepting TLS here would pass the check
        // and then stop the engine at start-up.
        reader.error(QStringLiteral("cache.redis_url"), cache["redis_url"],
                     QStringLiteral("rediss:// (Redis over TLS) is not supported"),
                     QStringLiteral("use redis://HOST:PORT to a Redis on this machine or a trusted network, "
                                    "or reach a remote one through a local TLS tunnel (stunnel, ssh -L)"));
    else
        reader.error(QStringLiteral("cache.redis_url"), cache["redis_url"],
                     QStringLiteral("'%1' is not a redis:// URL").arg(excerpt(shown)),
                     QStringLiteral("write redis://HOST:PORT, e.g. redis://127.0.0.1:6379"));
}

void readCacheTtls(SchemaReader& reader, const YAML::Node& ttl, Config& config)
{
    const QString path = QStringLiteral("cache.ttl");
    if (!reader.checkMap(ttl, path, {"portfolio", "quote", "indicators", "sentiment", "macro", "regime"}))
        return;
    reader.readDuration(ttl, path, "portfolio", config.cache.ttl.portfolio);
    reader.readDuration(ttl, path, "quote", config.cache.ttl.quote);
    reader.readDuration(ttl, path, "indicators", config.cache.ttl.indicators);
    reader.readDuration(ttl, path, "sentiment", config.cache.ttl.sentiment);
    reader.readDuration(ttl, path, "macro", config.cache.ttl.macro);
    reader.readDuration(ttl, path, "regime", config.cache.ttl.regime);
}

void readCache(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const YAML::Node cache = root["cache"];
    const QString path = QStringLiteral("cache");
    if (!reader.checkMap(cache, path, {"enabled", "backend", "redis_url", "ttl"}))
        return;
    reader.readBool(cache, path, "enabled", config.cache.enabled);
    reader.readChoice(cache, path, "backend", config.cache.backend,
                      {{"memory", CacheBackend::Memory}, {"redis", CacheBackend::Redis}});
    readRedisUrl(reader, cache, config);
    readCacheTtls(reader, cache["ttl"], config);
}

void readRisk(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const YAML::Node risk = root["risk"];
    const QString path = QStringLiteral("risk");
    if (!reader.checkMap(risk, path,
                         {"var_confidence", "max_var_pct", "max_position_pct", "max_drawdown_pct",
                          "min_historical_returns", "max_trades_per_day", "max_asset_class_pct", "volatility_window",
                          "volatility_confidence_multiple"}))
        return;
    reader.readDouble(risk, path, "var_confidence", config.risk.varConfidence, 0.5, 1.0, true, true);
    reader.readDouble(risk, path, "max_var_pct", config.risk.maxVarPct, 0, 1, true);
    reader.readDouble(risk, path, "max_position_pct", config.risk.maxPositionPct, 0, 1, true);
    reader.readDouble(risk, path, "max_drawdown_pct", config.risk.maxDrawdownPct, 0, 1, true);
    reader.readInt(risk, path, "min_historical_returns", config.risk.minHistoricalReturns, 2, 100000);
    reader.readInt(risk, path, "max_trades_per_day", config.risk.maxTradesPerDay, 1, 100000);
    reader.readDouble(risk, path, "max_asset_class_pct", config.risk.maxAssetClassPct, 0, 1, true);
    // A standard deviation needs two returns; past ~4 years of daily returns "recent" means little.
    reader.readInt(risk, path, "volatility_window", config.risk.volatilityWindow, 2, 1000);
    reader.readDouble(risk, path, "volatility_confidence_multiple", config.risk.volatilityConfidenceMultiple, 0, 100,
                      true);
}

/// The shapes Telegram itself would refuse, checked only for an enabled channel.
void checkTelegramShapes(SchemaReader& reader, const YAML::Node& telegram, const Config& config)
{
    const QString token = config.telegram.botToken.reveal();
    if (!token.isEmpty() && !isBotTokenShaped(token)) {
        // The value stays out of the message: it is a secret even when it is wrong.
        reader.error(QStringLiteral("telegram.bot_token"), telegram["bot_token"],
                     QStringLiteral("the bot token is not shaped like <bot id>:<secret> "
                                    "(digits, a colon, 30 or more letters, digits, '_' or '-')"),
                     QStringLiteral("copy the whole token from @BotFather, without spaces or quotes"));
    }
    if (!isChatIdShaped(config.telegram.chatId)) {
        const YAML::Node chat = telegram["chat_id"];
        reader.error(QStringLiteral("telegram.chat_id"), chat.IsDefined() ? chat : telegram,
                     config.telegram.chatId.isEmpty()
                         ? QStringLiteral("is required when telegram.enabled is true")
                         : QStringLiteral("'%1' is not a Telegram chat id").arg(excerpt(config.telegram.chatId)),
                     QStringLiteral("write the numeric chat id (send a message to the bot and read it from getUpdates) or @channelname"));
    }
}

/// `telegram.operators`: a list of Telegram user ids, each a whole number from 1 to 2^53 - 1
/// (Telegram's ids have at most 52 significant bits). Usernames are refused: they can be given
/// up and taken by someone else, an id cannot.
void readOperators(SchemaReader& reader, const YAML::Node& telegram, Config& config)
{
    const YAML::Node operators = telegram["operators"];
    if (!operators.IsDefined() || operators.IsNull())
        return;
    const QString path = QStringLiteral("telegram.operators");
    const QString remedy = QStringLiteral("list numeric Telegram user ids, e.g. operators: [123456789]; a user can read "
                                          "theirs from the bot's getUpdates or from @userinfobot");
    if (!operators.IsSequence()) {
        reader.error(path, operators, QStringLiteral("must be a list of user ids"), remedy);
        return;
    }
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,16}$"));
    constexpr qint64 maxUserId = (qint64(1) << 53) - 1;
    for (std::size_t i = 0; i < operators.size(); ++i) {
        const YAML::Node item = operators[i];
        const QString where = QStringLiteral("%1[%2]").arg(path).arg(i);
        const QString text = item.IsScalar() ? fromYaml(item.Scalar()).trimmed() : QString();
        const qint64 id = digits.match(text).hasMatch() ? text.toLongLong() : 0;
        if (id < 1 || id > maxUserId) {
            reader.error(where, item,
                         item.IsScalar() ? QStringLiteral("'%1' is not a Telegram user id (a whole number from 1 to %2)")
                                               .arg(excerpt(text))
                                               .arg(maxUserId)
                                         : QStringLiteral("must be a single user id"),
                         remedy);
            continue;
        }
        if (config.telegram.operators.contains(id)) {
            reader.warning(where, item, QStringLiteral("user id %1 is listed twice").arg(id), QStringLiteral("remove one of them"));
            continue;
        }
        config.telegram.operators.append(id);
    }
}

void readTelegram(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const YAML::Node telegram = root["telegram"];
    const QString path = QStringLiteral("telegram");
    if (!reader.checkMap(telegram, path, {"enabled", "bot_token", "chat_id", "api_base_url", "operators"}))
        return;
    reader.readBool(telegram, path, "enabled", config.telegram.enabled);
    reader.readSecret(telegram, path, "bot_token", config.telegram.botToken, config.telegram.enabled,
                      QStringLiteral("TELEGRAM_BOT_TOKEN"));
    // Not readString: the remedy says what a chat id looks like.
    const YAML::Node chat = telegram["chat_id"];
    if (chat.IsDefined() && !chat.IsNull()) {
        if (chat.IsScalar())
            config.telegram.chatId = fromYaml(chat.Scalar());
        else
            reader.error(QStringLiteral("telegram.chat_id"), chat, QStringLiteral("must be a single value"),
                         QStringLiteral("write the numeric chat id or @channelname"));
    }
    reader.readUrl(telegram, path, "api_base_url", config.telegram.apiBaseUrl);
    readOperators(reader, telegram, config);
    if (config.telegram.enabled)
        checkTelegramShapes(reader, telegram, config);
}

void readWebhook(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const YAML::Node webhook = root["webhook"];
    const QString path = QStringLiteral("webhook");
    if (!reader.checkMap(webhook, path, {"enabled", "url", "secret"}))
        return;
    reader.readBool(webhook, path, "enabled", config.webhook.enabled);
    reader.readUrl(webhook, path, "url", config.webhook.url);
    reader.readSecret(webhook, path, "secret", config.webhook.secret, config.webhook.enabled,
                      QStringLiteral("WEBHOOK_SECRET"));
    if (config.webhook.enabled && config.webhook.url.isEmpty()) {
        reader.error(QStringLiteral("webhook.url"), webhook, QStringLiteral("is required when webhook.enabled is true"),
                     QStringLiteral("write the https:// URL that receives signals"));
    }
}

void readJournal(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const YAML::Node journal = root["journal"];
    if (!reader.checkMap(journal, QStringLiteral("journal"), {"path", "retention"}))
        return;
    reader.readString(journal, QStringLiteral("journal"), "path", config.journalPath);
    const QString path = QStringLiteral("journal.retention");
    const YAML::Node retention = journal["retention"];
    if (!reader.checkMap(retention, path, {"alerts", "outbox"}))
        return;
    // Less than a day would prune an outbox row while its signal may still be dispatched again.
    constexpr std::chrono::seconds oneDay{24 * 3600};
    for (auto [key, out] : {std::pair{"alerts", &config.retention.alerts}, std::pair{"outbox", &config.retention.outbox}}) {
        reader.readDuration(retention, path, key, *out);
        if (*out < oneDay)
            reader.error(joinKeyPath(path, QString::fromLatin1(key)), retention[key],
                         QStringLiteral("keeps rows for less than a day"), QStringLiteral("write 1d or more, e.g. 30d"));
    }
}

void readLogging(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    if (reader.checkMap(root["logging"], QStringLiteral("logging"), {"format"}))
        reader.readChoice(root["logging"], QStringLiteral("logging"), "format", config.logFormat,
                          {{"text", LogFormat::Text}, {"json", LogFormat::Json}});
}

void readTelemetry(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const QString path = QStringLiteral("telemetry");
    const YAML::Node telemetry = root["telemetry"];
    if (!reader.checkMap(telemetry, path, {"listen", "allow_remote", "bearer_token"}))
        return;
    reader.readBool(telemetry, path, "allow_remote", config.telemetryAllowRemote);
    reader.readSecret(telemetry, path, "bearer_token", config.telemetryBearerToken, false,
                      QStringLiteral("SENTINEL_TELEMETRY_TOKEN"));
    QString listen;
    if (!reader.readString(telemetry, path, "listen", listen))
        return;
    const YAML::Node node = telemetry["listen"];
    static const QRegularExpression hostPort(QStringLiteral(R"(^(.+):(\d{1,5})$)"));
    const auto match = hostPort.match(listen);
    const int port = match.hasMatch() ? match.captured(2).toInt() : -1;
    if (listen.isEmpty()) {
        config.telemetryListen.clear(); // telemetry endpoint off
    } else if (!match.hasMatch() || port > 65535) {
        reader.error(QStringLiteral("telemetry.listen"), node, QStringLiteral("'%1' is not HOST:PORT").arg(excerpt(listen)),
                     QStringLiteral("write e.g. 127.0.0.1:9464, or an empty string to turn the endpoint off"));
    } else {
        config.telemetryListen = listen;
        const QString host = match.captured(1);
        const bool loopback = host == u"localhost" || host == u"[::1]" || host.startsWith(u"127.");
        if (!loopback && (!config.telemetryAllowRemote || config.telemetryBearerToken.isEmpty()))
            reader.error(QStringLiteral("telemetry.listen"), node,
                         QStringLiteral("%1 is not a loopback address: equity, VaR and channel errors would be served to the network without authentication").arg(host),
                         QStringLiteral("bind to 127.0.0.1, or set telemetry.allow_remote: true and telemetry.bearer_token: \"${SENTINEL_TELEMETRY_TOKEN}\" (scrapers then send it as a bearer token)"));
    }
}

void readCalendars(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    if (reader.checkMap(root["calendars"], QStringLiteral("calendars"), {"file"}))
        reader.readString(root["calendars"], QStringLiteral("calendars"), "file", config.calendarsFile);
}

/// Rules that span sections: a mode is only usable with what it relies on switched on.
void checkModeRules(SchemaReader& reader, const YAML::Node& root, const Config& config)
{
    if (config.mode == TradingMode::Autonomous && !config.autonomousEnabled) {
        reader.error(QStringLiteral("mode"), root["mode"],
                     QStringLiteral("autonomous mode executes trades without approval and must be switched on explicitly"),
                     QStringLiteral("also set autonomous.enabled: true, or use mode: approval"));
    }
    if (config.mode == TradingMode::SignalOnly && !config.telegram.enabled) {
        reader.error(QStringLiteral("telegram.enabled"), root["mode"],
                     QStringLiteral("signal-only mode delivers every signal through Telegram, which is disabled"),
                     QStringLiteral("set telegram.enabled: true with bot_token and chat_id, or use mode: approval"));
    }
}

} // namespace

void readConfig(SchemaReader& reader, const YAML::Node& root, const KnownNames& known, Config& config)
{
    reader.checkMap(root, QString(),
                    {"mode", "autonomous", "provider", "providers", "watchlist", "strategy", "platform", "paper",
                     "approval", "freshness", "cache", "risk", "telegram", "webhook", "journal", "telemetry",
                     "logging", "calendars", "oanda", "coinbase", "advisor"});
    // Issues come out in this order; the mode rules need every section read first.
    readMode(reader, root, config);
    readProviders(reader, root, config);
    readWatchlist(reader, root["watchlist"], known, config);
    checkChosenProvider(reader, root, config);
    readOanda(reader, root, config);
    readCoinbase(reader, root, config);
    readStrategy(reader, root, known, config);
    readAdvisor(reader, root, known, config);
    readPlatform(reader, root, config);
    checkBrokerFeeds(reader, root, config);
    readPaper(reader, root, config);
    readApproval(reader, root, config);
    readFreshness(reader, root, config);
    readCache(reader, root, config);
    readRisk(reader, root, config);
    readTelegram(reader, root, config);
    readWebhook(reader, root, config);
    readJournal(reader, root, config);
    readTelemetry(reader, root, config);
    readLogging(reader, root, config);
    readCalendars(reader, root, config);
    checkModeRules(reader, root, config);
}

} // namespace sentinel
