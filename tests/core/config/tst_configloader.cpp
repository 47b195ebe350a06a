// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Error.h"
#include "config/ConfigLoader.h"
#include "config/Duration.h"
#include "config/SecretReference.h"

#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

ConfigLoader loaderWithEnvironment(QHash<QString, QString> variables)
{
    ConfigLoadOptions options;
    options.environment = [variables](const QString& name) -> std::optional<QString> {
        if (!variables.contains(name))
            return std::nullopt;
        return variables.value(name);
    };
    return ConfigLoader(options);
}

QStringList errorPaths(const Issues& issues)
{
    QStringList paths;
    for (const Issue& issue : issues) {
        if (issue.severity == Issue::Severity::Error)
            paths << issue.location;
    }
    return paths;
}

const QByteArray minimal = "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n";

} // namespace

class TestConfigLoader final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoProfileIsValidAndRunsOnSimulatedData();
    void validFileHasNoIssues();
    void fileWithThreeMistakesReportsAllThreeWithKeyPaths();
    void telegramOperatorsAreReadAsUserIds();
    void eachMistakeIsReportedAtItsKeyPath_data();
    void eachMistakeIsReportedAtItsKeyPath();
    void theResultNamesTheRegistriesItWasCheckedAgainst();
    void remoteTelemetryNeedsBothYeses();
    void riskLimitsAreRead();
    void unsetRiskLimitsKeepTheirDefaults();
    void retentionIsReadAndDefaultsToMonths();
    void logFormatIsTextUnlessJsonIsAskedFor();
    void relativeCalendarFileIsTakenFromTheConfigFolder();
    void secretReferencesAreResolvedFromTheEnvironment();
    void secretReferenceNamesAreCollectedOnceInOrder();
    void anUnresolvedSecretTakesTheCallersRemedy_data();
    void anUnresolvedSecretTakesTheCallersRemedy();
    void secretInClearInAWorldReadableFileIsWarnedAbout();
    void fileChecksCanBeLeftToTheCaller();
    void aRedisPasswordIsASecretAndNeverQuoted();
    void aKeyGivenTwiceIsAnErrorNamingBothLines_data();
    void aKeyGivenTwiceIsAnErrorNamingBothLines();
    void nestingTooDeepSaysSoWithItsLine_data();
    void nestingTooDeepSaysSoWithItsLine();
    void aWatchlistOf120000RowsLoadsWhole();
    void aWatchlistDuplicateNamesTheFirstRow();
    void durationsParseAndFormat_data();
    void durationsParseAndFormat();
};

void TestConfigLoader::demoProfileIsValidAndRunsOnSimulatedData()
{
    const auto result = ConfigLoader().loadDemoProfile();
    QVERIFY2(result.ok(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.config.provider, ProviderKind::Simulated);
    QCOMPARE(result.config.platform, QStringLiteral("paper"));
    QStringList markets;
    for (const Instrument& instrument : result.config.watchlist)
        markets << instrument.market;
    QVERIFY(markets.contains(QStringLiteral("FX")));
    QVERIFY(markets.contains(QStringLiteral("CRYPTO")));
    QVERIFY(markets.contains(QStringLiteral("XNYS")));
}

void TestConfigLoader::validFileHasNoIssues()
{
    const auto result = ConfigLoader().loadFile(test::dataPath(QStringLiteral("config/valid.yaml")));
    QVERIFY2(result.issues.isEmpty(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.config.watchlist.size(), 3);
    QCOMPARE(result.config.watchlist.at(2).key(), QStringLiteral("XNYS:AAPL:5min"));
    QCOMPARE(result.config.freshness.marketOpenMaxLag, 2h);
    QCOMPARE(result.config.cache.ttl.indicators, 5min);
    QCOMPARE(result.config.approvalTimeout, 300s);
}

void TestConfigLoader::fileWithThreeMistakesReportsAllThreeWithKeyPaths()
{
    const auto result = ConfigLoader().loadFile(test::dataPath(QStringLiteral("config/three_mistakes.yaml")));
    QCOMPARE(errorPaths(result.issues),
             (QStringList{QStringLiteral("watchlist[1].market"), QStringLiteral("freshness.market_open_max_lag"),
                          QStringLiteral("telegram.bot_tokn")}));
    for (const Issue& issue : result.issues) {
        QVERIFY2(!issue.remedy.isEmpty(), qPrintable(issue.toString()));
        QVERIFY(issue.line > 0);
    }
    QVERIFY(result.issues.at(2).remedy.contains(u"bot_token"));
}

void TestConfigLoader::eachMistakeIsReportedAtItsKeyPath_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("an unknown top-level key suggests the near one")
        << QByteArray(minimal + "strategie: {name: sma_cross}\n") << QStringLiteral("strategie") << QStringLiteral("unknown key");
    QTest::newRow("a bot token that Telegram would refuse for its shape")
        << QByteArray(minimal + "telegram: {enabled: true, bot_token: \"123:abcdefgh\", chat_id: \"12345\"}\n")
        << QStringLiteral("telegram.bot_token") << QStringLiteral("not shaped like");
    QTest::newRow("a secret too short to be masked, written in clear")
        << QByteArray(minimal + "webhook: {enabled: true, url: \"https://hooks.example/in\", secret: \"pw12345\"}\n")
        << QStringLiteral("webhook.secret") << QStringLiteral("shorter than 8 characters");
    QTest::newRow("a secret too short to be masked, from the environment")
        << QByteArray(minimal + "provider: alpha_vantage\nproviders: {alpha_vantage: {api_key: \"${SHORT}\"}}\n")
        << QStringLiteral("providers.alpha_vantage.api_key") << QStringLiteral("shorter than 8 characters");
    QTest::newRow("a redis password too short to be masked")
        << QByteArray(minimal + "cache: {backend: redis, redis_url: \"redis://:pw12@127.0.0.1:6379\"}\n")
        << QStringLiteral("cache.redis_url") << QStringLiteral("shorter than 8 characters");
    QTest::newRow("Redis over TLS, which the client cannot speak")
        << QByteArray(minimal + "cache: {backend: redis, redis_url: \"rediss://cache.example:6380\"}\n")
        << QStringLiteral("cache.redis_url") << QStringLiteral("not supported");
    QTest::newRow("a retention too short to keep a signal's outbox row while it may be sent again")
        << QByteArray(minimal + "journal: {retention: {outbox: 6h}}\n") << QStringLiteral("journal.retention.outbox")
        << QStringLiteral("less than a day");
    QTest::newRow("a retention that is not a duration")
        << QByteArray(minimal + "journal: {retention: {alerts: forever}}\n") << QStringLiteral("journal.retention.alerts")
        << QStringLiteral("not a duration");
    QTest::newRow("an unknown retention key")
        << QByteArray(minimal + "journal: {retention: {proposals: 30d}}\n") << QStringLiteral("journal.retention.proposals")
        << QStringLiteral("unknown key");
    QTest::newRow("a mode that does not exist")
        << QByteArray(minimal + "mode: yolo\n") << QStringLiteral("mode") << QStringLiteral("unknown value 'yolo'");
    QTest::newRow("autonomous mode without the explicit switch")
        << QByteArray(minimal + "mode: autonomous\n") << QStringLiteral("mode") << QStringLiteral("switched on explicitly");
    QTest::newRow("an unknown interval")
        << QByteArray("watchlist:\n  - {symbol: X, market: FX, interval: 2min}\n") << QStringLiteral("watchlist[0].interval")
        << QStringLiteral("unknown interval '2min'");
    QTest::newRow("a watchlist entry without a symbol")
        << QByteArray("watchlist:\n  - {market: FX, interval: 5min}\n") << QStringLiteral("watchlist[0].symbol")
        << QStringLiteral("missing");
    QTest::newRow("an instrument listed twice")
        << QByteArray(minimal + "  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n") << QStringLiteral("watchlist[1]")
        << QStringLiteral("listed twice");
    // Found by fuzz_config_loader: an empty list passed as a usable configuration with nothing to watch.
    QTest::newRow("an empty watchlist list") << QByteArray("watchlist: []\n") << QStringLiteral("watchlist")
                                             << QStringLiteral("missing or empty");
    QTest::newRow("no watchlist at all") << QByteArray("mode: approval\n") << QStringLiteral("watchlist")
                                         << QStringLiteral("missing");
    QTest::newRow("a strategy that is not in the registry")
        << QByteArray(minimal + "strategy: {name: \"__import__('os')\"}\n") << QStringLiteral("strategy.name")
        << QStringLiteral("never loaded as code");
    QTest::newRow("a confidence of one")
        << QByteArray(minimal + "risk: {var_confidence: 1.0}\n") << QStringLiteral("risk.var_confidence")
        << QStringLiteral("out of range");
    QTest::newRow("a number written as text")
        << QByteArray(minimal + "risk: {max_var_pct: five}\n") << QStringLiteral("risk.max_var_pct")
        << QStringLiteral("not a finite number");
    QTest::newRow("a boolean written as a number")
        << QByteArray(minimal + "cache: {enabled: 3}\n") << QStringLiteral("cache.enabled") << QStringLiteral("true or false");
    QTest::newRow("a ttl without a unit")
        << QByteArray(minimal + "cache: {ttl: {quote: 30}}\n") << QStringLiteral("cache.ttl.quote") << QStringLiteral("not a duration");
    QTest::newRow("telegram enabled without its token in the environment")
        << QByteArray(minimal + "telegram: {enabled: true, bot_token: \"${TS_TEST_UNSET_TOKEN}\", chat_id: \"12345\"}\n")
        << QStringLiteral("telegram.bot_token") << QStringLiteral("TS_TEST_UNSET_TOKEN is not set");
    QTest::newRow("telegram enabled without a chat id")
        << QByteArray(minimal + "telegram: {enabled: true, bot_token: \"${TOKEN}\"}\n") << QStringLiteral("telegram.chat_id")
        << QStringLiteral("required");
    QTest::newRow("a telegram base url over plain http to a remote host")
        << QByteArray(minimal + "telegram: {api_base_url: \"http://api.telegram.org\"}\n") << QStringLiteral("telegram.api_base_url")
        << QStringLiteral("unencrypted");
    QTest::newRow("an operator named by username instead of id")
        << QByteArray(minimal + "telegram: {operators: [\"@alice\"]}\n") << QStringLiteral("telegram.operators[0]")
        << QStringLiteral("'@alice' is not a Telegram user id");
    QTest::newRow("a negative operator id (a group, not a user)")
        << QByteArray(minimal + "telegram: {operators: [123, -1001234567890]}\n") << QStringLiteral("telegram.operators[1]")
        << QStringLiteral("is not a Telegram user id");
    QTest::newRow("an operator id beyond 52 bits")
        << QByteArray(minimal + "telegram: {operators: [9007199254740992]}\n") << QStringLiteral("telegram.operators[0]")
        << QStringLiteral("from 1 to 9007199254740991");
    QTest::newRow("a fractional operator id")
        << QByteArray(minimal + "telegram: {operators: [12.5]}\n") << QStringLiteral("telegram.operators[0]")
        << QStringLiteral("'12.5' is not a Telegram user id");
    QTest::newRow("an operator id of zero")
        << QByteArray(minimal + "telegram: {operators: [0]}\n") << QStringLiteral("telegram.operators[0]")
        << QStringLiteral("is not a Telegram user id");
    QTest::newRow("operators as a single id instead of a list")
        << QByteArray(minimal + "telegram: {operators: 123456789}\n") << QStringLiteral("telegram.operators")
        << QStringLiteral("must be a list");
    QTest::newRow("an operator entry that is a map")
        << QByteArray(minimal + "telegram: {operators: [{id: 5}]}\n") << QStringLiteral("telegram.operators[0]")
        << QStringLiteral("must be a single user id");
    QTest::newRow("signal-only mode with telegram disabled")
        << QByteArray(minimal + "mode: signal-only\n") << QStringLiteral("telegram.enabled") << QStringLiteral("signal-only");
    QTest::newRow("alpha vantage without an api key")
        << QByteArray(minimal + "provider: alpha_vantage\n") << QStringLiteral("providers.alpha_vantage.api_key")
        << QStringLiteral("API key");
    QTest::newRow("a webhook enabled without a url")
        << QByteArray(minimal + "webhook: {enabled: true, secret: \"${TOKEN}\"}\n") << QStringLiteral("webhook.url")
        << QStringLiteral("required");
    QTest::newRow("a telemetry address without a port")
        << QByteArray(minimal + "telemetry: {listen: \"127.0.0.1\"}\n") << QStringLiteral("telemetry.listen")
        << QStringLiteral("HOST:PORT");
    QTest::newRow("telemetry on every interface")
        << QByteArray(minimal + "telemetry: {listen: \"0.0.0.0:9464\"}\n") << QStringLiteral("telemetry.listen")
        << QStringLiteral("not a loopback address");
    QTest::newRow("telemetry on a remote address allowed but without a token")
        << QByteArray(minimal + "telemetry: {listen: \"192.168.1.20:9464\", allow_remote: true}\n")
        << QStringLiteral("telemetry.listen") << QStringLiteral("not a loopback address");
    QTest::newRow("telemetry on a remote address with a token but not allowed")
        << QByteArray(minimal + "telemetry: {listen: \"192.168.1.20:9464\", bearer_token: \"${TOKEN}\"}\n")
        << QStringLiteral("telemetry.listen") << QStringLiteral("not a loopback address");
    QTest::newRow("a log format that does not exist")
        << QByteArray(minimal + "logging: {format: xml}\n") << QStringLiteral("logging.format")
        << QStringLiteral("unknown value 'xml'");
    QTest::newRow("an asset class limit of zero")
        << QByteArray(minimal + "risk: {max_asset_class_pct: 0}\n") << QStringLiteral("risk.max_asset_class_pct")
        << QStringLiteral("out of range");
    QTest::newRow("an asset class limit above the whole equity")
        << QByteArray(minimal + "risk: {max_asset_class_pct: 1.5}\n") << QStringLiteral("risk.max_asset_class_pct")
        << QStringLiteral("out of range");
    QTest::newRow("a volatility window of one return")
        << QByteArray(minimal + "risk: {volatility_window: 1}\n") << QStringLiteral("risk.volatility_window")
        << QStringLiteral("out of range");
    QTest::newRow("a volatility window written as a fraction")
        << QByteArray(minimal + "risk: {volatility_window: 20.5}\n") << QStringLiteral("risk.volatility_window")
        << QStringLiteral("not a whole number");
    QTest::newRow("a negative volatility multiple")
        << QByteArray(minimal + "risk: {volatility_confidence_multiple: -3}\n")
        << QStringLiteral("risk.volatility_confidence_multiple") << QStringLiteral("out of range");
    QTest::newRow("a calendar file that does not exist")
        << QByteArray(minimal + "calendars: {file: \"/nonexistent/calendars.json\"}\n") << QStringLiteral("calendars.file")
        << QStringLiteral("cannot read the calendar file");
    QTest::newRow("a misspelt key under calendars")
        << QByteArray(minimal + "calendars: {fiel: x.json}\n") << QStringLiteral("calendars.fiel")
        << QStringLiteral("unknown key");
    // Found by fuzz_config_loader: such keys were reported as "unknown key ''" with an empty location.
    QTest::newRow("a top-level key that is a mapping has no name to report")
        << QByteArray(minimal + "? {mode: approval}\n: x\n") << QStringLiteral("(file)") << QStringLiteral("must be a name");
    QTest::newRow("a null key inside a section is reported at the section")
        << QByteArray(minimal + "cache: {~: true}\n") << QStringLiteral("cache") << QStringLiteral("must be a name");
    QTest::newRow("an empty key is reported at the top level")
        << QByteArray(minimal + "\"\": 1\n") << QStringLiteral("(file)") << QStringLiteral("must be a name");
    QTest::newRow("broken yaml syntax") << QByteArray("watchlist: [\n") << QStringLiteral("(file)")
                                        << QStringLiteral("not valid YAML");
}

void TestConfigLoader::eachMistakeIsReportedAtItsKeyPath()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, path);
    QFETCH(QString, messagePart);
    const auto result = loaderWithEnvironment({{QStringLiteral("TOKEN"), QStringLiteral("123456:abcdefghijklmnopqrstuvwxyz0123456789")},
                                               {QStringLiteral("SHORT"), QStringLiteral("k3y")}})
                            .loadText(yaml);
    QVERIFY(!result.ok());
    bool found = false;
    for (const Issue& issue : result.issues) {
        found = found || (issue.location == path && issue.message.contains(messagePart) && !issue.remedy.isEmpty());
        // A message names the key, never a secret's value (even a wrong or short one).
        for (const char* value : {"pw12345", "pw12@", "k3y", "abcdefgh"})
            QVERIFY2(!issue.toString().contains(QLatin1String(value)), qPrintable(issue.toString()));
    }
    QVERIFY2(found, qPrintable(QStringLiteral("expected an issue at %1 containing '%2', got: %3")
                                   .arg(path, messagePart, errorPaths(result.issues).join(u", "))));
}

void TestConfigLoader::aRedisPasswordIsASecretAndNeverQuoted()
{
    // A URL the loader refuses still holds the password: the message shows it without it.
    const auto refused = loaderWithEnvironment({}).loadText(
        minimal + "cache: {backend: redis, redis_url: \"http://desk:hunter2-redis-pass@cache.local:6379\"}\n");
    QVERIFY(!refused.ok());
    QVERIFY(!refused.issues.isEmpty());
    for (const Issue& issue : refused.issues)
        QVERIFY2(!issue.toString().contains(u"hunter2"), qPrintable(issue.toString()));
    QVERIFY(errorPaths(refused.issues).contains(QStringLiteral("cache.redis_url")));
    // An accepted one keeps its password as a Secret, masked in any later text.
    const auto accepted = loaderWithEnvironment({}).loadText(
        minimal + "cache: {backend: redis, redis_url: \"redis://:s3cure-redis-pass@cache.local:6379/1\"}\n");
    QVERIFY2(accepted.ok(), qPrintable(errorPaths(accepted.issues).join(u", ")));
    QCOMPARE(accepted.config.cache.redisPassword.reveal(), QStringLiteral("s3cure-redis-pass"));
    const Error later{QStringLiteral("redis_unavailable"), QStringLiteral("AUTH s3cure-redis-pass refused")};
    QVERIFY(!later.message.contains(u"s3cure"));
}

void TestConfigLoader::theResultNamesTheRegistriesItWasCheckedAgainst()
{
    // The desktop's settings dialog validates against the same names the engine started with.
    ConfigLoadOptions options;
    options.known.markets << QStringLiteral("XNYS_DESK");
    const auto result = ConfigLoader(options).loadText(minimal);
    QVERIFY(result.ok());
    QCOMPARE(result.known.markets, options.known.markets);
    QCOMPARE(result.known.strategies, options.known.strategies);
}

void TestConfigLoader::remoteTelemetryNeedsBothYeses()
{
    const QString token = QStringLiteral("scrape-token-0123456789");
    const auto result = loaderWithEnvironment({{QStringLiteral("TOKEN"), token}})
                            .loadText(QByteArray(minimal + "telemetry: {listen: \"0.0.0.0:9464\", allow_remote: true, "
                                                           "bearer_token: \"${TOKEN}\"}\n"));
    QVERIFY2(result.ok(), qPrintable(errorPaths(result.issues).join(u", ")));
    QCOMPARE(result.config.telemetryListen, QStringLiteral("0.0.0.0:9464"));
    QVERIFY(result.config.telemetryAllowRemote);
    QCOMPARE(result.config.telemetryBearerToken.reveal(), token);
}

void TestConfigLoader::riskLimitsAreRead()
{
    const auto result = ConfigLoader().loadText(
        minimal + "risk: {max_asset_class_pct: 0.4, volatility_window: 60, volatility_confidence_multiple: 2.5}\n");
    QVERIFY2(result.ok(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.config.risk.maxAssetClassPct, 0.4);
    QCOMPARE(result.config.risk.volatilityWindow, 60);
    QCOMPARE(result.config.risk.volatilityConfidenceMultiple, 2.5);
}

void TestConfigLoader::unsetRiskLimitsKeepTheirDefaults()
{
    const auto result = ConfigLoader().loadText(minimal + "risk: {max_var_pct: 0.04}\n");
    QVERIFY(result.ok());
    const RiskSettings defaults;
    QCOMPARE(result.config.risk.maxAssetClassPct, defaults.maxAssetClassPct);
    QCOMPARE(result.config.risk.volatilityWindow, defaults.volatilityWindow);
    QCOMPARE(result.config.risk.volatilityConfidenceMultiple, defaults.volatilityConfidenceMultiple);
    QCOMPARE(result.config.calendarsFile, QString());
}

void TestConfigLoader::retentionIsReadAndDefaultsToMonths()
{
    using namespace std::chrono_literals;
    const auto unset = ConfigLoader().loadText(minimal);
    QVERIFY(unset.ok());
    QCOMPARE(unset.config.retention.alerts, std::chrono::seconds(90 * 24h));
    QCOMPARE(unset.config.retention.outbox, std::chrono::seconds(30 * 24h));
    const auto set = ConfigLoader().loadText(minimal + "journal: {path: j.sqlite, retention: {alerts: 14d, outbox: 2d}}\n");
    QVERIFY2(set.ok(), qPrintable(set.issues.value(0).toString()));
    QCOMPARE(set.config.retention.alerts, std::chrono::seconds(14 * 24h));
    QCOMPARE(set.config.retention.outbox, std::chrono::seconds(2 * 24h));
    QCOMPARE(set.config.journalPath, QStringLiteral("j.sqlite"));
}

void TestConfigLoader::logFormatIsTextUnlessJsonIsAskedFor()
{
    const auto unset = ConfigLoader().loadText(minimal);
    QVERIFY(unset.ok());
    QCOMPARE(unset.config.logFormat, LogFormat::Text);
    const auto json = ConfigLoader().loadText(minimal + "logging: {format: json}\n");
    QVERIFY2(json.ok(), qPrintable(json.issues.value(0).toString()));
    QCOMPARE(json.config.logFormat, LogFormat::Json);
    const auto text = ConfigLoader().loadText(minimal + "logging: {format: text}\n");
    QVERIFY(text.ok());
    QCOMPARE(text.config.logFormat, LogFormat::Text);
}

void TestConfigLoader::relativeCalendarFileIsTakenFromTheConfigFolder()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("desk")));
    QFile calendars(dir.filePath(QStringLiteral("desk/calendars.json")));
    QVERIFY(calendars.open(QIODevice::WriteOnly));
    calendars.write("{}");
    calendars.close();
    QFile file(dir.filePath(QStringLiteral("config.yaml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(minimal + "calendars: {file: desk/calendars.json}\n");
    file.close();

    const auto result = ConfigLoader().loadFile(file.fileName());
    QVERIFY2(result.ok(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(QFileInfo(result.config.calendarsFile).canonicalFilePath(), QFileInfo(calendars).canonicalFilePath());
    QVERIFY(QFileInfo(result.config.calendarsFile).isAbsolute());
}

void TestConfigLoader::secretReferencesAreResolvedFromTheEnvironment()
{
    const QByteArray yaml = minimal
        + "telegram: {enabled: true, bot_token: \"${MY_BOT_TOKEN}\", chat_id: \"-100123\", api_base_url: \"http://127.0.0.1:8081\"}\n";
    const auto result = loaderWithEnvironment({{QStringLiteral("MY_BOT_TOKEN"), QStringLiteral("42:resolved-token-value-abcdefghijklmnopqrstu")}})
                            .loadText(yaml);
    QVERIFY2(result.ok(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.config.telegram.botToken.reveal(), QStringLiteral("42:resolved-token-value-abcdefghijklmnopqrstu"));
    QCOMPARE(result.config.telegram.chatId, QStringLiteral("-100123"));
    QCOMPARE(result.config.telegram.apiBaseUrl.port(), 8081);
}

void TestConfigLoader::secretReferenceNamesAreCollectedOnceInOrder()
{
    const QByteArray yaml = "oanda: {token: \"${OANDA_TOKEN}\"}\n"
                            "telegram: {bot_token: \"${TELEGRAM_BOT_TOKEN}\"}  # was ${OLD_TOKEN}\n"
                            "webhook: {secret: \"${OANDA_TOKEN}\", url: \"$NOT_A_REFERENCE ${1BAD} ${}\"}\n";
    QCOMPARE(secretReferenceNames(yaml), (QStringList{QStringLiteral("OANDA_TOKEN"), QStringLiteral("TELEGRAM_BOT_TOKEN"),
                                                      QStringLiteral("OLD_TOKEN")}));
    QVERIFY(secretReferenceNames("mode: approval\n").isEmpty());
}

void TestConfigLoader::anUnresolvedSecretTakesTheCallersRemedy_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("variable");
    // A secret the reader itself requires, and one a later check requires (the broker's token).
    QTest::newRow("telegram's token, required by its own section")
        << QByteArray(minimal + "telegram: {enabled: true, bot_token: \"${TS_KC_TOKEN}\", chat_id: \"12345\"}\n")
        << QStringLiteral("telegram.bot_token") << QStringLiteral("TS_KC_TOKEN");
    QTest::newRow("oanda's token, required because the platform is oanda")
        << QByteArray("platform: oanda\nwatchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n"
                      "oanda: {account_id: \"101-001-1234567-001\", token: \"${TS_KC_OANDA}\"}\n")
        << QStringLiteral("oanda.token") << QStringLiteral("TS_KC_OANDA");
}

void TestConfigLoader::anUnresolvedSecretTakesTheCallersRemedy()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, key);
    QFETCH(QString, variable);
    ConfigLoadOptions options;
    options.environment = [](const QString&) -> std::optional<QString> { return std::nullopt; };
    options.missingSecretRemedy = [](const QString& name) { return QStringLiteral("caller's remedy for %1").arg(name); };
    const ConfigLoadResult result = ConfigLoader(options).loadText(yaml);
    QCOMPARE(errorPaths(result.issues), QStringList{key});
    QCOMPARE(result.issues.first().remedy, QStringLiteral("caller's remedy for %1").arg(variable));
    // Without one, the generic remedy names the variable and both places it may come from.
    options.missingSecretRemedy = {};
    const ConfigLoadResult generic = ConfigLoader(options).loadText(yaml);
    QCOMPARE(generic.issues.first().remedy,
             QStringLiteral("export %1 before starting, or store the secret in the OS keychain").arg(variable));
}

void TestConfigLoader::telegramOperatorsAreReadAsUserIds()
{
    const auto none = loaderWithEnvironment({}).loadText(minimal);
    QVERIFY(none.ok());
    QVERIFY(none.config.telegram.operators.isEmpty());
    const auto result = loaderWithEnvironment({}).loadText(
        minimal + "telegram: {operators: [123456789, \"4503599627370496\", 123456789]}\n");
    QVERIFY2(result.ok(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.config.telegram.operators, (QList<qint64>{123456789, 4503599627370496}));
    // The repeat is a warning at its own index, not an error.
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.constFirst().severity, Issue::Severity::Warning);
    QCOMPARE(result.issues.constFirst().location, QStringLiteral("telegram.operators[2]"));
}

void TestConfigLoader::secretInClearInAWorldReadableFileIsWarnedAbout()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(minimal + "webhook: {enabled: false, secret: \"clear-text-secret\"}\n");
    file.close();

    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    auto result = ConfigLoader().loadFile(path);
    QVERIFY(result.ok());
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.first().severity, Issue::Severity::Warning);
    QCOMPARE(result.issues.first().location, QStringLiteral("webhook.secret"));
    QVERIFY(result.issues.first().remedy.contains(u"chmod 600"));

    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    result = ConfigLoader().loadFile(path);
    QVERIFY(result.issues.isEmpty());
}

void TestConfigLoader::fileChecksCanBeLeftToTheCaller()
{
    // The UI library looks at no file itself; the settings dialog leaves these checks to its store.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(minimal + "calendars: {file: desk/missing.json}\n"
               + "webhook: {enabled: false, secret: \"clear-text-secret\"}\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));

    ConfigLoadOptions options;
    options.fileChecks = FileChecks::Skip;
    const auto skipped = ConfigLoader(options).loadFile(path);
    QVERIFY2(skipped.issues.isEmpty(), qPrintable(skipped.issues.value(0).toString()));
    // The path is still taken from the configuration's folder; only whether it exists is not asked.
    QCOMPARE(skipped.config.calendarsFile, dir.filePath(QStringLiteral("desk/missing.json")));

    const auto checked = ConfigLoader().loadFile(path);
    QCOMPARE(errorPaths(checked.issues), QStringList{QStringLiteral("calendars.file")});
    QCOMPARE(checked.issues.size(), 2); // and the warning about the secret in clear
}

void TestConfigLoader::aKeyGivenTwiceIsAnErrorNamingBothLines_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("lines");
    QTest::newRow("a second mode: autonomous is not silently ignored")
        << QByteArray("mode: approval\n" + minimal + "mode: autonomous\n") << QStringLiteral("mode")
        << QStringLiteral("at lines 1 and 4");
    QTest::newRow("a key twice inside a section is reported at its key path")
        << QByteArray(minimal + "risk:\n  max_var_pct: 0.05\n  max_var_pct: 0.5\n") << QStringLiteral("risk.max_var_pct")
        << QStringLiteral("at lines 4 and 5");
    QTest::newRow("a key twice in a flow mapping of a watchlist row")
        << QByteArray("watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min, market: CRYPTO}\n")
        << QStringLiteral("watchlist[0].market") << QStringLiteral("at lines 2 and 2");
}

void TestConfigLoader::aKeyGivenTwiceIsAnErrorNamingBothLines()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, path);
    QFETCH(QString, lines);
    const auto result = ConfigLoader().loadText(yaml);
    QVERIFY(!result.ok());
    QVERIFY2(errorPaths(result.issues).contains(path), qPrintable(errorPaths(result.issues).join(u", ")));
    bool named = false;
    for (const Issue& issue : result.issues)
        named = named || (issue.location == path && issue.message.contains(u"given twice") && issue.message.contains(lines));
    QVERIFY2(named, qPrintable(result.issues.first().toString()));
}

void TestConfigLoader::nestingTooDeepSaysSoWithItsLine_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("message");
    QByteArray block100 = "x:";
    for (int i = 1; i <= 100; ++i)
        block100 += "\n" + QByteArray(2 * i, ' ') + "k:";
    block100 += " 1\n";
    QTest::newRow("100 levels of mappings stop at the cap of 64") << block100 << QStringLiteral("nesting too deep at line 66");
    QByteArray block500 = "x:";
    for (int i = 1; i <= 500; ++i)
        block500 += "\n" + QByteArray(2 * i, ' ') + "k:";
    block500 += " 1\n";
    QTest::newRow("500 levels of mappings say nesting too deep, not bad file")
        << block500 << QStringLiteral("nesting too deep at line");
    QTest::newRow("500 levels of flow lists say nesting too deep")
        << QByteArray("x: " + QByteArray(500, '[') + QByteArray(500, ']') + "\n") << QStringLiteral("nesting too deep at line 1");
}

void TestConfigLoader::nestingTooDeepSaysSoWithItsLine()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, message);
    const auto result = ConfigLoader().loadText(yaml);
    QVERIFY(!result.ok());
    QVERIFY2(result.issues.first().message.startsWith(message), qPrintable(result.issues.first().toString()));
    QVERIFY(result.issues.first().line > 0);
    QVERIFY(result.issues.first().location.size() <= 81);
}

// Issue 18: every row was compared with every earlier one, and a 120,000-row watchlist timed
// out. This proves the whole list loads and that a duplicate at its very end still names its first
// row; how fast it loads is measured in tests/bench/bench_config_load (no timing here: a sanitizer
// build on a loaded runner took 33 s).
void TestConfigLoader::aWatchlistOf120000RowsLoadsWhole()
{
    QByteArray yaml = "watchlist:\n";
    for (int i = 0; i < 120'000; ++i)
        yaml += "  - {symbol: \"S" + QByteArray::number(i) + "\", market: XNYS, interval: 5min}\n";
    const auto result = ConfigLoader().loadText(yaml);
    QVERIFY2(result.ok(), qPrintable(result.issues.isEmpty() ? QString() : result.issues.first().toString()));
    QCOMPARE(result.config.watchlist.size(), 120'000);
    QCOMPARE(result.config.watchlist.last().symbol, QStringLiteral("S119999"));

    const auto repeated = ConfigLoader().loadText(yaml + "  - {symbol: \"S7\", market: XNYS, interval: 5min}\n");
    QVERIFY(!repeated.ok());
    QCOMPARE(errorPaths(repeated.issues), QStringList{QStringLiteral("watchlist[120000]")});
    QVERIFY2(repeated.issues.first().message.contains(u"(first as watchlist[7])"),
             qPrintable(repeated.issues.first().message));
}

void TestConfigLoader::aWatchlistDuplicateNamesTheFirstRow()
{
    const auto result = ConfigLoader().loadText(minimal + "  - {symbol: \"AAPL\", market: XNYS, interval: 5min}\n"
                                                + "  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n");
    QVERIFY(!result.ok());
    QCOMPARE(errorPaths(result.issues), QStringList{QStringLiteral("watchlist[2]")});
    QVERIFY2(result.issues.first().message.contains(u"FX:EUR/USD:5min is listed twice (first as watchlist[0])"),
             qPrintable(result.issues.first().message));
}

void TestConfigLoader::durationsParseAndFormat_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("two hours") << QStringLiteral("2h") << qint64(7'200'000);
    QTest::newRow("half a minute") << QStringLiteral("30s") << qint64(30'000);
    QTest::newRow("five minutes") << QStringLiteral("5m") << qint64(300'000);
    QTest::newRow("one day") << QStringLiteral("1d") << qint64(86'400'000);
    QTest::newRow("milliseconds") << QStringLiteral("250ms") << qint64(250);
    QTest::newRow("fractional hours") << QStringLiteral("1.5h") << qint64(5'400'000);
    QTest::newRow("no unit is rejected") << QStringLiteral("30") << qint64(-1);
    QTest::newRow("a negative duration is rejected") << QStringLiteral("-5m") << qint64(-1);
    QTest::newRow("words are rejected") << QStringLiteral("2 hours") << qint64(-1);
}

void TestConfigLoader::durationsParseAndFormat()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    const auto parsed = parseDuration(text);
    if (ms < 0) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(parsed->count(), ms);
    QCOMPARE(parseDuration(formatDuration(*parsed)), parsed);
}

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
