// SPDX-License-Identifier: GPL-3.0-or-later
// The Coinbase candles scanner (brokers/coinbase/CoinbaseCandleScan.h) held to the DOM reader
// (ADR 0125): on every recorded body in tests/data/coinbase and on thousands of random edits of
// the candles bodies, it declines or gives exactly the DOM reader's answer (the same bars, or the
// same error kind, message and remedy). The recorded candles must be read by the scanner, not
// declined, and what it leaves to the DOM is listed case by case.
#include "ReaderAgreement.h"
#include "TestData.h"

#include "brokers/coinbase/CoinbaseCandles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sentinel;
using namespace sentinel::coinbase;
using namespace sentinel::test;

class TestCoinbaseCandleScan final : public QObject
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

/// Just after the recorded candles (2024-04-04T01:00Z is the newest), and with a granularity given.
const QDateTime kNow(QDate(2024, 4, 4), QTime(1, 30), Qt::UTC);
const ReaderPair<CoinbaseCandles, CandleParseOptions> kReaders{
    parseCoinbaseCandlesWithDom, parseCoinbaseCandlesWithScanner, parseCoinbaseCandles,
    {{"inferred", {std::nullopt, kNow}},
     {"ONE_HOUR asked", {Granularity::OneHour, kNow}},
     {"ONE_MINUTE asked a day later", {Granularity::OneMinute, kNow.addDays(1)}}}};

/// Every body a candles golden case reads: the seeds of the edits.
QList<QByteArray> candleBodies()
{
    QList<QByteArray> bodies;
    for (const QString& file : filesUnder(QStringLiteral("coinbase/golden"), QStringLiteral("case.json"))) {
        const QJsonObject golden = QJsonDocument::fromJson(readFile(file)).object();
        if (golden.value(u"parser").toString() != u"candles")
            continue;
        const QString input = golden.value(u"input").toString();
        bodies << readFile(input.isEmpty() ? QFileInfo(file).dir().filePath(QStringLiteral("input.json"))
                                           : dataPath(QStringLiteral("coinbase/") + input));
    }
    return bodies;
}

} // namespace

void TestCoinbaseCandleScan::everyRecordedBodyReadsTheSameBothWays_data()
{
    kReaders.addRecordedRows(QStringLiteral("coinbase"), 50);
}

void TestCoinbaseCandleScan::everyRecordedBodyReadsTheSameBothWays()
{
    QFETCH(QString, file);
    QFETCH(int, option);
    kReaders.checkBody(readFile(file), kReaders.options[option].second);
}

void TestCoinbaseCandleScan::recordedCandlesAreReadWithoutTheDom_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("the recorded hour candles") << QStringLiteral("market_product_candles_ONE_HOUR.json");
    QTest::newRow("a gap without trades") << QStringLiteral("golden/gap_without_trades_keeps_the_smallest_spacing/input.json");
    QTest::newRow("a duplicate start") << QStringLiteral("golden/duplicate_start_is_rejected/input.json");
    QTest::newRow("oldest first") << QStringLiteral("golden/oldest_first_candles_are_unsorted/input.json");
}

void TestCoinbaseCandleScan::recordedCandlesAreReadWithoutTheDom()
{
    QFETCH(QString, file);
    const QByteArray body = readFile(dataPath(QStringLiteral("coinbase/") + file));
    QVERIFY(!body.isEmpty());
    for (const auto& [hint, options] : kReaders.options) {
        const std::optional<Result<CoinbaseCandles>> scanned = parseCoinbaseCandlesWithScanner(body, options);
        QVERIFY2(scanned.has_value(), hint);
        const Result<CoinbaseCandles> dom = parseCoinbaseCandlesWithDom(body, options);
        QVERIFY2(disagreement(dom, scanned).isEmpty(), qPrintable(disagreement(dom, scanned)));
        if (dom.ok()) {
            for (qsizetype i = 0; i < dom->closed.size(); ++i)
                QCOMPARE(scanned->value().closed[i].openTime.timeSpec(), dom->closed[i].openTime.timeSpec());
        }
    }
}

void TestCoinbaseCandleScan::editedBodiesReadTheSameBothWays()
{
    const QList<QByteArray> seeds = candleBodies();
    QVERIFY(seeds.size() >= 30);
    // More edits of the bodies the scanner reads as they are: many of their edits it reads too.
    kReaders.checkEdits(seeds, 20240404, 1000, 200);
}

void TestCoinbaseCandleScan::unusualBodiesAreLeftToTheDom_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray body = R"({"candles":[{"start":"1712192400","low":"66055.14","high":"66331.99","open":"66312.4","close":"66181.6","volume":"355.8"}]})";
    const auto with = [&body](const char* from, const char* to) { return QByteArray(body).replace(from, to); };
    QTest::newRow("an escape in a string") << with("\"66312.4\"", "\"66312\\u002e4\"");
    QTest::newRow("a byte order mark") << "\xef\xbb\xbf" + body;
    QTest::newRow("a member the reader does not know") << with("{\"candles\"", "{\"pagination\":{},\"candles\"");
    QTest::newRow("candles twice") << with("]}", "],\"candles\":[]}");
    QTest::newRow("a candle member twice") << with("\"volume\"", "\"low\":\"1\",\"volume\"");
    QTest::newRow("a candle member the reader does not know") << with("\"volume\"", "\"vwap\":\"1\",\"volume\"");
    QTest::newRow("null for a volume") << with("\"355.8\"", "null");
    QTest::newRow("a price as a JSON number") << with("\"66312.4\"", "66312.4");
    QTest::newRow("a price with more digits than a double holds") << with("\"355.8\"", "\"355.80000000000001\"");
    QTest::newRow("a start that is not digits") << with("\"1712192400\"", "\"-1712192400\"");
    QTest::newRow("close above high") << with("\"66181.6\"", "\"66400\"");
    QTest::newRow("a candle that is not an object") << with("[{", "[1,{");
    QTest::newRow("a cut-off body") << body.left(body.size() - 3);
    QTest::newRow("more than the body cap") << body + QByteArray(qsizetype{5} * 1024 * 1024, ' ');
}

void TestCoinbaseCandleScan::unusualBodiesAreLeftToTheDom()
{
    QFETCH(QByteArray, body);
    const CandleParseOptions options{Granularity::OneHour, kNow};
    QVERIFY(!parseCoinbaseCandlesWithScanner(body, options).has_value());
    kReaders.checkBody(body, options);
}

QTEST_GUILESS_MAIN(TestCoinbaseCandleScan)
#include "tst_coinbasecandlescan.moc"
