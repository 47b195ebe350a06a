// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/FreshnessGate.h"

#include "market/TimeText.h"

namespace sentinel {

QString freshnessCauseName(FreshnessCause cause)
{
    switch (cause) {
    case FreshnessCause::UpToDate: return QStringLiteral("up_to_date");
    case FreshnessCause::Lagging: return QStringLiteral("lagging");
    case FreshnessCause::NoBar: return QStringLiteral("no_bar");
    case FreshnessCause::FutureBar: return QStringLiteral("future_bar");
    }
    return {};
}

FreshnessGate::FreshnessGate(CalendarRegistry calendars, FreshnessPolicy policy)
    : m_calendars(std::move(calendars)), m_policy(std::move(policy))
{
}

Result<FreshnessCheck> FreshnessGate::evaluate(const Instrument& instrument, const QDateTime& newestBarOpen,
                                               const QDateTime& now) const
{
    if (!now.isValid())
        return Error{QStringLiteral("invalid_time"), QStringLiteral("the evaluation time is not a valid instant"),
                     QStringLiteral("pass the clock's now()")};
    return evaluate(instrument,
                    newestBarOpen.isValid() ? std::optional<qint64>(newestBarOpen.toMSecsSinceEpoch()) : std::nullopt,
                    now.toMSecsSinceEpoch());
}

namespace {

/// What is judged, when, in which market state, and against which tolerance; no verdict yet.
FreshnessVerdict verdictFrame(const Instrument& instrument, const MarketCalendar& calendar, const MarketStatus& status,
                              const FreshnessPolicy& policy, qint64 nowMs)
{
    FreshnessVerdict verdict;
    verdict.instrumentKey = instrument.key();
    verdict.market = calendar.name();
    verdict.interval = instrument.interval;
    verdict.atMs = nowMs;
    verdict.phase = status.phase;
    verdict.marketReason = status.reason;
    verdict.toleranceMs = policy.toleranceFor(instrument.interval, status.phase).count();
    verdict.warnAboveMs = qint64(double(verdict.toleranceMs) * policy.warnFraction);
    verdict.expectedBar = calendar.newestClosedBar(instrument.interval, nowMs);
    return verdict;
}

/// Judges the newest bar we hold by its lag behind the expected one, in market time.
void judgeLag(FreshnessVerdict& verdict, const MarketCalendar& calendar, const MarketStatus& status,
              qint64 newestBarOpenMs)
{
    const BarSlot actual = calendar.barSlot(verdict.interval, newestBarOpenMs);
    verdict.actualBar = actual;
    // A bar still forming (or one newer than expected) leaves no gap: lag 0.
    if (verdict.expectedBar && verdict.expectedBar->closeMs > actual.closeMs)
        verdict.lagMs = calendar.openTimeBetween(actual.closeMs, verdict.expectedBar->closeMs);

    const QString where = status.isOpen() ? QStringLiteral("while %1 is open").arg(calendar.name())
                                          : QStringLiteral("while %1 is closed (%2)").arg(calendar.name(), status.reason);
    const QString numbers = QStringLiteral("lag %1 in market time, tolerance %2")
                                .arg(formatDuration(verdict.lagMs), formatDuration(verdict.toleranceMs));
    const QString since = calendar.formatLocal(actual.closeMs, verdict.atMs);
    if (verdict.lagMs > verdict.toleranceMs) {
        verdict.status = Freshness::Stale;
        verdict.cause = FreshnessCause::Lagging;
        verdict.reason = QStringLiteral("no bar since %1 %2 (%3)").arg(since, where, numbers);
    } else if (verdict.lagMs > verdict.warnAboveMs) {
        verdict.status = Freshness::Warn;
        verdict.cause = FreshnessCause::Lagging;
        verdict.reason = QStringLiteral("no bar since %1 %2 (%3; warn above %4)")
                             .arg(since, where, numbers, formatDuration(verdict.warnAboveMs));
    } else {
        verdict.status = Freshness::Fresh;
        verdict.cause = FreshnessCause::UpToDate;
        verdict.reason = verdict.lagMs == 0
                             ? QStringLiteral("up to date: newest bar closed %1 %2").arg(since, where)
                             : QStringLiteral("newest bar closed %1 %2 (%3)").arg(since, where, numbers);
    }
}

} // namespace

Result<FreshnessCheck> FreshnessGate::evaluate(const Instrument& instrument, std::optional<qint64> newestBarOpenMs,
                                               qint64 nowMs) const
{
    auto found = m_calendars.require(instrument.market);
    if (!found)
        return found.error();
    const MarketCalendar& calendar = *found.value();
    if (!calendar.covers(nowMs))
        return Error{QStringLiteral("out_of_range"),
                     QStringLiteral("%1 is outside the %2 calendar's years %3 to %4")
                         .arg(formatUtcInstant(nowMs), calendar.name())
                         .arg(calendar.firstYear()).arg(calendar.lastYear()),
                     QStringLiteral("check the system clock")};

    const MarketStatus status = calendar.statusAt(nowMs);
    FreshnessCheck check;
    check.verdict = verdictFrame(instrument, calendar, status, m_policy, nowMs);
    FreshnessVerdict& verdict = check.verdict;
    if (!newestBarOpenMs) {
        verdict.status = Freshness::Stale;
        verdict.cause = FreshnessCause::NoBar;
        verdict.reason = QStringLiteral("no %1 bar received yet").arg(calendar.name() + u' ' + intervalName(instrument.interval));
        return check;
    }
    if (*newestBarOpenMs > nowMs + m_policy.futureSkew.count()) {
        verdict.status = Freshness::Stale;
        verdict.cause = FreshnessCause::FutureBar;
        verdict.actualBar = BarSlot{*newestBarOpenMs, *newestBarOpenMs};
        verdict.reason = QStringLiteral("bad timestamp or clock skew: the newest bar opens at %1, %2 after now (%3)")
                             .arg(formatUtcInstant(*newestBarOpenMs), formatDuration(*newestBarOpenMs - nowMs),
                                  formatUtcInstant(nowMs));
        return check;
    }
    judgeLag(verdict, calendar, status, *newestBarOpenMs);
    if (verdict.allowsEntries())
        check.token = FreshDataToken(verdict.instrumentKey, nowMs, *newestBarOpenMs);
    return check;
}

ExitClearance FreshnessGate::allowsExit(const FreshnessVerdict& verdict) const
{
    return {true, QStringLiteral("exits are never blocked by data freshness; data was %1: %2")
                      .arg(freshnessName(verdict.status), verdict.reason)};
}

} // namespace sentinel
