// SPDX-License-Identifier: GPL-3.0-or-later
// OpenAiCompatibleProvider against a real HTTP server on 127.0.0.1: the request it sends (with
// the api key as a bearer token and the schema as response_format), what it makes of answers,
// and that the key never reaches an error.
#include "advisor/AdviceSchema.h"
#include "advisor/AdvisorError.h"
#include "advisor/OpenAiCompatibleProvider.h"

#include "AwaitCallback.h"
#include "FakeHttpServer.h"
#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>
#include <optional>

using namespace sentinel;
using namespace sentinel::advisor;
using sentinel::test::CannedResponse;
using sentinel::test::FakeHttpServer;
using sentinel::test::RecordedRequest;

class TestOpenAiCompatibleProvider final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void adviceIsAskedWithTheKeyAndTheSchema();
    void baseUrlEndingInV1IsNotGivenASecondOne();
    void noKeyConfiguredSendsNoAuthorization();
    void keyEchoedInAnErrorIsMasked();
    void recordedModelNotFoundIsTyped();
    void toolCallInsteadOfTextIsAnUnexpectedShape();
    void healthFindsTheModelAsOllamaListsIt_data();
    void healthFindsTheModelAsOllamaListsIt();
    void requestsShareOneConnection();
    void modelIdThatIsNoNameMakesNoProvider();

private:
    OpenAiCompatibleProvider* provider(const QString& model = QStringLiteral("llama3.2"), const QString& key = {},
                                       const QString& path = {});
    std::optional<AdviceOutcome> adviseOnce(OpenAiCompatibleProvider* provider);

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QObject> m_owner;
};

namespace {

const QString kKey = QStringLiteral("sk-unit-4c1d9e7a0b3f5a2e");

QByteArray golden(const QString& folder)
{
    const QByteArray body = test::readFile(test::dataPath(QStringLiteral("ollama/golden/") + folder + QStringLiteral("/input.json")));
    if (body.isEmpty())
        qFatal("missing fixture %s", qPrintable(folder));
    return body;
}

} // namespace

void TestOpenAiCompatibleProvider::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_owner = std::make_unique<QObject>();
    m_server->route("/v1/chat/completions", CannedResponse::json(golden(u"openai_chat_completion_that_is_valid_advice"_qs)));
    m_server->route("/v1/models", CannedResponse::json(golden(u"openai_models_list"_qs)));
}

void TestOpenAiCompatibleProvider::cleanup()
{
    m_owner.reset();
    m_server.reset();
}

OpenAiCompatibleProvider* TestOpenAiCompatibleProvider::provider(const QString& model, const QString& key, const QString& path)
{
    ProviderSettings settings;
    settings.kind = ProviderKind::OpenAiCompatible;
    settings.baseUrl = QUrl(m_server->baseUrl().toString() + path);
    settings.model = model;
    if (!key.isEmpty())
        settings.apiKey = Secret(key);
    auto made = OpenAiCompatibleProvider::create(settings, m_owner.get());
    if (!made)
        qFatal("no provider: %s", qPrintable(made.error().message));
    return made.value();
}

std::optional<AdviceOutcome> TestOpenAiCompatibleProvider::adviseOnce(OpenAiCompatibleProvider* provider)
{
    return test::awaitCallback<AdviceOutcome>(
        [&](auto done) { provider->advise(AdviceRequest{u"system"_qs, u"EUR/USD context"_qs}, done); });
}

void TestOpenAiCompatibleProvider::adviceIsAskedWithTheKeyAndTheSchema()
{
    const auto outcome = adviseOnce(provider(u"qwen2.5:7b"_qs, kKey));
    QVERIFY(outcome);
    QVERIFY2(outcome->advice.ok(), qPrintable(outcome->advice.ok() ? QString() : outcome->advice.error().message));
    QCOMPARE(outcome->advice.value().action, AdviceAction::Sell);
    QCOMPARE(outcome->advice.value().confidence, 1.0);
    QCOMPARE(outcome->modelVersion, u"llama3.2:latest (fp_ollama)"_qs);

    QCOMPARE(m_server->requestCount("/v1/chat/completions"), 1);
    const RecordedRequest& sent = m_server->requests().constLast();
    QCOMPARE(sent.headers.value("authorization"), "Bearer " + kKey.toUtf8());
    const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
    QCOMPARE(body.value(u"model"_qs).toString(), u"qwen2.5:7b"_qs);
    QCOMPARE(body.value(u"stream"_qs), QJsonValue(false));
    QCOMPARE(body.value(u"temperature"_qs).toDouble(), 0.0);
    QCOMPARE(body.value(u"response_format"_qs).toObject(), openAiResponseFormat());
    QCOMPARE(body.value(u"messages"_qs).toArray().at(1).toObject().value(u"content"_qs).toString(), u"EUR/USD context"_qs);
}

void TestOpenAiCompatibleProvider::baseUrlEndingInV1IsNotGivenASecondOne()
{
    QVERIFY(adviseOnce(provider(u"llama3.2"_qs, {}, u"/v1"_qs))->advice.ok());
    QCOMPARE(m_server->requests().constLast().path, QByteArray("/v1/chat/completions"));
}

void TestOpenAiCompatibleProvider::noKeyConfiguredSendsNoAuthorization()
{
    QVERIFY(adviseOnce(provider())->advice.ok());
    QVERIFY(!m_server->requests().constLast().headers.contains("authorization"));
}

void TestOpenAiCompatibleProvider::keyEchoedInAnErrorIsMasked()
{
    // A server (or a proxy) that quotes the Authorization header back in its error.
    m_server->route("/v1/chat/completions", [](const RecordedRequest& request) {
        return CannedResponse::json(R"({"error":{"message":"Incorrect API key provided: )" + request.headers.value("authorization")
                                        + R"(","type":"invalid_request_error","code":"invalid_api_key"}})",
                                    401);
    });
    const auto outcome = adviseOnce(provider(u"llama3.2"_qs, kKey));
    QVERIFY(outcome);
    QVERIFY(!outcome->advice.ok());
    const Error& error = outcome->advice.error();
    QCOMPARE(error.kind, QString::fromUtf16(advisorError::Unauthorized));
    // The key was sent and echoed, so the message had it to hide.
    QCOMPARE(m_server->requests().constLast().headers.value("authorization"), "Bearer " + kKey.toUtf8());
    QVERIFY2(error.message.contains(u"Incorrect API key provided: Bearer ***"), qPrintable(error.message));
    QVERIFY2(!error.message.contains(kKey) && !error.remedy.contains(kKey), qPrintable(error.message));
}

void TestOpenAiCompatibleProvider::recordedModelNotFoundIsTyped()
{
    m_server->route("/v1/chat/completions", CannedResponse::json(golden(u"recorded_openai_compat_error_400_model_not_found"_qs), 400));
    const auto outcome = adviseOnce(provider(u"llama9"_qs));
    QVERIFY(outcome);
    QVERIFY(!outcome->advice.ok());
    QCOMPARE(outcome->advice.error().kind, QString::fromUtf16(advisorError::ModelNotFound));
    QVERIFY(outcome->advice.error().remedy.contains(u"/v1/models"));
    QVERIFY(outcome->advice.error().remedy.contains(u"ollama pull llama9"));
}

void TestOpenAiCompatibleProvider::toolCallInsteadOfTextIsAnUnexpectedShape()
{
    m_server->route("/v1/chat/completions", CannedResponse::json(golden(u"openai_tool_call_with_null_content_is_an_unexpected_shape"_qs)));
    const auto outcome = adviseOnce(provider());
    QVERIFY(outcome);
    QVERIFY(!outcome->advice.ok());
    QCOMPARE(outcome->advice.error().kind, QString::fromUtf16(advisorError::UnexpectedShape));
    QCOMPARE(effectiveAction(outcome->advice), AdviceAction::Hold);
}

void TestOpenAiCompatibleProvider::healthFindsTheModelAsOllamaListsIt_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("present");
    QTest::newRow("an id without a tag is Ollama's latest") << u"llama3.2"_qs << true;
    QTest::newRow("an id as listed") << u"qwen2.5:7b"_qs << true;
    QTest::newRow("an id not listed") << u"gpt-4o-mini"_qs << false;
    QTest::newRow("another tag is another model") << u"qwen2.5:14b"_qs << false;
}

void TestOpenAiCompatibleProvider::healthFindsTheModelAsOllamaListsIt()
{
    QFETCH(QString, model);
    QFETCH(bool, present);
    const auto health = test::awaitCallback<Result<ProviderHealth>>([&](auto done) { provider(model)->checkHealth(done); });
    QVERIFY(health);
    QVERIFY(health->ok());
    QCOMPARE(health->value().modelPresent, present);
    QCOMPARE(health->value().serverVersion, QString());
}

void TestOpenAiCompatibleProvider::requestsShareOneConnection()
{
    OpenAiCompatibleProvider* openAi = provider(u"llama3.2"_qs, kKey);
    for (int i = 0; i < 3; ++i)
        QVERIFY(adviseOnce(openAi)->advice.ok());
    const auto ids = test::awaitCallback<Result<QStringList>>([&](auto done) { openAi->listModels(done); });
    QVERIFY(ids);
    QCOMPARE(ids->value(), (QStringList{u"llama3.2:latest"_qs, u"qwen2.5:7b"_qs}));
    QCOMPARE(m_server->requestCount(), 4);
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestOpenAiCompatibleProvider::modelIdThatIsNoNameMakesNoProvider()
{
    for (const QString& model : {QString(), u"gpt 4"_qs, u"gpt\x1b[2J"_qs, QString(300, u'g')}) {
        ProviderSettings settings;
        settings.kind = ProviderKind::OpenAiCompatible;
        settings.baseUrl = m_server->baseUrl();
        settings.model = model;
        const auto made = OpenAiCompatibleProvider::create(settings, m_owner.get());
        QVERIFY(!made.ok());
        QCOMPARE(made.error().kind, QString::fromUtf16(advisorError::InvalidModelName));
    }
}

QTEST_GUILESS_MAIN(TestOpenAiCompatibleProvider)
#include "tst_openaicompatibleprovider.moc"
