// SPDX-License-Identifier: GPL-3.0-or-later
// CoinbaseRest against a real HTTP server on 127.0.0.1 serving the recorded Coinbase bodies
// (tests/data/coinbase): public market paths go unsigned, every other request carries its own
// JWT naming it, and each failure Coinbase is known for comes back typed, with how long to wait,
// and never with the key name, the private key or a JWT in a message or a log line.
#include "AwaitCallback.h"
#include "FakeHttpServer.h"
#include "TestData.h"

#include "brokers/coinbase/CoinbaseRest.h"
#include "common/Log.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

using namespace sentinel;
using namespace sentinel::coinbase;
using namespace sentinel::test;
using namespace std::chrono_literals;

class TestCoinbaseRest final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void publicMarketPathsGoUnsigned();
    void otherPathsCarryAJwtNamingTheRequest();
    void errorAnswersAreTyped_data();
    void errorAnswersAreTyped();
    void a401AfterTheKeyWorkedIsThrottlingUntilItRepeats();
    void aKeyThatCannotSignSendsNothing();
    void plainHttpToAnotherHostIsRefused();
    void aStalledServerTimesOut();
    void aCutAnswerIsTruncated();
    void noSecretInAnyMessageOrLogLine();

private:
    RestReply call(CoinbaseRest& rest, const QString& path);
    CoinbaseSettings settings(const QString& keyFile = QStringLiteral("test_ec_p256.pem")) const;

    std::unique_ptr<FakeHttpServer> m_server;
};

namespace {

const QString kKeyName = QStringLiteral("organizations/org-5f1c2e/apiKeys/key-9a8b7c6d");
const QByteArray kCandles = "/api/v3/brokerage/market/products/BTC-USD/candles";
const QByteArray kAccounts = "/api/v3/brokerage/accounts";

QJsonObject jwtPart(const QByteArray& authorization, int index)
{
    const QByteArray jwt = authorization.mid(int(qstrlen("Bearer ")));
    const auto decoded = QByteArray::fromBase64Encoding(jwt.split('.').value(index), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(*decoded).object();
}

CannedResponse recorded(const char* file, int status = 200, const QByteArray& contentType = "application/json")
{
    return CannedResponse::fromFile(dataPath(QStringLiteral("coinbase/%1").arg(QLatin1String(file))), status, contentType);
}

} // namespace

void TestCoinbaseRest::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
}

void TestCoinbaseRest::cleanup()
{
    m_server.reset();
}

CoinbaseSettings TestCoinbaseRest::settings(const QString& keyFile) const
{
    CoinbaseSettings settings;
    settings.keyName = Secret(kKeyName);
    settings.privateKey = Secret(QString::fromLatin1(readFile(dataPath(QStringLiteral("coinbase/keys/") + keyFile))));
    settings.baseUrl = m_server->baseUrl();
    settings.timeout = 2s;
    return settings;
}

RestReply TestCoinbaseRest::call(CoinbaseRest& rest, const QString& path)
{
    const auto reply = awaitCallback<RestReply>([&](auto done) { rest.get(path, {}, done); });
    return reply ? *reply : RestReply{Error{QStringLiteral("test_timeout"), QStringLiteral("no answer")}, std::nullopt};
}

void TestCoinbaseRest::publicMarketPathsGoUnsigned()
{
    m_server->route(kCandles, recorded("market_product_candles_ONE_HOUR.json"));
    CoinbaseRest rest(settings());
    const RestReply reply = call(rest, QStringLiteral("/market/products/BTC-USD/candles"));
    QVERIFY2(reply.answer.ok(), qPrintable(reply.answer.ok() ? QString() : reply.answer.error().toString()));
    QCOMPARE(reply.answer->status, 200);
    QVERIFY(reply.answer->body.startsWith("{\"candles\""));
    QCOMPARE(m_server->requestCount(kCandles), 1);
    QVERIFY(!m_server->requests().front().headers.contains("authorization"));
}

void TestCoinbaseRest::otherPathsCarryAJwtNamingTheRequest()
{
    m_server->route(kAccounts, recorded("accounts_list.json"));
    CoinbaseRest rest(settings());
    QVERIFY(call(rest, QStringLiteral("/accounts")).answer.ok());
    QVERIFY(call(rest, QStringLiteral("/accounts")).answer.ok());
    QCOMPARE(m_server->requestCount(kAccounts), 2);
    const QByteArray first = m_server->requests()[0].headers.value("authorization");
    const QByteArray second = m_server->requests()[1].headers.value("authorization");
    QVERIFY(first.startsWith("Bearer ey"));
    QVERIFY2(first != second, "every request mints its own JWT");
    const QJsonObject header = jwtPart(first, 0);
    QCOMPARE(header.value(u"alg").toString(), QStringLiteral("ES256"));
    QCOMPARE(header.value(u"kid").toString(), kKeyName);
    const QJsonObject claims = jwtPart(first, 1);
    QCOMPARE(claims.value(u"sub").toString(), kKeyName);
    QCOMPARE(claims.value(u"uri").toString(),
             QStringLiteral("GET 127.0.0.1:%1/api/v3/brokerage/accounts").arg(m_server->port()));
    QVERIFY(qAbs(claims.value(u"nbf").toInteger() - QDateTime::currentSecsSinceEpoch()) < 60);
}

void TestCoinbaseRest::errorAnswersAreTyped_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("waitSeconds"); // -1: no wait given
    const QByteArray market = kCandles;
    QTest::newRow("a 401 to a public request is throttling, not a bad key")
        << market << QByteArray("error_401_unauthorized.txt") << 401 << QByteArray() << "rate_limited" << int(CoinbaseRest::firstBackoff.count());
    QTest::newRow("a 401 to a key never accepted is a bad key")
        << kAccounts << QByteArray("error_401_unauthorized.txt") << 401 << QByteArray() << "unauthorized" << -1;
    QTest::newRow("a JSON 429 waits as long as Retry-After says")
        << market << QByteArray("error_429_rate_limit_exceeded.json") << 429 << QByteArray("7") << "rate_limited" << 7;
    QTest::newRow("an HTML 429 without Retry-After waits the first back-off")
        << market << QByteArray("golden/html_429_with_huge_retry_after_is_clamped/input.html") << 429 << QByteArray()
        << "rate_limited" << int(CoinbaseRest::firstBackoff.count());
    QTest::newRow("a huge Retry-After is clamped to an hour")
        << market << QByteArray("error_429_rate_limit_exceeded.json") << 429 << QByteArray("99999999") << "rate_limited" << 3600;
    QTest::newRow("a 503 is a server error") << market << QByteArray("error_401_unauthorized.txt") << 503 << QByteArray() << "server_error" << -1;
    QTest::newRow("a 403 is a missing permission") << kAccounts << QByteArray("error_401_unauthorized.txt") << 403 << QByteArray() << "permission_denied" << -1;
}

void TestCoinbaseRest::errorAnswersAreTyped()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, file);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QString, kind);
    QFETCH(int, waitSeconds);
    CannedResponse answer = recorded(file.constData(), status, file.endsWith(".json") ? "application/json" : "text/plain");
    if (!retryAfter.isEmpty())
        answer.headers.insert("Retry-After", retryAfter);
    m_server->route(path, answer);
    CoinbaseRest rest(settings());
    const RestReply reply = call(rest, QString::fromLatin1(path.mid(int(qstrlen("/api/v3/brokerage")))));
    QVERIFY(!reply.answer.ok());
    QCOMPARE(reply.answer.error().kind, kind);
    QVERIFY(!reply.answer.error().remedy.isEmpty());
    if (waitSeconds < 0)
        QVERIFY(!reply.retryAfter.has_value());
    else
        QCOMPARE(reply.retryAfter.value_or(-1s).count(), qint64(waitSeconds));
}

void TestCoinbaseRest::a401AfterTheKeyWorkedIsThrottlingUntilItRepeats()
{
    m_server->route(kAccounts, recorded("accounts_list.json"));
    CoinbaseRest rest(settings());
    QVERIFY(call(rest, QStringLiteral("/accounts")).answer.ok());
    m_server->route(kAccounts, recorded("error_401_unauthorized.txt", 401, "text/plain"));
    qint64 lastWait = 0;
    for (int i = 0; i < CoinbaseRest::maxDisguisedThrottles; ++i) {
        const RestReply reply = call(rest, QStringLiteral("/accounts"));
        QCOMPARE(reply.answer.error().kind, QStringLiteral("rate_limited"));
        QVERIFY(reply.retryAfter && reply.retryAfter->count() > lastWait); // the back-off grows
        lastWait = reply.retryAfter->count();
    }
    // Once too often in a row: the key is called bad after all.
    QCOMPARE(call(rest, QStringLiteral("/accounts")).answer.error().kind, QStringLiteral("unauthorized"));
}

void TestCoinbaseRest::aKeyThatCannotSignSendsNothing()
{
    m_server->route(kAccounts, recorded("accounts_list.json"));
    m_server->route(kCandles, recorded("market_product_candles_ONE_HOUR.json"));
    CoinbaseRest rest(settings(QStringLiteral("test_rsa.pem")));
    QCOMPARE(rest.keyStatus().error().kind, QStringLiteral("invalid_key"));
    QCOMPARE(call(rest, QStringLiteral("/accounts")).answer.error().kind, QStringLiteral("invalid_key"));
    QCOMPARE(m_server->requestCount(kAccounts), 0); // never sent unsigned
    // Public market data needs no key.
    QVERIFY(call(rest, QStringLiteral("/market/products/BTC-USD/candles")).answer.ok());
}

void TestCoinbaseRest::plainHttpToAnotherHostIsRefused()
{
    CoinbaseSettings remote = settings();
    remote.baseUrl = QUrl(QStringLiteral("http://api.coinbase.com"));
    CoinbaseRest rest(remote);
    const RestReply reply = call(rest, QStringLiteral("/accounts"));
    QCOMPARE(reply.answer.error().kind, QStringLiteral("invalid_config"));
}

void TestCoinbaseRest::aStalledServerTimesOut()
{
    CannedResponse stall;
    stall.behaviour = CannedResponse::Behaviour::Stall;
    m_server->route(kCandles, stall);
    CoinbaseRest rest(settings());
    QCOMPARE(call(rest, QStringLiteral("/market/products/BTC-USD/candles")).answer.error().kind, QStringLiteral("timeout"));
}

void TestCoinbaseRest::aCutAnswerIsTruncated()
{
    CannedResponse cut = recorded("accounts_list.json");
    cut.behaviour = CannedResponse::Behaviour::TruncateBody;
    m_server->route(kAccounts, cut);
    CoinbaseRest rest(settings());
    QCOMPARE(call(rest, QStringLiteral("/accounts")).answer.error().kind, QStringLiteral("truncated_body"));
}

void TestCoinbaseRest::noSecretInAnyMessageOrLogLine()
{
    std::ostringstream captured;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
    auto logger = log::net();
    logger->sinks().push_back(sink);
    const auto level = logger->level();
    logger->set_level(spdlog::level::trace);

    m_server->route(kAccounts, recorded("error_401_unauthorized.txt", 401, "text/plain"));
    CoinbaseRest rest(settings());
    const RestReply refused = call(rest, QStringLiteral("/accounts"));
    CoinbaseRest badKey(settings(QStringLiteral("test_ec_p384.pem")));
    const RestReply unsignable = call(badKey, QStringLiteral("/accounts"));

    logger->sinks().pop_back();
    logger->set_level(level);
    const QString pem = settings().privateKey.reveal();
    const QByteArray jwt = m_server->requests().front().headers.value("authorization").mid(int(qstrlen("Bearer ")));
    QVERIFY(!jwt.isEmpty());
    const QString logText = QString::fromStdString(captured.str());
    QVERIFY2(logText.contains(u"/api/v3/brokerage/accounts"), "the request was logged");
    for (const QString& text : {refused.answer.error().toString(), unsignable.answer.error().toString(), logText}) {
        QVERIFY2(!text.contains(kKeyName), qPrintable(text));
        QVERIFY2(!text.contains(QString::fromLatin1(jwt)), qPrintable(text));
        QVERIFY2(!text.contains(u"eyJ"), qPrintable(text));
        for (const QString& line : pem.split(u'\n', Qt::SkipEmptyParts)) {
            if (!line.startsWith(u"-----"))
                QVERIFY2(!text.contains(line), qPrintable(text));
        }
    }
}

QTEST_GUILESS_MAIN(TestCoinbaseRest)
#include "tst_coinbaserest.moc"
