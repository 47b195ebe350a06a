// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ConfigBootstrap.h"

#include "brokers/coinbase/CoinbaseJwt.h"
#include "common/Log.h"
#include "market/CalendarRegistry.h"
#include "strategy/StrategyRegistry.h"

#include <QFileInfo>

#include <algorithm>
#include <optional>

namespace sentinel {

KnownNames knownNamesFrom(const CalendarRegistry& calendars)
{
    KnownNames names;
    names.markets = calendars.marketNames();
    names.strategies = StrategyRegistry::names();
    return names;
}

namespace {

/// Whether `coinbase.private_key` holds a P-256 key only OpenSSL can say; the loader checked its
/// PEM label only (config sits below the brokers module, ADR 0121). The message never quotes it.
void checkCoinbaseKey(ConfigLoadResult& result)
{
    const Secret& pem = result.config.coinbase.privateKey;
    const bool reported = std::any_of(result.issues.cbegin(), result.issues.cend(),
                                      [](const Issue& issue) { return issue.location == u"coinbase.private_key"; });
    if (pem.isEmpty() || reported)
        return;
    if (const auto key = coinbase::SigningKey::fromPem(pem); !key)
        result.issues.append(Issue{Issue::Severity::Error, QStringLiteral("coinbase.private_key"), key.error().message, key.error().remedy, 0});
}

} // namespace

ConfigLoadResult loadConfigWithRegistries(const QString& explicitPath, const ConfigBootstrapOptions& options)
{
    const QString path = ConfigLoader::defaultPath(explicitPath);
    if (!path.isEmpty() && explicitPath.isEmpty())
        log::config()->info("using configuration {}", path);

    // Which calendar file is in effect is itself configuration: the loader hands over the
    // file it names before it checks any market, so the configuration is read and walked once.
    // (It used to be loaded twice, the first time only to learn calendars.file.)
    const bool fromOption = !options.calendarsOverride.isEmpty();
    std::optional<Issue> calendarIssue;
    std::optional<Issue> builtInBroken;
    ConfigLoadOptions loadOptions;
    loadOptions.environment = options.environment;
    loadOptions.missingSecretRemedy = options.missingSecretRemedy;
    loadOptions.knownNamesFor = [&](const QString& configuredFile) {
        const QString calendarsFile = fromOption ? QFileInfo(options.calendarsOverride).absoluteFilePath() : configuredFile;
        // A configured file that is not there is the loader's to report, at its key; loading it
        // here would only say it again.
        const bool loaderReports = !fromOption && !calendarsFile.isEmpty() && !QFileInfo(calendarsFile).isFile();
        Result<CalendarRegistry> calendars = CalendarRegistry::load(loaderReports ? QString() : calendarsFile);
        if (!calendars) {
            calendarIssue = Issue{Issue::Severity::Error,
                                  fromOption ? QStringLiteral("--calendars") : QStringLiteral("calendars.file"),
                                  calendars.error().message,
                                  calendars.error().remedy.isEmpty()
                                      ? QStringLiteral("fix the calendar file, or remove it to use the built-in calendars")
                                      : calendars.error().remedy,
                                  0};
            calendars = CalendarRegistry::builtIn();
        }
        if (!calendars) {
            // The embedded calendars are part of the program; failing to read them is a broken build.
            builtInBroken = Issue{Issue::Severity::Error, QStringLiteral("(calendars)"),
                                  QStringLiteral("the built-in calendars do not load: %1").arg(calendars.error().message),
                                  QStringLiteral("reinstall Trade Sentinel"), 0};
            return KnownNames{};
        }
        return knownNamesFrom(calendars.value());
    };
    const ConfigLoader loader(loadOptions);
    ConfigLoadResult result = path.isEmpty() ? loader.loadDemoProfile() : loader.loadFile(path);
    if (builtInBroken)
        result.issues.append(*builtInBroken);
    if (calendarIssue)
        result.issues.append(*calendarIssue);
    checkCoinbaseKey(result);
    if (fromOption) {
        result.config.calendarsFile = QFileInfo(options.calendarsOverride).absoluteFilePath();
        // The option wins; a missing configured file it replaces is no longer a problem.
        result.issues.erase(std::remove_if(result.issues.begin(), result.issues.end(),
                                           [](const Issue& issue) { return issue.location == u"calendars.file"; }),
                            result.issues.end());
    }
    return result;
}

} // namespace sentinel
