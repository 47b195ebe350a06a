// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's SIGKILL case on Coinbase: the engine is killed after Coinbase accepted an order and
// before the journal recorded it. After a restart the order is found by its key among the orders
// of the lookup window (GET /orders/historical/batch, matched on client_order_id) and journalled
// once, and Coinbase saw exactly one order per key. The engine runs autonomously on simulated
// bars against a loopback Coinbase stand-in that checks each request's ES256 JWT, fills every
// market IOC order and remembers it; the stand-in lists an order only inside the window asked
// for, stamped with the engine's time of its approval, as Coinbase stamps it with the time it
// was placed.
#include "BrokerCrashCase.h"
#include "FakeHttpServer.h"
#include "JournalQuery.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace sentinel::test;

namespace {

const QByteArray api = "/api/v3/brokerage";
const QString keyName = QStringLiteral("organizations/org-crash/apiKeys/key-crash-1");

QJsonObject recordedObject(const char* file)
{
    return QJsonDocument::fromJson(readFile(dataPath(QStringLiteral("coinbase/%1").arg(QLatin1String(file))))).object();
}

QString coinbaseTime(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

/// A Coinbase account that fills every market IOC order at 65,000 and remembers it by its
/// client_order_id. Its answers are the recorded bodies (tests/data/coinbase) with this order's
/// figures in place of the recorded one's.
class FakeCoinbaseAccount
{
public:
    struct Order {
        QString id;
        QString key;
        QString product;
        QString side;
        QString size;
        QDateTime created; ///< invalid until stamped: listed by no window
    };

    explicit FakeCoinbaseAccount(FakeHttpServer& server)
        : m_orderTemplate(recordedObject("orders_historical_batch_filled_market.json").value(u"orders").toArray().first().toObject()),
          m_fillTemplate(recordedObject("orders_historical_fills.json").value(u"fills").toArray().first().toObject())
    {
        server.route(api + "/accounts", CannedResponse::fromFile(dataPath(QStringLiteral("coinbase/accounts_list.json"))));
        server.route(api + "/orders", [this](const RecordedRequest& request) { return signedOnly(request, [&] { return create(request); }); });
        server.route(api + "/orders/historical/batch",
                     [this](const RecordedRequest& request) { return signedOnly(request, [&] { return list(request); }); });
        server.route(api + "/orders/historical/fills",
                     [this](const RecordedRequest& request) { return signedOnly(request, [&] { return fills(request); }); });
        server.setFallback([this](const RecordedRequest& request) { return signedOnly(request, [&] { return lookup(request); }); });
    }

    /// Coinbase stamps an order with the time it was placed; here, the engine's time of it.
    void stamp(const QString& key, const QDateTime& at) { m_orders[key].created = at; }

    BrokerLedger ledger;
    QList<QPair<QDateTime, QDateTime>> windows; ///< start_date, end_date of every order listing

private:
    /// Every request must carry a bearer JWT; this stand-in does not verify its signature
    /// (tst_coinbasejwt does), only that the engine signs each request.
    static CannedResponse signedOnly(const RecordedRequest& request, const std::function<CannedResponse()>& answer)
    {
        if (!request.headers.value("authorization").startsWith("Bearer ey"))
            return CannedResponse::json(R"({"error":"UNAUTHENTICATED","message":"no JWT"})", 401);
        return answer();
    }

    CannedResponse create(const RecordedRequest& request)
    {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QString key = body.value(u"client_order_id").toString();
        if (!ledger.receive(key)) // Coinbase refuses a client_order_id it has seen
            return CannedResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("success"), false},
                                                                  {QStringLiteral("error_response"),
                                                                   QJsonObject{{QStringLiteral("error"), QStringLiteral("INVALID_ARGUMENT")},
                                                                               {QStringLiteral("message"), QStringLiteral("duplicate client_order_id")}}}})
                                            .toJson(QJsonDocument::Compact));
        Order order{QStringLiteral("order-%1").arg(m_orders.size() + 1), key, body.value(u"product_id").toString(),
                    body.value(u"side").toString(),
                    body.value(u"order_configuration").toObject().value(u"market_market_ioc").toObject().value(u"base_size").toString(),
                    QDateTime()};
        m_orders.insert(key, order);
        ledger.accepted(key);
        const QJsonObject success{{QStringLiteral("order_id"), order.id}, {QStringLiteral("product_id"), order.product},
                                  {QStringLiteral("side"), order.side}, {QStringLiteral("client_order_id"), key}};
        return CannedResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("failure_reason"), QString()},
                                                              {QStringLiteral("order_id"), order.id},
                                                              {QStringLiteral("success_response"), success}})
                                        .toJson(QJsonDocument::Compact));
    }

    /// The orders placed inside the window asked for, on one page.
    CannedResponse list(const RecordedRequest& request)
    {
        const QUrlQuery query(request.url);
        const QDateTime start = QDateTime::fromString(query.queryItemValue(QStringLiteral("start_date")), Qt::ISODate);
        const QDateTime end = QDateTime::fromString(query.queryItemValue(QStringLiteral("end_date")), Qt::ISODate);
        windows.append({start, end});
        QJsonArray listed;
        for (const Order& order : std::as_const(m_orders)) {
            if (order.created.isValid() && start.isValid() && end.isValid() && order.created >= start && order.created <= end)
                listed.append(orderJson(order));
        }
        return CannedResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("orders"), listed}, {QStringLiteral("sequence"), QStringLiteral("0")},
                                                              {QStringLiteral("has_next"), false}, {QStringLiteral("cursor"), QString()}})
                                        .toJson(QJsonDocument::Compact));
    }

    CannedResponse fills(const RecordedRequest& request) const
    {
        const QString id = QUrlQuery(request.url).queryItemValue(QStringLiteral("order_ids"));
        QJsonArray listed;
        for (const Order& order : std::as_const(m_orders)) {
            if (order.id != id)
                continue;
            QJsonObject fill = m_fillTemplate;
            fill.insert(QStringLiteral("order_id"), order.id);
            fill.insert(QStringLiteral("trade_id"), QString(order.id + u"-fill"));
            fill.insert(QStringLiteral("product_id"), order.product);
            fill.insert(QStringLiteral("side"), order.side);
            fill.insert(QStringLiteral("price"), QStringLiteral("65000"));
            fill.insert(QStringLiteral("size"), order.size);
            fill.insert(QStringLiteral("commission"), QStringLiteral("0.5"));
            fill.insert(QStringLiteral("trade_time"), coinbaseTime(placedAt(order)));
            listed.append(fill);
        }
        return CannedResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("fills"), listed}, {QStringLiteral("cursor"), QString()}})
                                        .toJson(QJsonDocument::Compact));
    }

    /// GET /orders/historical/{order_id}
    CannedResponse lookup(const RecordedRequest& request) const
    {
        const QByteArray prefix = api + "/orders/historical/";
        const QString id = QUrl::fromPercentEncoding(request.path.mid(prefix.size()));
        for (const Order& order : std::as_const(m_orders)) {
            if (request.path.startsWith(prefix) && order.id == id)
                return CannedResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("order"), orderJson(order)}}).toJson(QJsonDocument::Compact));
        }
        return CannedResponse::json(R"({"error":"NOT_FOUND","message":"order not found"})", 404);
    }

    /// The recorded FILLED market IOC order, with this order's figures.
    QJsonObject orderJson(const Order& order) const
    {
        QJsonObject json = m_orderTemplate;
        const double size = order.size.toDouble();
        json.insert(QStringLiteral("order_id"), order.id);
        json.insert(QStringLiteral("client_order_id"), order.key);
        json.insert(QStringLiteral("product_id"), order.product);
        json.insert(QStringLiteral("side"), order.side);
        json.insert(QStringLiteral("order_configuration"),
                    QJsonObject{{QStringLiteral("market_market_ioc"), QJsonObject{{QStringLiteral("base_size"), order.size}}}});
        json.insert(QStringLiteral("created_time"), coinbaseTime(placedAt(order)));
        json.insert(QStringLiteral("last_fill_time"), coinbaseTime(placedAt(order)));
        json.insert(QStringLiteral("filled_size"), order.size);
        json.insert(QStringLiteral("average_filled_price"), QStringLiteral("65000"));
        json.insert(QStringLiteral("filled_value"), QString::number(size * 65000, 'f', 2));
        json.insert(QStringLiteral("total_fees"), QStringLiteral("0.5"));
        json.insert(QStringLiteral("total_value_after_fees"), QString::number(size * 65000 - 0.5, 'f', 2));
        return json;
    }

    QDateTime placedAt(const Order& order) const { return order.created.isValid() ? order.created : m_unstampedTime; }

    QJsonObject m_orderTemplate;
    QJsonObject m_fillTemplate;
    QHash<QString, Order> m_orders;
    QDateTime m_unstampedTime = QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC);
};

} // namespace

class TestCoinbaseCrash final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aKillBetweenBrokerAndJournalIsReconciledByTheKey();
};

void TestCoinbaseCrash::aKillBetweenBrokerAndJournalIsReconciledByTheKey()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    FakeCoinbaseAccount coinbase(server);
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("coinbase.yaml"));
    const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
    QVERIFY(writeTextFile(config, "mode: autonomous\nautonomous: {enabled: true}\nplatform: coinbase\n"
                                  "coinbase: {key_name: \"${COINBASE_KEY_NAME}\", private_key: \"${COINBASE_PRIVATE_KEY}\", base_url: \""
                                      + server.baseUrl().toEncoded() + "\", allow_live: true, timeout_s: 5}\n"
                                  "watchlist:\n  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 5min}\n"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("COINBASE_KEY_NAME"), keyName);
    environment.insert(QStringLiteral("COINBASE_PRIVATE_KEY"),
                       QString::fromLatin1(readFile(dataPath(QStringLiteral("coinbase/keys/test_ec_p256.pem")))));

    // The killed order was placed when the engine approved it: its engine time is in the journal.
    const auto stampWithApproval = [&](const QString& key) {
        const qint64 approvedMs = queryJournal(journal, QStringLiteral("SELECT d.at_ms FROM decisions d JOIN proposals p ON p.id = d.proposal_id"
                                                                       " WHERE p.client_order_id = ?"),
                                               {key})
                                      .toLongLong();
        QVERIFY(approvedMs > 0);
        coinbase.stamp(key, QDateTime::fromMSecsSinceEpoch(approvedMs, Qt::UTC));
    };
    checkKillBetweenBrokerAndJournal(config, journal, environment, coinbase.ledger, stampWithApproval);
    if (QTest::currentTestFailed())
        return;
    // The order was found by listing the lookup window, which held the time it was placed.
    QVERIFY(!coinbase.windows.isEmpty());
    const auto& [start, end] = coinbase.windows.first();
    QVERIFY2(start.isValid() && end.isValid() && start.daysTo(end) >= 7, qPrintable(start.toString(Qt::ISODate) + u' ' + end.toString(Qt::ISODate)));
}

QTEST_GUILESS_MAIN(TestCoinbaseCrash)
#include "tst_coinbase_crash.moc"
