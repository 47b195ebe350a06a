// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel parse alphavantage FILE` as a script sees it: stdout, stderr and the exit status.
#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestParseCommand final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsNormalisedBarsAndExitsZero();
    void typedErrorIsJsonOnStdoutAndExitsTwo_data();
    void typedErrorIsJsonOnStdoutAndExitsTwo();
    void missingFileIsBadUsage();
};

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runSentinel(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SENTINEL_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString golden(const char* name)
{
    return sentinel::test::dataPath(QStringLiteral("alphavantage/golden/") + QString::fromLatin1(name) + u"/input.json");
}

} // namespace

void TestParseCommand::printsNormalisedBarsAndExitsZero()
{
    const Run run = runSentinel({QStringLiteral("parse"), QStringLiteral("alphavantage"),
                              golden("recorded_time_series_intraday_5min_us_eastern")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("bars"));
    const auto bars = json.value(QStringLiteral("bars")).toArray();
    QCOMPARE(bars.size(), 2);
    // 14:05 EDT is 18:05Z; prices are JSON numbers.
    QCOMPARE(bars.last().toObject().value(QStringLiteral("open_time")).toString(), QStringLiteral("2020-05-08T18:05:00Z"));
    QVERIFY(bars.last().toObject().value(QStringLiteral("close")).isDouble());
}

void TestParseCommand::typedErrorIsJsonOnStdoutAndExitsTwo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::newRow("a per-minute note") << golden("recorded_note_per_minute_limit") << QStringLiteral("rate_limited");
    QTest::newRow("an html page") << golden("html_error_page_is_typed") << QStringLiteral("html_body");
    QTest::newRow("a body cut in half") << golden("json_cut_in_half_is_truncated") << QStringLiteral("truncated_body");
}

void TestParseCommand::typedErrorIsJsonOnStdoutAndExitsTwo()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    const Run run = runSentinel({QStringLiteral("parse"), QStringLiteral("alphavantage"), file});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject error = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), kind);
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(run.err.contains(kind.toUtf8()));
}

void TestParseCommand::missingFileIsBadUsage()
{
    const Run run = runSentinel({QStringLiteral("parse"), QStringLiteral("alphavantage"), QStringLiteral("/nonexistent/body.json")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains("/nonexistent/body.json"));
}

QTEST_GUILESS_MAIN(TestParseCommand)
#include "tst_parsecommand.moc"
