// SPDX-License-Identifier: GPL-3.0-or-later
// The WebSocket message parser beyond its golden cases: the size cap, sequence numbers kept for
// gap detection, and instants with nanoseconds.
#include "TestData.h"

#include "brokers/coinbase/CoinbaseWsMessage.h"

#include <QFile>
#include <QTest>

using namespace sentinel;
using namespace sentinel::coinbase;

class TestCoinbaseWsMessage final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void messageOverTheCapIsRefusedUnread();
    void sequenceNumbersAreKeptForGapDetection();
    void largestExactSequenceNumberIsKept();
    void recordedCandleKeepsItsProduct();
};

namespace {

QByteArray heartbeat(const QByteArray& sequence)
{
    return R"({"channel":"heartbeats","client_id":"","timestamp":"2026-04-07T14:30:10.000000000Z","sequence_num":)" + sequence
           + R"(,"events":[]})";
}

} // namespace

void TestCoinbaseWsMessage::messageOverTheCapIsRefusedUnread()
{
    QByteArray frame = heartbeat("1");
    frame.append(QByteArray(kMaxWsMessageBytes, ' '));
    const auto parsed = parseWsMessage(frame);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, QStringLiteral("message_too_large"));
}

void TestCoinbaseWsMessage::sequenceNumbersAreKeptForGapDetection()
{
    const auto first = parseWsMessage(heartbeat("41"));
    const auto next = parseWsMessage(heartbeat("43"));
    QVERIFY(first.ok() && next.ok());
    QCOMPARE(next->sequenceNum - first->sequenceNum, 2); // one message went missing
    QCOMPARE(first->timestamp, QDateTime(QDate(2026, 4, 7), QTime(14, 30, 10), Qt::UTC));
}

void TestCoinbaseWsMessage::largestExactSequenceNumberIsKept()
{
    const auto parsed = parseWsMessage(heartbeat("9007199254740992"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->sequenceNum, Q_INT64_C(9007199254740992));
    const auto beyond = parseWsMessage(heartbeat("1e300"));
    QVERIFY(!beyond.ok());
    QCOMPARE(beyond.error().kind, QStringLiteral("invalid_number"));
}

void TestCoinbaseWsMessage::recordedCandleKeepsItsProduct()
{
    QFile file(test::dataPath(QStringLiteral("coinbase/ws_candles_update.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto parsed = parseWsMessage(file.readAll());
    QVERIFY(parsed.ok());
    const auto& events = std::get<QList<WsEvent<WsCandle>>>(parsed->events);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().items.first().productId, QStringLiteral("BTC-USD"));
    QCOMPARE(events.first().items.first().bar.close, 68920.5);
}

QTEST_GUILESS_MAIN(TestCoinbaseWsMessage)
#include "tst_coinbasewsmessage.moc"
