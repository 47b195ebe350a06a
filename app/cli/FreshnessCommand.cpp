// SPDX-License-Identifier: GPL-3.0-or-later
#include "CalendarOptions.h"

#include "common/Excerpt.h"
#include "common/ExitCode.h"
#include "market/FreshnessGate.h"
#include "market/TimeText.h"

namespace sentinel::cli {

namespace {

QJsonValue slotJson(const std::optional<BarSlot>& slot)
{
    if (!slot)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("open"), formatUtcInstant(slot->openMs)},
                       {QStringLiteral("close"), formatUtcInstant(slot->closeMs)}};
}

} // namespace

int runFreshness(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Judge whether the newest bar held is fresh at an instant (market-time lag), as JSON. Exit 3 when stale."));
    addGlobalOptions(parser);
    addCalendarOptions(parser);
    parser.addOption({QStringLiteral("interval"), QStringLiteral("Bar interval: 1min, 5min, 15min, 30min, 60min or daily."),
                      QStringLiteral("I")});
    parser.addOption({QStringLiteral("last-bar"), QStringLiteral("Opening instant of the newest bar held (UTC with Z)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("UTC instant with Z (default: now)."), QStringLiteral("T")});
    if (const auto exit = parseArguments(parser, invocation))
        return *exit;

    const QString intervalText = parser.value(QStringLiteral("interval"));
    const auto interval = parseInterval(intervalText);
    if (!interval)
        return usageError(invocation, QStringLiteral("--interval: \"%1\" is not an interval; use one of %2")
                                          .arg(excerpt(intervalText), knownIntervalNames()));
    const auto lastBar = requireInstant(parser, invocation, QStringLiteral("last-bar"), false);
    if (!lastBar)
        return ExitBadInput;
    const auto at = requireInstant(parser, invocation, QStringLiteral("at"), true);
    if (!at)
        return ExitBadInput;
    int exitCode = ExitOk;
    CalendarRegistry registry;
    std::optional<Config> config;
    const auto calendar = requireCalendar(parser, invocation, exitCode, &registry, &config);
    if (!calendar)
        return exitCode;

    // The tolerances of --config's `freshness`, else the defaults (those of the embedded profile).
    const FreshnessGate gate(registry, FreshnessPolicy::fromSettings(config ? config->freshness : FreshnessSettings{}));
    const Instrument instrument{QString(), calendar->name(), *interval};
    const Result<FreshnessCheck> check = gate.evaluate(instrument, *lastBar, *at);
    if (!check)
        return usageError(invocation, QStringLiteral("--at: ") + check.error().toString());
    const FreshnessVerdict& verdict = check->verdict;
    printJson(invocation, QJsonObject{
        {QStringLiteral("market"), verdict.market},
        {QStringLiteral("interval"), intervalName(verdict.interval)},
        {QStringLiteral("at"), formatUtcInstant(verdict.atMs)},
        {QStringLiteral("last_bar"), formatUtcInstant(*lastBar)},
        {QStringLiteral("status"), freshnessName(verdict.status)},
        {QStringLiteral("cause"), freshnessCauseName(verdict.cause)},
        {QStringLiteral("reason"), verdict.reason},
        {QStringLiteral("lag_s"), double(verdict.lagMs) / 1000.0},
        {QStringLiteral("tolerance_s"), double(verdict.toleranceMs) / 1000.0},
        {QStringLiteral("warn_above_s"), double(verdict.warnAboveMs) / 1000.0},
        {QStringLiteral("expected_bar"), slotJson(verdict.expectedBar)},
        {QStringLiteral("actual_bar"), slotJson(verdict.actualBar)},
        {QStringLiteral("market_state"), verdict.phase == MarketPhase::Open ? QStringLiteral("open") : QStringLiteral("closed")},
        {QStringLiteral("market_reason"), verdict.marketReason},
    });
    return verdict.status == Freshness::Stale ? ExitCheckFailed : ExitOk;
}

} // namespace sentinel::cli
