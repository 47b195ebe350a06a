// SPDX-License-Identifier: GPL-3.0-or-later
// OllamaProvider against a real HTTP server on 127.0.0.1 serving the recorded bodies: what it
// sends, what it makes of each answer, and that it keeps to one connection, its deadline and
// its body cap.
#include "advisor/AdviceSchema.h"
#include "advisor/AdvisorError.h"
#include "advisor/OllamaProvider.h"
#include "net/NetLimits.h"

#include "AwaitCallback.h"
#include "FakeHttpServer.h"
#include "TestData.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

using namespace sentinel;
using namespace sentinel::advisor;
using sentinel::test::CannedResponse;
using sentinel::test::FakeHttpServer;

class TestOllamaProvider final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void adviceIsAskedWithTheSchemaAndRead();
    void modelVersionCarriesTheDigestOnceTheTagsAreKnown();
    void requestsShareOneConnection();
    void proseAnswerIsInvalidOutputAndCountsAsHold();
    void errorAnswersAreTyped_data();
    void errorAnswersAreTyped();
    void healthReportsVersionAndWhetherTheModelIsInstalled_data();
    void healthReportsVersionAndWhetherTheModelIsInstalled();
    void listModelsNamesTheInstalledModels();
    void stalledServerIsCutAtTheDeadline();
    void oversizedAnswerIsRefused();
    void closedPortIsUnreachable();
    void unsafeSettingsMakeNoProvider_data();
    void unsafeSettingsMakeNoProvider();

private:
    OllamaProvider* provider(const QString& model = QStringLiteral("llama3.2"), std::chrono::milliseconds timeout = std::chrono::seconds(10));
    std::optional<AdviceOutcome> adviseOnce(OllamaProvider* provider);

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QObject> m_owner;
};

namespace {

QByteArray recorded(const QString& folder)
{
    const QByteArray body = test::readFile(test::dataPath(QStringLiteral("ollama/golden/") + folder + QStringLiteral("/input.json")));
    if (body.isEmpty())
        qFatal("missing fixture %s", qPrintable(folder));
    return body;
}

const AdviceRequest kRequest{QStringLiteral("You advise on one FX pair. Answer with the schema."),
                             QStringLiteral("EUR/USD 1.0750, 20-day high 1.0748, volume rising.")};

} // namespace

void TestOllamaProvider::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_owner = std::make_unique<QObject>();
    m_server->route("/api/chat", CannedResponse::json(recorded(QStringLiteral("ollama_chat_answer_that_is_valid_advice"))));
    m_server->route("/api/tags", CannedResponse::json(recorded(QStringLiteral("recorded_tags"))));
    m_server->route("/api/version", CannedResponse::json(recorded(QStringLiteral("recorded_version"))));
}

void TestOllamaProvider::cleanup()
{
    m_owner.reset();
    m_server.reset();
}

OllamaProvider* TestOllamaProvider::provider(const QString& model, std::chrono::milliseconds timeout)
{
    ProviderSettings settings;
    settings.baseUrl = m_server->baseUrl();
    settings.model = model;
    settings.timeout = timeout;
    auto made = OllamaProvider::create(settings, m_owner.get());
    if (!made)
        qFatal("no provider: %s", qPrintable(made.error().message));
    return made.value();
}

std::optional<AdviceOutcome> TestOllamaProvider::adviseOnce(OllamaProvider* provider)
{
    return test::awaitCallback<AdviceOutcome>([&](auto done) { provider->advise(kRequest, done); });
}

void TestOllamaProvider::adviceIsAskedWithTheSchemaAndRead()
{
    const auto outcome = adviseOnce(provider());
    QVERIFY(outcome);
    QVERIFY2(outcome->advice.ok(), qPrintable(outcome->advice.ok() ? QString() : outcome->advice.error().message));
    const Advice& advice = outcome->advice.value();
    QCOMPARE(advice.action, AdviceAction::Buy);
    QCOMPARE(advice.confidence, 0.72);
    QCOMPARE(advice.stop, std::optional<double>(1.0712));
    QCOMPARE(outcome->modelVersion, u"llama3.2:latest"_qs);
    QVERIFY(outcome->latency.count() >= 0);

    QCOMPARE(m_server->requestCount("/api/chat"), 1);
    const auto& sent = m_server->requests().constLast();
    QCOMPARE(sent.method, QByteArray("POST"));
    QVERIFY(!sent.headers.contains("authorization"));
    const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
    QCOMPARE(body.value(u"model"_qs).toString(), u"llama3.2:latest"_qs);
    QCOMPARE(body.value(u"stream"_qs), QJsonValue(false));
    QCOMPARE(body.value(u"format"_qs).toObject(), adviceJsonSchema());
    QCOMPARE(body.value(u"options"_qs).toObject().value(u"temperature"_qs).toDouble(), 0.0);
    const QJsonArray messages = body.value(u"messages"_qs).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(u"role"_qs).toString(), u"system"_qs);
    QCOMPARE(messages.at(1).toObject().value(u"content"_qs).toString(), kRequest.user);
}

void TestOllamaProvider::modelVersionCarriesTheDigestOnceTheTagsAreKnown()
{
    OllamaProvider* ollama = provider();
    const auto names = test::awaitCallback<Result<QStringList>>([&](auto done) { ollama->listModels(done); });
    QVERIFY(names);
    const auto outcome = adviseOnce(ollama);
    QVERIFY(outcome);
    QCOMPARE(outcome->modelVersion, u"llama3.2:latest@a80c4f17acd5"_qs);
}

void TestOllamaProvider::requestsShareOneConnection()
{
    OllamaProvider* ollama = provider();
    for (int i = 0; i < 3; ++i)
        QVERIFY(adviseOnce(ollama)->advice.ok());
    const auto health = test::awaitCallback<Result<ProviderHealth>>([&](auto done) { ollama->checkHealth(done); });
    QVERIFY(health);
    QVERIFY(health->ok());
    QCOMPARE(m_server->requestCount(), 5);
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestOllamaProvider::proseAnswerIsInvalidOutputAndCountsAsHold()
{
    m_server->route("/api/chat", CannedResponse::json(recorded(QStringLiteral("recorded_chat_nonstream_response"))));
    const auto outcome = adviseOnce(provider());
    QVERIFY(outcome);
    QVERIFY(!outcome->advice.ok());
    QCOMPARE(outcome->advice.error().kind, QString::fromUtf16(advisorError::InvalidOutput));
    QVERIFY(outcome->advice.error().message.contains(u"Hello! How are you today?"));
    QCOMPARE(effectiveAction(outcome->advice), AdviceAction::Hold);
    QCOMPARE(outcome->modelVersion, u"llama3.2"_qs); // the model that answered badly, as the server names it
}

void TestOllamaProvider::errorAnswersAreTyped_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("remedy");

    QTest::newRow("recorded 404 model not found names the pull") << 404 << recorded(u"recorded_error_404_model_not_found"_qs)
                                                                 << u"advisor_model_not_found"_qs << u"`ollama pull llama3.2:latest`"_qs;
    QTest::newRow("recorded 429 is rate limited") << 429 << recorded(u"recorded_error_429_rate_limit_exceeded"_qs)
                                                  << u"advisor_rate_limited"_qs << u"back off"_qs;
    QTest::newRow("recorded 503 is overloaded") << 503 << recorded(u"recorded_error_503_model_overloaded"_qs) << u"advisor_overloaded"_qs
                                                << u"OLLAMA_MAX_QUEUE"_qs;
    QTest::newRow("recorded error body with 500 is a server error") << 500 << recorded(u"recorded_error_body_with_500_is_a_server_error"_qs)
                                                                    << u"advisor_server_error"_qs << u"log"_qs;
    QTest::newRow("go's plain 404 means the base url is wrong") << 404 << QByteArray("404 page not found") << u"advisor_endpoint_not_found"_qs
                                                                << u"base_url"_qs;
    QTest::newRow("a redirect is not followed") << 301 << QByteArray() << u"advisor_unreachable"_qs << u"base_url"_qs;
}

void TestOllamaProvider::errorAnswersAreTyped()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, kind);
    QFETCH(QString, remedy);
    CannedResponse answer = CannedResponse::json(body, status);
    if (status == 301)
        answer.headers.insert("Location", "https://elsewhere.invalid/api/chat");
    m_server->route("/api/chat", answer);
    const auto outcome = adviseOnce(provider());
    QVERIFY(outcome);
    QVERIFY(!outcome->advice.ok());
    QCOMPARE(outcome->advice.error().kind, kind);
    QVERIFY2(outcome->advice.error().remedy.contains(remedy), qPrintable(outcome->advice.error().remedy));
    QCOMPARE(effectiveAction(outcome->advice), AdviceAction::Hold);
    QCOMPARE(m_server->requestCount(), 1); // not retried, not redirected
}

void TestOllamaProvider::healthReportsVersionAndWhetherTheModelIsInstalled_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("present");
    QTest::newRow("llama3.2 is installed as llama3.2:latest") << u"llama3.2"_qs << true;
    QTest::newRow("deepseek-r1:latest is installed") << u"deepseek-r1:latest"_qs << true;
    QTest::newRow("mistral is not") << u"mistral"_qs << false;
    QTest::newRow("another tag of an installed model is not") << u"llama3.2:1b"_qs << false;
}

void TestOllamaProvider::healthReportsVersionAndWhetherTheModelIsInstalled()
{
    QFETCH(QString, model);
    QFETCH(bool, present);
    const auto health = test::awaitCallback<Result<ProviderHealth>>([&](auto done) { provider(model)->checkHealth(done); });
    QVERIFY(health);
    QVERIFY(health->ok());
    QCOMPARE(health->value().serverVersion, u"0.5.1"_qs);
    QCOMPARE(health->value().modelPresent, present);
    QCOMPARE(m_server->requestCount("/api/version"), 1);
    QCOMPARE(m_server->requestCount("/api/tags"), 1);
}

void TestOllamaProvider::listModelsNamesTheInstalledModels()
{
    const auto names = test::awaitCallback<Result<QStringList>>([&](auto done) { provider()->listModels(done); });
    QVERIFY(names);
    QVERIFY(names->ok());
    QCOMPARE(names->value(), (QStringList{u"deepseek-r1:latest"_qs, u"llama3.2:latest"_qs}));
}

void TestOllamaProvider::stalledServerIsCutAtTheDeadline()
{
    CannedResponse stall;
    stall.behaviour = CannedResponse::Behaviour::Stall;
    m_server->route("/api/chat", stall);
    QElapsedTimer clock;
    clock.start();
    const auto outcome = adviseOnce(provider(u"llama3.2"_qs, std::chrono::milliseconds(300)));
    QVERIFY(outcome);
    QVERIFY(!outcome->advice.ok());
    QCOMPARE(outcome->advice.error().kind, QString::fromUtf16(net::DeadlineExceeded));
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
}

void TestOllamaProvider::oversizedAnswerIsRefused()
{
    CannedResponse flood;
    flood.behaviour = CannedResponse::Behaviour::Flood;
    flood.floodBytes = qint64{8} * 1024 * 1024;
    flood.chunked = true;
    m_server->route("/api/chat", flood);
    const auto outcome = adviseOnce(provider());
    QVERIFY(outcome);
    QVERIFY(!outcome->advice.ok());
    QCOMPARE(outcome->advice.error().kind, QString::fromUtf16(advisorError::ResponseTooLarge));
}

void TestOllamaProvider::closedPortIsUnreachable()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    ProviderSettings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    settings.model = u"llama3.2"_qs;
    auto made = OllamaProvider::create(settings, m_owner.get());
    QVERIFY(made.ok());
    const auto outcome = adviseOnce(made.value());
    QVERIFY(outcome);
    QVERIFY(!outcome->advice.ok());
    QCOMPARE(outcome->advice.error().kind, QString::fromUtf16(advisorError::Unreachable));
    QVERIFY(outcome->advice.error().remedy.contains(u"ollama serve"));
}

void TestOllamaProvider::unsafeSettingsMakeNoProvider_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("kind"); // empty: accepted

    QTest::newRow("loopback http is fine") << u"http://127.0.0.1:11434"_qs << u"llama3.2"_qs << QString();
    QTest::newRow("localhost http is fine") << u"http://localhost:11434"_qs << u"llama3.2"_qs << QString();
    QTest::newRow("ipv6 loopback http is fine") << u"http://[::1]:11434"_qs << u"llama3.2"_qs << QString();
    QTest::newRow("another loopback address is fine") << u"http://127.0.0.2:11434"_qs << u"llama3.2"_qs << QString();
    QTest::newRow("remote https is fine") << u"https://llm.example.com"_qs << u"llama3.2"_qs << QString();
    QTest::newRow("remote plain http is refused") << u"http://llm.example.com:11434"_qs << u"llama3.2"_qs << u"advisor_invalid_base_url"_qs;
    QTest::newRow("a lan address over http is refused") << u"http://192.168.1.20:11434"_qs << u"llama3.2"_qs << u"advisor_invalid_base_url"_qs;
    QTest::newRow("a host that only starts like loopback is refused") << u"http://127.0.0.1.evil.example:11434"_qs << u"llama3.2"_qs
                                                                      << u"advisor_invalid_base_url"_qs;
    QTest::newRow("user info is refused") << u"http://user:pw@127.0.0.1:11434"_qs << u"llama3.2"_qs << u"advisor_invalid_base_url"_qs;
    QTest::newRow("a query is refused") << u"http://127.0.0.1:11434/?x=1"_qs << u"llama3.2"_qs << u"advisor_invalid_base_url"_qs;
    QTest::newRow("another scheme is refused") << u"ftp://127.0.0.1"_qs << u"llama3.2"_qs << u"advisor_invalid_base_url"_qs;
    QTest::newRow("an empty url is refused") << QString() << u"llama3.2"_qs << u"advisor_invalid_base_url"_qs;
    QTest::newRow("an empty model is refused") << u"http://127.0.0.1:11434"_qs << QString() << u"advisor_invalid_model_name"_qs;
    QTest::newRow("a model with a space is refused") << u"http://127.0.0.1:11434"_qs << u"llama 3"_qs << u"advisor_invalid_model_name"_qs;
}

void TestOllamaProvider::unsafeSettingsMakeNoProvider()
{
    QFETCH(QString, url);
    QFETCH(QString, model);
    QFETCH(QString, kind);
    ProviderSettings settings;
    settings.baseUrl = QUrl(url);
    settings.model = model;
    const auto made = OllamaProvider::create(settings, m_owner.get());
    if (kind.isEmpty()) {
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        return;
    }
    QVERIFY(!made.ok());
    QCOMPARE(made.error().kind, kind);
    QVERIFY(!made.error().message.contains(u"pw@"));
}

QTEST_GUILESS_MAIN(TestOllamaProvider)
#include "tst_ollamaprovider.moc"
