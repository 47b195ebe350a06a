// SPDX-License-Identifier: GPL-3.0-or-later
// The calendar commands of the `sentinel` command line, run as a user's script would run them.
#include "TestData.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run runSentinel(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SENTINEL_CLI_PATH), arguments);
    if (!process.waitForFinished(60'000))
        qFatal("sentinel did not finish: %s", qPrintable(arguments.join(u' ')));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject json(const Run& run)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("stdout is not one JSON object: %s", run.out.constData());
    return document.object();
}

} // namespace

class TestCalendarCli final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sessionsReproduceTheReferenceCsv();
    void sessionsAroundHurricaneSandy();
    void marketStatusIsOneJsonObject_data();
    void marketStatusIsOneJsonObject();
    void freshnessExitStatusFollowsTheVerdict_data();
    void freshnessExitStatusFollowsTheVerdict();
    void badInputExitsTwoAndNamesTheArgument_data();
    void badInputExitsTwoAndNamesTheArgument();
    void calendarsOverrideAddsAMarket();
    void invalidCalendarsOverrideNamesTheLocation();
    void configGivesItsCalendarsAndTolerances();
};

void TestCalendarCli::sessionsReproduceTheReferenceCsv()
{
    QFile reference(sentinel::test::dataPath(QStringLiteral("calendars/xnys_sessions_1990_2015.csv")));
    QVERIFY(reference.open(QIODevice::ReadOnly | QIODevice::Text));
    const QByteArray expected = reference.readAll();
    const Run run = runSentinel({QStringLiteral("sessions"), QStringLiteral("--market"), QStringLiteral("XNYS"),
                              QStringLiteral("--from"), QStringLiteral("1990-01-01"), QStringLiteral("--to"), QStringLiteral("2015-12-31")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    QCOMPARE(run.out.count('\n'), 6554);
    QVERIFY(run.out == expected);
}

void TestCalendarCli::sessionsAroundHurricaneSandy()
{
    const Run run = runSentinel({QStringLiteral("sessions"), QStringLiteral("--market"), QStringLiteral("XNYS"),
                              QStringLiteral("--from"), QStringLiteral("2012-10-26"), QStringLiteral("--to"), QStringLiteral("2012-10-31")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("session,open_utc,close_utc\n"
                                 "2012-10-26,2012-10-26T13:30:00Z,2012-10-26T20:00:00Z\n"
                                 "2012-10-31,2012-10-31T13:30:00Z,2012-10-31T20:00:00Z\n"));
}

void TestCalendarCli::marketStatusIsOneJsonObject_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("nextOpen");
    QTest::addColumn<QString>("nextClose");
    QTest::newRow("nyse on thanksgiving 2026") << QStringLiteral("XNYS") << QStringLiteral("2026-11-26T15:00:00Z")
        << QStringLiteral("closed") << QStringLiteral("holiday: Thanksgiving Day") << QStringLiteral("2026-11-27T14:30:00Z")
        << QStringLiteral("2026-11-27T18:00:00Z");
    QTest::newRow("fx a minute before the sunday open in march") << QStringLiteral("FX") << QStringLiteral("2024-03-10T20:59:00Z")
        << QStringLiteral("closed") << QStringLiteral("weekend") << QStringLiteral("2024-03-10T21:00:00Z")
        << QStringLiteral("2024-03-15T21:00:00Z");
    QTest::newRow("crypto is open with no close in sight") << QStringLiteral("CRYPTO") << QStringLiteral("2024-03-10T20:59:00Z")
        << QStringLiteral("open") << QStringLiteral("open") << QString() << QString();
}

void TestCalendarCli::marketStatusIsOneJsonObject()
{
    QFETCH(QString, market);
    QFETCH(QString, at);
    QFETCH(QString, state);
    QFETCH(QString, reason);
    QFETCH(QString, nextOpen);
    QFETCH(QString, nextClose);
    const Run run = runSentinel({QStringLiteral("market-status"), QStringLiteral("--market"), market, QStringLiteral("--at"), at});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = json(run);
    QCOMPARE(object.value(u"market").toString(), market);
    QCOMPARE(object.value(u"at").toString(), at);
    QCOMPARE(object.value(u"state").toString(), state);
    QCOMPARE(object.value(u"reason").toString(), reason);
    QCOMPARE(object.value(u"next_open").toString(), nextOpen);
    QCOMPARE(object.value(u"next_close").toString(), nextClose);
    QCOMPARE(object.value(u"next_open").isNull(), nextOpen.isEmpty());
}

void TestCalendarCli::freshnessExitStatusFollowsTheVerdict_data()
{
    QTest::addColumn<QString>("lastBar");
    QTest::addColumn<QString>("at");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("status");
    QTest::addColumn<double>("lagSeconds");
    QTest::newRow("friday close on tuesday after memorial day is fresh") << QStringLiteral("2024-05-24T19:55:00Z")
        << QStringLiteral("2024-05-28T13:31:00Z") << 0 << QStringLiteral("fresh") << 0.0;
    QTest::newRow("seventy-five minutes behind is a warning and still exit 0") << QStringLiteral("2024-03-12T14:00:00Z")
        << QStringLiteral("2024-03-12T15:20:00Z") << 0 << QStringLiteral("warn") << 75.0 * 60;
    QTest::newRow("thursday bar on monday at 11:00 is stale with exit 3") << QStringLiteral("2024-03-07T20:55:00Z")
        << QStringLiteral("2024-03-11T15:00:00Z") << 3 << QStringLiteral("stale") << 480.0 * 60;
}

void TestCalendarCli::freshnessExitStatusFollowsTheVerdict()
{
    QFETCH(QString, lastBar);
    QFETCH(QString, at);
    QFETCH(int, exitCode);
    QFETCH(QString, status);
    QFETCH(double, lagSeconds);
    const Run run = runSentinel({QStringLiteral("freshness"), QStringLiteral("--market"), QStringLiteral("XNYS"),
                              QStringLiteral("--interval"), QStringLiteral("5min"), QStringLiteral("--last-bar"), lastBar,
                              QStringLiteral("--at"), at});
    QCOMPARE(run.exitCode, exitCode);
    const QJsonObject object = json(run);
    QCOMPARE(object.value(u"status").toString(), status);
    QCOMPARE(object.value(u"lag_s").toDouble(), lagSeconds);
    QCOMPARE(object.value(u"tolerance_s").toDouble(), 7200.0);
    QVERIFY(object.value(u"expected_bar").toObject().contains(u"close"));
    QVERIFY(object.value(u"actual_bar").toObject().contains(u"open"));
    QVERIFY(!object.value(u"reason").toString().isEmpty());
}

void TestCalendarCli::badInputExitsTwoAndNamesTheArgument_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    const QString fresh = QStringLiteral("freshness");
    QTest::newRow("unknown market") << QStringList{fresh, QStringLiteral("--market"), QStringLiteral("XLON"), QStringLiteral("--interval"),
        QStringLiteral("5min"), QStringLiteral("--last-bar"), QStringLiteral("2024-03-12T14:00:00Z"), QStringLiteral("--at"),
        QStringLiteral("2024-03-12T15:00:00Z")} << QStringLiteral("--market: unknown market \"XLON\"");
    QTest::newRow("instant without z") << QStringList{fresh, QStringLiteral("--market"), QStringLiteral("XNYS"), QStringLiteral("--interval"),
        QStringLiteral("5min"), QStringLiteral("--last-bar"), QStringLiteral("2024-03-12T14:00:00"), QStringLiteral("--at"),
        QStringLiteral("2024-03-12T15:00:00Z")} << QStringLiteral("--last-bar: \"2024-03-12T14:00:00\" is not a UTC instant");
    QTest::newRow("instant with an offset") << QStringList{fresh, QStringLiteral("--market"), QStringLiteral("XNYS"), QStringLiteral("--interval"),
        QStringLiteral("5min"), QStringLiteral("--last-bar"), QStringLiteral("2024-03-12T14:00:00Z"), QStringLiteral("--at"),
        QStringLiteral("2024-03-12T15:00:00+01:00")} << QStringLiteral("--at: \"2024-03-12T15:00:00+01:00\" is not a UTC instant");
    QTest::newRow("unknown interval") << QStringList{fresh, QStringLiteral("--market"), QStringLiteral("XNYS"), QStringLiteral("--interval"),
        QStringLiteral("2min"), QStringLiteral("--last-bar"), QStringLiteral("2024-03-12T14:00:00Z")} << QStringLiteral("--interval: \"2min\"");
    QTest::newRow("missing last bar") << QStringList{fresh, QStringLiteral("--market"), QStringLiteral("XNYS"), QStringLiteral("--interval"),
        QStringLiteral("5min")} << QStringLiteral("--last-bar is required");
    QTest::newRow("sessions with a bad date") << QStringList{QStringLiteral("sessions"), QStringLiteral("--market"), QStringLiteral("XNYS"),
        QStringLiteral("--from"), QStringLiteral("2024-02-30"), QStringLiteral("--to"), QStringLiteral("2024-03-01")}
        << QStringLiteral("--from: \"2024-02-30\" is not a date");
    QTest::newRow("sessions with to before from") << QStringList{QStringLiteral("sessions"), QStringLiteral("--market"), QStringLiteral("XNYS"),
        QStringLiteral("--from"), QStringLiteral("2024-03-02"), QStringLiteral("--to"), QStringLiteral("2024-03-01")}
        << QStringLiteral("--to is before --from");
    QTest::newRow("market status without a market") << QStringList{QStringLiteral("market-status"), QStringLiteral("--at"),
        QStringLiteral("2024-03-12T15:00:00Z")} << QStringLiteral("--market is required");
}

void TestCalendarCli::badInputExitsTwoAndNamesTheArgument()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const Run run = runSentinel(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(named), qPrintable(run.err));
}

void TestCalendarCli::calendarsOverrideAddsAMarket()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("desk.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"schema": 1, "version": "desk-1", "markets": [
        {"name": "XDESK", "time_zone": "Europe/London", "sessions": [{"days": ["mon","tue","wed","thu","fri"], "open": "08:00", "close": "16:30"}]}]})");
    file.close();
    const Run run = runSentinel({QStringLiteral("market-status"), QStringLiteral("--market"), QStringLiteral("XDESK"),
                              QStringLiteral("--at"), QStringLiteral("2024-07-01T07:30:00Z"), QStringLiteral("--calendars"), file.fileName()});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(json(run).value(u"state").toString(), QStringLiteral("open"));
}

void TestCalendarCli::configGivesItsCalendarsAndTolerances()
{
    // --config means the same calendars and tolerances the engine would use with that file.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("desk.yaml"));
    QVERIFY(sentinel::test::writeTextFile(dir.filePath(QStringLiteral("desk.json")),
        R"({"schema": 1, "version": "desk-1", "markets": [{"name": "XNYS_DESK", "inherits": "XNYS"}]})"));
    QVERIFY(sentinel::test::writeTextFile(config, "watchlist:\n  - {symbol: \"AAPL\", market: XNYS_DESK, interval: 5min}\n"
                                                  "calendars: {file: desk.json}\nfreshness: {market_open_max_lag: 10m}\n"));
    const Run status = runSentinel({QStringLiteral("market-status"), QStringLiteral("--market"), QStringLiteral("XNYS_DESK"),
                                    QStringLiteral("--at"), QStringLiteral("2026-11-24T15:30:00Z"), QStringLiteral("--config"), config});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QCOMPARE(json(status).value(u"state").toString(), QStringLiteral("open"));

    // Thirty minutes behind while open: fresh by the default 2 h, stale by the file's 10 min.
    const QStringList freshness{QStringLiteral("freshness"), QStringLiteral("--market"), QStringLiteral("XNYS"), QStringLiteral("--interval"),
                                QStringLiteral("5min"), QStringLiteral("--last-bar"), QStringLiteral("2026-11-24T15:00:00Z"),
                                QStringLiteral("--at"), QStringLiteral("2026-11-24T15:35:00Z")};
    const Run byDefault = runSentinel(freshness);
    QCOMPARE(byDefault.exitCode, 0);
    const Run byConfig = runSentinel(freshness + QStringList{QStringLiteral("--config"), config});
    QCOMPARE(byConfig.exitCode, 3);
    QCOMPARE(json(byConfig).value(u"tolerance_s").toDouble(), 600.0);
}

void TestCalendarCli::invalidCalendarsOverrideNamesTheLocation()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"schema": 1, "version": "x", "markets": [{"name": "XNYS", "inherits": "XNYS", "zone_label": 5}]})");
    file.close();
    const Run run = runSentinel({QStringLiteral("sessions"), QStringLiteral("--market"), QStringLiteral("XNYS"), QStringLiteral("--from"),
                              QStringLiteral("2024-01-01"), QStringLiteral("--to"), QStringLiteral("2024-01-05"),
                              QStringLiteral("--calendars"), file.fileName()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"--calendars: " + file.fileName() + u": markets[0].zone_label"), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCalendarCli)
#include "tst_calendarcli.moc"
