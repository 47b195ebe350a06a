// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel broker check`, run as a process against a loopback OANDA stand-in serving the
// recorded account bodies: the account and positions as JSON, and each failure with its exit
// code (1: unreachable or failing, 2: credentials or configuration) and never the token. The same
// for Coinbase (ADR 0121): its signed accounts list, and never the key name, private key or JWT.
#include "FakeHttpServer.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel::test;

class TestBrokerCli final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void printsAccountAndPositions();
    void failuresHaveTheirExitCodes_data();
    void failuresHaveTheirExitCodes();
    void anUnreachableHostIsExitOne();
    void noBrokerConfiguredIsExitTwo();
    void coinbasePrintsPortfolioCashAndHoldings();
    void coinbaseFailuresHaveTheirExitCodes_data();
    void coinbaseFailuresHaveTheirExitCodes();

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QByteArray& oandaSection);

    std::unique_ptr<FakeHttpServer> m_server;
    QString m_coinbasePem; ///< the key the run's environment carries
};

namespace {

const QString token = QStringLiteral("cli-oanda-token-8d7c6b5a4f");
const QString coinbaseKeyName = QStringLiteral("organizations/org-cli-1234/apiKeys/key-cli-5678");
const QByteArray coinbaseAccounts = "/api/v3/brokerage/accounts";
const QByteArray coinbaseSection = "coinbase: {key_name: \"${COINBASE_KEY_NAME}\", private_key: \"${COINBASE_PRIVATE_KEY}\", "
                                   "base_url: \"@BASE@\", timeout_s: 5}\n";

QString coinbasePem(const char* file = "test_ec_p256.pem")
{
    return QString::fromLatin1(readFile(dataPath(QStringLiteral("coinbase/keys/%1").arg(QLatin1String(file)))));
}
const QByteArray accountPath = "/v3/accounts/000-000-0000000-000";

CannedResponse golden(const char* folder, int status = 200)
{
    return CannedResponse::fromFile(dataPath(QStringLiteral("oanda/golden/%1/input.json").arg(QLatin1String(folder))), status);
}

} // namespace

void TestBrokerCli::init()
{
    m_coinbasePem = coinbasePem();
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_server->route(accountPath + "/summary", golden("recorded_account_summary"));
    m_server->route(accountPath + "/openPositions", golden("recorded_open_positions"));
}

TestBrokerCli::Run TestBrokerCli::run(const QByteArray& oandaSection)
{
    Run result;
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("config.yaml"));
    QByteArray text = "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n" + oandaSection;
    if (m_server)
        text.replace("@BASE@", m_server->baseUrl().toString().toUtf8());
    [&] {
        QVERIFY(dir.isValid());
        QFile config(configPath);
        QVERIFY(config.open(QIODevice::WriteOnly));
        QVERIFY(config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        config.write(text);
    }();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OANDA_TOKEN"), token);
    environment.insert(QStringLiteral("COINBASE_KEY_NAME"), coinbaseKeyName);
    environment.insert(QStringLiteral("COINBASE_PRIVATE_KEY"), m_coinbasePem);
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(SENTINEL_CLI_PATH),
                  {QStringLiteral("broker"), QStringLiteral("check"), QStringLiteral("--config"), configPath});
    [&] {
        QVERIFY(process.waitForStarted());
        QVERIFY(finished.wait(60000)); // the stand-in answers from this thread's event loop
    }();
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    [&] { QVERIFY2(!result.out.contains(token.toUtf8()) && !result.err.contains(token.toUtf8()), "the token was printed"); }();
    // Nor any Coinbase secret: the key name, a line of the private key, or a JWT (they start eyJ).
    QList<QByteArray> secrets{coinbaseKeyName.toUtf8(), QByteArrayLiteral("eyJ")};
    for (const QString& line : m_coinbasePem.split(u'\n', Qt::SkipEmptyParts))
        if (!line.startsWith(u"-----"))
            secrets.append(line.toUtf8());
    for (const QByteArray& secret : secrets)
        [&] { QVERIFY2(!result.out.contains(secret) && !result.err.contains(secret), "a Coinbase secret was printed"); }();
    return result;
}

void TestBrokerCli::printsAccountAndPositions()
{
    const Run result = run("oanda: {account_id: \"000-000-0000000-000\", token: \"${OANDA_TOKEN}\", base_url: \"@BASE@\"}\n");
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"platform").toString(), QStringLiteral("oanda"));
    QCOMPARE(json.value(u"environment").toString(), QStringLiteral("practice"));
    QCOMPARE(json.value(u"account_id").toString(), QStringLiteral("000-000-0000000-000"));
    QCOMPARE(json.value(u"currency").toString(), QStringLiteral("USD"));
    QCOMPARE(json.value(u"balance").toDouble(), 100000.0);
    const QJsonArray positions = json.value(u"positions").toArray();
    QCOMPARE(positions.size(), 2); // the recording: long DE30_EUR, short EUR_USD
    QCOMPARE(positions[0].toObject().value(u"instrument").toString(), QStringLiteral("DE30/EUR"));
    QVERIFY(positions[0].toObject().value(u"units").toDouble() > 0);
    QCOMPARE(positions[1].toObject().value(u"instrument").toString(), QStringLiteral("EUR/USD"));
    QCOMPARE(positions[1].toObject().value(u"units").toDouble(), -100.0);
    QVERIFY(positions[1].toObject().contains(u"average_price"));
    // Both requests carried the token as a bearer header.
    QCOMPARE(m_server->requests().size(), 2);
    for (const RecordedRequest& request : m_server->requests())
        QCOMPARE(request.headers.value("authorization"), "Bearer " + token.toUtf8());
}

void TestBrokerCli::failuresHaveTheirExitCodes_data()
{
    QTest::addColumn<QByteArray>("summaryFolder");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("remedyNames");
    QTest::newRow("wrong token") << QByteArray("recorded_error_401_insufficient_authorization") << 401 << 2 << "unauthorized" << "oanda.token";
    QTest::newRow("unknown account") << QByteArray("recorded_error_401_insufficient_authorization") << 404 << 2 << "not_found" << "oanda.account_id";
    QTest::newRow("server error") << QByteArray("html_page_is_typed") << 503 << 1 << "server_error" << "";
    QTest::newRow("damaged summary") << QByteArray("account_without_nav_is_an_error") << 200 << 1 << "missing_field" << "";
}

void TestBrokerCli::failuresHaveTheirExitCodes()
{
    QFETCH(QByteArray, summaryFolder);
    QFETCH(int, status);
    QFETCH(int, exitCode);
    QFETCH(QString, kind);
    QFETCH(QString, remedyNames);
    m_server->route(accountPath + "/summary", golden(summaryFolder.constData(), status));
    const Run result = run("oanda: {account_id: \"000-000-0000000-000\", token: \"${OANDA_TOKEN}\", base_url: \"@BASE@\"}\n");
    QCOMPARE(result.exitCode, exitCode);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"platform").toString(), QStringLiteral("oanda"));
    const QJsonObject error = json.value(u"error").toObject();
    QCOMPARE(error.value(u"kind").toString(), kind);
    QVERIFY2(error.value(u"remedy").toString().contains(remedyNames), result.out.constData());
    QVERIFY(result.err.contains(kind.toUtf8()));
}

void TestBrokerCli::anUnreachableHostIsExitOne()
{
    const quint16 port = m_server->port();
    m_server.reset(); // nothing listens there any more
    const Run result = run(QStringLiteral("oanda: {account_id: \"000-000-0000000-000\", token: \"${OANDA_TOKEN}\", "
                                          "base_url: \"http://127.0.0.1:%1\", timeout_s: 5}\n").arg(port).toUtf8());
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(result.out).object().value(u"error").toObject().value(u"kind").toString(),
             QStringLiteral("network_error"));
}

void TestBrokerCli::noBrokerConfiguredIsExitTwo()
{
    const Run result = run({});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("no broker is configured"));
    QVERIFY(result.out.isEmpty());
}

void TestBrokerCli::coinbasePrintsPortfolioCashAndHoldings()
{
    m_server->route(coinbaseAccounts, CannedResponse::fromFile(dataPath(QStringLiteral("coinbase/accounts_list.json"))));
    const Run result = run(coinbaseSection);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"platform").toString(), QStringLiteral("coinbase"));
    QCOMPARE(json.value(u"account_id").toString(), QStringLiteral("portfolio-001"));
    QCOMPARE(json.value(u"currency").toString(), QStringLiteral("USD"));
    QCOMPARE(json.value(u"balance").toDouble(), 10450.50); // available 10000.50 + hold 450.00
    const QJsonArray positions = json.value(u"positions").toArray();
    QCOMPARE(positions.size(), 1);
    QCOMPARE(positions[0].toObject().value(u"instrument").toString(), QStringLiteral("BTC"));
    QCOMPARE(positions[0].toObject().value(u"units").toDouble(), 1.23456789 + 0.005);
    // One signed request, its JWT naming this key.
    QCOMPARE(m_server->requestCount(coinbaseAccounts), 1);
    QVERIFY(m_server->requests().front().headers.value("authorization").startsWith("Bearer ey"));
}

void TestBrokerCli::coinbaseFailuresHaveTheirExitCodes_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("keyFile");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("remedyNames");
    QTest::newRow("a key Coinbase refuses") << QByteArray("error_401_unauthorized.txt") << 401 << QByteArray("test_ec_p256.pem") << 2
                                            << "unauthorized" << "coinbase.private_key";
    QTest::newRow("a key without the view permission") << QByteArray("error_401_unauthorized.txt") << 403 << QByteArray("test_ec_p256.pem")
                                                       << 2 << "permission_denied" << "permission";
    QTest::newRow("a key that is not P-256 sends nothing") << QByteArray("accounts_list.json") << 200 << QByteArray("test_ec_p384.pem")
                                                           << 2 << "invalid_key" << "ECDSA";
    QTest::newRow("Coinbase failing") << QByteArray("error_401_unauthorized.txt") << 503 << QByteArray("test_ec_p256.pem") << 1
                                      << "server_error" << "";
    QTest::newRow("a damaged accounts list") << QByteArray("market_product_candles_ONE_HOUR.json") << 200 << QByteArray("test_ec_p256.pem")
                                             << 1 << "missing_field" << "";
}

void TestBrokerCli::coinbaseFailuresHaveTheirExitCodes()
{
    QFETCH(QByteArray, file);
    QFETCH(int, status);
    QFETCH(QByteArray, keyFile);
    QFETCH(int, exitCode);
    QFETCH(QString, kind);
    QFETCH(QString, remedyNames);
    m_coinbasePem = coinbasePem(keyFile.constData());
    m_server->route(coinbaseAccounts, CannedResponse::fromFile(dataPath(QStringLiteral("coinbase/") + QString::fromLatin1(file)), status,
                                                               file.endsWith(".json") ? "application/json" : "text/plain"));
    const Run result = run(coinbaseSection);
    QCOMPARE(result.exitCode, exitCode);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"platform").toString(), QStringLiteral("coinbase"));
    const QJsonObject error = json.value(u"error").toObject();
    QCOMPARE(error.value(u"kind").toString(), kind);
    QVERIFY2(error.value(u"remedy").toString().contains(remedyNames), result.out.constData());
    if (kind == u"invalid_key")
        QCOMPARE(m_server->requestCount(coinbaseAccounts), 0);
}

QTEST_GUILESS_MAIN(TestBrokerCli)
#include "tst_broker_cli.moc"
