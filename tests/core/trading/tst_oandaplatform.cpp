// SPDX-License-Identifier: GPL-3.0-or-later
// OandaPlatform against a loopback OANDA stand-in: the order OANDA receives, what counts as a
// fill or a rejection (recorded bodies), and reconciliation by the idempotency key whenever the
// answer is lost or in doubt: the order is found or known never created, never sent twice.
#include "common/ManualClock.h"
#include "trading/OandaPlatform.h"

#include "FakeHttpServer.h"
#include "TestData.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestOandaPlatform final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void buyIsAMarketFokOrderCarryingTheKey();
    void sellOnlyReducesThePosition();
    void aCancelledOrderIsARejectionWithItsReason();
    void aRejectedOrderIsARejectionWithItsReason();
    void aLostAnswerIsReconciledToTheFill();
    void aLostAnswerForAnOrderNeverCreatedSaysSo();
    void reconciliationAsksAgainUntilOandaKnows();
    void aDuplicateKeyReportsTheOriginalFill();
    void aCancelledOrderFoundByItsKeyIsNoFill();
    void ordersTheAccountCannotTakeAreRefusedUnsent_data();
    void ordersTheAccountCannotTakeAreRefusedUnsent();
    void portfolioComesFromTheBrokerValuedAtTheMarks();

private:
    Result<Fill> place(OandaPlatform& platform, const OrderRequest& request);
    OandaSettings settings() const;

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
};

namespace {

const QString token = QStringLiteral("platform-test-token-77aa");
const QByteArray account = "/v3/accounts/101-004-1435156-001";
const QString key = QStringLiteral("ts-20170309-0001-b");

Instrument eurUsd()
{
    return Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
}

OrderRequest buy(double units = 10000)
{
    return OrderRequest{key, eurUsd().key(), Side::Buy, units, 1.0556};
}

CannedResponse golden(const char* folder, int status)
{
    return CannedResponse::fromFile(dataPath(QStringLiteral("oanda/golden/%1/input.json").arg(QLatin1String(folder))), status);
}

CannedResponse constructed(const char* file, int status = 200)
{
    QFile in(dataPath(QStringLiteral("oanda/constructed/") + QLatin1String(file)));
    if (!in.open(QIODevice::ReadOnly))
        return CannedResponse::json("{}", 500);
    QByteArray body = in.readAll();
    body.replace("@KEY@", key.toUtf8());
    return CannedResponse::json(body, status);
}

CannedResponse stall()
{
    CannedResponse response;
    response.behaviour = CannedResponse::Behaviour::Stall;
    return response;
}

QByteArray lookupPath()
{
    return account + "/orders/@" + key.toUtf8();
}

} // namespace

void TestOandaPlatform::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2017, 3, 9), QTime(13, 22), Qt::UTC));
}

void TestOandaPlatform::cleanup()
{
    m_server.reset();
    m_clock.reset();
}

OandaSettings TestOandaPlatform::settings() const
{
    OandaSettings settings;
    settings.accountId = QStringLiteral("101-004-1435156-001");
    settings.token = Secret(token);
    settings.baseUrl = m_server->baseUrl();
    settings.timeout = 1s;
    return settings;
}

Result<Fill> TestOandaPlatform::place(OandaPlatform& platform, const OrderRequest& request)
{
    std::optional<Result<Fill>> result;
    platform.placeOrder(request, [&result](const Result<Fill>& fill) { result = fill; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 15'000))
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no answer within 15 s")};
    return *result;
}

void TestOandaPlatform::buyIsAMarketFokOrderCarryingTheKey()
{
    m_server->route(account + "/orders", golden("recorded_order_fill", 201));
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    QSignalSpy filled(&platform, &TradingPlatform::filled);
    const auto fill = place(platform, buy());
    QVERIFY2(fill.ok(), qPrintable(fill.ok() ? QString() : fill.error().toString()));
    QCOMPARE(fill->price, 1.05563);
    QCOMPARE(fill->quantity, 10000.0);
    QCOMPARE(fill->side, Side::Buy);
    QCOMPARE(fill->orderId, QStringLiteral("7578"));
    QCOMPARE(fill->clientOrderId, key);
    QCOMPARE(fill->instrumentKey, eurUsd().key());
    QVERIFY(!fill->replayed);
    QCOMPARE(filled.size(), 1);

    QCOMPARE(m_server->requestCount(account + "/orders"), 1);
    const RecordedRequest& sent = m_server->requests().front();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.headers.value("authorization"), "Bearer " + token.toUtf8());
    const QJsonObject order = QJsonDocument::fromJson(sent.body).object().value(u"order").toObject();
    QCOMPARE(order.value(u"type").toString(), QStringLiteral("MARKET"));
    QCOMPARE(order.value(u"instrument").toString(), QStringLiteral("EUR_USD"));
    QCOMPARE(order.value(u"units").toString(), QStringLiteral("10000"));
    QCOMPARE(order.value(u"timeInForce").toString(), QStringLiteral("FOK"));
    QCOMPARE(order.value(u"positionFill").toString(), QStringLiteral("DEFAULT"));
    QCOMPARE(order.value(u"clientExtensions").toObject().value(u"id").toString(), key);
}

void TestOandaPlatform::sellOnlyReducesThePosition()
{
    m_server->route(account + "/orders", golden("recorded_order_fill", 201));
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    OrderRequest sell = buy(100);
    sell.side = Side::Sell;
    (void)place(platform, sell);
    const QJsonObject order = QJsonDocument::fromJson(m_server->requests().front().body).object().value(u"order").toObject();
    QCOMPARE(order.value(u"units").toString(), QStringLiteral("-100"));
    QCOMPARE(order.value(u"positionFill").toString(), QStringLiteral("REDUCE_ONLY"));
}

void TestOandaPlatform::aCancelledOrderIsARejectionWithItsReason()
{
    m_server->route(account + "/orders", golden("recorded_order_cancelled_market_halted", 201));
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    QSignalSpy filled(&platform, &TradingPlatform::filled);
    const auto fill = place(platform, buy(100));
    QVERIFY(!fill.ok());
    QCOMPARE(fill.error().kind, QStringLiteral("order_rejected"));
    QVERIFY(fill.error().message.contains(u"MARKET_HALTED"));
    QCOMPARE(filled.size(), 0);
    QCOMPARE(m_server->requests().size(), 1); // definite: no lookup needed
}

void TestOandaPlatform::aRejectedOrderIsARejectionWithItsReason()
{
    m_server->route(account + "/orders", golden("recorded_order_rejected_400_price_precision", 400));
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    const auto fill = place(platform, buy(100));
    QVERIFY(!fill.ok());
    QCOMPARE(fill.error().kind, QStringLiteral("order_rejected"));
    QVERIFY2(fill.error().message.contains(u"PRICE_PRECISION_EXCEEDED"), qPrintable(fill.error().message));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestOandaPlatform::aLostAnswerIsReconciledToTheFill()
{
    // OANDA took the order, then the answer never came: the platform finds it by its key.
    m_server->route(account + "/orders", stall());
    m_server->route(lookupPath(), constructed("order_lookup_filled.json"));
    m_server->route(account + "/transactions/7579", constructed("transaction_order_fill.json"));
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    platform.setReconcileSchedule({20ms});
    QSignalSpy filled(&platform, &TradingPlatform::filled);
    const auto fill = place(platform, buy());
    QVERIFY2(fill.ok(), qPrintable(fill.ok() ? QString() : fill.error().toString()));
    QCOMPARE(fill->price, 1.05563);
    QCOMPARE(fill->quantity, 10000.0);
    QCOMPARE(fill->at, QDateTime(QDate(2017, 3, 9), QTime(13, 22, 13, 832), Qt::UTC));
    QCOMPARE(fill->instrumentKey, eurUsd().key());
    QVERIFY(!fill->replayed);
    QCOMPARE(filled.size(), 1);
    QCOMPARE(m_server->requestCount(account + "/orders"), 1); // never sent twice
}

void TestOandaPlatform::aLostAnswerForAnOrderNeverCreatedSaysSo()
{
    m_server->route(account + "/orders", stall());
    m_server->route(lookupPath(), constructed("order_lookup_404_doesnt_exist.json", 404));
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    const auto fill = place(platform, buy());
    QVERIFY(!fill.ok());
    QCOMPARE(fill.error().kind, QStringLiteral("order_rejected"));
    QVERIFY(fill.error().message.contains(u"never created"));
    QCOMPARE(m_server->requestCount(account + "/orders"), 1);
    QCOMPARE(m_server->requestCount(lookupPath()), 1);
}

void TestOandaPlatform::reconciliationAsksAgainUntilOandaKnows()
{
    m_server->route(account + "/orders", CannedResponse::json(R"({"errorMessage":"Service unavailable"})", 503));
    int lookups = 0;
    m_server->route(lookupPath(), [&lookups](const RecordedRequest&) {
        return ++lookups < 3 ? CannedResponse::json(R"({"errorMessage":"Service unavailable"})", 503)
                             : constructed("order_lookup_filled.json");
    });
    m_server->route(account + "/transactions/7579", constructed("transaction_order_fill.json"));
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    platform.setReconcileSchedule({20ms, 40ms});
    const auto fill = place(platform, buy());
    QVERIFY2(fill.ok(), qPrintable(fill.ok() ? QString() : fill.error().toString()));
    QCOMPARE(lookups, 3);
    QCOMPARE(m_server->requestCount(account + "/orders"), 1);
}

void TestOandaPlatform::aDuplicateKeyReportsTheOriginalFill()
{
    m_server->route(account + "/orders", constructed("order_reject_client_id_exists.json", 400));
    m_server->route(lookupPath(), constructed("order_lookup_filled.json"));
    m_server->route(account + "/transactions/7579", constructed("transaction_order_fill.json"));
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    const auto fill = place(platform, buy());
    QVERIFY2(fill.ok(), qPrintable(fill.ok() ? QString() : fill.error().toString()));
    QCOMPARE(fill->orderId, QStringLiteral("7578"));
    QCOMPARE(m_server->requestCount(account + "/orders"), 1);
}

void TestOandaPlatform::aCancelledOrderFoundByItsKeyIsNoFill()
{
    m_server->route(lookupPath(), constructed("order_lookup_cancelled.json"));
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    std::optional<Result<std::optional<Fill>>> found;
    platform.findFill(key, [&found](const Result<std::optional<Fill>>& result) { found = result; });
    QVERIFY(QTest::qWaitFor([&found] { return found.has_value(); }, 10'000));
    QVERIFY(found->ok());
    QVERIFY(!found->value().has_value());
}

void TestOandaPlatform::ordersTheAccountCannotTakeAreRefusedUnsent_data()
{
    QTest::addColumn<OrderRequest>("request");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("fractional units") << buy(10.5) << "whole units";
    QTest::newRow("zero units") << buy(0) << "whole units";
    QTest::newRow("NaN units") << buy(std::nan("")) << "whole units";
    OrderRequest elsewhere = buy();
    elsewhere.instrumentKey = QStringLiteral("XNYS:AAPL:5min");
    QTest::newRow("not on the watchlist") << elsewhere << "not on the watchlist";
    OrderRequest keyless = buy();
    keyless.clientOrderId.clear();
    QTest::newRow("no key") << keyless << "idempotency key";
}

void TestOandaPlatform::ordersTheAccountCannotTakeAreRefusedUnsent()
{
    QFETCH(OrderRequest, request);
    QFETCH(QString, mentions);
    OandaPlatform platform(*m_clock, settings(), {eurUsd()});
    const auto fill = place(platform, request);
    QVERIFY(!fill.ok());
    QCOMPARE(fill.error().kind, QStringLiteral("invalid_order"));
    QVERIFY2(fill.error().message.contains(mentions), qPrintable(fill.error().message));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestOandaPlatform::portfolioComesFromTheBrokerValuedAtTheMarks()
{
    const QByteArray recordedAccount = "/v3/accounts/000-000-0000000-000";
    m_server->route(recordedAccount + "/summary", golden("recorded_account_summary", 200));
    m_server->route(recordedAccount + "/openPositions", golden("recorded_open_positions", 200));
    OandaSettings recorded = settings();
    recorded.accountId = QStringLiteral("000-000-0000000-000");
    OandaPlatform platform(*m_clock, recorded, {eurUsd()});
    QVERIFY(platform.markPrice(eurUsd().key(), 1.0601).ok());
    std::optional<Result<PortfolioSnapshot>> snapshot;
    platform.fetchPortfolio([&snapshot](const Result<PortfolioSnapshot>& result) { snapshot = result; });
    QVERIFY(QTest::qWaitFor([&snapshot] { return snapshot.has_value(); }, 10'000));
    QVERIFY2(snapshot->ok(), qPrintable(snapshot->ok() ? QString() : snapshot->error().toString()));
    const PortfolioSnapshot& account = snapshot->value();
    QCOMPARE(account.balance, 100000.0);
    QCOMPARE(account.equity, 100000.0);
    QCOMPARE(account.currency, QStringLiteral("USD"));
    QCOMPARE(account.positions.size(), 2);
    const Position eur = account.positions.value(eurUsd().key());
    QCOMPARE(eur.quantity, -100.0);   // the recording holds a short EUR_USD
    QCOMPARE(eur.marketPrice, 1.0601); // the engine's mark
    // A pair off the watchlist still shows, under OANDA's name, at its average price.
    QVERIFY(account.positions.contains(QStringLiteral("OANDA:DE30_EUR")));
    const Position dax = account.positions.value(QStringLiteral("OANDA:DE30_EUR"));
    QCOMPARE(dax.marketPrice, dax.averagePrice);
}

QTEST_GUILESS_MAIN(TestOandaPlatform)
#include "tst_oandaplatform.moc"
