// SPDX-License-Identifier: GPL-3.0-or-later
// CoinbasePlatform against a loopback Coinbase stand-in serving the recorded order and fill bodies
// (tests/data/coinbase: a real filled MARKET IOC SELL of 10 ADA-USDT and its fill): the order
// Coinbase receives, a refusal answered with HTTP 200 shown with its reason, the fill read from
// Coinbase's fills, and reconciliation by client_order_id whenever the answer is lost: the order
// is found or known never created, and POST /orders is seen exactly once.
#include "common/ManualClock.h"
#include "trading/CoinbasePlatform.h"

#include "AwaitCallback.h"
#include "FakeHttpServer.h"
#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestCoinbasePlatform final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void anOrderIsASignedMarketIocCarryingTheKey();
    void theFillIsReadFromCoinbasesFills();
    void aRefusalAnsweredWith200IsARejectionWithItsReason();
    void anIocThatFilledNothingIsARejection();
    void aLostAnswerIsReconciledToTheFillByItsKey();
    void aLostAnswerForAnOrderNeverCreatedSaysSo();
    void reconciliationAsksAgainUntilCoinbaseKnows();
    void ordersTheAccountCannotTakeAreRefusedUnsent_data();
    void ordersTheAccountCannotTakeAreRefusedUnsent();
    void portfolioComesFromTheWalletsValuedAtTheMarks();

private:
    Result<Fill> place(CoinbasePlatform& platform, const OrderRequest& request);
    std::unique_ptr<CoinbasePlatform> platform();
    void serveTheRecordedOrder(const QJsonObject& order);

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
    QJsonObject m_recordedOrder; ///< orders[0] of the recorded batch: FILLED, 10 ADA-USDT @ 0.392
};

namespace {

// The recorded order's own key and id, so the recorded bodies answer for it unchanged.
const QString key = QStringLiteral("a0f970a2-05fa-4e1f-9517-f6702c33cfd1");
const QString orderId = QStringLiteral("01b6e467-b659-432f-9490-c7cefe949564");
const QByteArray orders = "/api/v3/brokerage/orders";
const QByteArray batch = "/api/v3/brokerage/orders/historical/batch";
const QByteArray fills = "/api/v3/brokerage/orders/historical/fills";
const QByteArray oneOrder = "/api/v3/brokerage/orders/historical/01b6e467-b659-432f-9490-c7cefe949564";

Instrument adaUsdt()
{
    return Instrument{QStringLiteral("ADA/USDT"), QStringLiteral("CRYPTO"), Interval::Min1};
}

OrderRequest sell(double units = 10)
{
    return OrderRequest{key, adaUsdt().key(), Side::Sell, units, 0.39};
}

QByteArray recorded(const char* file)
{
    return readFile(dataPath(QStringLiteral("coinbase/%1").arg(QLatin1String(file))));
}

/// The recorded create-order success (a mock with "venue-100"/"client-100"), answering for this order.
QByteArray createdAnswer()
{
    QByteArray body = recorded("orders_create_success.json");
    return body.replace("venue-100", orderId.toUtf8()).replace("client-100", key.toUtf8()).replace("BTC-USD", "ADA-USDT").replace("BUY", "SELL");
}

QByteArray batchOf(const QJsonArray& list)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("orders"), list}, {QStringLiteral("has_next"), false}, {QStringLiteral("cursor"), QString()}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

void TestCoinbasePlatform::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2023, 11, 26), QTime(10, 20), Qt::UTC));
    m_recordedOrder = QJsonDocument::fromJson(recorded("orders_historical_batch_filled_market.json")).object()
                          .value(u"orders").toArray().first().toObject();
    QCOMPARE(m_recordedOrder.value(u"client_order_id").toString(), key);
    m_server->route(fills, CannedResponse::json(recorded("orders_historical_fills.json")));
}

void TestCoinbasePlatform::cleanup()
{
    m_server.reset();
    m_clock.reset();
}

std::unique_ptr<CoinbasePlatform> TestCoinbasePlatform::platform()
{
    CoinbaseSettings settings;
    settings.keyName = Secret(QStringLiteral("organizations/org-5f1c2e/apiKeys/key-9a8b7c6d"));
    settings.privateKey = Secret(QString::fromLatin1(readFile(dataPath(QStringLiteral("coinbase/keys/test_ec_p256.pem")))));
    settings.baseUrl = m_server->baseUrl();
    settings.timeout = 1s;
    settings.allowLive = true;
    auto made = std::make_unique<CoinbasePlatform>(*m_clock, settings,
                                                   QList<Instrument>{adaUsdt(), {QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min1}});
    made->setReconcileSchedule({20ms});
    return made;
}

void TestCoinbasePlatform::serveTheRecordedOrder(const QJsonObject& order)
{
    m_server->route(oneOrder, CannedResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("order"), order}}).toJson()));
}

Result<Fill> TestCoinbasePlatform::place(CoinbasePlatform& platform, const OrderRequest& request)
{
    const auto answer = awaitCallback<Result<Fill>>([&](auto done) { platform.placeOrder(request, done); }, 10'000);
    return answer ? *answer : Result<Fill>(Error{QStringLiteral("test_timeout"), QStringLiteral("no answer within 10 s")});
}

void TestCoinbasePlatform::anOrderIsASignedMarketIocCarryingTheKey()
{
    m_server->route(orders, CannedResponse::json(createdAnswer()));
    serveTheRecordedOrder(m_recordedOrder);
    auto coinbase = platform();
    QVERIFY(place(*coinbase, sell(10)).ok());
    QCOMPARE(m_server->requestCount(orders), 1);
    const RecordedRequest& post = m_server->requests().front();
    QCOMPARE(post.method, QByteArray("POST"));
    QVERIFY(post.headers.value("authorization").startsWith("Bearer ey"));
    const QJsonObject body = QJsonDocument::fromJson(post.body).object();
    QCOMPARE(body.value(u"client_order_id").toString(), key);
    QCOMPARE(body.value(u"product_id").toString(), QStringLiteral("ADA-USDT"));
    QCOMPARE(body.value(u"side").toString(), QStringLiteral("SELL"));
    const QJsonObject ioc = body.value(u"order_configuration").toObject().value(u"market_market_ioc").toObject();
    QCOMPARE(ioc.value(u"base_size").toString(), QStringLiteral("10"));
    QCOMPARE(ioc.size(), 1);
}

void TestCoinbasePlatform::theFillIsReadFromCoinbasesFills()
{
    m_server->route(orders, CannedResponse::json(createdAnswer()));
    serveTheRecordedOrder(m_recordedOrder);
    auto coinbase = platform();
    QSignalSpy filled(coinbase.get(), &TradingPlatform::filled);
    const Result<Fill> fill = place(*coinbase, sell(10));
    QVERIFY2(fill.ok(), qPrintable(fill.ok() ? QString() : fill.error().toString()));
    QCOMPARE(fill->orderId, orderId);
    QCOMPARE(fill->clientOrderId, key);
    QCOMPARE(fill->instrumentKey, adaUsdt().key());
    QCOMPARE(fill->side, Side::Sell);
    QCOMPARE(fill->quantity, 10.0);
    QCOMPARE(fill->price, 0.392);
    QCOMPARE(fill->fee, 0.03136);
    QCOMPARE(fill->at, QDateTime(QDate(2023, 11, 26), QTime(10, 19, 47, 504), Qt::UTC));
    QVERIFY(!fill->replayed);
    QCOMPARE(filled.size(), 1);
    QCOMPARE(QUrlQuery(m_server->requests().back().url).queryItemValue(QStringLiteral("order_ids")), orderId);
}

void TestCoinbasePlatform::aRefusalAnsweredWith200IsARejectionWithItsReason()
{
    m_server->route(orders, CannedResponse::json(recorded("orders_create_failure_insufficient_fund.json")));
    auto coinbase = platform();
    QSignalSpy filled(coinbase.get(), &TradingPlatform::filled);
    const Result<Fill> fill = place(*coinbase, sell());
    QVERIFY(!fill.ok());
    QCOMPARE(fill.error().kind, QStringLiteral("order_rejected"));
    QVERIFY2(fill.error().message.contains(u"INSUFFICIENT_FUND") && fill.error().message.contains(u"Insufficient balance"),
             qPrintable(fill.error().message));
    QVERIFY(fill.error().remedy.contains(u"nothing was traded"));
    QCOMPARE(filled.size(), 0);
    QCOMPARE(m_server->requests().size(), 1); // nothing looked up: a refusal is an answer
}

void TestCoinbasePlatform::anIocThatFilledNothingIsARejection()
{
    m_server->route(orders, CannedResponse::json(createdAnswer()));
    QJsonObject cancelled = m_recordedOrder;
    cancelled.insert(QStringLiteral("status"), QStringLiteral("CANCELLED"));
    cancelled.insert(QStringLiteral("filled_size"), QStringLiteral("0"));
    cancelled.remove(QStringLiteral("average_filled_price"));
    serveTheRecordedOrder(cancelled);
    auto coinbase = platform();
    const Result<Fill> fill = place(*coinbase, sell());
    QCOMPARE(fill.error().kind, QStringLiteral("order_rejected"));
    QVERIFY2(fill.error().message.contains(u"nothing filled"), qPrintable(fill.error().message));
}

void TestCoinbasePlatform::aLostAnswerIsReconciledToTheFillByItsKey()
{
    CannedResponse stall;
    stall.behaviour = CannedResponse::Behaviour::Stall;
    m_server->route(orders, stall);
    m_server->route(batch, CannedResponse::json(recorded("orders_historical_batch_filled_market.json")));
    auto coinbase = platform();
    QSignalSpy filled(coinbase.get(), &TradingPlatform::filled);
    const Result<Fill> fill = place(*coinbase, sell());
    QVERIFY2(fill.ok(), qPrintable(fill.ok() ? QString() : fill.error().toString()));
    QCOMPARE(fill->quantity, 10.0);
    QCOMPARE(fill->price, 0.392);
    QCOMPARE(fill->instrumentKey, adaUsdt().key());
    QVERIFY(!fill->replayed); // the engine learns of it now
    QCOMPARE(filled.size(), 1);
    QCOMPARE(m_server->requestCount(orders), 1); // never sent twice
    const QUrlQuery window(m_server->requests()[1].url);
    QCOMPARE(window.queryItemValue(QStringLiteral("start_date")), QStringLiteral("2023-11-19T10:20:00Z"));
    QCOMPARE(window.queryItemValue(QStringLiteral("end_date")), QStringLiteral("2023-11-26T11:20:00Z"));
}

void TestCoinbasePlatform::aLostAnswerForAnOrderNeverCreatedSaysSo()
{
    m_server->route(orders, CannedResponse::json(R"({"error":"INTERNAL","message":"try later"})", 503));
    m_server->route(batch, CannedResponse::json(batchOf({})));
    auto coinbase = platform();
    const Result<Fill> fill = place(*coinbase, sell());
    QCOMPARE(fill.error().kind, QStringLiteral("order_rejected"));
    QVERIFY2(fill.error().message.contains(u"never created"), qPrintable(fill.error().message));
    QCOMPARE(m_server->requestCount(orders), 1);
}

void TestCoinbasePlatform::reconciliationAsksAgainUntilCoinbaseKnows()
{
    CannedResponse cut = CannedResponse::json(createdAnswer());
    cut.behaviour = CannedResponse::Behaviour::TruncateBody;
    m_server->route(orders, cut);
    int lookups = 0;
    const QByteArray found = recorded("orders_historical_batch_filled_market.json");
    m_server->route(batch, [&lookups, found](const RecordedRequest&) {
        ++lookups;
        if (lookups < 3)
            return CannedResponse::json(R"({"error":"INTERNAL","message":"try later"})", 503);
        return CannedResponse::json(found);
    });
    auto coinbase = platform();
    const Result<Fill> fill = place(*coinbase, sell());
    QVERIFY2(fill.ok(), qPrintable(fill.ok() ? QString() : fill.error().toString()));
    QCOMPARE(lookups, 3);
    QCOMPARE(m_server->requestCount(orders), 1);
}

void TestCoinbasePlatform::ordersTheAccountCannotTakeAreRefusedUnsent_data()
{
    QTest::addColumn<QString>("instrumentKey");
    QTest::addColumn<QString>("clientOrderId");
    QTest::addColumn<double>("units");
    QTest::newRow("an instrument off the watchlist") << "XNYS:AAPL:5min" << key << 1.0;
    QTest::newRow("no idempotency key") << adaUsdt().key() << QString() << 1.0;
    QTest::newRow("zero units") << adaUsdt().key() << key << 0.0;
    QTest::newRow("less than Coinbase's eighth decimal") << adaUsdt().key() << key << 1e-9;
    QTest::newRow("not a number") << adaUsdt().key() << key << std::nan("");
}

void TestCoinbasePlatform::ordersTheAccountCannotTakeAreRefusedUnsent()
{
    QFETCH(QString, instrumentKey);
    QFETCH(QString, clientOrderId);
    QFETCH(double, units);
    auto coinbase = platform();
    const Result<Fill> fill = place(*coinbase, OrderRequest{clientOrderId, instrumentKey, Side::Buy, units, 1});
    QCOMPARE(fill.error().kind, QStringLiteral("invalid_order"));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestCoinbasePlatform::portfolioComesFromTheWalletsValuedAtTheMarks()
{
    m_server->route("/api/v3/brokerage/accounts", CannedResponse::json(recorded("accounts_list.json")));
    auto coinbase = platform();
    const QString btcKey = Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min1}.key();
    QVERIFY(coinbase->markPrice(btcKey, 60000).ok());
    const auto snapshot = awaitCallback<Result<PortfolioSnapshot>>([&](auto done) { coinbase->fetchPortfolio(done); });
    QVERIFY(snapshot && snapshot->ok());
    const PortfolioSnapshot& account = snapshot->value();
    QCOMPARE(account.currency, QStringLiteral("USD"));
    QCOMPARE(account.balance, 10450.50);
    QCOMPARE(account.positions.size(), 1);
    const Position& btc = account.positions.value(btcKey);
    QCOMPARE(btc.quantity, 1.23456789 + 0.005);
    QCOMPARE(btc.marketPrice, 60000.0);
    QCOMPARE(account.equity, 10450.50 + (1.23456789 + 0.005) * 60000);
    QCOMPARE(account.peakEquity, account.equity);
}

QTEST_GUILESS_MAIN(TestCoinbasePlatform)
#include "tst_coinbaseplatform.moc"
