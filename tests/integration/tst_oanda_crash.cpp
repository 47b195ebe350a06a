// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's SIGKILL case on OANDA: the engine is killed after the broker accepted an order and
// before the journal recorded it. After a restart the order is found at the broker by its
// idempotency key and journalled once, and the broker saw exactly one order per key. The engine
// runs autonomously on simulated bars against a loopback OANDA stand-in that remembers orders.
#include "BrokerCrashCase.h"
#include "FakeHttpServer.h"
#include "TestData.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel::test;

namespace {

const QByteArray accountId = "101-004-1435156-001";
const QByteArray account = "/v3/accounts/" + accountId;

/// An OANDA account that fills every MARKET order at 1.1 and remembers it by its client id.
class FakeOandaAccount
{
public:
    struct Order {
        QString id;
        qint64 units = 0;
    };

    explicit FakeOandaAccount(FakeHttpServer& server)
    {
        QFile summary(dataPath(QStringLiteral("oanda/golden/recorded_account_summary/input.json")));
        if (summary.open(QIODevice::ReadOnly))
            m_summary = summary.readAll().replace("000-000-0000000-000", accountId);
        server.route(account + "/summary", [this](const RecordedRequest&) { return CannedResponse::json(m_summary); });
        server.route(account + "/openPositions",
                     [](const RecordedRequest&) { return CannedResponse::json(R"({"positions": [], "lastTransactionID": "1"})"); });
        server.route(account + "/orders", [this](const RecordedRequest& request) { return create(request); });
        server.setFallback([this](const RecordedRequest& request) { return lookup(request); });
    }

    BrokerLedger ledger;
    QHash<QString, Order> orders;

private:
    CannedResponse create(const RecordedRequest& request)
    {
        const QJsonObject order = QJsonDocument::fromJson(request.body).object().value(u"order").toObject();
        const QString key = order.value(u"clientExtensions").toObject().value(u"id").toString();
        if (!ledger.receive(key))
            return CannedResponse::json(R"({"orderRejectTransaction": {"id": "9", "type": "MARKET_ORDER_REJECT", "rejectReason": "CLIENT_ORDER_ID_ALREADY_EXISTS"}, "errorCode": "CLIENT_ORDER_ID_ALREADY_EXISTS", "errorMessage": "exists", "lastTransactionID": "9"})",
                                        400);
        const Order created{QString::number(1000 + orders.size() * 2), order.value(u"units").toString().toLongLong()};
        orders.insert(key, created);
        ledger.accepted(key);
        return CannedResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("orderFillTransaction"), fill(key, created)},
                                                              {QStringLiteral("lastTransactionID"), fillId(created)}})
                                        .toJson(QJsonDocument::Compact),
                                    201);
    }

    CannedResponse lookup(const RecordedRequest& request) const
    {
        const QByteArray ordersPrefix = account + "/orders/@";
        const QByteArray transactionsPrefix = account + "/transactions/";
        if (request.path.startsWith(ordersPrefix)) {
            const QString key = QUrl::fromPercentEncoding(request.path.mid(ordersPrefix.size()));
            if (!orders.contains(key))
                return CannedResponse::json(R"({"errorMessage": "The Order specified does not exist", "errorCode": "ORDER_DOESNT_EXIST"})", 404);
            const Order& order = orders.value(key);
            const QJsonObject body{{QStringLiteral("order"),
                                    QJsonObject{{QStringLiteral("id"), order.id}, {QStringLiteral("state"), QStringLiteral("FILLED")},
                                                {QStringLiteral("fillingTransactionID"), fillId(order)},
                                                {QStringLiteral("clientExtensions"), QJsonObject{{QStringLiteral("id"), key}}}}},
                                   {QStringLiteral("lastTransactionID"), fillId(order)}};
            return CannedResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
        }
        if (request.path.startsWith(transactionsPrefix)) {
            const QString id = QString::fromLatin1(request.path.mid(transactionsPrefix.size()));
            for (auto it = orders.cbegin(); it != orders.cend(); ++it) {
                if (fillId(it.value()) == id)
                    return CannedResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("transaction"), fill(it.key(), it.value())},
                                                                          {QStringLiteral("lastTransactionID"), id}})
                                                    .toJson(QJsonDocument::Compact));
            }
        }
        return CannedResponse::json(R"({"errorMessage": "not found"})", 404);
    }

    static QString fillId(const Order& order) { return QString::number(order.id.toLongLong() + 1); }

    static QJsonObject fill(const QString& key, const Order& order)
    {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("ORDER_FILL")}, {QStringLiteral("id"), fillId(order)},
                           {QStringLiteral("orderID"), order.id}, {QStringLiteral("clientOrderID"), key},
                           {QStringLiteral("instrument"), QStringLiteral("EUR_USD")},
                           {QStringLiteral("units"), QString::number(order.units)}, {QStringLiteral("price"), QStringLiteral("1.10000")},
                           {QStringLiteral("time"), QStringLiteral("2026-11-23T10:00:00.000000000Z")}};
    }

    QByteArray m_summary;
};

} // namespace

class TestOandaCrash final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aKillBetweenBrokerAndJournalIsReconciledByTheKey();
};

void TestOandaCrash::aKillBetweenBrokerAndJournalIsReconciledByTheKey()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    FakeOandaAccount oanda(server);
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("oanda.yaml"));
    const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
    {
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("mode: autonomous\nautonomous: {enabled: true}\nplatform: oanda\n"
                   "oanda: {account_id: \"" + accountId + "\", token: \"${OANDA_TOKEN}\", base_url: \""
                   + server.baseUrl().toEncoded() + "\", timeout_s: 5}\n"
                   "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n");
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OANDA_TOKEN"), QStringLiteral("crash-test-oanda-token-1"));
    checkKillBetweenBrokerAndJournal(config, journal, environment, oanda.ledger);
}

QTEST_GUILESS_MAIN(TestOandaCrash)
#include "tst_oanda_crash.moc"
