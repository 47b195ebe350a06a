// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ManualClock.h"
#include "providers/ReplayProvider.h"

#include "TestData.h"

#include <QTest>

using namespace sentinel;

class TestReplayProvider final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void servesOnlyBarsClosedByTheClock_data();
    void servesOnlyBarsClosedByTheClock();
    void badRowsAreDroppedWithTheirLineAndRule();
    void missingFileIsATypedError();
    void wrongHeaderIsATypedError();
    void fileWithNulBytesIsBinaryNotMalformed();
    void sinceAndMaxBarsLimitTheAnswer();
    void requestsAreCounted();
};

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

const Instrument eurUsd{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};

Result<BarSeries> fetch(ReplayProvider& provider, const Instrument& which, const QDateTime& since = {})
{
    std::optional<Result<BarSeries>> result;
    provider.fetchBars(BarRequest{which, since, {}}, [&](const Result<BarSeries>& r) { result = r; });
    [&] { QTRY_VERIFY(result.has_value()); }();
    if (!result)
        return Error{QStringLiteral("test_timeout"), {}, {}};
    return *result;
}

} // namespace

void TestReplayProvider::servesOnlyBarsClosedByTheClock_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<int>("expectedBars");
    QTest::newRow("before the first bar closed nothing is served") << utc("2024-05-10T13:04:59Z") << 0;
    QTest::newRow("the first bar closes at 13:05") << utc("2024-05-10T13:05:00Z") << 1;
    QTest::newRow("at 13:26 the 13:20 bar is closed, 13:30 is not") << utc("2024-05-10T13:26:00Z") << 4;
    QTest::newRow("after the last bar all good rows are served") << utc("2024-05-11T00:00:00Z") << 5;
}

void TestReplayProvider::servesOnlyBarsClosedByTheClock()
{
    QFETCH(QDateTime, now);
    QFETCH(int, expectedBars);
    ManualClock clock(now);
    ReplayProvider provider(clock, test::dataPath(QStringLiteral("replay")));
    const auto result = fetch(provider, eurUsd);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->bars.size(), expectedBars);
    for (const Bar& bar : result->bars)
        QVERIFY(bar.openTime.addSecs(300) <= now);
}

void TestReplayProvider::badRowsAreDroppedWithTheirLineAndRule()
{
    ManualClock clock(utc("2024-05-11T00:00:00Z"));
    ReplayProvider provider(clock, test::dataPath(QStringLiteral("replay")));
    const auto result = fetch(provider, eurUsd);
    QVERIFY(result.ok());
    QStringList found;
    for (const DataQualityIssue& issue : result->qualityIssues)
        found << issue.row + u' ' + issue.rule;
    QCOMPARE(found, (QStringList{QStringLiteral("line 5 high_below_low"), QStringLiteral("line 7 not_finite"),
                                 QStringLiteral("line 9 out_of_order"), QStringLiteral("line 10 invalid_timestamp")}));
    QCOMPARE(result->droppedRows.size(), 4);
    QList<QDateTime> opens;
    for (const Bar& bar : result->bars)
        opens << bar.openTime;
    QCOMPARE(opens, (QList<QDateTime>{utc("2024-05-10T13:00:00Z"), utc("2024-05-10T13:05:00Z"), utc("2024-05-10T13:10:00Z"),
                                      utc("2024-05-10T13:20:00Z"), utc("2024-05-10T13:30:00Z")}));
    QCOMPARE(result->bars.at(2).close, 1.0791);
}

void TestReplayProvider::missingFileIsATypedError()
{
    ManualClock clock(utc("2024-05-11T00:00:00Z"));
    ReplayProvider provider(clock, test::dataPath(QStringLiteral("replay")));
    const auto result = fetch(provider, Instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, QStringLiteral("replay_data_missing"));
    QVERIFY(result.error().message.contains(u"AAPL_5min.csv"));
}

void TestReplayProvider::wrongHeaderIsATypedError()
{
    ManualClock clock(utc("2024-05-11T00:00:00Z"));
    ReplayProvider provider(clock, test::dataPath(QStringLiteral("replay")));
    const auto result = fetch(provider, Instrument{QStringLiteral("BAD/HEADER"), QStringLiteral("FX"), Interval::Min5});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, QStringLiteral("malformed_body"));
    QVERIFY(result.error().message.contains(u"open_time_utc,open,high,low,close,volume"));
}

void TestReplayProvider::fileWithNulBytesIsBinaryNotMalformed()
{
    const QByteArray csv = "open_time_utc,open,high,low,close,volume\n2024-05-10T13:30:00Z,1,1,1,1,0\n" + QByteArray(4, '\0');
    const auto result = ReplayProvider::parseCsv(csv, QDateTime());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, QStringLiteral("binary_body"));
    QVERIFY2(result.error().message.contains(u"NUL bytes"), qPrintable(result.error().message));
}

void TestReplayProvider::sinceAndMaxBarsLimitTheAnswer()
{
    ManualClock clock(utc("2024-05-11T00:00:00Z"));
    ReplayProvider provider(clock, test::dataPath(QStringLiteral("replay")));
    QCOMPARE(fetch(provider, eurUsd, utc("2024-05-10T13:10:00Z"))->bars.size(), 2);
    provider.setMaxBars(2);
    const auto newest = fetch(provider, eurUsd);
    QCOMPARE(newest->bars.size(), 2);
    QCOMPARE(newest->bars.last().openTime, utc("2024-05-10T13:30:00Z"));
}

void TestReplayProvider::requestsAreCounted()
{
    ManualClock clock(utc("2024-05-11T00:00:00Z"));
    ReplayProvider provider(clock, test::dataPath(QStringLiteral("replay")));
    (void)fetch(provider, eurUsd);
    (void)fetch(provider, eurUsd);
    (void)fetch(provider, Instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5});
    QCOMPARE(provider.requestCount(), 3);
    QCOMPARE(provider.stats().failures, 1);
    QCOMPARE(provider.stats().requestsByEndpoint.value(QStringLiteral("FX_INTRADAY")), 2);
}

QTEST_GUILESS_MAIN(TestReplayProvider)
#include "tst_replayprovider.moc"
