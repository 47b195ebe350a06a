// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/ConfigLoader.h"

#include "common/Log.h"
#include "config/Duration.h"
#include "config/TelegramShapes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace sentinel {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

int editDistance(const QString& a, const QString& b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString join(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

/// Walks the YAML tree against the schema, filling a Config and collecting every issue.
class SchemaReader
{
public:
    SchemaReader(Issues& issues, const EnvironmentLookup& environment)
        : m_issues(issues), m_environment(environment)
    {
    }

    void error(const QString& path, const YAML::Node& node, const QString& message, const QString& remedy = {})
    {
        add(Issue::Severity::Error, path, node, message, remedy);
    }
    void warning(const QString& path, const YAML::Node& node, const QString& message, const QString& remedy = {})
    {
        add(Issue::Severity::Warning, path, node, message, remedy);
    }

    /// True when `node` is a map (or absent); reports keys outside `allowed`.
    bool checkMap(const YAML::Node& node, const QString& path, std::initializer_list<const char*> allowed)
    {
        if (!node.IsDefined() || node.IsNull())
            return false;
        if (!node.IsMap()) {
            error(path, node, QStringLiteral("must be a mapping of keys to values"),
                  QStringLiteral("write it as `key: value` lines indented under '%1:'").arg(path));
            return false;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = qs(it->first.Scalar());
            bool known = false;
            QString suggestion;
            int best = 3;
            for (const char* candidate : allowed) {
                const QString name = QString::fromLatin1(candidate);
                if (name == key) {
                    known = true;
                    break;
                }
                const int distance = editDistance(key, name);
                if (distance < best) {
                    best = distance;
                    suggestion = name;
                }
            }
            if (!known) {
                QStringList names;
                for (const char* candidate : allowed)
                    names << QString::fromLatin1(candidate);
                error(join(path, key), it->first, QStringLiteral("unknown key '%1'").arg(key),
                      suggestion.isEmpty() ? QStringLiteral("remove it; known keys here: %1").arg(names.join(u", "))
                                           : QStringLiteral("did you mean '%1'?").arg(suggestion));
            }
        }
        return true;
    }

    void readBool(const YAML::Node& map, const QString& path, const char* key, bool& out)
    {
        const YAML::Node node = map[key];
        if (!present(node))
            return;
        bool value = false;
        if (node.IsScalar() && YAML::convert<bool>::decode(node, value))
            out = value;
        else
            error(join(path, QString::fromLatin1(key)), node, wrongType(node, QStringLiteral("true or false")),
                  QStringLiteral("write true or false"));
    }

    void readInt(const YAML::Node& map, const QString& path, const char* key, int& out, int min, int max)
    {
        const YAML::Node node = map[key];
        if (!present(node))
            return;
        const QString where = join(path, QString::fromLatin1(key));
        long long value = 0;
        if (!node.IsScalar() || !YAML::convert<long long>::decode(node, value)) {
            error(where, node, wrongType(node, QStringLiteral("a whole number")),
                  QStringLiteral("write a whole number from %1 to %2").arg(min).arg(max));
            return;
        }
        if (value < min || value > max) {
            error(where, node, QStringLiteral("%1 is out of range").arg(value),
                  QStringLiteral("use a whole number from %1 to %2").arg(min).arg(max));
            return;
        }
        out = int(value);
    }

    /// A finite number in [min, max] (or (min, max] when minExclusive).
    void readDouble(const YAML::Node& map, const QString& path, const char* key, double& out, double min,
                    double max, bool minExclusive = false, bool maxExclusive = false)
    {
        const YAML::Node node = map[key];
        if (!present(node))
            return;
        const QString where = join(path, QString::fromLatin1(key));
        double value = 0;
        if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value)) {
            error(where, node, wrongType(node, QStringLiteral("a finite number")),
                  QStringLiteral("write a number such as %1").arg(out));
            return;
        }
        const bool tooLow = minExclusive ? value <= min : value < min;
        const bool tooHigh = maxExclusive ? value >= max : value > max;
        if (tooLow || tooHigh) {
            error(where, node, QStringLiteral("%1 is out of range").arg(value),
                  QStringLiteral("use a number %1 %2 and %3 %4")
                      .arg(minExclusive ? QStringLiteral("above") : QStringLiteral("from"))
                      .arg(min)
                      .arg(maxExclusive ? QStringLiteral("below") : QStringLiteral("up to"))
                      .arg(max));
            return;
        }
        out = value;
    }

    bool readString(const YAML::Node& map, const QString& path, const char* key, QString& out)
    {
        const YAML::Node node = map[key];
        if (!present(node))
            return false;
        if (!node.IsScalar()) {
            error(join(path, QString::fromLatin1(key)), node, wrongType(node, QStringLiteral("text")),
                  QStringLiteral("write a single value, quoted if it contains ':' or '#'"));
            return false;
        }
        out = qs(node.Scalar());
        return true;
    }

    void readDuration(const YAML::Node& map, const QString& path, const char* key, std::chrono::seconds& out)
    {
        const YAML::Node node = map[key];
        if (!present(node))
            return;
        const QString where = join(path, QString::fromLatin1(key));
        const auto parsed = node.IsScalar() ? parseDuration(qs(node.Scalar())) : std::nullopt;
        if (!parsed || parsed->count() <= 0) {
            error(where, node,
                  QStringLiteral("'%1' is not a duration").arg(node.IsScalar() ? qs(node.Scalar()) : QStringLiteral("?")),
                  QStringLiteral("write a positive number with a unit: 30s, 5m, 2h or 1d"));
            return;
        }
        out = std::chrono::duration_cast<std::chrono::seconds>(*parsed);
        if (out.count() == 0)
            error(where, node, QStringLiteral("must be at least one second"), QStringLiteral("write 1s or more"));
    }

    void readSeconds(const YAML::Node& map, const QString& path, const char* key, std::chrono::seconds& out,
                     int max)
    {
        int value = int(out.count());
        const int before = value;
        readInt(map, path, key, value, 1, max);
        if (value != before)
            out = std::chrono::seconds(value);
    }

    template <typename Enum>
    void readChoice(const YAML::Node& map, const QString& path, const char* key, Enum& out,
                    std::initializer_list<std::pair<const char*, Enum>> choices)
    {
        QString text;
        if (!readString(map, path, key, text))
            return;
        QStringList names;
        for (const auto& [name, value] : choices) {
            if (text == QLatin1String(name)) {
                out = value;
                return;
            }
            names << QString::fromLatin1(name);
        }
        error(join(path, QString::fromLatin1(key)), map[key], QStringLiteral("unknown value '%1'").arg(text),
              QStringLiteral("use one of: %1").arg(names.join(u", ")));
    }

    /// https URLs; plain http only for loopback hosts (tests, local relays), so a token is never
    /// sent in clear over a network.
    void readUrl(const YAML::Node& map, const QString& path, const char* key, QUrl& out)
    {
        QString text;
        if (!readString(map, path, key, text))
            return;
        const QString where = join(path, QString::fromLatin1(key));
        if (text.isEmpty()) {
            out = QUrl();
            return;
        }
        const QUrl url(text, QUrl::StrictMode);
        const bool loopback = url.host() == u"127.0.0.1" || url.host() == u"localhost" || url.host() == u"::1";
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http")) {
            error(where, map[key], QStringLiteral("'%1' is not an http(s) URL").arg(text),
                  QStringLiteral("write a full URL such as https://example.com/path"));
            return;
        }
        if (url.scheme() == u"http" && !loopback) {
            error(where, map[key], QStringLiteral("plain http to a remote host would send data and credentials unencrypted"),
                  QStringLiteral("use https:// (http:// is allowed only for 127.0.0.1 or localhost)"));
            return;
        }
        out = url;
    }

    /// A secret is a `${ENV_VAR}` reference or, discouraged, a value in clear.
    void readSecret(const YAML::Node& map, const QString& path, const char* key, Secret& out, bool required,
                    const QString& suggestedVariable)
    {
        const QString where = join(path, QString::fromLatin1(key));
        QString text;
        readString(map, path, key, text);
        static const QRegularExpression reference(QStringLiteral(R"(^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$)"));
        const auto match = reference.match(text.trimmed());
        if (match.hasMatch()) {
            const QString variable = match.captured(1);
            const auto value = m_environment(variable);
            if (value && !value->isEmpty()) {
                out = Secret(*value);
            } else if (required) {
                error(where, map[key], QStringLiteral("environment variable %1 is not set").arg(variable),
                      QStringLiteral("export %1 before starting, or store the secret in the OS keychain").arg(variable));
            }
            return;
        }
        if (!text.isEmpty()) {
            out = Secret(text);
            m_clearSecrets.append({where, map[key].Mark().line + 1, suggestedVariable});
            return;
        }
        if (required) {
            error(where, map[key].IsDefined() ? map[key] : map, QStringLiteral("is required but empty"),
                  QStringLiteral("write %1: \"${%2}\" and export %2").arg(QString::fromLatin1(key), suggestedVariable));
        }
    }

    struct ClearSecret {
        QString path;
        int line;
        QString variable;
    };
    [[nodiscard]] const QList<ClearSecret>& clearSecrets() const { return m_clearSecrets; }
    [[nodiscard]] const Issues& issues() const { return m_issues; }

private:
    bool present(const YAML::Node& node) const { return node.IsDefined() && !node.IsNull(); }

    static QString wrongType(const YAML::Node& node, const QString& expected)
    {
        if (node.IsScalar())
            return QStringLiteral("'%1' is not %2").arg(qs(node.Scalar()), expected);
        return QStringLiteral("must be %1, not a %2").arg(expected, node.IsMap() ? QStringLiteral("mapping")
                                                                                 : QStringLiteral("list"));
    }

    void add(Issue::Severity severity, const QString& path, const YAML::Node& node, const QString& message,
             const QString& remedy)
    {
        Issue issue{severity, path, message, remedy, 0};
        if (node.IsDefined() && node.Mark().line >= 0)
            issue.line = node.Mark().line + 1;
        m_issues.append(issue);
    }

    Issues& m_issues;
    const EnvironmentLookup& m_environment;
    QList<ClearSecret> m_clearSecrets;
};

void readWatchlist(SchemaReader& reader, const YAML::Node& node, const KnownNames& known, Config& config)
{
    if (!node.IsDefined() || node.IsNull()) {
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
    for (std::size_t i = 0; i < node.size(); ++i) {
        const QString path = QStringLiteral("watchlist[%1]").arg(i);
        const YAML::Node item = node[i];
        if (!reader.checkMap(item, path, {"symbol", "market", "interval"})) {
            if (item.IsNull())
                reader.error(path, item, QStringLiteral("is empty"), QStringLiteral("give symbol, market and interval"));
            continue;
        }
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
            reader.error(path + u".market", item["market"], QStringLiteral("unknown market '%1'").arg(marketText),
                         QStringLiteral("use one of: %1").arg(known.markets.join(u", ")));
            valid = false;
        }
        instrument.market = marketText;
        reader.readString(item, path, "interval", intervalText);
        if (const auto interval = parseInterval(intervalText)) {
            instrument.interval = *interval;
        } else {
            reader.error(path + u".interval", item["interval"], QStringLiteral("unknown interval '%1'").arg(intervalText),
                         QStringLiteral("use one of: %1").arg(knownIntervalNames()));
            valid = false;
        }
        if (!valid)
            continue;
        if (instruments.contains(instrument)) {
            reader.error(path, item, QStringLiteral("%1 is listed twice").arg(instrument.key()),
                         QStringLiteral("remove the duplicate"));
            continue;
        }
        instruments.append(instrument);
    }
    config.watchlist = instruments;
}

void readConfig(SchemaReader& reader, const YAML::Node& root, const KnownNames& known, Config& config)
{
    reader.checkMap(root, QString(),
                    {"mode", "autonomous", "provider", "providers", "watchlist", "strategy", "platform", "paper",
                     "approval", "freshness", "cache", "risk", "telegram", "webhook", "journal", "telemetry",
                     "calendars"});

    reader.readChoice(root, {}, "mode", config.mode,
                      {{"approval", TradingMode::Approval},
                       {"signal-only", TradingMode::SignalOnly},
                       {"autonomous", TradingMode::Autonomous}});
    if (reader.checkMap(root["autonomous"], QStringLiteral("autonomous"), {"enabled"}))
        reader.readBool(root["autonomous"], QStringLiteral("autonomous"), "enabled", config.autonomousEnabled);

    reader.readChoice(root, {}, "provider", config.provider,
                      {{"simulated", ProviderKind::Simulated},
                       {"replay", ProviderKind::Replay},
                       {"alpha_vantage", ProviderKind::AlphaVantage}});
    const YAML::Node providers = root["providers"];
    if (reader.checkMap(providers, QStringLiteral("providers"), {"alpha_vantage", "replay"})) {
        const QString avPath = QStringLiteral("providers.alpha_vantage");
        const YAML::Node av = providers["alpha_vantage"];
        if (reader.checkMap(av, avPath, {"api_key", "base_url", "requests_per_minute", "requests_per_day", "timeout_s"})) {
            reader.readSecret(av, avPath, "api_key", config.alphaVantage.apiKey,
                              config.provider == ProviderKind::AlphaVantage, QStringLiteral("ALPHA_VANTAGE_API_KEY"));
            reader.readUrl(av, avPath, "base_url", config.alphaVantage.baseUrl);
            reader.readInt(av, avPath, "requests_per_minute", config.alphaVantage.requestsPerMinute, 1, 1200);
            reader.readInt(av, avPath, "requests_per_day", config.alphaVantage.requestsPerDay, 1, 1'000'000);
            reader.readSeconds(av, avPath, "timeout_s", config.alphaVantage.timeout, 300);
        }
        if (reader.checkMap(providers["replay"], QStringLiteral("providers.replay"), {"directory"}))
            reader.readString(providers["replay"], QStringLiteral("providers.replay"), "directory", config.replay.directory);
    }
    const bool apiKeyReported = std::any_of(reader.issues().cbegin(), reader.issues().cend(), [](const Issue& issue) {
        return issue.location == u"providers.alpha_vantage.api_key";
    });
    if (config.provider == ProviderKind::AlphaVantage && config.alphaVantage.apiKey.isEmpty() && !apiKeyReported) {
        reader.error(QStringLiteral("providers.alpha_vantage.api_key"), root["provider"],
                     QStringLiteral("provider alpha_vantage needs an API key"),
                     QStringLiteral("write api_key: \"${ALPHA_VANTAGE_API_KEY}\" and export the variable"));
    }
    if (config.provider == ProviderKind::Replay && config.replay.directory.isEmpty()) {
        reader.error(QStringLiteral("providers.replay.directory"), root["provider"],
                     QStringLiteral("provider replay needs a directory of CSV files"),
                     QStringLiteral("set providers.replay.directory"));
    }

    readWatchlist(reader, root["watchlist"], known, config);

    if (reader.checkMap(root["strategy"], QStringLiteral("strategy"), {"name"})) {
        QString name;
        if (reader.readString(root["strategy"], QStringLiteral("strategy"), "name", name)) {
            if (known.strategies.contains(name))
                config.strategyName = name;
            else
                reader.error(QStringLiteral("strategy.name"), root["strategy"]["name"],
                             QStringLiteral("unknown strategy '%1' (strategies are chosen from a fixed registry, never loaded as code)").arg(name),
                             QStringLiteral("use one of: %1").arg(known.strategies.join(u", ")));
        }
    }
    QString platform;
    if (reader.readString(root, {}, "platform", platform)) {
        if (platform == u"paper")
            config.platform = platform;
        else
            reader.error(QStringLiteral("platform"), root["platform"], QStringLiteral("unknown platform '%1'").arg(platform),
                         QStringLiteral("use paper (the only platform built so far)"));
    }
    if (reader.checkMap(root["paper"], QStringLiteral("paper"), {"starting_balance", "currency", "fee_bps", "slippage_bps"})) {
        const QString path = QStringLiteral("paper");
        reader.readDouble(root["paper"], path, "starting_balance", config.paper.startingBalance, 0, 1e12);
        reader.readDouble(root["paper"], path, "fee_bps", config.paper.feeBps, 0, 1000);
        reader.readDouble(root["paper"], path, "slippage_bps", config.paper.slippageBps, 0, 1000);
        QString currency;
        if (reader.readString(root["paper"], path, "currency", currency)) {
            static const QRegularExpression iso(QStringLiteral("^[A-Z]{3}$"));
            if (iso.match(currency).hasMatch())
                config.paper.currency = currency;
            else
                reader.error(QStringLiteral("paper.currency"), root["paper"]["currency"],
                             QStringLiteral("'%1' is not an ISO 4217 currency code").arg(currency),
                             QStringLiteral("write three capital letters such as USD or EUR"));
        }
    }
    if (reader.checkMap(root["approval"], QStringLiteral("approval"), {"timeout_s"}))
        reader.readSeconds(root["approval"], QStringLiteral("approval"), "timeout_s", config.approvalTimeout, 86400);

    const YAML::Node freshness = root["freshness"];
    if (reader.checkMap(freshness, QStringLiteral("freshness"),
                        {"market_open_max_lag", "market_closed_max_lag", "weekend_max_lag"})) {
        const QString path = QStringLiteral("freshness");
        reader.readDuration(freshness, path, "market_open_max_lag", config.freshness.marketOpenMaxLag);
        reader.readDuration(freshness, path, "market_closed_max_lag", config.freshness.marketClosedMaxLag);
        reader.readDuration(freshness, path, "weekend_max_lag", config.freshness.weekendMaxLag);
    }

    const YAML::Node cache = root["cache"];
    if (reader.checkMap(cache, QStringLiteral("cache"), {"enabled", "backend", "redis_url", "ttl"})) {
        const QString path = QStringLiteral("cache");
        reader.readBool(cache, path, "enabled", config.cache.enabled);
        reader.readChoice(cache, path, "backend", config.cache.backend,
                          {{"memory", CacheBackend::Memory}, {"redis", CacheBackend::Redis}});
        QString redisUrl;
        if (reader.readString(cache, path, "redis_url", redisUrl)) {
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
                             QStringLiteral("'%1' is not a redis:// URL").arg(redisUrl),
                             QStringLiteral("write redis://HOST:PORT, e.g. redis://127.0.0.1:6379"));
        }
        const YAML::Node ttl = cache["ttl"];
        if (reader.checkMap(ttl, QStringLiteral("cache.ttl"),
                            {"portfolio", "quote", "indicators", "sentiment", "macro", "regime"})) {
            const QString ttlPath = QStringLiteral("cache.ttl");
            reader.readDuration(ttl, ttlPath, "portfolio", config.cache.ttl.portfolio);
            reader.readDuration(ttl, ttlPath, "quote", config.cache.ttl.quote);
            reader.readDuration(ttl, ttlPath, "indicators", config.cache.ttl.indicators);
            reader.readDuration(ttl, ttlPath, "sentiment", config.cache.ttl.sentiment);
            reader.readDuration(ttl, ttlPath, "macro", config.cache.ttl.macro);
            reader.readDuration(ttl, ttlPath, "regime", config.cache.ttl.regime);
        }
    }

    const YAML::Node risk = root["risk"];
    if (reader.checkMap(risk, QStringLiteral("risk"),
                        {"var_confidence", "max_var_pct", "max_position_pct", "max_drawdown_pct",
                         "min_historical_returns", "max_trades_per_day", "max_asset_class_pct", "volatility_window",
                         "volatility_confidence_multiple"})) {
        const QString path = QStringLiteral("risk");
        reader.readDouble(risk, path, "var_confidence", config.risk.varConfidence, 0.5, 1.0, true, true);
        reader.readDouble(risk, path, "max_var_pct", config.risk.maxVarPct, 0, 1, true);
        reader.readDouble(risk, path, "max_position_pct", config.risk.maxPositionPct, 0, 1, true);
        reader.readDouble(risk, path, "max_drawdown_pct", config.risk.maxDrawdownPct, 0, 1, true);
        reader.readInt(risk, path, "min_historical_returns", config.risk.minHistoricalReturns, 2, 100000);
        reader.readInt(risk, path, "max_trades_per_day", config.risk.maxTradesPerDay, 1, 100000);
        reader.readDouble(risk, path, "max_asset_class_pct", config.risk.maxAssetClassPct, 0, 1, true);
        // A standard deviation needs two returns; past ~4 years of daily returns "recent" means little.
        reader.readInt(risk, path, "volatility_window", config.risk.volatilityWindow, 2, 1000);
        reader.readDouble(risk, path, "volatility_confidence_multiple", config.risk.volatilityConfidenceMultiple, 0,
                          100, true);
    }

    const YAML::Node telegram = root["telegram"];
    if (reader.checkMap(telegram, QStringLiteral("telegram"), {"enabled", "bot_token", "chat_id", "api_base_url"})) {
        const QString path = QStringLiteral("telegram");
        reader.readBool(telegram, path, "enabled", config.telegram.enabled);
        reader.readSecret(telegram, path, "bot_token", config.telegram.botToken, config.telegram.enabled,
                          QStringLiteral("TELEGRAM_BOT_TOKEN"));
        const YAML::Node chat = telegram["chat_id"];
        if (chat.IsDefined() && !chat.IsNull()) {
            if (chat.IsScalar())
                config.telegram.chatId = qs(chat.Scalar());
            else
                reader.error(QStringLiteral("telegram.chat_id"), chat, QStringLiteral("must be a single value"),
                             QStringLiteral("write the numeric chat id or @channelname"));
        }
        reader.readUrl(telegram, path, "api_base_url", config.telegram.apiBaseUrl);
        if (config.telegram.enabled) {
            const QString token = config.telegram.botToken.reveal();
            if (!token.isEmpty() && !isBotTokenShaped(token)) {
                // The value stays out of the message: it is a secret even when it is wrong.
                reader.error(QStringLiteral("telegram.bot_token"), telegram["bot_token"],
                             QStringLiteral("the bot token is not shaped like <bot id>:<secret> "
                                            "(digits, a colon, 30 or more letters, digits, '_' or '-')"),
                             QStringLiteral("copy the whole token from @BotFather, without spaces or quotes"));
            }
            if (!isChatIdShaped(config.telegram.chatId)) {
                reader.error(QStringLiteral("telegram.chat_id"), chat.IsDefined() ? chat : telegram,
                             config.telegram.chatId.isEmpty()
                                 ? QStringLiteral("is required when telegram.enabled is true")
                                 : QStringLiteral("'%1' is not a Telegram chat id").arg(config.telegram.chatId),
                             QStringLiteral("write the numeric chat id (send a message to the bot and read it from getUpdates) or @channelname"));
            }
        }
    }

    const YAML::Node webhook = root["webhook"];
    if (reader.checkMap(webhook, QStringLiteral("webhook"), {"enabled", "url", "secret"})) {
        const QString path = QStringLiteral("webhook");
        reader.readBool(webhook, path, "enabled", config.webhook.enabled);
        reader.readUrl(webhook, path, "url", config.webhook.url);
        reader.readSecret(webhook, path, "secret", config.webhook.secret, config.webhook.enabled,
                          QStringLiteral("WEBHOOK_SECRET"));
        if (config.webhook.enabled && config.webhook.url.isEmpty()) {
            reader.error(QStringLiteral("webhook.url"), webhook, QStringLiteral("is required when webhook.enabled is true"),
                         QStringLiteral("write the https:// URL that receives signals"));
        }
    }

    if (reader.checkMap(root["journal"], QStringLiteral("journal"), {"path"}))
        reader.readString(root["journal"], QStringLiteral("journal"), "path", config.journalPath);

    if (reader.checkMap(root["telemetry"], QStringLiteral("telemetry"), {"listen"})) {
        QString listen;
        if (reader.readString(root["telemetry"], QStringLiteral("telemetry"), "listen", listen)) {
            static const QRegularExpression hostPort(QStringLiteral(R"(^(.+):(\d{1,5})$)"));
            const auto match = hostPort.match(listen);
            const int port = match.hasMatch() ? match.captured(2).toInt() : -1;
            if (listen.isEmpty()) {
                config.telemetryListen.clear(); // telemetry endpoint off
            } else if (!match.hasMatch() || port > 65535) {
                reader.error(QStringLiteral("telemetry.listen"), root["telemetry"]["listen"],
                             QStringLiteral("'%1' is not HOST:PORT").arg(listen),
                             QStringLiteral("write e.g. 127.0.0.1:9464, or an empty string to turn the endpoint off"));
            } else {
                config.telemetryListen = listen;
                const QString host = match.captured(1);
                if (host != u"127.0.0.1" && host != u"localhost" && host != u"[::1]")
                    reader.warning(QStringLiteral("telemetry.listen"), root["telemetry"]["listen"],
                                   QStringLiteral("metrics will be reachable from other machines on %1").arg(host),
                                   QStringLiteral("bind to 127.0.0.1 unless a scraper on another host needs it"));
            }
        }
    }

    if (reader.checkMap(root["calendars"], QStringLiteral("calendars"), {"file"}))
        reader.readString(root["calendars"], QStringLiteral("calendars"), "file", config.calendarsFile);

    // Rules that span keys.
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

bool readableByOthers(const QString& path)
{
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    return permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther);
}

/// A relative `calendars.file` means "next to this configuration", wherever the program was
/// started from; a file that is not there is reported here, so `config check` names the key even
/// without the calendar registry. Whether its content parses is the registry's to say.
void resolveCalendarsFile(ConfigLoadResult& result, const QString& sourceName)
{
    QString& file = result.config.calendarsFile;
    if (file.isEmpty())
        return;
    const bool fromRealFile = !sourceName.isEmpty() && !sourceName.startsWith(u':');
    if (QFileInfo(file).isRelative() && fromRealFile)
        file = QFileInfo(QFileInfo(sourceName).absoluteDir(), file).absoluteFilePath();
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable()) {
        result.issues.append({Issue::Severity::Error, QStringLiteral("calendars.file"),
                              QStringLiteral("cannot read the calendar file %1").arg(file),
                              QStringLiteral("give the path of a readable calendar JSON file (relative paths are "
                                             "taken from the configuration file's folder), or remove the key to use "
                                             "the built-in calendars"),
                              0});
    }
}

} // namespace

ConfigLoader::ConfigLoader(ConfigLoadOptions options) : m_options(std::move(options))
{
    if (!m_options.environment) {
        m_options.environment = [](const QString& name) -> std::optional<QString> {
            if (!qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
                return std::nullopt;
            return qEnvironmentVariable(name.toLocal8Bit().constData());
        };
    }
}

ConfigLoadResult ConfigLoader::loadText(const QByteArray& yaml, const QString& sourceName) const
{
    ConfigLoadResult result;
    result.known = m_options.known;
    result.config.sourcePath = sourceName;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception& e) {
        result.issues.append({Issue::Severity::Error, QStringLiteral("(file)"),
                              QStringLiteral("not valid YAML: %1").arg(qs(e.msg)),
                              QStringLiteral("fix the syntax near line %1, column %2").arg(e.mark.line + 1).arg(e.mark.column + 1),
                              e.mark.line >= 0 ? e.mark.line + 1 : 0});
        return result;
    }
    if (!root.IsMap()) {
        result.issues.append({Issue::Severity::Error, QStringLiteral("(file)"),
                              QStringLiteral("the configuration must be a mapping of keys to values"),
                              QStringLiteral("start from the demo profile in the user guide"), 0});
        return result;
    }
    SchemaReader reader(result.issues, m_options.environment);
    try {
        readConfig(reader, root, m_options.known, result.config);
    } catch (const YAML::Exception& e) {
        // The schema walk guards every lookup; this is the net that keeps odd input from crashing.
        result.issues.append({Issue::Severity::Error, QStringLiteral("(file)"),
                              QStringLiteral("unexpected structure: %1").arg(qs(e.msg)),
                              QStringLiteral("compare the file with the demo profile in the user guide"),
                              e.mark.line >= 0 ? e.mark.line + 1 : 0});
    }
    resolveCalendarsFile(result, sourceName);
    if (!sourceName.isEmpty() && !sourceName.startsWith(u':') && readableByOthers(sourceName)) {
        for (const auto& secret : reader.clearSecrets()) {
            result.issues.append({Issue::Severity::Warning, secret.path,
                                  QStringLiteral("a secret is written in clear in a file that group or others can read"),
                                  QStringLiteral("write \"${%1}\" and export it, or run chmod 600 %2").arg(secret.variable, sourceName),
                                  secret.line});
        }
    }
    return result;
}

ConfigLoadResult ConfigLoader::loadFile(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
    result.known = m_options.known;
        result.config.sourcePath = path;
        result.issues.append({Issue::Severity::Error, QStringLiteral("(file)"),
                              QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                              QStringLiteral("check the path given to --config"), 0});
        return result;
    }
    return loadText(file.readAll(), path);
}

ConfigLoadResult ConfigLoader::loadDemoProfile() const
{
    auto result = loadFile(QStringLiteral(":/sentinel/config/demo.yaml"));
    result.config.sourcePath.clear();
    return result;
}

ConfigLoadResult ConfigLoader::loadDefault(const QString& explicitPath) const
{
    const QString path = defaultPath(explicitPath);
    if (path.isEmpty())
        return loadDemoProfile();
    if (explicitPath.isEmpty())
        log::config()->info("using configuration {}", path);
    return loadFile(path);
}

QString ConfigLoader::defaultPath(const QString& explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString platformPath = platformConfigPath();
    return QFileInfo::exists(platformPath) ? platformPath : QString();
}

QString ConfigLoader::platformConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/config.yaml");
}

} // namespace sentinel
