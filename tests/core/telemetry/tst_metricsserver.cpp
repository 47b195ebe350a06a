// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/MetricsRegistry.h"
#include "telemetry/MetricsServer.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>

using namespace sentinel;

/// The telemetry endpoint, a real HTTP server on 127.0.0.1 in its own thread, serving what was
/// published on its board; read with QNetworkAccessManager.
class TestMetricsServer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void metricsServesTheRegistryInTheTextFormat();
    void metricsShowsLaterUpdates();
    void healthzAnswersTheProbesReport_data();
    void healthzAnswersTheProbesReport();
    void unknownPathsAndMethodsAreRefused_data();
    void unknownPathsAndMethodsAreRefused();
    void anEmptyAddressLeavesTheEndpointOff();
    void aPortInUseIsAnErrorNamingTheKey();
    void badAddressesAreErrorsNamingTheKey_data();
    void badAddressesAreErrorsNamingTheKey();
    void addressesParse_data();
    void addressesParse();
    void aNonLoopbackAddressNeedsBothYeses_data();
    void aNonLoopbackAddressNeedsBothYeses();
    void aTokenIsAskedOfEveryRequest_data();
    void aTokenIsAskedOfEveryRequest();
    void figuresNotRepublishedInTimeAreUnhealthy();
    void nothingPublishedYetIsUnavailable();
    void answersWhileThePublisherIsBusy();

private:
    struct Response {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };
    Response request(const QByteArray& method, const QString& path, const QByteArray& authorization = {},
                     quint16 port = 0);

    /// What the engine does once a second: the registry's text and the checks onto the board.
    void publish() { m_board->publish(m_registry.exposition(), m_health); }

    MetricsRegistry m_registry;
    HealthReport m_health;
    std::shared_ptr<TelemetryBoard> m_board;
    QNetworkAccessManager m_network;
    std::unique_ptr<MetricsServer> m_server;
};

void TestMetricsServer::init()
{
    m_registry = MetricsRegistry();
    QVERIFY(m_registry.describe(QStringLiteral("sentinel_cache_hits_total"), MetricsRegistry::Type::Counter,
                                QStringLiteral("Cache hits.")));
    m_registry.increment(QStringLiteral("sentinel_cache_hits_total"), {{QStringLiteral("cache"), QStringLiteral("quote \"q\"")}}, 7);
    m_health = HealthReport{{{QStringLiteral("engine"), true, QStringLiteral("last cycle 1 s ago")}}};
    m_board = std::make_shared<TelemetryBoard>();
    publish();
    m_server = std::make_unique<MetricsServer>(m_board);
    const Status listening = m_server->listen(QStringLiteral("127.0.0.1:0"));
    QVERIFY2(listening, listening ? "" : qPrintable(listening.error().toString()));
    QVERIFY(m_server->isListening());
    QVERIFY(m_server->port() != 0);
}

TestMetricsServer::Response TestMetricsServer::request(const QByteArray& method, const QString& path,
                                                       const QByteArray& authorization, quint16 port)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port != 0 ? port : m_server->port()).arg(path)));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Response response;
    if (!finished.wait(10000))
        return response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    response.body = reply->readAll();
    response.error = reply->error();
    return response;
}

void TestMetricsServer::metricsServesTheRegistryInTheTextFormat()
{
    const Response response = request("GET", QStringLiteral("/metrics"));
    QCOMPARE(response.status, 200);
    QVERIFY2(response.contentType.startsWith("text/plain; version=0.0.4"), response.contentType.constData());
    QCOMPARE(response.body, m_registry.exposition());
    QVERIFY(response.body.contains("sentinel_cache_hits_total{cache=\"quote \\\"q\\\"\"} 7\n"));
}

void TestMetricsServer::metricsShowsLaterUpdates()
{
    QVERIFY(request("GET", QStringLiteral("/metrics")).body.contains("} 7\n"));
    m_registry.increment(QStringLiteral("sentinel_cache_hits_total"), {{QStringLiteral("cache"), QStringLiteral("quote \"q\"")}});
    QVERIFY(request("GET", QStringLiteral("/metrics")).body.contains("} 7\n")); // not published yet
    publish();
    QVERIFY(request("GET", QStringLiteral("/metrics")).body.contains("} 8\n"));
}

void TestMetricsServer::healthzAnswersTheProbesReport_data()
{
    QTest::addColumn<QList<bool>>("checksOk");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("overall");
    QTest::newRow("every check passing is ok with 200") << QList<bool>{true, true} << 200 << QStringLiteral("ok");
    QTest::newRow("one failing check is degraded with 503") << QList<bool>{true, false} << 503 << QStringLiteral("degraded");
    QTest::newRow("no checks at all is ok") << QList<bool>{} << 200 << QStringLiteral("ok");
}

void TestMetricsServer::healthzAnswersTheProbesReport()
{
    QFETCH(QList<bool>, checksOk);
    QFETCH(int, status);
    QFETCH(QString, overall);
    m_health.checks.clear();
    for (qsizetype i = 0; i < checksOk.size(); ++i)
        m_health.checks.append({QStringLiteral("check%1").arg(i), checksOk.at(i), checksOk.at(i) ? QString() : QStringLiteral("all channels failing")});
    publish();

    const Response response = request("GET", QStringLiteral("/healthz"));
    QCOMPARE(response.status, status);
    QVERIFY(response.contentType.startsWith("application/json"));
    const QJsonObject report = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(report.value(u"status").toString(), overall);
    const QJsonObject checks = report.value(u"checks").toObject();
    QCOMPARE(checks.size(), checksOk.size());
    for (qsizetype i = 0; i < checksOk.size(); ++i) {
        const QJsonObject check = checks.value(QStringLiteral("check%1").arg(i)).toObject();
        QCOMPARE(check.value(u"status").toString(), checksOk.at(i) ? QStringLiteral("ok") : QStringLiteral("failing"));
        QCOMPARE(check.contains(u"detail"), !checksOk.at(i));
    }
}

void TestMetricsServer::unknownPathsAndMethodsAreRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("the root") << QByteArray("GET") << QStringLiteral("/");
    QTest::newRow("a path that only starts like /metrics") << QByteArray("GET") << QStringLiteral("/metricsx");
    QTest::newRow("a path below /metrics") << QByteArray("GET") << QStringLiteral("/metrics/extra");
    QTest::newRow("posting to /metrics") << QByteArray("POST") << QStringLiteral("/metrics");
    QTest::newRow("deleting /healthz") << QByteArray("DELETE") << QStringLiteral("/healthz");
}

void TestMetricsServer::unknownPathsAndMethodsAreRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const Response response = request(method, path);
    QCOMPARE(response.status, 404);
    QVERIFY(!response.body.contains("sentinel_cache_hits_total"));
}

void TestMetricsServer::anEmptyAddressLeavesTheEndpointOff()
{
    MetricsServer off(m_board);
    QVERIFY(off.listen(QString()));
    QVERIFY(!off.isListening());
    QCOMPARE(off.port(), quint16(0));
}

void TestMetricsServer::aPortInUseIsAnErrorNamingTheKey()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    MetricsServer second(m_board);
    const Status status = second.listen(QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort()));
    QVERIFY(!status);
    QVERIFY(status.error().message.startsWith(u"telemetry.listen"));
    QVERIFY(status.error().remedy.contains(u"another port"));
    QVERIFY(!second.isListening());
}

void TestMetricsServer::badAddressesAreErrorsNamingTheKey_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no port") << QStringLiteral("127.0.0.1") << QStringLiteral("not HOST:PORT");
    QTest::newRow("a port above 65535") << QStringLiteral("127.0.0.1:70000") << QStringLiteral("not HOST:PORT");
    QTest::newRow("a host name that would need resolving") << QStringLiteral("metrics.example.com:9464") << QStringLiteral("not an IP address");
    QTest::newRow("an unbracketed ipv6 address") << QStringLiteral("::1:9464") << QStringLiteral("not HOST:PORT");
}

void TestMetricsServer::badAddressesAreErrorsNamingTheKey()
{
    QFETCH(QString, listen);
    QFETCH(QString, messagePart);
    MetricsServer server(m_board);
    const Status status = server.listen(listen);
    QVERIFY(!status);
    QCOMPARE(status.error().kind, QStringLiteral("invalid_config"));
    QVERIFY2(status.error().message.contains(messagePart), qPrintable(status.error().message));
    QVERIFY(status.error().message.startsWith(u"telemetry.listen"));
    QVERIFY(!status.error().remedy.isEmpty());
}

void TestMetricsServer::addressesParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("the default") << QStringLiteral("127.0.0.1:9464") << QStringLiteral("127.0.0.1") << 9464;
    QTest::newRow("localhost means the ipv4 loopback") << QStringLiteral("localhost:0") << QStringLiteral("127.0.0.1") << 0;
    QTest::newRow("a bracketed ipv6 loopback") << QStringLiteral("[::1]:9464") << QStringLiteral("::1") << 9464;
    QTest::newRow("every interface") << QStringLiteral("0.0.0.0:9100") << QStringLiteral("0.0.0.0") << 9100;
}

void TestMetricsServer::addressesParse()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    const Result<ListenAddress> address = parseListenAddress(text);
    QVERIFY2(address, address ? "" : qPrintable(address.error().toString()));
    QCOMPARE(address->host, QHostAddress(host));
    QCOMPARE(int(address->port), port);
}

void TestMetricsServer::aNonLoopbackAddressNeedsBothYeses_data()
{
    QTest::addColumn<bool>("allowRemote");
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("listens");
    QTest::newRow("neither") << false << QString() << false;
    QTest::newRow("allowed without a token") << true << QString() << false;
    QTest::newRow("a token without allow_remote") << false << QStringLiteral("scrape-token-0123456789") << false;
    QTest::newRow("both") << true << QStringLiteral("scrape-token-0123456789") << true;
}

void TestMetricsServer::aNonLoopbackAddressNeedsBothYeses()
{
    QFETCH(bool, allowRemote);
    QFETCH(QString, token);
    QFETCH(bool, listens);
    MetricsServer server(m_board);
    const Status status = server.listen(QStringLiteral("0.0.0.0:0"), TelemetryAccess{allowRemote, Secret(token)});
    QCOMPARE(bool(status), listens);
    QCOMPARE(server.isListening(), listens);
    if (!listens) {
        QVERIFY2(status.error().message.contains(u"not a loopback address"), qPrintable(status.error().message));
        QVERIFY(status.error().remedy.contains(u"telemetry.allow_remote"));
        QVERIFY(!status.error().toString().contains(u"scrape-token"));
    }
}

void TestMetricsServer::aTokenIsAskedOfEveryRequest_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    const QByteArray right = "Bearer scrape-token-0123456789";
    QTest::newRow("metrics without a token") << QStringLiteral("/metrics") << QByteArray() << 401;
    QTest::newRow("healthz without a token") << QStringLiteral("/healthz") << QByteArray() << 401;
    QTest::newRow("metrics with a wrong token") << QStringLiteral("/metrics") << QByteArray("Bearer scrape-token-0123456780") << 401;
    QTest::newRow("metrics with the token's prefix") << QStringLiteral("/metrics") << QByteArray("Bearer scrape") << 401;
    QTest::newRow("metrics with the token as basic auth") << QStringLiteral("/metrics") << QByteArray("Basic scrape-token-0123456789") << 401;
    QTest::newRow("metrics with the token") << QStringLiteral("/metrics") << right << 200;
    QTest::newRow("healthz with the token") << QStringLiteral("/healthz") << right << 200;
}

void TestMetricsServer::aTokenIsAskedOfEveryRequest()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    MetricsServer server(m_board);
    const Status listening = server.listen(QStringLiteral("0.0.0.0:0"),
                                           TelemetryAccess{true, Secret(QStringLiteral("scrape-token-0123456789"))});
    QVERIFY2(listening, listening ? "" : qPrintable(listening.error().toString()));
    const Response response = request("GET", path, authorization, server.port());
    QCOMPARE(response.status, status);
    QCOMPARE(response.body.contains("sentinel_cache_hits_total") || response.body.contains("\"checks\""), status == 200);
}

void TestMetricsServer::figuresNotRepublishedInTimeAreUnhealthy()
{
    MetricsServer server(m_board, std::chrono::milliseconds(200));
    QVERIFY(server.listen(QStringLiteral("127.0.0.1:0")));
    publish();
    QCOMPARE(request("GET", QStringLiteral("/healthz"), {}, server.port()).status, 200);
    QTest::qWait(400); // the publisher has stopped
    const Response stale = request("GET", QStringLiteral("/healthz"), {}, server.port());
    QCOMPARE(stale.status, 503);
    const QJsonObject check = QJsonDocument::fromJson(stale.body).object().value(u"checks").toObject().value(u"figures_current").toObject();
    QCOMPARE(check.value(u"status").toString(), QStringLiteral("failing"));
    QVERIFY2(check.value(u"detail").toString().contains(u"stopped publishing"), stale.body.constData());
    // The last figures are still served, for what they are worth; the next edition heals it.
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, server.port()).status, 200);
    publish();
    QCOMPARE(request("GET", QStringLiteral("/healthz"), {}, server.port()).status, 200);
}

void TestMetricsServer::nothingPublishedYetIsUnavailable()
{
    MetricsServer server(std::make_shared<TelemetryBoard>());
    QVERIFY(server.listen(QStringLiteral("127.0.0.1:0")));
    const Response health = request("GET", QStringLiteral("/healthz"), {}, server.port());
    QCOMPARE(health.status, 503);
    QVERIFY2(health.body.contains("nothing published yet"), health.body.constData());
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, server.port()).status, 503);
}

void TestMetricsServer::answersWhileThePublisherIsBusy()
{
    // The publisher's thread (this one) is blocked, running no event loop, until a client in
    // another thread has its answer. Before ADR 0110 the server lived in the publisher's thread,
    // so the answer could not come and the wait ran out.
    std::atomic<int> status{0};
    QSemaphore answered;
    const quint16 port = m_server->port();
    std::unique_ptr<QThread> client(QThread::create([&] {
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port)))));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answered.release();
    }));
    client->start();
    const bool answeredWhileBlocked = answered.tryAcquire(1, 5000); // blocks this thread
    client->wait();
    QVERIFY2(answeredWhileBlocked, "no answer while the publishing thread was busy");
    QCOMPARE(status.load(), 200);
}

QTEST_GUILESS_MAIN(TestMetricsServer)
#include "tst_metricsserver.moc"
