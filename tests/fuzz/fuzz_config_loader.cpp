// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: ConfigLoader::loadText must never crash, hang or trip a sanitizer, whatever
// the YAML, and a configuration it calls usable must keep the promises the engine relies on
// (ranges, the rules that span sections). `${NAME}` references resolve from a fixed table, so
// the secret paths run; no issue may carry a secret value. Seeded from tests/data/config.
#include "common/Redactor.h"
#include "config/ConfigLoader.h"
#include "config/TelegramShapes.h"

#include <QByteArray>
#include <QHash>

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {

using namespace sentinel;

/// Values long enough to be registered as secrets, and unlikely to be typed by the fuzzer.
const QHash<QString, QString>& environment()
{
    static const QHash<QString, QString> values{
        {QStringLiteral("TELEGRAM_BOT_TOKEN"), QStringLiteral("123456789:AAFuzzBotTokenValue0123456789abcdef")},
        {QStringLiteral("ALPHA_VANTAGE_API_KEY"), QStringLiteral("FUZZALPHAVANTAGEKEY42")},
        {QStringLiteral("WEBHOOK_SECRET"), QStringLiteral("fuzz-webhook-secret-value")},
        {QStringLiteral("SENTINEL_TELEMETRY_TOKEN"), QStringLiteral("fuzz-telemetry-bearer-token")},
        {QStringLiteral("EMPTY"), QString()},
    };
    return values;
}

const ConfigLoader& loader()
{
    static const ConfigLoader instance([] {
        ConfigLoadOptions options;
        options.environment = [](const QString& name) -> std::optional<QString> {
            const auto found = environment().constFind(name);
            return found == environment().cend() ? std::nullopt : std::optional<QString>(*found);
        };
        // Run: calendars.file is only looked at (stat), never opened for writing. The source name
        // is a path that does not exist, so relative paths resolve and nothing real is read.
        options.fileChecks = FileChecks::Run;
        return options;
    }());
    return instance;
}

/// A finite number in [min, max]; with `exclusiveMin`, in (min, max].
bool inRange(double value, double min, double max, bool exclusiveMin = false)
{
    return std::isfinite(value) && (exclusiveMin ? value > min : value >= min) && value <= max;
}

bool positive(std::chrono::seconds duration)
{
    return duration.count() > 0;
}

bool usableUrl(const QUrl& url)
{
    if (url.isEmpty())
        return true;
    const QString host = url.host();
    const bool loopback = host == u"127.0.0.1" || host == u"localhost" || host == u"::1";
    return url.isValid() && !host.isEmpty() && (url.scheme() == u"https" || (url.scheme() == u"http" && loopback));
}

/// What a configuration without errors promises the engine.
bool keepsPromises(const Config& config)
{
    const RiskSettings& risk = config.risk;
    const bool riskOk = inRange(risk.varConfidence, 0.5, 1.0, true) && risk.varConfidence < 1.0
        && inRange(risk.maxVarPct, 0, 1, true) && inRange(risk.maxPositionPct, 0, 1, true)
        && inRange(risk.maxDrawdownPct, 0, 1, true) && inRange(risk.maxAssetClassPct, 0, 1, true)
        && inRange(risk.volatilityConfidenceMultiple, 0, 100, true) && risk.minHistoricalReturns >= 2
        && risk.maxTradesPerDay >= 1 && risk.volatilityWindow >= 2;
    const CacheTtls& ttl = config.cache.ttl;
    const bool durationsOk = positive(config.freshness.marketOpenMaxLag) && positive(config.freshness.marketClosedMaxLag)
        && positive(config.freshness.weekendMaxLag) && positive(ttl.portfolio) && positive(ttl.quote)
        && positive(ttl.indicators) && positive(ttl.sentiment) && positive(ttl.macro) && positive(ttl.regime)
        && positive(config.approvalTimeout) && positive(config.alphaVantage.timeout);
    const bool paperOk = inRange(config.paper.startingBalance, 0, 1e12) && inRange(config.paper.feeBps, 0, 1000)
        && inRange(config.paper.slippageBps, 0, 1000) && config.paper.currency.size() == 3;
    const bool modeOk = (config.mode != TradingMode::Autonomous || config.autonomousEnabled)
        && (config.mode != TradingMode::SignalOnly || config.telegram.enabled);
    const bool providerOk = (config.provider != ProviderKind::AlphaVantage || !config.alphaVantage.apiKey.isEmpty())
        && (config.provider != ProviderKind::Replay || !config.replay.directory.isEmpty());
    const bool telegramOk = !config.telegram.enabled
        || (isBotTokenShaped(config.telegram.botToken.reveal()) && isChatIdShaped(config.telegram.chatId));
    const bool webhookOk = !config.webhook.enabled || !config.webhook.url.isEmpty();
    const bool urlsOk = usableUrl(config.alphaVantage.baseUrl) && usableUrl(config.telegram.apiBaseUrl)
        && usableUrl(config.webhook.url);
    const bool watchlistOk = !config.watchlist.isEmpty();
    return riskOk && durationsOk && paperOk && modeOk && providerOk && telegramOk && webhookOk && urlsOk && watchlistOk;
}

/// No issue may quote a secret that came from the environment (the file cannot have shown it).
bool leaksNoSecret(const Issues& issues, const QString& yaml)
{
    for (const QString& value : environment()) {
        if (value.size() < 8 || yaml.contains(value))
            continue;
        for (const Issue& issue : issues) {
            if (issue.location.contains(value) || issue.message.contains(value) || issue.remedy.contains(value))
                return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char*>(data), qsizetype(size));
    const ConfigLoadResult result = loader().loadText(yaml, QStringLiteral("/nonexistent/sentinel-fuzz/config.yaml"));
    if (result.ok() && !keepsPromises(result.config))
        __builtin_trap();
    for (const Issue& issue : result.issues) {
        if (issue.location.isEmpty() || issue.message.isEmpty() || issue.line < 0)
            __builtin_trap();
    }
    if (!leaksNoSecret(result.issues, QString::fromUtf8(yaml)))
        __builtin_trap();
    // Every Secret registers itself for redaction; forget them so the process does not grow
    // with every input (the fuzzer runs millions in one process).
    Redactor::instance().clear();
    return 0;
}
