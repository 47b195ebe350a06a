// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ConfigBootstrap.h"

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

ConfigLoadResult loadConfigWithRegistries(const QString& explicitPath, const ConfigBootstrapOptions& options)
{
    const QString path = ConfigLoader::defaultPath(explicitPath);
    if (!path.isEmpty() && explicitPath.isEmpty())
        log::config()->info("using configuration {}", path);
    auto load = [&](const ConfigLoadOptions& loadOptions) {
        const ConfigLoader loader(loadOptions);
        return path.isEmpty() ? loader.loadDemoProfile() : loader.loadFile(path);
    };

    // Which calendar file is in effect is itself configuration, so the first pass only reads
    // it; its verdict on market names is replaced by the second pass.
    ConfigLoadOptions loadOptions;
    loadOptions.environment = options.environment;
    const ConfigLoadResult first = load(loadOptions);

    const bool fromOption = !options.calendarsOverride.isEmpty();
    const QString calendarsFile = fromOption ? QFileInfo(options.calendarsOverride).absoluteFilePath()
                                             : first.config.calendarsFile;
    // The loader has already said when the configured file is missing; loading it again would
    // only repeat that.
    const bool alreadyReported = !fromOption && std::any_of(first.issues.cbegin(), first.issues.cend(), [](const Issue& issue) {
        return issue.location == u"calendars.file";
    });

    std::optional<Issue> calendarIssue;
    Result<CalendarRegistry> calendars = CalendarRegistry::load(alreadyReported ? QString() : calendarsFile);
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
        ConfigLoadResult broken = first;
        broken.issues.append({Issue::Severity::Error, QStringLiteral("(calendars)"),
                              QStringLiteral("the built-in calendars do not load: %1").arg(calendars.error().message),
                              QStringLiteral("reinstall Trade Sentinel"), 0});
        return broken;
    }

    loadOptions.known = knownNamesFrom(calendars.value());
    ConfigLoadResult result = load(loadOptions);
    if (calendarIssue)
        result.issues.append(*calendarIssue);
    if (fromOption) {
        result.config.calendarsFile = calendarsFile;
        // The option wins; a missing configured file it replaces is no longer a problem.
        result.issues.erase(std::remove_if(result.issues.begin(), result.issues.end(),
                                           [](const Issue& issue) { return issue.location == u"calendars.file"; }),
                            result.issues.end());
    }
    return result;
}

} // namespace sentinel
