// SPDX-License-Identifier: GPL-3.0-or-later
// When the engine asks for the next bar: the first bar close strictly after now on the
// instrument's real calendar (the embedded calendars.json), through a session, at its close,
// overnight, over FX and stock weekends, a holiday, an early close and the clock changes.
// Expected instants are worked out from the published hours: XNYS 09:30-16:00 ET (13:00 on the
// day after Thanksgiving), FX Sunday 17:00 to Friday 17:00 New York time, bars on a UTC grid.
#include "engine/BarSchedule.h"
#include "market/TimeText.h"

#include "BuiltInCalendars.h"

#include <QTest>

using namespace sentinel;

Q_DECLARE_METATYPE(sentinel::Interval)

namespace {

constexpr qint64 minuteMs = 60'000;

qint64 utc(const QString& text)
{
    const auto parsed = parseUtcInstant(text);
    if (!parsed)
        qFatal("bad instant in test: %s", qPrintable(text));
    return *parsed;
}

BarSchedule schedule(const QString& market, Interval interval)
{
    return BarSchedule(test::builtInCalendar(market), interval);
}

QString text(std::optional<qint64> ms)
{
    return ms ? formatUtcInstant(*ms) : QStringLiteral("none");
}

} // namespace

class TestBarSchedule final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nextBarCloseAfter_data();
    void nextBarCloseAfter();
    void aThanksgivingWeekOfFiveMinuteStockBars();
    void aWeekOfFiveMinuteFxBars();
    void marketOpenAt_data();
    void marketOpenAt();
};

void TestBarSchedule::nextBarCloseAfter_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<Interval>("interval");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("expected"); // "none" when the calendar cannot say

    const auto row = [](const char* name, const char* market, Interval interval, const char* now,
                        const char* expected) {
        QTest::newRow(name) << QString::fromLatin1(market) << interval << QString::fromLatin1(now)
                            << QString::fromLatin1(expected);
    };

    // XNYS in November 2026 (EST, UTC-5): the session is 14:30Z to 21:00Z.
    row("a stock in mid session waits for the end of the bar forming now", "XNYS", Interval::Min5,
        "2026-11-24T15:02:00Z", "2026-11-24T15:05:00Z");
    row("a millisecond before a bar close that close is next", "XNYS", Interval::Min5,
        "2026-11-24T15:04:59.999Z", "2026-11-24T15:05:00Z");
    row("exactly at a bar close the following close is next", "XNYS", Interval::Min5,
        "2026-11-24T15:05:00Z", "2026-11-24T15:10:00Z");
    row("the last bar of a regular session closes at 16:00 ET", "XNYS", Interval::Min5,
        "2026-11-24T20:57:00Z", "2026-11-24T21:00:00Z");
    row("exactly at the session close the next bar is the first of the next day", "XNYS", Interval::Min5,
        "2026-11-24T21:00:00Z", "2026-11-25T14:35:00Z");
    row("overnight a stock waits for the first bar of the morning", "XNYS", Interval::Min5,
        "2026-11-25T03:00:00Z", "2026-11-25T14:35:00Z");
    row("before the opening bell the first bar closes five minutes after the open", "XNYS", Interval::Min5,
        "2026-11-25T14:29:59.999Z", "2026-11-25T14:35:00Z");
    row("exactly at the open the first bar of the session is next", "XNYS", Interval::Min5,
        "2026-11-25T14:30:00Z", "2026-11-25T14:35:00Z");
    row("after wednesday's close thanksgiving is skipped to friday's first bar", "XNYS", Interval::Min5,
        "2026-11-25T21:00:00Z", "2026-11-27T14:35:00Z");
    row("on thanksgiving day itself friday's first bar is next", "XNYS", Interval::Min5,
        "2026-11-26T17:00:00Z", "2026-11-27T14:35:00Z");
    row("the day after thanksgiving ends with a bar closing at 13:00 ET", "XNYS", Interval::Min5,
        "2026-11-27T17:57:00Z", "2026-11-27T18:00:00Z");
    row("at the early close the next bar is monday's first", "XNYS", Interval::Min5,
        "2026-11-27T18:00:00Z", "2026-11-30T14:35:00Z");
    row("at 14:00 ET after an early close nothing more comes that day", "XNYS", Interval::Min5,
        "2026-11-27T19:00:00Z", "2026-11-30T14:35:00Z");
    row("on a saturday a stock waits for monday's first bar", "XNYS", Interval::Min5,
        "2026-11-28T15:00:00Z", "2026-11-30T14:35:00Z");
    row("after the spring-forward weekend the first bar closes at 09:35 EDT", "XNYS", Interval::Min5,
        "2026-03-06T21:00:00Z", "2026-03-09T13:35:00Z");
    row("hourly stock bars count from the 09:30 open", "XNYS", Interval::Min60,
        "2026-11-24T15:00:00Z", "2026-11-24T15:30:00Z");
    row("the last hourly stock bar of a session is cut short by the 16:00 close", "XNYS", Interval::Min60,
        "2026-11-24T20:30:00Z", "2026-11-24T21:00:00Z");
    row("the last hourly bar before an early close ends at 13:00 ET", "XNYS", Interval::Min60,
        "2026-11-27T17:30:00Z", "2026-11-27T18:00:00Z");
    row("a daily stock bar in session closes at that day's close", "XNYS", Interval::Daily,
        "2026-11-24T15:00:00Z", "2026-11-24T21:00:00Z");
    row("a daily stock bar asked before the open is still that day's", "XNYS", Interval::Daily,
        "2026-11-24T13:00:00Z", "2026-11-24T21:00:00Z");
    row("at a daily close the next daily bar is the next session's", "XNYS", Interval::Daily,
        "2026-11-24T21:00:00Z", "2026-11-25T21:00:00Z");
    row("the daily bar after thanksgiving closes early at 13:00 ET", "XNYS", Interval::Daily,
        "2026-11-25T21:00:00Z", "2026-11-27T18:00:00Z");
    row("after the early close the next daily bar is monday's", "XNYS", Interval::Daily,
        "2026-11-27T18:00:00Z", "2026-11-30T21:00:00Z");

    // FX in November 2026: the week runs from Sunday 22:00Z to Friday 22:00Z without a break.
    row("fx in mid week closes bars on the five-minute grid", "FX", Interval::Min5,
        "2026-11-25T12:02:00Z", "2026-11-25T12:05:00Z");
    row("fx runs through the 17:00 new york day roll", "FX", Interval::Min5,
        "2026-11-24T21:58:00Z", "2026-11-24T22:00:00Z");
    row("exactly at the fx day roll the next bar is five minutes on", "FX", Interval::Min5,
        "2026-11-24T22:00:00Z", "2026-11-24T22:05:00Z");
    row("fx trades on us holidays", "FX", Interval::Min5,
        "2026-11-26T17:00:00Z", "2026-11-26T17:05:00Z");
    row("the last fx bar of the week closes at friday 17:00 ET", "FX", Interval::Min5,
        "2026-11-27T21:57:00Z", "2026-11-27T22:00:00Z");
    row("at the friday fx close the next bar closes sunday at 17:05 ET", "FX", Interval::Min5,
        "2026-11-27T22:00:00Z", "2026-11-29T22:05:00Z");
    row("on a saturday fx waits for sunday's first bar", "FX", Interval::Min5,
        "2026-11-28T12:00:00Z", "2026-11-29T22:05:00Z");
    row("on sunday afternoon fx waits for the 17:00 ET open", "FX", Interval::Min5,
        "2026-11-29T21:59:59.999Z", "2026-11-29T22:05:00Z");
    row("in summer the fx week opens at 21:00Z", "FX", Interval::Min5,
        "2026-07-11T12:00:00Z", "2026-07-12T21:05:00Z");
    row("the fx week after the fall-back weekend opens at 17:00 EST", "FX", Interval::Min5,
        "2026-10-30T21:00:00Z", "2026-11-01T22:05:00Z");
    row("hourly fx bars close on the hour", "FX", Interval::Min60,
        "2026-11-25T12:00:00Z", "2026-11-25T13:00:00Z");
    row("a daily fx bar closes at 17:00 new york", "FX", Interval::Daily,
        "2026-11-25T12:00:00Z", "2026-11-25T22:00:00Z");
    row("after the friday close the next daily fx bar is monday's, closing monday 17:00 ET", "FX", Interval::Daily,
        "2026-11-27T22:00:00Z", "2026-11-30T22:00:00Z");

    row("crypto on a saturday closes bars like any other day", "CRYPTO", Interval::Min15,
        "2026-11-28T12:00:00Z", "2026-11-28T12:15:00Z");
    row("beyond the calendar's years there is no next bar", "XNYS", Interval::Min5,
        "2101-03-02T15:00:00Z", "none");
}

void TestBarSchedule::nextBarCloseAfter()
{
    QFETCH(QString, market);
    QFETCH(Interval, interval);
    QFETCH(QString, now);
    QFETCH(QString, expected);

    const BarSchedule bars = schedule(market, interval);
    const std::optional<qint64> next = bars.nextBarCloseAfter(utc(now));
    QCOMPARE(text(next), expected);
    if (next) {
        QVERIFY(*next > utc(now));
        // A bar close ends time the market was open.
        QVERIFY(bars.marketOpenAt(*next - 1));
    }
}

void TestBarSchedule::aThanksgivingWeekOfFiveMinuteStockBars()
{
    // Mon, Tue, Wed and the next Monday are regular (6.5 h = 78 bars), Thursday is closed,
    // Friday closes at 13:00 ET (3.5 h = 42 bars).
    const BarSchedule bars = schedule(QStringLiteral("XNYS"), Interval::Min5);
    const qint64 end = utc(QStringLiteral("2026-12-01T00:00:00Z"));
    qint64 at = utc(QStringLiteral("2026-11-23T00:00:00Z"));
    QMap<QString, int> perDay;
    for (int guard = 0; guard < 1000; ++guard) {
        const std::optional<qint64> next = bars.nextBarCloseAfter(at);
        QVERIFY(next);
        if (*next >= end)
            break;
        const qint64 gap = *next - at;
        // Either the next bar of a running session, or the first bar after a closed spell.
        QVERIFY2(gap == 5 * minuteMs || (!bars.marketOpenAt(at) && gap > 5 * minuteMs),
                 qPrintable(formatUtcInstant(at) + u" -> " + formatUtcInstant(*next)));
        ++perDay[QDateTime::fromMSecsSinceEpoch(*next, Qt::UTC).date().toString(Qt::ISODate)];
        at = *next;
    }
    const QMap<QString, int> expected{{QStringLiteral("2026-11-23"), 78},
                                      {QStringLiteral("2026-11-24"), 78},
                                      {QStringLiteral("2026-11-25"), 78},
                                      {QStringLiteral("2026-11-27"), 42},
                                      {QStringLiteral("2026-11-30"), 78}};
    QCOMPARE(perDay, expected);
}

void TestBarSchedule::aWeekOfFiveMinuteFxBars()
{
    // Sunday 22:00Z to Friday 22:00Z without a pause: 5 days of 288 bars.
    const BarSchedule bars = schedule(QStringLiteral("FX"), Interval::Min5);
    const qint64 weekStart = utc(QStringLiteral("2026-11-29T22:00:00Z"));
    const qint64 weekEnd = utc(QStringLiteral("2026-12-04T22:00:00Z"));
    qint64 at = utc(QStringLiteral("2026-11-28T00:00:00Z"));
    int count = 0;
    std::optional<qint64> first;
    qint64 last = 0;
    for (int guard = 0; guard < 5000; ++guard) {
        const std::optional<qint64> next = bars.nextBarCloseAfter(at);
        QVERIFY(next);
        if (*next > weekEnd)
            break;
        if (!first)
            first = next;
        else
            QCOMPARE(*next - at, 5 * minuteMs);
        last = *next;
        ++count;
        at = *next;
    }
    QCOMPARE(text(first), formatUtcInstant(weekStart + 5 * minuteMs));
    QCOMPARE(formatUtcInstant(last), formatUtcInstant(weekEnd));
    QCOMPARE(count, 5 * 288);
}

void TestBarSchedule::marketOpenAt_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<QString>("at");
    QTest::addColumn<bool>("open");

    const auto row = [](const char* name, const char* market, const char* at, bool open) {
        QTest::newRow(name) << QString::fromLatin1(market) << QString::fromLatin1(at) << open;
    };
    row("a stock market is closed a millisecond before the opening bell", "XNYS", "2026-11-24T14:29:59.999Z", false);
    row("a stock market is open at the opening bell", "XNYS", "2026-11-24T14:30:00Z", true);
    row("a stock market is open a millisecond before the close", "XNYS", "2026-11-24T20:59:59.999Z", true);
    row("a stock market is closed at the closing instant", "XNYS", "2026-11-24T21:00:00Z", false);
    row("a stock market is closed at noon on thanksgiving", "XNYS", "2026-11-26T17:00:00Z", false);
    row("a stock market is open just before an early close", "XNYS", "2026-11-27T17:59:59.999Z", true);
    row("a stock market is closed at an early close", "XNYS", "2026-11-27T18:00:00Z", false);
    row("a stock market is closed at 15:00 ET after an early close", "XNYS", "2026-11-27T20:00:00Z", false);
    row("a stock market is closed on a saturday", "XNYS", "2026-11-28T17:00:00Z", false);
    row("nasdaq follows the nyse holidays", "XNAS", "2026-11-26T17:00:00Z", false);
    row("fx is open a millisecond before the friday close", "FX", "2026-11-27T21:59:59.999Z", true);
    row("fx is closed at the friday close", "FX", "2026-11-27T22:00:00Z", false);
    row("fx is closed on saturday", "FX", "2026-11-28T12:00:00Z", false);
    row("fx is closed a millisecond before the sunday open", "FX", "2026-11-29T21:59:59.999Z", false);
    row("fx is open at the sunday open", "FX", "2026-11-29T22:00:00Z", true);
    row("fx stays open across the 17:00 new york day roll", "FX", "2026-11-24T22:00:00Z", true);
    row("fx is open on thanksgiving", "FX", "2026-11-26T17:00:00Z", true);
    row("crypto is open on a saturday night", "CRYPTO", "2026-11-28T23:59:59.999Z", true);
    row("nothing is open beyond the calendar's years", "CRYPTO", "2101-03-02T12:00:00Z", false);
}

void TestBarSchedule::marketOpenAt()
{
    QFETCH(QString, market);
    QFETCH(QString, at);
    QFETCH(bool, open);
    QCOMPARE(schedule(market, Interval::Min5).marketOpenAt(utc(at)), open);
}

QTEST_GUILESS_MAIN(TestBarSchedule)
#include "tst_barschedule.moc"
