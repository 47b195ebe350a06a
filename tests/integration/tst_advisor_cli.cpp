// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel advisor test`, run as a process against an Ollama and an OpenAI-compatible stand-in on
// 127.0.0.1 serving the recorded bodies: the providers' JSON with exactly its six fields, each
// failure with exit 1 (down, model missing, prose), a configuration the test cannot use with exit
// 2, and never the api key.
#include "CliRunner.h"
#include "FakeOllama.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sentinel::test;

namespace {

const QString apiKey = QStringLiteral("sk-advisor-cli-test-5f4e3d2c1b0a9988");

QJsonObject row(const QJsonObject& json, int index)
{
    return json.value(u"providers").toArray().at(index).toObject();
}

} // namespace

class TestAdvisorCli final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void everyServerGoodIsExitZeroWithExactlyTheContractFields();
    void aServerThatIsDownIsUnreachableAndExitOne();
    void aModelTheServerLacksIsExitOne();
    void proseInsteadOfAdviceIsExitOne();
    void configurationTheTestCannotUseIsExitTwo_data();
    void configurationTheTestCannotUseIsExitTwo();
    void aProblemOutsideTheAdvisorIsOnlyANote();

private:
    /// Runs the command on a config file holding `text` (@OLLAMA@ and @OPENAI@ become the
    /// stand-ins' URLs); `path` instead names a file to pass as it is.
    CliRun run(const QByteArray& text, const QString& path = {});
    [[nodiscard]] QByteArray bothServers(const char* ollamaModel = "llama3.2") const;

    std::unique_ptr<FakeOllama> m_ollama;
    std::unique_ptr<FakeHttpServer> m_openAi;
};

void TestAdvisorCli::init()
{
    m_ollama = std::make_unique<FakeOllama>();
    QVERIFY(m_ollama->server.start());
    m_openAi = std::make_unique<FakeHttpServer>();
    QVERIFY(m_openAi->start());
    serveOpenAiCompatible(*m_openAi);
}

void TestAdvisorCli::cleanup()
{
    m_openAi.reset();
    m_ollama.reset();
}

QByteArray TestAdvisorCli::bothServers(const char* ollamaModel) const
{
    return QByteArray("advisor:\n  providers:\n"
                      "    - {kind: ollama, base_url: \"@OLLAMA@\", model: \"") + ollamaModel + "\", timeout_s: 20}\n"
                      "    - {kind: openai, base_url: \"@OPENAI@\", model: \"qwen2.5:7b\", weight: 2, api_key: \"${ADVISOR_API_KEY}\"}\n";
}

CliRun TestAdvisorCli::run(const QByteArray& text, const QString& path)
{
    QTemporaryDir dir;
    QString configPath = path;
    if (configPath.isEmpty()) {
        configPath = dir.filePath(QStringLiteral("config.yaml"));
        QByteArray body = "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n" + text;
        body.replace("@OLLAMA@", m_ollama->server.baseUrl().toString().toUtf8());
        body.replace("@OPENAI@", m_openAi->baseUrl().toString().toUtf8());
        [&] {
            QVERIFY(dir.isValid());
            QFile config(configPath);
            QVERIFY(config.open(QIODevice::WriteOnly));
            QVERIFY(config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
            config.write(body);
        }();
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ADVISOR_API_KEY"), apiKey);
    environment.insert(QStringLiteral("SENTINEL_NO_KEYCHAIN"), QStringLiteral("1"));
    // runSentinel waits in an event loop, so the stand-ins in this process answer meanwhile.
    CliRun result =
        runSentinel({QStringLiteral("advisor"), QStringLiteral("test"), QStringLiteral("--config"), configPath}, environment);
    [&] { QVERIFY2(!result.out.contains(apiKey.toUtf8()) && !result.err.contains(apiKey.toUtf8()), "the api key was printed"); }();
    return result;
}

void TestAdvisorCli::everyServerGoodIsExitZeroWithExactlyTheContractFields()
{
    const CliRun result = run(bothServers());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = result.json();
    QCOMPARE(json.keys(), QStringList{QStringLiteral("providers")});
    QCOMPARE(json.value(u"providers").toArray().size(), 2);
    const QStringList fields{QStringLiteral("error"),        QStringLiteral("latency_ms"), QStringLiteral("model_present"),
                             QStringLiteral("name"),         QStringLiteral("reachable"),  QStringLiteral("valid_output")};
    const QStringList names{u"ollama llama3.2:latest at "_qs + m_ollama->server.baseUrl().toString(),
                            u"openai qwen2.5:7b at "_qs + m_openAi->baseUrl().toString()};
    for (int i = 0; i < 2; ++i) {
        const QJsonObject server = row(json, i);
        QCOMPARE(server.keys(), fields); // sorted, exactly these
        QCOMPARE(server.value(u"name").toString(), names[i]);
        QCOMPARE(server.value(u"reachable").toBool(), true);
        QCOMPARE(server.value(u"model_present").toBool(), true);
        QCOMPARE(server.value(u"valid_output").toBool(), true);
        QVERIFY(server.value(u"latency_ms").isDouble());
        QVERIFY(server.value(u"latency_ms").toDouble() >= 0);
        QVERIFY(server.value(u"error").isNull());
    }
    // The key went to the OpenAI-compatible server as a bearer token, and nowhere else.
    for (const RecordedRequest& request : m_openAi->requests())
        QCOMPARE(request.headers.value("authorization"), "Bearer " + apiKey.toUtf8());
    for (const RecordedRequest& request : m_ollama->server.requests())
        QVERIFY(!request.headers.contains("authorization"));
    QCOMPARE(m_ollama->server.requestCount("/api/chat"), 1);
    QCOMPARE(m_openAi->requestCount("/v1/chat/completions"), 1);
}

void TestAdvisorCli::aServerThatIsDownIsUnreachableAndExitOne()
{
    const QByteArray config = bothServers();
    m_ollama->down = true;
    const CliRun result = run(config);
    QCOMPARE(result.exitCode, 1);
    const QJsonObject down = row(result.json(), 0);
    QCOMPARE(down.value(u"reachable").toBool(), false);
    QCOMPARE(down.value(u"model_present").toBool(), false);
    QCOMPARE(down.value(u"valid_output").toBool(), false);
    QVERIFY(down.value(u"latency_ms").isNull());
    QCOMPARE(down.value(u"error").toObject().value(u"kind").toString(), QStringLiteral("advisor_unreachable"));
    QVERIFY(down.value(u"error").toObject().value(u"remedy").toString().contains(u"ollama serve"));
    QCOMPARE(row(result.json(), 1).value(u"valid_output").toBool(), true);
    QVERIFY(result.err.contains("advisor_unreachable"));
}

void TestAdvisorCli::aModelTheServerLacksIsExitOne()
{
    const CliRun result = run(bothServers("mistral")); // not in the recorded tags
    QCOMPARE(result.exitCode, 1);
    const QJsonObject missing = row(result.json(), 0);
    QCOMPARE(missing.value(u"reachable").toBool(), true);
    QCOMPARE(missing.value(u"model_present").toBool(), false);
    QCOMPARE(missing.value(u"valid_output").toBool(), false);
    QVERIFY(missing.value(u"latency_ms").isDouble());
    QCOMPARE(missing.value(u"error").toObject().value(u"kind").toString(), QStringLiteral("advisor_model_not_found"));
    QVERIFY(missing.value(u"error").toObject().value(u"remedy").toString().contains(u"ollama pull mistral:latest"));
    QCOMPARE(m_ollama->server.requestCount("/api/chat"), 0);
}

void TestAdvisorCli::proseInsteadOfAdviceIsExitOne()
{
    m_ollama->serve("/api/chat",
                    CannedResponse::json(recordedOllama(u"ollama_chat_answer_with_prose_around_the_json_is_invalid_output"_qs)));
    const CliRun result = run(bothServers());
    QCOMPARE(result.exitCode, 1);
    const QJsonObject prose = row(result.json(), 0);
    QCOMPARE(prose.value(u"reachable").toBool(), true);
    QCOMPARE(prose.value(u"model_present").toBool(), true);
    QCOMPARE(prose.value(u"valid_output").toBool(), false);
    QCOMPARE(prose.value(u"error").toObject().value(u"kind").toString(), QStringLiteral("advisor_invalid_output"));
}

void TestAdvisorCli::configurationTheTestCannotUseIsExitTwo_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("stderrNames");
    QTest::addColumn<bool>("printsJson");
    QTest::newRow("a file that cannot be read") << QByteArray() << QStringLiteral("/nonexistent/advisor.yaml")
                                                << QStringLiteral("advisor.yaml") << false;
    QTest::newRow("no advisor section says to add advisor.providers") << QByteArray() << QString()
                                                                      << QStringLiteral("add advisor.providers") << false;
    QTest::newRow("an unknown kind of server")
        << QByteArray("advisor: {providers: [{kind: vllm, base_url: \"@OLLAMA@\", model: llama3.2}]}\n") << QString()
        << QStringLiteral("advisor.providers[0].kind") << false;
    QTest::newRow("plain http to a remote host")
        << QByteArray("advisor: {providers: [{kind: ollama, base_url: \"http://llm.example.com\", model: llama3.2}]}\n")
        << QString() << QStringLiteral("advisor.providers[0].base_url") << false;
    QTest::newRow("a model name the advisor refuses")
        << QByteArray("advisor: {providers: [{kind: ollama, base_url: \"@OLLAMA@\", model: \"a:b:c\"}]}\n") << QString()
        << QStringLiteral("advisor.providers[0]: the model name") << true;
    QTest::newRow("a row without a model")
        << QByteArray("advisor: {providers: [{kind: ollama, base_url: \"@OLLAMA@\"}]}\n") << QString()
        << QStringLiteral("advisor_invalid_model_name") << true;
}

void TestAdvisorCli::configurationTheTestCannotUseIsExitTwo()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, path);
    QFETCH(QString, stderrNames);
    QFETCH(bool, printsJson);
    const CliRun result = run(config, path);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(stderrNames.toUtf8()), result.err.constData());
    QCOMPARE(!result.out.isEmpty(), printsJson);
    if (printsJson)
        QCOMPARE(row(result.json(), 0).value(u"reachable").toBool(), false);
    // Nothing was asked of a server the configuration refuses.
    QCOMPARE(m_ollama->server.requestCount("/api/chat"), 0);
}

void TestAdvisorCli::aProblemOutsideTheAdvisorIsOnlyANote()
{
    const CliRun result = run(bothServers() + "risk: {max_var_pct: 7}\n");
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("note: risk.max_var_pct"), result.err.constData());
}

QTEST_GUILESS_MAIN(TestAdvisorCli)
#include "tst_advisor_cli.moc"
