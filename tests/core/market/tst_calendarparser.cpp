// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/CalendarParser.h"

#include <QTest>

using namespace sentinel;

namespace {

/// A valid one-market file with `marketExtra` spliced into the market object.
QByteArray file(const char* marketExtra, const char* sessions = R"([{"days": ["mon","tue","wed","thu","fri"], "open": "09:30", "close": "16:00"}])")
{
    return QByteArray(R"({"schema": 1, "version": "t1", "markets": [{"name": "XTST", "time_zone": "America/New_York", "sessions": )")
           + sessions + marketExtra + "}]}";
}

} // namespace

class TestCalendarParser final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryKindOfRule();
    void badFilesAreTypedErrorsWithTheirLocation_data();
    void badFilesAreTypedErrorsWithTheirLocation();
    void inheritedMarketKeepsItsBaseRulesAndReplacesWhatItNames();
    void ruleDates_data();
    void ruleDates();
    void easterSundayMatchesKnownDates();
};

void TestCalendarParser::readsEveryKindOfRule()
{
    const Result<CalendarFile> parsed = parseCalendarFile(file(R"(,
        "zone_label": "ET", "bar_alignment": "utc", "day_roll": "17:00", "verified": [1990, 2027],
        "holidays": [{"name": "A", "type": "fixed", "month": 7, "day": 4, "observance": "nyse"},
                     {"name": "B", "type": "nth_weekday", "month": 5, "weekday": "mon", "n": -1},
                     {"name": "C", "type": "easter", "offset_days": -2, "from": 1990, "to": 2030}],
        "early_closes": [{"name": "D", "type": "fixed", "month": 12, "day": 24, "weekdays": ["mon", "thu"], "close": "13:00"}],
        "adhoc_closures": [{"date": "2012-10-29", "name": "Sandy"}],
        "adhoc_early_closes": [{"date": "1999-12-31", "name": "Y2K", "close": "13:00"}])"),
                                                          QStringLiteral("test.json"));
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->version, QStringLiteral("t1"));
    const CalendarSpec& spec = parsed->markets.at(0);
    QCOMPARE(spec.zoneLabel, QStringLiteral("ET"));
    QCOMPARE(spec.barAlignment, BarAlignment::Utc);
    QCOMPARE(spec.dayRollMinutes, 17 * 60);
    QCOMPARE(spec.holidays.size(), 3);
    QCOMPARE(spec.holidays[1].n, -1);
    QCOMPARE(spec.holidays[2].toYear, 2030);
    QCOMPARE(spec.earlyCloses[0].closeMinutes, 13 * 60);
    QCOMPARE(spec.earlyCloses[0].weekdayMask, 0b1001u);
    QCOMPARE(spec.adhocClosures[0].date, QDate(2012, 10, 29));
    QCOMPARE(spec.adhocEarlyCloses[0].closeMinutes, 13 * 60);
    QCOMPARE(spec.verifiedTo, 2027);
}

void TestCalendarParser::badFilesAreTypedErrorsWithTheirLocation_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("broken json names the line and column") << QByteArray("{\n \"schema\": 1,\n \"version\" \"x\"}")
        << QStringLiteral("bad.json: line 3, column");
    QTest::newRow("a newer schema is refused") << QByteArray(R"({"schema": 2, "version": "x", "markets": []})")
        << QStringLiteral("bad.json: schema: this build reads schema 1, the file has 2");
    QTest::newRow("missing version") << QByteArray(R"({"schema": 1, "markets": []})")
        << QStringLiteral("bad.json: top level.version: is missing");
    QTest::newRow("unknown time zone") << QByteArray(R"({"schema": 1, "version": "x", "markets": [{"name": "X", "time_zone": "Mars/Olympus", "sessions": []}]})")
        << QStringLiteral("bad.json: markets[0].time_zone: unknown time zone \"Mars/Olympus\"");
    QTest::newRow("month thirteen") << file(R"(, "holidays": [{"name": "A", "type": "fixed", "month": 13, "day": 1}])")
        << QStringLiteral("bad.json: markets[0].holidays[0].month: expected an integer from 1 to 12");
    // Found with fuzz_calendar_parser: numbers beyond qint64 were cast before the range check
    // (undefined behaviour, reported by the asan preset's UBSan).
    QTest::newRow("a month of 1e300 is refused before any conversion") << file(R"(, "holidays": [{"name": "A", "type": "fixed", "month": 1e300, "day": 1}])")
        << QStringLiteral("bad.json: markets[0].holidays[0].month: expected an integer from 1 to 12");
    QTest::newRow("a schema of minus 1e300 is refused before any conversion") << QByteArray(R"({"schema": -1e300, "version": "x", "markets": []})")
        << QStringLiteral("bad.json: schema: expected an integer from 1 to 1000");
    QTest::newRow("a fractional day is not an integer") << file(R"(, "holidays": [{"name": "A", "type": "fixed", "month": 1, "day": 1.5}])")
        << QStringLiteral("bad.json: markets[0].holidays[0].day: expected an integer from 1 to 31");
    QTest::newRow("february 30 is not a date") << file(R"(, "holidays": [{"name": "A", "type": "fixed", "month": 2, "day": 30}])")
        << QStringLiteral("bad.json: markets[0].holidays[0].day: 2-30 is not a date");
    QTest::newRow("unknown rule type") << file(R"(, "holidays": [{"name": "A", "type": "lunar"}])")
        << QStringLiteral("bad.json: markets[0].holidays[0].type: expected fixed, nth_weekday or easter");
    QTest::newRow("unknown observance lists the known ones") << file(R"(, "holidays": [{"name": "A", "type": "easter", "observance": "weekend"}])")
        << QStringLiteral("bad.json: markets[0].holidays[0].observance: expected none or sunday_to_monday or nyse, got \"weekend\"");
    QTest::newRow("misspelt key") << file(R"(, "holidays": [{"name": "A", "type": "easter", "ofset_days": 1}])")
        << QStringLiteral("bad.json: markets[0].holidays[0].ofset_days: unknown key");
    QTest::newRow("early close without a time") << file(R"(, "early_closes": [{"name": "A", "type": "easter"}])")
        << QStringLiteral("bad.json: markets[0].early_closes[0].close: is missing");
    QTest::newRow("close time 25:00") << file(R"(, "early_closes": [{"name": "A", "type": "easter", "close": "25:00"}])")
        << QStringLiteral("bad.json: markets[0].early_closes[0].close: expected a time");
    // Found with fuzz_calendar_parser in a 10-minute run: an "early" close later than the regular
    // close stretched the session over the next one.
    QTest::newRow("an ad-hoc early close after its day's regular close")
        << file(R"(, "adhoc_early_closes": [{"date": "2024-07-03", "name": "X", "close": "17:00"}])")
        << QStringLiteral("bad.json: markets[0].adhoc_early_closes[0].close: an early close at 17:00 on 2024-07-03 is not before that day's regular close at 16:00");
    QTest::newRow("an early-close rule at the regular close")
        << file(R"(, "early_closes": [{"name": "A", "type": "easter", "close": "16:00"}])")
        << QStringLiteral("bad.json: markets[0].early_closes[0].close: an early close at 16:00 is not before the regular close at 16:00");
    QTest::newRow("session closing before it opens") << file("", R"([{"days": ["mon"], "open": "16:00", "close": "09:30"}])")
        << QStringLiteral("bad.json: markets[0].sessions[0].close: the session closes before it opens");
    QTest::newRow("two sessions on one weekday") << file("", R"([{"days": ["mon"], "open": "09:00", "close": "10:00"}, {"days": ["mon"], "open": "11:00", "close": "12:00"}])")
        << QStringLiteral("bad.json: markets[0].sessions[1].days: a weekday has two sessions");
    // Found with fuzz_calendar_parser's "built sessions never overlap" invariant: only two sessions
    // on the same weekday were refused, so open time could be counted twice.
    QTest::newRow("a sunday session running into monday's overnight open overlaps it")
        << file("", R"([{"days": ["mon"], "open": "17:00", "open_day_offset": -1, "close": "17:00"}, {"days": ["sun"], "open": "09:00", "close": "18:00"}])")
        << QStringLiteral("bad.json: markets[0].sessions[0]: overlaps another weekday's session");
    QTest::newRow("a tuesday overnight open overlaps monday's late close")
        << file("", R"([{"days": ["mon"], "open": "09:00", "close": "20:00"}, {"days": ["tue"], "open": "19:00", "open_day_offset": -1, "close": "12:00"}])")
        << QStringLiteral("bad.json: markets[0].sessions[1]: overlaps another weekday's session");
    QTest::newRow("unknown weekday") << file("", R"([{"days": ["monday"], "open": "09:00", "close": "10:00"}])")
        << QStringLiteral("bad.json: markets[0].sessions[0].days[0]: expected a weekday");
    QTest::newRow("impossible adhoc date") << file(R"(, "adhoc_closures": [{"date": "2012-02-30", "name": "X"}])")
        << QStringLiteral("bad.json: markets[0].adhoc_closures[0].date: expected a date YYYY-MM-DD");
    QTest::newRow("inheriting from an unknown market") << QByteArray(R"({"schema": 1, "version": "x", "markets": [{"name": "X", "inherits": "XNOPE"}]})")
        << QStringLiteral("bad.json: markets[0].inherits: no market named \"XNOPE\"");
    QTest::newRow("the same market twice") << QByteArray(R"({"schema": 1, "version": "x", "markets": [{"name": "X", "time_zone": "UTC", "sessions": [{"days": ["mon"], "open": "00:00", "close": "24:00"}]}, {"name": "X", "inherits": "X"}]})")
        << QStringLiteral("bad.json: markets[1].name: market \"X\" is defined twice");
    // Issue 18: converting 1e300 to qint64 to see whether it is whole was undefined behaviour.
    QTest::newRow("a month of 1e300 is out of range, not converted")
        << file(R"(, "holidays": [{"name": "A", "type": "fixed", "month": 1e300, "day": 1}])")
        << QStringLiteral("bad.json: markets[0].holidays[0].month: expected an integer from 1 to 12, got 1.0000000000000001e+300");
    QTest::newRow("a schema of -1e19 is out of range, not converted")
        << QByteArray(R"({"schema": -1e19, "version": "x", "markets": []})")
        << QStringLiteral("bad.json: schema: expected an integer from 1 to 1000, got -1e+19");
    QTest::newRow("a fractional day is not an integer")
        << file(R"(, "holidays": [{"name": "A", "type": "fixed", "month": 1, "day": 1.5}])")
        << QStringLiteral("bad.json: markets[0].holidays[0].day: expected an integer from 1 to 31, got the fraction 1.5");
    QTest::newRow("not an object at the top") << QByteArray("[1, 2]") << QStringLiteral("bad.json: top level: expected a JSON object");
}

void TestCalendarParser::badFilesAreTypedErrorsWithTheirLocation()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Result<CalendarFile> parsed = parseCalendarFile(json, QStringLiteral("bad.json"));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().kind, QStringLiteral("invalid_calendar"));
    QVERIFY2(parsed.error().message.startsWith(message), qPrintable(parsed.error().message));
    QVERIFY(!parsed.error().remedy.isEmpty());
}

void TestCalendarParser::inheritedMarketKeepsItsBaseRulesAndReplacesWhatItNames()
{
    const Result<CalendarFile> parsed = parseCalendarFile(
        R"({"schema": 1, "version": "x", "markets": [
            {"name": "BASE", "time_zone": "America/New_York", "sessions": [{"days": ["mon"], "open": "09:30", "close": "16:00"}],
             "holidays": [{"name": "H", "type": "easter"}]},
            {"name": "CHILD", "inherits": "BASE", "title": "Child", "adhoc_closures": [{"date": "2020-01-06", "name": "Z"}]}]})",
        QStringLiteral("inherit.json"));
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
    const CalendarSpec& child = parsed->markets.at(1);
    QCOMPARE(child.name, QStringLiteral("CHILD"));
    QCOMPARE(child.title, QStringLiteral("Child"));
    QCOMPARE(child.timeZoneId, QStringLiteral("America/New_York"));
    QCOMPARE(child.holidays.size(), 1);
    QCOMPARE(child.adhocClosures.size(), 1);
    QVERIFY(parsed->markets.at(0).adhocClosures.isEmpty());
}

void TestCalendarParser::ruleDates_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<int>("year");
    QTest::addColumn<QDate>("expected"); // invalid: the rule gives no date that year
    QTest::newRow("nyse observance moves a saturday holiday to friday") << QByteArray(R"({"name": "I", "type": "fixed", "month": 7, "day": 4, "observance": "nyse"})")
        << 2020 << QDate(2020, 7, 3);
    QTest::newRow("nyse observance skips a saturday new year because friday ends the year") << QByteArray(R"({"name": "N", "type": "fixed", "month": 1, "day": 1, "observance": "nyse"})")
        << 2022 << QDate();
    QTest::newRow("sunday to monday moves a sunday holiday") << QByteArray(R"({"name": "I", "type": "fixed", "month": 7, "day": 4, "observance": "sunday_to_monday"})")
        << 2021 << QDate(2021, 7, 5);
    QTest::newRow("last monday of may") << QByteArray(R"({"name": "M", "type": "nth_weekday", "month": 5, "weekday": "mon", "n": -1})")
        << 2027 << QDate(2027, 5, 31);
    QTest::newRow("fourth thursday plus one day") << QByteArray(R"({"name": "T", "type": "nth_weekday", "month": 11, "weekday": "thu", "n": 4, "offset_days": 1})")
        << 2026 << QDate(2026, 11, 27);
    QTest::newRow("good friday two days before easter") << QByteArray(R"({"name": "G", "type": "easter", "offset_days": -2})")
        << 2027 << QDate(2027, 3, 26);
    QTest::newRow("a rule before its first year gives nothing") << QByteArray(R"({"name": "J", "type": "fixed", "month": 6, "day": 19, "from": 2022})")
        << 2021 << QDate();
    QTest::newRow("a weekday filter excludes other weekdays") << QByteArray(R"({"name": "E", "type": "fixed", "month": 12, "day": 24, "weekdays": ["mon"]})")
        << 2026 << QDate();
    QTest::newRow("a fifth monday that does not exist gives nothing") << QByteArray(R"({"name": "F", "type": "nth_weekday", "month": 2, "weekday": "mon", "n": 5})")
        << 2027 << QDate();
}

void TestCalendarParser::ruleDates()
{
    QFETCH(QByteArray, rule);
    QFETCH(int, year);
    QFETCH(QDate, expected);
    const Result<CalendarFile> parsed = parseCalendarFile(file(QByteArray(", \"holidays\": [" + rule + "]").constData()), QStringLiteral("rule.json"));
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
    const auto date = parsed->markets.at(0).holidays.at(0).dateIn(year);
    QCOMPARE(date.value_or(QDate()), expected);
}

void TestCalendarParser::easterSundayMatchesKnownDates()
{
    QCOMPARE(easterSunday(1990), QDate(1990, 4, 15));
    QCOMPARE(easterSunday(2008), QDate(2008, 3, 23));
    QCOMPARE(easterSunday(2011), QDate(2011, 4, 24));
    QCOMPARE(easterSunday(2026), QDate(2026, 4, 5));
    QCOMPARE(easterSunday(2027), QDate(2027, 3, 28));
}

QTEST_GUILESS_MAIN(TestCalendarParser)
#include "tst_calendarparser.moc"
