// SPDX-License-Identifier: GPL-3.0-or-later
// How a server's error answer becomes a typed advisor error: the kind, a message that quotes
// the server, and a remedy that says what to do, with no secret and no control character.
#include "advisor/AdvisorError.h"
#include "advisor/ErrorAnswer.h"
#include "common/Redactor.h"

#include <QTest>

using namespace sentinel;
using namespace sentinel::advisor;

class TestAdvisorError final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kindFromStatusAndText_data();
    void kindFromStatusAndText();
    void modelNotFoundRemedyNamesTheConfiguredModel();
    void secretsEchoedByTheServerAreMasked();
    void bodyOverTheCapIsStillTypedByItsStatus();
};

void TestAdvisorError::kindFromStatusAndText_data()
{
    QTest::addColumn<int>("provider");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");

    const int ollama = int(ProviderKind::Ollama);
    const int openAi = int(ProviderKind::OpenAiCompatible);
    QTest::newRow("ollama 404 about a model is model not found") << ollama << 404 << QByteArray(R"({"error":"model 'x' not found"})")
                                                                 << u"advisor_model_not_found"_qs;
    QTest::newRow("openai 400 about a model is model not found")
        << openAi << 400 << QByteArray(R"({"error":{"message":"model not found","type":"invalid_request_error"}})") << u"advisor_model_not_found"_qs;
    QTest::newRow("404 not about a model is the wrong endpoint") << ollama << 404 << QByteArray("404 page not found")
                                                                 << u"advisor_endpoint_not_found"_qs;
    QTest::newRow("429 is rate limited") << ollama << 429 << QByteArray(R"({"error":"slow down"})") << u"advisor_rate_limited"_qs;
    QTest::newRow("503 is overloaded") << ollama << 503 << QByteArray(R"({"error":"server busy"})") << u"advisor_overloaded"_qs;
    QTest::newRow("a 500 that says overloaded is overloaded") << ollama << 500 << QByteArray(R"({"error":"model is overloaded"})")
                                                              << u"advisor_overloaded"_qs;
    QTest::newRow("500 is a server error") << ollama << 500 << QByteArray(R"({"error":"llama runner process has terminated"})")
                                           << u"advisor_server_error"_qs;
    QTest::newRow("502 with an html page is a server error") << ollama << 502 << QByteArray("<html><title>502</title></html>")
                                                             << u"advisor_server_error"_qs;
    QTest::newRow("401 is unauthorized") << openAi << 401 << QByteArray(R"({"error":{"message":"bad key"}})") << u"advisor_unauthorized"_qs;
    QTest::newRow("403 is unauthorized") << openAi << 403 << QByteArray() << u"advisor_unauthorized"_qs;
    QTest::newRow("400 is a bad request") << ollama << 400 << QByteArray(R"({"error":"invalid format"})") << u"advisor_bad_request"_qs;
    QTest::newRow("an error object as the error member still counts")
        << ollama << 500 << QByteArray(R"({"error":{"type":"api_error"}})") << u"advisor_server_error"_qs;
}

void TestAdvisorError::kindFromStatusAndText()
{
    QFETCH(int, provider);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, kind);
    const Error error = parseErrorAnswer(ProviderKind(provider), status, body, u"llama3.2:latest"_qs);
    QCOMPARE(error.kind, kind);
    QVERIFY(error.message.contains(QString::number(status)));
    QVERIFY(!error.remedy.isEmpty());
}

void TestAdvisorError::modelNotFoundRemedyNamesTheConfiguredModel()
{
    // The remedy names the configured model, never the name the server's text carries.
    const Error error = parseErrorAnswer(ProviderKind::Ollama, 404, R"({"error":"model 'evil; rm -rf ~' not found"})", u"qwen2.5:7b"_qs);
    QCOMPARE(error.kind, u"advisor_model_not_found"_qs);
    QVERIFY(error.remedy.contains(u"`ollama pull qwen2.5:7b`"));
    QVERIFY(!error.remedy.contains(u"evil"));
}

void TestAdvisorError::secretsEchoedByTheServerAreMasked()
{
    const QString key = u"sk-test-7f3a9c1e5b2d4a6f"_qs;
    Redactor::instance().add(key);
    const Error error = parseErrorAnswer(ProviderKind::OpenAiCompatible, 401,
                                         QByteArray(R"({"error":{"message":"Incorrect API key provided: )" + key.toUtf8() + R"("}})"),
                                         QString());
    Redactor::instance().clear();
    QCOMPARE(error.kind, u"advisor_unauthorized"_qs);
    QVERIFY2(!error.message.contains(key), qPrintable(error.message));
    QVERIFY(error.message.contains(u"Incorrect API key provided"));
}

void TestAdvisorError::bodyOverTheCapIsStillTypedByItsStatus()
{
    const QByteArray huge = R"({"error":")" + QByteArray(200 * 1024, 'x') + R"("})";
    const Error error = parseErrorAnswer(ProviderKind::Ollama, 503, huge, QString());
    QCOMPARE(error.kind, u"advisor_overloaded"_qs);
    QVERIFY(error.message.size() < 500);
}

QTEST_GUILESS_MAIN(TestAdvisorError)
#include "tst_advisorerror.moc"
