// SPDX-License-Identifier: GPL-3.0-or-later
#include "CalendarOptions.h"

#include "ConfigSecrets.h"
#include "common/Excerpt.h"
#include "common/ExitCode.h"
#include "market/TimeText.h"

#include <QDateTime>
#include <QJsonDocument>

namespace sentinel::cli {

void addCalendarOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("market"), QStringLiteral("Market: XNYS, XNAS, FX, CRYPTO or one from --calendars."),
                      QStringLiteral("M")});
    parser.addOption({QStringLiteral("calendars"),
                      QStringLiteral("Calendar file that replaces or adds markets of the built-in calendars."),
                      QStringLiteral("FILE")});
}

std::shared_ptr<const MarketCalendar> requireCalendar(const QCommandLineParser& parser, Invocation& invocation,
                                                      int& exitCode, CalendarRegistry* registry, std::optional<Config>* configOut)
{
    exitCode = ExitOk;
    const QString market = parser.value(QStringLiteral("market"));
    if (market.isEmpty()) {
        exitCode = usageError(invocation, QStringLiteral("--market is required (XNYS, XNAS, FX or CRYPTO)"));
        return nullptr;
    }
    // With --config, its calendars.file applies (unless --calendars replaces it), and the caller
    // may use the rest of it (freshness tolerances): the same file `run` and the app would use.
    QString calendarsFile = parser.value(QStringLiteral("calendars"));
    QString calendarsSource = QStringLiteral("--calendars");
    if (parser.isSet(QStringLiteral("config"))) {
        ConfigBootstrapOptions options = bootstrapOptionsWithSecrets(parser.value(QStringLiteral("config")));
        options.calendarsOverride = calendarsFile;
        const ConfigLoadResult config = loadConfigWithRegistries(parser.value(QStringLiteral("config")), options);
        if (!config.ok()) {
            for (const Issue& issue : config.issues)
                invocation.err << "config: " << issue.toString() << '\n';
            exitCode = usageError(invocation, QStringLiteral("--config: the configuration has errors (run 'sentinel config check')"));
            return nullptr;
        }
        if (calendarsFile.isEmpty()) {
            calendarsFile = config.config.calendarsFile;
            calendarsSource = QStringLiteral("calendars.file");
        }
        if (configOut)
            *configOut = config.config;
    }
    Result<CalendarRegistry> loaded = CalendarRegistry::load(calendarsFile);
    if (!loaded) {
        exitCode = usageError(invocation, calendarsSource + QStringLiteral(": ") + loaded.error().toString());
        return nullptr;
    }
    auto calendar = loaded->require(market);
    if (!calendar) {
        exitCode = usageError(invocation, QStringLiteral("--market: ") + calendar.error().toString());
        return nullptr;
    }
    if (registry)
        *registry = loaded.value();
    return calendar.value();
}

std::optional<qint64> requireInstant(const QCommandLineParser& parser, Invocation& invocation, const QString& option,
                                     bool fallbackToNow)
{
    if (!parser.isSet(option)) {
        if (fallbackToNow)
            return QDateTime::currentMSecsSinceEpoch();
        usageError(invocation, QStringLiteral("--%1 is required (a UTC instant such as 2024-03-08T21:00:00Z)").arg(option));
        return std::nullopt;
    }
    const QString value = parser.value(option);
    const auto instant = parseUtcInstant(value);
    if (!instant)
        usageError(invocation, QStringLiteral("--%1: \"%2\" is not a UTC instant; write it like 2024-03-08T21:00:00Z "
                                              "(ISO 8601 with a Z)").arg(option, excerpt(value)));
    return instant;
}

void printJson(Invocation& invocation, const QJsonObject& object)
{
    invocation.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
}

QJsonValue instantJson(std::optional<qint64> ms)
{
    return ms ? QJsonValue(formatUtcInstant(*ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace sentinel::cli
