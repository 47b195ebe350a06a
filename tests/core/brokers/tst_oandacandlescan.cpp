// SPDX-License-Identifier: GPL-3.0-or-later
// The OANDA candles scanner (brokers/oanda/OandaCandleScan.h) held to the DOM reader (ADR 0125):
// on every recorded body in tests/data/oanda and on thousands of random edits of the candles
// bodies, it declines or gives exactly the DOM reader's answer (the same bars, or the same error
// kind, message and remedy). The recorded candles must be read by the scanner, not declined, and
// what it leaves to the DOM is listed case by case.
#include "ReaderAgreement.h"
#include "TestData.h"

#include "brokers/oanda/OandaCandles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sentinel;
using namespace sentinel::oanda;
using namespace sentinel::test;

class TestOandaCandleScan final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRecordedBodyReadsTheSameBothWays_data();
    void everyRecordedBodyReadsTheSameBothWays();
    void recordedCandlesAreReadWithoutTheDom_data();
    void recordedCandlesAreReadWithoutTheDom();
    void editedBodiesReadTheSameBothWays();
    void unusualBodiesAreLeftToTheDom_data();
    void unusualBodiesAreLeftToTheDom();
};

namespace {

const ReaderPair<Candles, CandlesContext> kReaders{
    parseCandlesWithDom, parseCandlesWithScanner, parseCandles,
    {{"no hint", {}}, {"H1 asked", {Interval::Min60, std::nullopt}}, {"M5 bid asked", {Interval::Min5, PriceComponent::Bid}}}};

/// Twelve hourly candles with mid, bid and ask each (price=MBA), the newest still forming.
QByteArray candlesWithEveryComponent()
{
    QByteArray candles;
    for (int i = 0; i < 12; ++i) {
        const QByteArray price = QByteArray::number(1.1 + 0.001 * i, 'f', 5);
        const QByteArray prices = R"({"o":")" + price + R"(","h":"1.20000","l":"1.00000","c":")" + price + "\"}";
        candles += (i ? "," : "") + QByteArray(R"({"complete":)") + (i < 11 ? "true" : "false") + R"(,"volume":)"
                   + QByteArray::number(100 + i) + R"(,"time":"2017-01-03T)" + QByteArray::number(10 + i) + R"(:00:00.000000000Z","bid":)"
                   + prices + R"(,"mid":)" + prices + R"(,"ask":)" + prices + "}";
    }
    return R"({"instrument":"EUR_USD","granularity":"H1","candles":[)" + candles + "]}";
}

/// The golden cases whose parser is the candles parser, and a body with every component: the
/// seeds of the edits.
QList<QByteArray> candleBodies()
{
    QList<QByteArray> bodies{candlesWithEveryComponent()};
    for (const QString& expected : filesUnder(QStringLiteral("oanda/golden"), QStringLiteral("expected.json"))) {
        const QJsonObject golden = QJsonDocument::fromJson(readFile(expected)).object();
        if (golden.value(u"parser").toString() == u"candles")
            bodies << readFile(QFileInfo(expected).dir().filePath(QStringLiteral("input.json")));
    }
    return bodies;
}

} // namespace

void TestOandaCandleScan::everyRecordedBodyReadsTheSameBothWays_data()
{
    kReaders.addRecordedRows(QStringLiteral("oanda"), 60);
}

void TestOandaCandleScan::everyRecordedBodyReadsTheSameBothWays()
{
    QFETCH(QString, file);
    QFETCH(int, option);
    kReaders.checkBody(readFile(file), kReaders.options[option].second);
}

void TestOandaCandleScan::recordedCandlesAreReadWithoutTheDom_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("mid, bid and ask in every candle") << QString();
    for (const char* folder : {"recorded_candles_h1_mid_eur_usd", "recorded_candles_m5_mid_de30_eur",
                               "bid_candles_are_read_when_the_body_carries_no_mid",
                               "incomplete_last_candle_is_the_live_bar_not_a_closed_one",
                               "candles_out_of_order_are_an_error"})
        QTest::newRow(folder) << QString::fromLatin1(folder);
}

void TestOandaCandleScan::recordedCandlesAreReadWithoutTheDom()
{
    QFETCH(QString, folder);
    const QByteArray body = folder.isEmpty() ? candlesWithEveryComponent()
                                             : readFile(dataPath(QStringLiteral("oanda/golden/%1/input.json").arg(folder)));
    QVERIFY(!body.isEmpty());
    const std::optional<Result<Candles>> scanned = parseCandlesWithScanner(body);
    QVERIFY2(scanned.has_value(), "the scanner declined a body of the common shape");
    const Result<Candles> dom = parseCandlesWithDom(body);
    QVERIFY2(disagreement(dom, scanned).isEmpty(), qPrintable(disagreement(dom, scanned)));
    if (dom.ok()) {
        QVERIFY(!dom->closed.isEmpty() || dom->live);
        for (qsizetype i = 0; i < dom->closed.size(); ++i)
            QCOMPARE(scanned->value().closed[i].openTime.timeSpec(), dom->closed[i].openTime.timeSpec());
    }
}

void TestOandaCandleScan::editedBodiesReadTheSameBothWays()
{
    const QList<QByteArray> seeds = candleBodies();
    QVERIFY(seeds.size() >= 15);
    // More edits of the bodies the scanner reads as they are: many of their edits it reads too.
    kReaders.checkEdits(seeds, 20261124, 1500, 300);
}

void TestOandaCandleScan::unusualBodiesAreLeftToTheDom_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray candle = R"({"complete":true,"volume":5,"time":"2017-01-03T00:00:00.000000000Z","mid":{"o":"1.1","h":"1.2","l":"1.0","c":"1.1"}})";
    const auto answer = [&candle](const QByteArray& before, const QByteArray& inside = {}) -> QByteArray {
        QByteArray one = candle;
        one.insert(1, inside);
        return R"({"instrument":"EUR_USD","granularity":"H1",)" + before + R"("candles":[)" + one + "]}";
    };
    QTest::newRow("an escape in a string") << answer({}).replace("EUR_USD", "EUR\\u005fUSD");
    QTest::newRow("a byte order mark") << "\xef\xbb\xbf" + answer({});
    QTest::newRow("a member the reader does not know") << answer(R"("note":"x",)");
    QTest::newRow("a member twice") << answer(R"("instrument":"GBP_USD",)");
    QTest::newRow("a candle member twice") << answer({}, R"("complete":false,)");
    QTest::newRow("a volume written as a string") << answer({}).replace("\"volume\":5", "\"volume\":\"5\"");
    QTest::newRow("a volume with a fraction") << answer({}).replace("\"volume\":5", "\"volume\":5.0");
    QTest::newRow("null for an instrument") << answer({}).replace("\"EUR_USD\"", "null");
    QTest::newRow("a non-ASCII instrument") << answer({}).replace("EUR_USD", "EUR_\xc3\xa9");
    QTest::newRow("an error answer") << QByteArray(R"({"errorMessage":"Invalid value specified for 'instrument'"})");
    QTest::newRow("deep nesting") << answer({}, R"("x":[[[[[[[[[[1]]]]]]]]]],)");
    QTest::newRow("a price that is not a decimal") << answer({}).replace("\"1.2\"", "\"1.2.3\"");
    QTest::newRow("high below low") << answer({}).replace("\"1.2\"", "\"0.9\"");
    QTest::newRow("an impossible date") << answer({}).replace("2017-01-03", "2017-02-30");
    QTest::newRow("trailing garbage") << answer({}) + "x";
}

void TestOandaCandleScan::unusualBodiesAreLeftToTheDom()
{
    QFETCH(QByteArray, body);
    QVERIFY(!parseCandlesWithScanner(body).has_value());
    kReaders.checkBody(body, {});
}

QTEST_GUILESS_MAIN(TestOandaCandleScan)
#include "tst_oandacandlescan.moc"
