// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ManualClock.h"
#include "market/FreshnessGate.h"
#include "market/TimeText.h"

#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(sentinel::Interval)
Q_DECLARE_METATYPE(sentinel::Freshness)

namespace {

qint64 utc(QStringView text)
{
    const auto parsed = parseUtcInstant(text);
    if (!parsed)
        qFatal("bad instant in test: %s", qPrintable(text.toString()));
    return *parsed;
}

CalendarRegistry calendars()
{
    return CalendarRegistry::builtIn().value();
}

Instrument instrument(const char* market, Interval interval)
{
    return Instrument{QStringLiteral("TEST"), QString::fromLatin1(market), interval};
}

} // namespace

class TestFreshnessGate final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verdicts_data();
    void verdicts();
    void feedThatStoppedAtTheCloseIsFreshOneMinuteAfterEveryLongGap_data();
    void feedThatStoppedAtTheCloseIsFreshOneMinuteAfterEveryLongGap();
    void feedThatStopsMidSessionTurnsStaleWithinOneIntervalOfTheTolerance_data();
    void feedThatStopsMidSessionTurnsStaleWithinOneIntervalOfTheTolerance();
    void staleReasonSaysSinceWhenAndWhileWhat();
    void barFromTheFutureIsRejectedAsClockSkew();
    void noBarAtAllIsStale();
    void tokenCarriesInstrumentVerdictTimeAndBar();
    void exitsAreNeverBlocked();
    void policyFromSettingsAndPerIntervalOverride();
    void unknownMarketAndOutOfRangeAreTypedErrors();
};

void TestFreshnessGate::verdicts_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<Interval>("interval");
    QTest::addColumn<QString>("lastBar");
    QTest::addColumn<QString>("at");
    QTest::addColumn<Freshness>("status");
    QTest::addColumn<qint64>("lagMinutes");
    QTest::addColumn<qint64>("toleranceHours");
    const auto row = [](const char* name, const char* market, Interval interval, const char* bar, const char* at,
                        Freshness status, qint64 lag, qint64 tolerance) {
        QTest::newRow(name) << QString::fromLatin1(market) << interval << QString::fromLatin1(bar) << QString::fromLatin1(at)
                            << status << lag << tolerance;
    };
    row("friday close read on tuesday after a monday holiday one minute after the open is fresh", "XNYS", Interval::Min1,
        "2024-05-24T19:59:00Z", "2024-05-28T13:31:00Z", Freshness::Fresh, 1, 2);
    row("thursday bar read on monday at 11:00 lags a session and ninety minutes", "XNYS", Interval::Min5,
        "2024-03-07T20:55:00Z", "2024-03-11T15:00:00Z", Freshness::Stale, 390 + 90, 2);
    row("friday close read on saturday is fresh under the weekend tolerance", "XNYS", Interval::Min5,
        "2024-03-08T20:55:00Z", "2024-03-09T18:00:00Z", Freshness::Fresh, 0, 72);
    row("friday close read on thanksgiving thursday is not a false alarm", "XNYS", Interval::Min5,
        "2024-11-27T20:55:00Z", "2024-11-28T20:00:00Z", Freshness::Fresh, 0, 24);
    row("an hour and a quarter behind while open is a warning", "XNYS", Interval::Min5,
        "2024-03-12T14:00:00Z", "2024-03-12T15:20:00Z", Freshness::Warn, 75, 2);
    row("missing today's daily bar in the evening is within the closed tolerance", "XNYS", Interval::Daily,
        "2024-03-11T13:30:00Z", "2024-03-12T22:00:00Z", Freshness::Fresh, 390, 24);
    row("missing yesterday's daily bar after the open is stale", "XNYS", Interval::Daily,
        "2024-03-11T13:30:00Z", "2024-03-13T14:00:00Z", Freshness::Stale, 390, 2);
    row("daily bar labelled by its date like alpha vantage is fresh", "XNYS", Interval::Daily,
        "2024-03-12T00:00:00Z", "2024-03-13T14:00:00Z", Freshness::Fresh, 0, 2);
    row("a bar still forming counts as up to date", "XNYS", Interval::Min5,
        "2024-03-12T15:20:00Z", "2024-03-12T15:22:00Z", Freshness::Fresh, 0, 2);
    row("fx friday close read on sunday before the open is fresh", "FX", Interval::Min5,
        "2024-03-08T21:55:00Z", "2024-03-10T20:00:00Z", Freshness::Fresh, 0, 72);
    row("fx three hours behind mid week is stale", "FX", Interval::Min15,
        "2024-03-12T09:00:00Z", "2024-03-12T12:20:00Z", Freshness::Stale, 180, 2);
    row("crypto three hours behind on a sunday is stale", "CRYPTO", Interval::Min1,
        "2024-03-10T09:00:00Z", "2024-03-10T12:01:00Z", Freshness::Stale, 180, 2);
    row("crypto daily bar at 00:00z read the next morning is fresh", "CRYPTO", Interval::Daily,
        "2024-03-09T00:00:00Z", "2024-03-10T09:00:00Z", Freshness::Fresh, 0, 2);
}

void TestFreshnessGate::verdicts()
{
    QFETCH(QString, market);
    QFETCH(Interval, interval);
    QFETCH(QString, lastBar);
    QFETCH(QString, at);
    QFETCH(Freshness, status);
    QFETCH(qint64, lagMinutes);
    QFETCH(qint64, toleranceHours);
    const FreshnessGate gate(calendars(), FreshnessPolicy{});
    const Result<FreshnessCheck> check = gate.evaluate(instrument(qPrintable(market), interval), utc(lastBar), utc(at));
    QVERIFY2(check, check ? "" : qPrintable(check.error().toString()));
    const FreshnessVerdict& verdict = check->verdict;
    QVERIFY2(verdict.status == status, qPrintable(freshnessName(verdict.status) + u": " + verdict.reason));
    QCOMPARE(verdict.lagMs, lagMinutes * 60'000);
    QCOMPARE(verdict.toleranceMs, toleranceHours * 3'600'000);
    QCOMPARE(check->token.has_value(), status != Freshness::Stale);
    QVERIFY(verdict.expectedBar && verdict.actualBar);
}

void TestFreshnessGate::feedThatStoppedAtTheCloseIsFreshOneMinuteAfterEveryLongGap_data()
{
    QTest::addColumn<Interval>("interval");
    QTest::addColumn<qint64>("expectedLagMinutes");
    QTest::newRow("1min feed") << Interval::Min1 << qint64(1);
    QTest::newRow("5min feed") << Interval::Min5 << qint64(0);
    QTest::newRow("daily feed") << Interval::Daily << qint64(0);
}

void TestFreshnessGate::feedThatStoppedAtTheCloseIsFreshOneMinuteAfterEveryLongGap()
{
    QFETCH(Interval, interval);
    QFETCH(qint64, expectedLagMinutes);
    const CalendarRegistry registry = calendars();
    const FreshnessGate gate(registry, FreshnessPolicy{});
    const auto xnys = registry.find(u"XNYS");
    const auto sessions = xnys->sessionsBetween(QDate(1990, 1, 1), QDate(2027, 12, 31));
    const qint64 length = interval == Interval::Daily ? 0 : qint64(intervalLength(interval).count()) * 60'000;
    int longGaps = 0;
    int holidayGaps = 0;
    for (std::size_t i = 0; i + 1 < sessions.size(); ++i) {
        const Session& session = sessions[i];
        const Session& next = sessions[i + 1];
        // Long: more than the 17.5 h of an ordinary night (weekends, holidays, closures).
        if (next.openMs - session.closeMs <= 18 * 3'600'000LL)
            continue;
        ++longGaps;
        holidayGaps += next.tradingDay - session.tradingDay > 3 || (next.tradingDay - session.tradingDay > 1
                                                                    && session.date().dayOfWeek() != Qt::Friday);
        const qint64 lastBarOpen = interval == Interval::Daily ? session.openMs
                                                               : session.openMs + ((session.closeMs - session.openMs - 1) / length) * length;
        const qint64 at = next.openMs + 60'000;
        const Result<FreshnessCheck> check = gate.evaluate(instrument("XNYS", interval), lastBarOpen, at);
        QVERIFY(check);
        if (check->verdict.status != Freshness::Fresh || check->verdict.lagMs != expectedLagMinutes * 60'000)
            QFAIL(qPrintable(u"after the session of " + session.date().toString(Qt::ISODate) + u": "
                             + freshnessName(check->verdict.status) + u", " + check->verdict.reason));
    }
    QVERIFY(longGaps > 1900);  // about 52 weekends a year for 38 years, plus holidays
    QVERIFY(holidayGaps > 300);
}

void TestFreshnessGate::feedThatStopsMidSessionTurnsStaleWithinOneIntervalOfTheTolerance_data()
{
    QTest::addColumn<Interval>("interval");
    QTest::addColumn<QString>("lastBar");
    QTest::newRow("1min feed stopping at 10:30") << Interval::Min1 << QStringLiteral("2024-03-12T14:29:00Z");
    QTest::newRow("5min feed stopping at 10:35") << Interval::Min5 << QStringLiteral("2024-03-12T14:30:00Z");
    QTest::newRow("15min feed stopping at 09:45") << Interval::Min15 << QStringLiteral("2024-03-12T13:30:00Z");
    QTest::newRow("60min feed stopping at 10:30") << Interval::Min60 << QStringLiteral("2024-03-12T13:30:00Z");
    QTest::newRow("5min feed stopping at 15:00 goes stale the next morning") << Interval::Min5
                                                                             << QStringLiteral("2024-03-12T18:55:00Z");
    QTest::newRow("5min feed stopping on an early close day") << Interval::Min5 << QStringLiteral("2024-11-29T16:25:00Z");
}

void TestFreshnessGate::feedThatStopsMidSessionTurnsStaleWithinOneIntervalOfTheTolerance()
{
    QFETCH(Interval, interval);
    QFETCH(QString, lastBar);
    const CalendarRegistry registry = calendars();
    const FreshnessGate gate(registry, FreshnessPolicy{});
    const auto xnys = registry.find(u"XNYS");
    const qint64 barOpen = utc(lastBar);
    const qint64 barClose = xnys->barSlot(interval, barOpen).closeMs;
    const qint64 tolerance = gate.policy().defaults.open.count();
    const qint64 length = qint64(intervalLength(interval).count()) * 60'000;

    // The engine evaluates every minute; the clock runs through the following days.
    ManualClock clock(QDateTime::fromMSecsSinceEpoch(barClose, Qt::UTC));
    std::optional<qint64> staleAt;
    std::function<void()> tick = [&] {
        const auto check = gate.evaluate(instrument("XNYS", interval), barOpen, clock.nowMs());
        QVERIFY(check);
        if (!staleAt && check->verdict.status == Freshness::Stale)
            staleAt = clock.nowMs();
        if (!staleAt)
            clock.callAfter(1min, &clock, tick);
    };
    clock.callAfter(1min, &clock, tick);
    clock.advanceBy(std::chrono::hours(96));
    QVERIFY2(staleAt, "the feed never turned stale");
    const qint64 openTimeUntilStale = xnys->openTimeBetween(barClose, *staleAt);
    QVERIFY2(openTimeUntilStale > tolerance, qPrintable(u"stale too early at " + formatUtcInstant(*staleAt)));
    QVERIFY2(openTimeUntilStale <= tolerance + length, qPrintable(u"stale too late at " + formatUtcInstant(*staleAt)));
    QVERIFY(xnys->isOpen(*staleAt - 1));
}

void TestFreshnessGate::staleReasonSaysSinceWhenAndWhileWhat()
{
    const FreshnessGate gate(calendars(), FreshnessPolicy{});
    const auto check = gate.evaluate(instrument("XNYS", Interval::Min5), utc(u"2024-03-12T14:30:00Z"), utc(u"2024-03-12T16:45:00Z"));
    QVERIFY(check);
    QCOMPARE(check->verdict.status, Freshness::Stale);
    QVERIFY2(check->verdict.reason.startsWith(u"no bar since 10:35 ET while XNYS is open"), qPrintable(check->verdict.reason));
    QVERIFY(check->verdict.reason.contains(u"lag 2 h 10 min in market time, tolerance 2 h"));

    const auto overnight = gate.evaluate(instrument("XNYS", Interval::Min5), utc(u"2024-03-11T14:30:00Z"), utc(u"2024-03-12T15:00:00Z"));
    QVERIFY(overnight->verdict.reason.startsWith(u"no bar since 2024-03-11 10:35 ET while XNYS is open"));
}

void TestFreshnessGate::barFromTheFutureIsRejectedAsClockSkew()
{
    const FreshnessGate gate(calendars(), FreshnessPolicy{});
    const auto check = gate.evaluate(instrument("CRYPTO", Interval::Min1), utc(u"2024-03-10T12:10:00Z"), utc(u"2024-03-10T12:00:00Z"));
    QVERIFY(check);
    QCOMPARE(check->verdict.status, Freshness::Stale);
    QCOMPARE(check->verdict.cause, FreshnessCause::FutureBar);
    QVERIFY(check->verdict.reason.contains(u"clock skew"));
    QVERIFY(check->verdict.reason.contains(u"10 min"));
    QVERIFY(!check->token);

    const auto withinSkew = gate.evaluate(instrument("CRYPTO", Interval::Min1), utc(u"2024-03-10T12:00:30Z"), utc(u"2024-03-10T12:00:00Z"));
    QCOMPARE(withinSkew->verdict.status, Freshness::Fresh);
}

void TestFreshnessGate::noBarAtAllIsStale()
{
    const FreshnessGate gate(calendars(), FreshnessPolicy{});
    const auto check = gate.evaluate(instrument("XNYS", Interval::Min5), QDateTime(), QDateTime::fromMSecsSinceEpoch(utc(u"2024-03-12T15:00:00Z"), Qt::UTC));
    QVERIFY(check);
    QCOMPARE(check->verdict.status, Freshness::Stale);
    QCOMPARE(check->verdict.cause, FreshnessCause::NoBar);
    QVERIFY(!check->token);
}

void TestFreshnessGate::tokenCarriesInstrumentVerdictTimeAndBar()
{
    const FreshnessGate gate(calendars(), FreshnessPolicy{});
    const Instrument aapl{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5};
    const auto check = gate.evaluate(aapl, utc(u"2024-03-12T15:00:00Z"), utc(u"2024-03-12T15:06:00Z"));
    QVERIFY(check && check->token);
    QCOMPARE(check->token->instrumentKey(), QStringLiteral("XNYS:AAPL:5min"));
    QCOMPARE(check->token->verdictAtMs(), utc(u"2024-03-12T15:06:00Z"));
    QCOMPARE(check->token->barOpenMs(), utc(u"2024-03-12T15:00:00Z"));
    static_assert(!std::is_default_constructible_v<FreshDataToken>, "only the gate may create a token");
}

void TestFreshnessGate::exitsAreNeverBlocked()
{
    const FreshnessGate gate(calendars(), FreshnessPolicy{});
    const auto stale = gate.evaluate(instrument("XNYS", Interval::Min5), utc(u"2024-03-07T20:55:00Z"), utc(u"2024-03-11T15:00:00Z"));
    QCOMPARE(stale->verdict.status, Freshness::Stale);
    const ExitClearance exit = gate.allowsExit(stale->verdict);
    QVERIFY(exit.allowed);
    QVERIFY(exit.reason.contains(u"stale"));
}

void TestFreshnessGate::policyFromSettingsAndPerIntervalOverride()
{
    FreshnessSettings settings;
    settings.marketOpenMaxLag = 30min;
    settings.marketClosedMaxLag = 5h;
    settings.weekendMaxLag = 50h;
    FreshnessPolicy policy = FreshnessPolicy::fromSettings(settings);
    QCOMPARE(policy.toleranceFor(Interval::Min5, MarketPhase::Open), 30min);
    QCOMPARE(policy.toleranceFor(Interval::Min5, MarketPhase::Holiday), 5h);
    QCOMPARE(policy.toleranceFor(Interval::Min5, MarketPhase::PreOpen), 5h);
    QCOMPARE(policy.toleranceFor(Interval::Min5, MarketPhase::Weekend), 50h);
    policy.perInterval[Interval::Daily] = FreshnessTolerances{7h, 30h, 80h};
    QCOMPARE(policy.toleranceFor(Interval::Daily, MarketPhase::Open), 7h);
    QCOMPARE(policy.toleranceFor(Interval::Min5, MarketPhase::Open), 30min);

    // The override turns yesterday's missing daily bar from stale into a warning.
    const FreshnessGate gate(calendars(), policy);
    const auto check = gate.evaluate(instrument("XNYS", Interval::Daily), utc(u"2024-03-11T13:30:00Z"), utc(u"2024-03-13T14:00:00Z"));
    QCOMPARE(check->verdict.status, Freshness::Warn);
}

void TestFreshnessGate::unknownMarketAndOutOfRangeAreTypedErrors()
{
    const FreshnessGate gate(calendars(), FreshnessPolicy{});
    const auto unknown = gate.evaluate(instrument("XLON", Interval::Min5), utc(u"2024-03-12T15:00:00Z"), utc(u"2024-03-12T15:06:00Z"));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, QStringLiteral("unknown_market"));
    const auto outside = gate.evaluate(instrument("XNYS", Interval::Min5), utc(u"2024-03-12T15:00:00Z"), utc(u"2150-01-01T00:00:00Z"));
    QVERIFY(!outside);
    QCOMPARE(outside.error().kind, QStringLiteral("out_of_range"));
}

QTEST_GUILESS_MAIN(TestFreshnessGate)
#include "tst_freshnessgate.moc"
