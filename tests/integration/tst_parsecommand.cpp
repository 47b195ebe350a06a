// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel parse alphavantage|oanda|coinbase FILE` as a script sees them: stdout, stderr and the exit status.
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
    void oandaCandlesPrintTheSameBarsAsAlphaVantage();
    void oandaLiveCandleIsNeverAmongTheBars();
    void oandaBadPriceIsTypedErrorNamingTheCandle_data();
    void oandaBadPriceIsTypedErrorNamingTheCandle();
    void oandaGranularityOptionIsChecked();
    void coinbaseCandlesPrintTheSameBarJson();
    void coinbaseBadBodyIsTypedErrorAndExitsTwo_data();
    void coinbaseBadBodyIsTypedErrorAndExitsTwo();
    void coinbaseUnknownGranularityIsBadUsage();
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

QString oandaGolden(const char* name)
{
    return sentinel::test::dataPath(QStringLiteral("oanda/golden/") + QString::fromLatin1(name) + u"/input.json");
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

void TestParseCommand::oandaCandlesPrintTheSameBarsAsAlphaVantage()
{
    const Run oanda = runSentinel({QStringLiteral("parse"), QStringLiteral("oanda"), oandaGolden("recorded_candles_m5_mid_de30_eur")});
    QCOMPARE(oanda.exitCode, 0);
    const Run alpha = runSentinel({QStringLiteral("parse"), QStringLiteral("alphavantage"),
                                   golden("recorded_time_series_intraday_5min_us_eastern")});
    const QJsonObject json = QJsonDocument::fromJson(oanda.out).object();
    const QJsonObject alphaJson = QJsonDocument::fromJson(alpha.out).object();
    // Every member parse alphavantage prints is there, and a bar has the same members.
    for (const QString& key : alphaJson.keys())
        QVERIFY2(json.contains(key), qPrintable(key));
    QCOMPARE(json.value(QStringLiteral("interval")).toString(), QStringLiteral("5min"));
    QCOMPARE(json.value(QStringLiteral("symbol")).toString(), QStringLiteral("DE30/EUR"));
    const QJsonArray bars = json.value(QStringLiteral("bars")).toArray();
    QCOMPARE(bars.size(), 5);
    QCOMPARE(bars.first().toObject().keys(), alphaJson.value(QStringLiteral("bars")).toArray().first().toObject().keys());
    QCOMPARE(bars.first().toObject().value(QStringLiteral("open_time")).toString(), QStringLiteral("2016-10-17T19:35:00Z"));
    QCOMPARE(bars.first().toObject().value(QStringLiteral("high")).toDouble(), 10508.0);
    QVERIFY(json.value(QStringLiteral("live_bar")).isNull());
}

void TestParseCommand::oandaLiveCandleIsNeverAmongTheBars()
{
    const Run run = runSentinel({QStringLiteral("parse"), QStringLiteral("oanda"),
                                 oandaGolden("incomplete_last_candle_is_the_live_bar_not_a_closed_one")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    const QJsonArray bars = json.value(QStringLiteral("bars")).toArray();
    QCOMPARE(bars.size(), 8);
    QCOMPARE(bars.last().toObject().value(QStringLiteral("open_time")).toString(), QStringLiteral("2017-01-03T07:00:00Z"));
    QCOMPARE(json.value(QStringLiteral("live_bar")).toObject().value(QStringLiteral("open_time")).toString(),
             QStringLiteral("2017-01-03T08:00:00Z"));
}

void TestParseCommand::oandaBadPriceIsTypedErrorNamingTheCandle_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("names");
    QTest::newRow("a non-numeric price") << oandaGolden("non_numeric_price_string_names_field_and_index")
                                         << QStringLiteral("invalid_field") << QStringLiteral("candles[2].mid.h");
    QTest::newRow("nan text") << oandaGolden("nan_text_is_not_a_price") << QStringLiteral("invalid_field")
                              << QStringLiteral("candles[2].mid.l");
    QTest::newRow("a missing close") << oandaGolden("missing_close_is_a_missing_field") << QStringLiteral("missing_field")
                                     << QStringLiteral("candles[4].mid.c");
    QTest::newRow("a 400 error body") << oandaGolden("recorded_error_400_invalid_instrument")
                                      << QStringLiteral("broker_error") << QStringLiteral("order.instrument");
}

void TestParseCommand::oandaBadPriceIsTypedErrorNamingTheCandle()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QString, names);
    const Run run = runSentinel({QStringLiteral("parse"), QStringLiteral("oanda"), file});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject error = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), kind);
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(names), qPrintable(error.value(QStringLiteral("message")).toString()));
    QVERIFY(!error.value(QStringLiteral("remedy")).toString().isEmpty());
    QVERIFY(run.err.contains(kind.toUtf8()));
}

void TestParseCommand::oandaGranularityOptionIsChecked()
{
    const QString file = oandaGolden("recorded_candles_h1_mid_eur_usd");
    const Run agrees = runSentinel({QStringLiteral("parse"), QStringLiteral("oanda"), file, QStringLiteral("--granularity"),
                                    QStringLiteral("60min")});
    QCOMPARE(agrees.exitCode, 0);
    const Run disagrees = runSentinel({QStringLiteral("parse"), QStringLiteral("oanda"), file, QStringLiteral("--granularity"),
                                       QStringLiteral("M5")});
    QCOMPARE(disagrees.exitCode, 2);
    QVERIFY(disagrees.err.contains("invalid_field"));
    const Run unknown = runSentinel({QStringLiteral("parse"), QStringLiteral("oanda"), file, QStringLiteral("--granularity"),
                                     QStringLiteral("H4")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.out.isEmpty());
    QVERIFY(unknown.err.contains("H4"));
}

namespace {

QString coinbaseData(const QString& relative)
{
    return sentinel::test::dataPath(QStringLiteral("coinbase/") + relative);
}

} // namespace

void TestParseCommand::coinbaseCandlesPrintTheSameBarJson()
{
    const Run run = runSentinel({QStringLiteral("parse"), QStringLiteral("coinbase"),
                                 coinbaseData(QStringLiteral("market_product_candles_ONE_HOUR.json"))});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("bars"));
    QCOMPARE(json.value(QStringLiteral("interval")).toString(), QStringLiteral("60min"));
    QCOMPARE(json.value(QStringLiteral("granularity")).toString(), QStringLiteral("ONE_HOUR"));
    QVERIFY(json.value(QStringLiteral("granularity_inferred")).toBool());
    // Both 2024 candles closed long ago; Coinbase lists newest first, the bars are oldest first.
    QVERIFY(json.value(QStringLiteral("live_bar")).isNull());
    const auto bars = json.value(QStringLiteral("bars")).toArray();
    QCOMPARE(bars.size(), 2);
    const QJsonObject first = bars.first().toObject();
    QCOMPARE(first.value(QStringLiteral("open_time")).toString(), QStringLiteral("2024-04-04T00:00:00Z"));
    QCOMPARE(first.value(QStringLiteral("open")).toDouble(), 65984.18);
    QCOMPARE(first.value(QStringLiteral("volume")).toDouble(), 358.74851052);
    // The same members as `parse alphavantage` prints for a bar.
    QCOMPARE(first.keys(), (QStringList{QStringLiteral("close"), QStringLiteral("extended_hours"), QStringLiteral("high"),
                                        QStringLiteral("low"), QStringLiteral("open"), QStringLiteral("open_time"),
                                        QStringLiteral("volume")}));
}

void TestParseCommand::coinbaseBadBodyIsTypedErrorAndExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("kind");
    QTest::newRow("a non-numeric open") << QStringList{coinbaseData(QStringLiteral("golden/non_numeric_open_names_field_and_index/input.json"))}
                                        << QStringLiteral("invalid_number");
    QTest::newRow("candles out of order") << QStringList{coinbaseData(QStringLiteral("golden/oldest_first_candles_are_unsorted/input.json"))}
                                          << QStringLiteral("unsorted_candles");
    QTest::newRow("a granularity the candles do not fit")
        << QStringList{coinbaseData(QStringLiteral("market_product_candles_ONE_HOUR.json")), QStringLiteral("--granularity"),
                       QStringLiteral("TWO_HOUR")}
        << QStringLiteral("misaligned_candle");
    QTest::newRow("one candle and no granularity")
        << QStringList{coinbaseData(QStringLiteral("golden/single_candle_without_granularity_is_unknown/input.json"))}
        << QStringLiteral("unknown_granularity");
    QTest::newRow("an html page") << QStringList{coinbaseData(QStringLiteral("golden/html_page_instead_of_candles/input.html"))}
                                  << QStringLiteral("html_body");
}

void TestParseCommand::coinbaseBadBodyIsTypedErrorAndExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, kind);
    const Run run = runSentinel(QStringList{QStringLiteral("parse"), QStringLiteral("coinbase")} + arguments);
    QCOMPARE(run.exitCode, 2);
    const QJsonObject error = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), kind);
    QVERIFY(!error.value(QStringLiteral("remedy")).toString().isEmpty());
    QVERIFY(run.err.contains(kind.toUtf8()));
}

void TestParseCommand::coinbaseUnknownGranularityIsBadUsage()
{
    const Run run = runSentinel({QStringLiteral("parse"), QStringLiteral("coinbase"),
                                 coinbaseData(QStringLiteral("market_product_candles_ONE_HOUR.json")),
                                 QStringLiteral("--granularity"), QStringLiteral("2h")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains("ONE_HOUR"));
}

QTEST_GUILESS_MAIN(TestParseCommand)
#include "tst_parsecommand.moc"
