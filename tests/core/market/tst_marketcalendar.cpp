// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/CalendarRegistry.h"
#include "market/TimeText.h"

#include "TestData.h"

#include <QFile>
#include <QTest>

#include <set>

using namespace sentinel;

Q_DECLARE_METATYPE(sentinel::Interval)
Q_DECLARE_METATYPE(sentinel::MarketPhase)

namespace {

qint64 utc(const char* text)
{
    const auto parsed = parseUtcInstant(QString::fromLatin1(text));
    if (!parsed)
        qFatal("bad instant in test: %s", text);
    return *parsed;
}

std::shared_ptr<const MarketCalendar> calendar(const char* market)
{
    const Result<CalendarRegistry> registry = CalendarRegistry::builtIn();
    if (!registry)
        qFatal("built-in calendars did not load: %s", qPrintable(registry.error().toString()));
    auto found = registry->find(QString::fromLatin1(market));
    if (!found)
        qFatal("no calendar %s", market);
    return found;
}

struct ReferenceRow {
    QString session;
    QString open;
    QString close;
};

QList<ReferenceRow> referenceSessions()
{
    QFile file(test::dataPath(QStringLiteral("calendars/xnys_sessions_1990_2015.csv")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot open the reference sessions");
    QList<ReferenceRow> rows;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).trimmed().split(',');
        if (fields.size() == 3)
            rows.append({QString::fromLatin1(fields[0]), QString::fromLatin1(fields[1]), QString::fromLatin1(fields[2])});
    }
    return rows;
}

} // namespace

class TestMarketCalendar final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyReferenceSessionOpensAndClosesExactly_data();
    void everyReferenceSessionOpensAndClosesExactly();
    void noSessionExistsThatTheReferenceLacks();
    void knownDaysFrom2016To2027_data();
    void knownDaysFrom2016To2027();
    void nasdaqFollowsTheNyseCalendar();
    void stateAndReasonAtAnInstant_data();
    void stateAndReasonAtAnInstant();
    void nextOpenNextCloseAndPreviousClose_data();
    void nextOpenNextCloseAndPreviousClose();
    void cryptoIsOpenAtEveryInstantTested();
    void fxWeekIsFiveContiguousSessionsNamedByTheirCloseDay();
    void newestClosedBar_data();
    void newestClosedBar();
    void barSlotOfAHeldBar_data();
    void barSlotOfAHeldBar();
    void openTimeCountsOnlyMarketHours_data();
    void openTimeCountsOnlyMarketHours();
    void instantsOutsideTheBuiltYearsAreOutOfRange();
    void localTimesCarryTheZoneLabel();
};

void TestMarketCalendar::everyReferenceSessionOpensAndClosesExactly_data()
{
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("open");
    QTest::addColumn<QString>("close");
    const QList<ReferenceRow> rows = referenceSessions();
    QCOMPARE(rows.size(), 6553);
    for (const ReferenceRow& row : rows)
        QTest::newRow(qPrintable(u"NYSE session of " + row.session)) << row.session << row.open << row.close;
}

void TestMarketCalendar::everyReferenceSessionOpensAndClosesExactly()
{
    QFETCH(QString, session);
    QFETCH(QString, open);
    QFETCH(QString, close);
    const auto found = calendar("XNYS")->sessionOn(QDate::fromString(session, Qt::ISODate));
    QVERIFY2(found, "the calendar has no session on this day");
    QCOMPARE(formatUtcInstant(found->openMs), open);
    QCOMPARE(formatUtcInstant(found->closeMs), close);
}

void TestMarketCalendar::noSessionExistsThatTheReferenceLacks()
{
    std::set<QString> expected;
    for (const ReferenceRow& row : referenceSessions())
        expected.insert(row.session);
    const auto sessions = calendar("XNYS")->sessionsBetween(QDate(1990, 1, 1), QDate(2015, 12, 31));
    for (const Session& session : sessions)
        QVERIFY2(expected.count(session.date().toString(Qt::ISODate)),
                 qPrintable(u"extra session " + session.date().toString(Qt::ISODate)));
    QCOMPARE(sessions.size(), expected.size());
}

void TestMarketCalendar::knownDaysFrom2016To2027_data()
{
    // From the NYSE's published holiday and early-close schedules.
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("expected"); // "closed: <name>", "early 13:00" or "regular"
    const auto closed = [](const char* row, QDate day, const char* name) {
        QTest::newRow(row) << day << u"closed: " + QString::fromUtf8(name);
    };
    const auto early = [](const char* row, QDate day) { QTest::newRow(row) << day << QStringLiteral("early 13:00"); };
    const auto regular = [](const char* row, QDate day) { QTest::newRow(row) << day << QStringLiteral("regular"); };

    closed("2016-12-26 christmas on sunday is observed on monday", QDate(2016, 12, 26), "Christmas Day");
    regular("2016-12-23 friday before a sunday christmas is a full day", QDate(2016, 12, 23));
    early("2017-07-03 monday before a tuesday independence day closes early", QDate(2017, 7, 3));
    closed("2018-12-05 day of mourning for president george h w bush", QDate(2018, 12, 5),
           "National Day of Mourning for President George H. W. Bush");
    early("2019-07-03 wednesday before a thursday independence day closes early", QDate(2019, 7, 3));
    regular("2019-07-05 friday after independence day is a full day since 2013", QDate(2019, 7, 5));
    closed("2020-07-03 independence day on saturday is observed on friday", QDate(2020, 7, 3), "Independence Day");
    regular("2020-07-02 thursday before an observed friday holiday is a full day", QDate(2020, 7, 2));
    early("2020-12-24 christmas eve on thursday closes early", QDate(2020, 12, 24));
    closed("2021-12-24 christmas on saturday is observed on friday", QDate(2021, 12, 24), "Christmas Day");
    regular("2021-12-31 new year on saturday is not observed on a friday that ends the year", QDate(2021, 12, 31));
    closed("2022-06-20 first juneteenth falls on sunday and is observed on monday", QDate(2022, 6, 20),
           "Juneteenth National Independence Day");
    regular("2021-06-18 juneteenth was not yet an exchange holiday in 2021", QDate(2021, 6, 18));
    closed("2022-12-26 christmas on sunday is observed on monday", QDate(2022, 12, 26), "Christmas Day");
    closed("2023-01-02 new year on sunday is observed on monday", QDate(2023, 1, 2), "New Year's Day");
    early("2023-07-03 monday before independence day closes early", QDate(2023, 7, 3));
    closed("2024-03-29 good friday 2024", QDate(2024, 3, 29), "Good Friday");
    early("2024-07-03 wednesday before independence day closes early", QDate(2024, 7, 3));
    early("2024-12-24 christmas eve on tuesday closes early", QDate(2024, 12, 24));
    closed("2025-01-09 day of mourning for president carter", QDate(2025, 1, 9), "National Day of Mourning for President Carter");
    early("2025-07-03 thursday before independence day closes early", QDate(2025, 7, 3));
    early("2025-11-28 day after thanksgiving 2025 closes early", QDate(2025, 11, 28));
    early("2025-12-24 christmas eve on wednesday closes early", QDate(2025, 12, 24));
    closed("2026-01-19 martin luther king day 2026", QDate(2026, 1, 19), "Martin Luther King Jr. Day");
    closed("2026-04-03 good friday 2026", QDate(2026, 4, 3), "Good Friday");
    closed("2026-06-19 juneteenth 2026 on friday", QDate(2026, 6, 19), "Juneteenth National Independence Day");
    closed("2026-07-03 independence day 2026 on saturday is observed on friday", QDate(2026, 7, 3), "Independence Day");
    regular("2026-07-02 no early close before an observed friday holiday", QDate(2026, 7, 2));
    closed("2026-11-26 thanksgiving 2026", QDate(2026, 11, 26), "Thanksgiving Day");
    early("2026-11-27 day after thanksgiving 2026 closes early", QDate(2026, 11, 27));
    early("2026-12-24 christmas eve 2026 on thursday closes early", QDate(2026, 12, 24));
    closed("2026-12-25 christmas 2026", QDate(2026, 12, 25), "Christmas Day");
    closed("2027-01-01 new year 2027 on friday", QDate(2027, 1, 1), "New Year's Day");
    closed("2027-01-18 martin luther king day 2027", QDate(2027, 1, 18), "Martin Luther King Jr. Day");
    closed("2027-02-15 washington's birthday 2027", QDate(2027, 2, 15), "Washington's Birthday");
    closed("2027-03-26 good friday 2027", QDate(2027, 3, 26), "Good Friday");
    closed("2027-05-31 memorial day 2027", QDate(2027, 5, 31), "Memorial Day");
    closed("2027-06-18 juneteenth 2027 on saturday is observed on friday", QDate(2027, 6, 18),
           "Juneteenth National Independence Day");
    closed("2027-07-05 independence day 2027 on sunday is observed on monday", QDate(2027, 7, 5), "Independence Day");
    closed("2027-09-06 labor day 2027", QDate(2027, 9, 6), "Labor Day");
    closed("2027-11-25 thanksgiving 2027", QDate(2027, 11, 25), "Thanksgiving Day");
    early("2027-11-26 day after thanksgiving 2027 closes early", QDate(2027, 11, 26));
    closed("2027-12-24 christmas 2027 on saturday is observed on friday", QDate(2027, 12, 24), "Christmas Day");
    regular("2027-12-23 no early close when christmas eve is the observed holiday", QDate(2027, 12, 23));
    regular("2027-12-31 new year 2028 on saturday is not observed on the last friday of the year", QDate(2027, 12, 31));
}

void TestMarketCalendar::knownDaysFrom2016To2027()
{
    QFETCH(QDate, day);
    QFETCH(QString, expected);
    const auto xnys = calendar("XNYS");
    const auto session = xnys->sessionOn(day);
    QString actual;
    if (!session) {
        // Ask at local noon for the reason the day has no session.
        const MarketStatus status = xnys->statusAt(QDateTime(day, QTime(17, 0), Qt::UTC).toMSecsSinceEpoch());
        actual = status.phase == MarketPhase::Holiday ? QString(u"closed: " + status.reason.mid(QStringLiteral("holiday: ").size()))
                                                       : QString(u"closed without holiday: " + status.reason);
    } else if (session->earlyClose) {
        actual = u"early " + QDateTime::fromMSecsSinceEpoch(session->closeMs + xnys->utcOffsetSeconds(session->closeMs) * 1000LL, Qt::UTC)
                                 .toString(QStringLiteral("HH:mm"));
    } else {
        actual = QStringLiteral("regular");
        QCOMPARE(session->closeMs - session->openMs, 390LL * 60 * 1000);
    }
    QCOMPARE(actual, expected);
}

void TestMarketCalendar::nasdaqFollowsTheNyseCalendar()
{
    const auto xnys = calendar("XNYS")->sessionsBetween(QDate(1990, 1, 1), QDate(2027, 12, 31));
    const auto xnas = calendar("XNAS")->sessionsBetween(QDate(1990, 1, 1), QDate(2027, 12, 31));
    QCOMPARE(xnas.size(), xnys.size());
    QVERIFY(xnas == xnys);
    QCOMPARE(calendar("XNAS")->spec().title, QStringLiteral("Nasdaq"));
}

void TestMarketCalendar::stateAndReasonAtAnInstant_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<QString>("at");
    QTest::addColumn<MarketPhase>("phase");
    QTest::addColumn<QString>("reason");
    const auto row = [](const char* name, const char* market, const char* at, MarketPhase phase, const char* reason) {
        QTest::newRow(name) << QString::fromLatin1(market) << QString::fromLatin1(at) << phase << QString::fromUtf8(reason);
    };
    row("nyse at the opening bell is open", "XNYS", "2024-03-08T14:30:00Z", MarketPhase::Open, "open");
    row("nyse a minute before the bell is pre-open", "XNYS", "2024-03-08T14:29:00Z", MarketPhase::PreOpen, "pre-open");
    row("nyse at the closing bell is after-close", "XNYS", "2024-03-08T21:00:00Z", MarketPhase::AfterClose, "after-close");
    row("nyse on saturday is weekend", "XNYS", "2024-03-09T15:00:00Z", MarketPhase::Weekend, "weekend");
    row("nyse on thanksgiving is a holiday", "XNYS", "2024-11-28T15:00:00Z", MarketPhase::Holiday, "holiday: Thanksgiving Day");
    row("nyse after an early close says so", "XNYS", "2024-11-29T18:30:00Z", MarketPhase::EarlyClose, "early close");
    row("nyse half an hour before an early close is open", "XNYS", "2024-11-29T17:30:00Z", MarketPhase::Open, "open");
    row("nyse during hurricane sandy is closed with the reason", "XNYS", "2012-10-29T15:00:00Z", MarketPhase::Holiday,
        "holiday: Hurricane Sandy");
    row("nyse on a saturday new year is weekend not holiday", "XNYS", "2022-01-01T15:00:00Z", MarketPhase::Weekend, "weekend");
    row("nyse at local midnight before a session is pre-open", "XNYS", "2024-03-12T04:00:00Z", MarketPhase::PreOpen, "pre-open");
    row("fx on friday after 17:00 new york is weekend", "FX", "2024-03-08T22:30:00Z", MarketPhase::Weekend, "weekend");
    row("fx on saturday is weekend", "FX", "2024-03-09T12:00:00Z", MarketPhase::Weekend, "weekend");
    row("fx on sunday at 16:59 new york is weekend", "FX", "2024-03-10T20:59:00Z", MarketPhase::Weekend, "weekend");
    row("fx on sunday at 17:00 new york is open", "FX", "2024-03-10T21:00:00Z", MarketPhase::Open, "open");
    row("fx on christmas day is open", "FX", "2024-12-25T12:00:00Z", MarketPhase::Open, "open");
    row("fx wednesday at the new york roll is open", "FX", "2024-03-13T21:00:00Z", MarketPhase::Open, "open");
    row("crypto on a sunday is open", "CRYPTO", "2024-03-10T03:00:00Z", MarketPhase::Open, "open");
}

void TestMarketCalendar::stateAndReasonAtAnInstant()
{
    QFETCH(QString, market);
    QFETCH(QString, at);
    QFETCH(MarketPhase, phase);
    QFETCH(QString, reason);
    const auto cal = calendar(qPrintable(market));
    const MarketStatus status = cal->statusAt(*parseUtcInstant(at));
    QCOMPARE(status.phase, phase);
    QCOMPARE(status.reason, reason);
    QCOMPARE(cal->phaseAt(*parseUtcInstant(at)), phase);
    QCOMPARE(status.isOpen(), phase == MarketPhase::Open);
}

void TestMarketCalendar::nextOpenNextCloseAndPreviousClose_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("nextOpen");
    QTest::addColumn<QString>("nextClose");
    QTest::addColumn<QString>("previousClose");
    const auto row = [](const char* name, const char* market, const char* at, const char* open, const char* close,
                        const char* previous) {
        QTest::newRow(name) << QString::fromLatin1(market) << QString::fromLatin1(at) << QString::fromLatin1(open)
                            << QString::fromLatin1(close) << QString::fromLatin1(previous);
    };
    row("nyse on thanksgiving opens friday and closes early", "XNYS", "2026-11-26T15:00:00Z", "2026-11-27T14:30:00Z",
        "2026-11-27T18:00:00Z", "2026-11-25T21:00:00Z");
    row("nyse during a session next open is the next day", "XNYS", "2024-03-08T15:00:00Z", "2024-03-11T13:30:00Z",
        "2024-03-08T21:00:00Z", "2024-03-07T21:00:00Z");
    row("nyse over the 2001 closure reopens on september 17", "XNYS", "2001-09-11T13:00:00Z", "2001-09-17T13:30:00Z",
        "2001-09-17T20:00:00Z", "2001-09-10T20:00:00Z");
    row("fx in the weekend opens sunday in winter at 22:00z", "FX", "2024-11-02T12:00:00Z", "2024-11-03T22:00:00Z",
        "2024-11-08T22:00:00Z", "2024-11-01T21:00:00Z");
    row("fx midweek closes on friday in summer at 21:00z", "FX", "2024-07-10T12:00:00Z", "2024-07-14T21:00:00Z",
        "2024-07-12T21:00:00Z", "2024-07-05T21:00:00Z");
    row("fx midweek closes on friday in winter at 22:00z", "FX", "2024-01-10T12:00:00Z", "2024-01-14T22:00:00Z",
        "2024-01-12T22:00:00Z", "2024-01-05T22:00:00Z");
    row("crypto never closes so nothing is next", "CRYPTO", "2024-07-10T12:00:00Z", "", "", "");
}

void TestMarketCalendar::nextOpenNextCloseAndPreviousClose()
{
    QFETCH(QString, market);
    QFETCH(QString, at);
    QFETCH(QString, nextOpen);
    QFETCH(QString, nextClose);
    QFETCH(QString, previousClose);
    const MarketStatus status = calendar(qPrintable(market))->statusAt(*parseUtcInstant(at));
    const auto text = [](std::optional<qint64> ms) { return ms ? formatUtcInstant(*ms) : QString(); };
    QCOMPARE(text(status.nextOpenMs), nextOpen);
    QCOMPARE(text(status.nextCloseMs), nextClose);
    QCOMPARE(text(status.previousCloseMs), previousClose);
}

void TestMarketCalendar::cryptoIsOpenAtEveryInstantTested()
{
    const auto crypto = calendar("CRYPTO");
    int tested = 0;
    // Every 7 minutes 13 seconds through two years, crossing both DST changes and a leap day.
    for (qint64 at = utc("2023-12-30T00:00:00Z"); at < utc("2026-01-02T00:00:00Z"); at += 433'000) {
        if (crypto->phaseAt(at) != MarketPhase::Open)
            QFAIL(qPrintable(u"crypto closed at " + formatUtcInstant(at)));
        ++tested;
    }
    QVERIFY(tested > 100'000);
    for (const char* edge : {"2024-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2024-03-10T07:00:00Z", "2024-11-03T06:00:00Z"})
        QCOMPARE(crypto->phaseAt(utc(edge)), MarketPhase::Open);
}

void TestMarketCalendar::fxWeekIsFiveContiguousSessionsNamedByTheirCloseDay()
{
    const auto sessions = calendar("FX")->sessionsBetween(QDate(2024, 3, 4), QDate(2024, 3, 10));
    QCOMPARE(sessions.size(), std::size_t(5));
    QCOMPARE(formatUtcInstant(sessions.front().openMs), QStringLiteral("2024-03-03T22:00:00Z"));
    QCOMPARE(sessions.front().date(), QDate(2024, 3, 4));
    for (std::size_t i = 1; i < sessions.size(); ++i)
        QCOMPARE(sessions[i].openMs, sessions[i - 1].closeMs);
    QCOMPARE(formatUtcInstant(sessions.back().closeMs), QStringLiteral("2024-03-08T22:00:00Z"));
}

void TestMarketCalendar::newestClosedBar_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<Interval>("interval");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("barOpen");
    QTest::addColumn<QString>("barClose");
    const auto row = [](const char* name, const char* market, Interval interval, const char* at, const char* open,
                        const char* close) {
        QTest::newRow(name) << QString::fromLatin1(market) << interval << QString::fromLatin1(at) << QString::fromLatin1(open)
                            << QString::fromLatin1(close);
    };
    row("nyse 5min one minute after the open is still the previous close's bar", "XNYS", Interval::Min5,
        "2024-03-11T13:31:00Z", "2024-03-08T20:55:00Z", "2024-03-08T21:00:00Z");
    row("nyse 5min at 09:35 is the 09:30 bar", "XNYS", Interval::Min5, "2024-03-11T13:35:00Z", "2024-03-11T13:30:00Z",
        "2024-03-11T13:35:00Z");
    row("nyse 1min one minute after the open is the 09:30 bar", "XNYS", Interval::Min1, "2024-03-11T13:31:00Z",
        "2024-03-11T13:30:00Z", "2024-03-11T13:31:00Z");
    row("nyse 60min last bar opens 15:30 and closes at 16:00", "XNYS", Interval::Min60, "2024-03-11T22:00:00Z",
        "2024-03-11T19:30:00Z", "2024-03-11T20:00:00Z");
    row("nyse 5min last bar on an early close day closes at 13:00", "XNYS", Interval::Min5, "2024-11-29T20:00:00Z",
        "2024-11-29T17:55:00Z", "2024-11-29T18:00:00Z");
    row("nyse daily during a session is the previous session", "XNYS", Interval::Daily, "2024-03-11T15:00:00Z",
        "2024-03-08T14:30:00Z", "2024-03-08T21:00:00Z");
    row("nyse daily after the close is today's session", "XNYS", Interval::Daily, "2024-03-11T20:00:00Z",
        "2024-03-11T13:30:00Z", "2024-03-11T20:00:00Z");
    row("fx 5min on sunday five minutes after the open", "FX", Interval::Min5, "2024-03-10T21:05:00Z",
        "2024-03-10T21:00:00Z", "2024-03-10T21:05:00Z");
    row("fx 60min on saturday is friday's last bar", "FX", Interval::Min60, "2024-03-09T12:00:00Z",
        "2024-03-08T21:00:00Z", "2024-03-08T22:00:00Z");
    row("fx 15min mid week aligns to utc quarters", "FX", Interval::Min15, "2024-03-12T10:07:00Z",
        "2024-03-12T09:45:00Z", "2024-03-12T10:00:00Z");
    row("fx daily rolls at 17:00 new york", "FX", Interval::Daily, "2024-03-12T22:30:00Z", "2024-03-11T21:00:00Z",
        "2024-03-12T21:00:00Z");
    row("crypto 1min at 00:00:30", "CRYPTO", Interval::Min1, "2024-06-01T00:00:30Z", "2024-05-31T23:59:00Z",
        "2024-06-01T00:00:00Z");
    row("crypto daily at 00:00z like alpha vantage", "CRYPTO", Interval::Daily, "2024-06-01T08:00:00Z",
        "2024-05-31T00:00:00Z", "2024-06-01T00:00:00Z");
}

void TestMarketCalendar::newestClosedBar()
{
    QFETCH(QString, market);
    QFETCH(Interval, interval);
    QFETCH(QString, at);
    QFETCH(QString, barOpen);
    QFETCH(QString, barClose);
    const auto bar = calendar(qPrintable(market))->newestClosedBar(interval, *parseUtcInstant(at));
    QVERIFY(bar);
    QCOMPARE(formatUtcInstant(bar->openMs), barOpen);
    QCOMPARE(formatUtcInstant(bar->closeMs), barClose);
}

void TestMarketCalendar::barSlotOfAHeldBar_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<Interval>("interval");
    QTest::addColumn<QString>("barOpen");
    QTest::addColumn<QString>("slotOpen");
    QTest::addColumn<QString>("slotClose");
    QTest::newRow("nyse 60min bar at 15:30 is cut at the close") << QStringLiteral("XNYS") << Interval::Min60
        << QStringLiteral("2024-03-11T19:30:00Z") << QStringLiteral("2024-03-11T19:30:00Z") << QStringLiteral("2024-03-11T20:00:00Z");
    QTest::newRow("nyse extended-hours 5min bar keeps its length") << QStringLiteral("XNYS") << Interval::Min5
        << QStringLiteral("2024-03-11T22:00:00Z") << QStringLiteral("2024-03-11T22:00:00Z") << QStringLiteral("2024-03-11T22:05:00Z");
    QTest::newRow("nyse daily bar labelled by its date at 00:00z is that session") << QStringLiteral("XNYS") << Interval::Daily
        << QStringLiteral("2024-03-08T00:00:00Z") << QStringLiteral("2024-03-08T14:30:00Z") << QStringLiteral("2024-03-08T21:00:00Z");
    QTest::newRow("nyse daily bar named by its session open is that session") << QStringLiteral("XNYS") << Interval::Daily
        << QStringLiteral("2024-03-08T14:30:00Z") << QStringLiteral("2024-03-08T14:30:00Z") << QStringLiteral("2024-03-08T21:00:00Z");
    QTest::newRow("fx daily bar labelled by its date is the session ending 17:00 that day") << QStringLiteral("FX") << Interval::Daily
        << QStringLiteral("2024-03-08T00:00:00Z") << QStringLiteral("2024-03-07T22:00:00Z") << QStringLiteral("2024-03-08T22:00:00Z");
}

void TestMarketCalendar::barSlotOfAHeldBar()
{
    QFETCH(QString, market);
    QFETCH(Interval, interval);
    QFETCH(QString, barOpen);
    QFETCH(QString, slotOpen);
    QFETCH(QString, slotClose);
    const BarSlot slot = calendar(qPrintable(market))->barSlot(interval, *parseUtcInstant(barOpen));
    QCOMPARE(formatUtcInstant(slot.openMs), slotOpen);
    QCOMPARE(formatUtcInstant(slot.closeMs), slotClose);
}

void TestMarketCalendar::openTimeCountsOnlyMarketHours_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<qint64>("minutes");
    QTest::newRow("friday close to tuesday 09:31 after a monday holiday is one minute") << QStringLiteral("XNYS")
        << QStringLiteral("2024-05-24T20:00:00Z") << QStringLiteral("2024-05-28T13:31:00Z") << qint64(1);
    QTest::newRow("thursday close to monday 11:00 is a session and ninety minutes") << QStringLiteral("XNYS")
        << QStringLiteral("2024-03-07T21:00:00Z") << QStringLiteral("2024-03-11T15:00:00Z") << qint64(390 + 90);
    QTest::newRow("over thanksgiving only the early-closed friday counts") << QStringLiteral("XNYS")
        << QStringLiteral("2024-11-27T21:00:00Z") << QStringLiteral("2024-12-02T14:30:00Z") << qint64(210);
    QTest::newRow("fx over a weekend counts nothing") << QStringLiteral("FX")
        << QStringLiteral("2024-03-08T22:00:00Z") << QStringLiteral("2024-03-10T21:00:00Z") << qint64(0);
    QTest::newRow("crypto counts wall time") << QStringLiteral("CRYPTO")
        << QStringLiteral("2024-03-08T22:00:00Z") << QStringLiteral("2024-03-10T21:00:00Z") << qint64(47 * 60);
    QTest::newRow("backwards is zero") << QStringLiteral("XNYS")
        << QStringLiteral("2024-03-11T15:00:00Z") << QStringLiteral("2024-03-07T21:00:00Z") << qint64(0);
}

void TestMarketCalendar::openTimeCountsOnlyMarketHours()
{
    QFETCH(QString, market);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(qint64, minutes);
    QCOMPARE(calendar(qPrintable(market))->openTimeBetween(*parseUtcInstant(from), *parseUtcInstant(to)), minutes * 60'000);
}

void TestMarketCalendar::instantsOutsideTheBuiltYearsAreOutOfRange()
{
    const auto xnys = calendar("XNYS");
    QCOMPARE(xnys->phaseAt(utc("1969-12-31T15:00:00Z")), MarketPhase::OutOfRange);
    QCOMPARE(xnys->phaseAt(utc("2101-01-03T15:00:00Z")), MarketPhase::OutOfRange);
    QVERIFY(!xnys->newestClosedBar(Interval::Min5, utc("2101-01-03T15:00:00Z")));
    QVERIFY(xnys->statusAt(utc("2101-01-03T15:00:00Z")).reason.contains(u"1970 to 2100"));
}

void TestMarketCalendar::localTimesCarryTheZoneLabel()
{
    const auto xnys = calendar("XNYS");
    QCOMPARE(xnys->formatLocal(utc("2024-03-08T15:35:00Z")), QStringLiteral("2024-03-08 10:35 ET"));
    QCOMPARE(xnys->formatLocal(utc("2024-07-08T14:35:00Z"), utc("2024-07-08T19:00:00Z")), QStringLiteral("10:35 ET"));
}

QTEST_GUILESS_MAIN(TestMarketCalendar)
#include "tst_marketcalendar.moc"
