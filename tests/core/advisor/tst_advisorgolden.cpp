// SPDX-License-Identifier: GPL-3.0-or-later
// Golden cases of the advisor's wire parsers: each folder under tests/data/ollama/golden is one
// answer and what it must parse to (see its README.md). A new folder is a new test. Streams are
// also fed byte by byte and in random splits: the outcome must not depend on where the network
// cut the body.
#include "advisor/AdviceSchema.h"
#include "advisor/AdvisorJson.h"
#include "advisor/ErrorAnswer.h"
#include "advisor/ModelName.h"
#include "advisor/OllamaStream.h"

#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace sentinel;
using namespace sentinel::advisor;

class TestAdvisorGolden final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goldenCase_data();
    void goldenCase();
    void everyRecordedBodyHasAGoldenCase();
};

namespace {

template <typename T>
Result<QJsonObject> normalised(const Result<T>& parsed)
{
    if (!parsed)
        return parsed.error();
    return toJson(parsed.value());
}

template <typename T>
Result<QJsonObject> adviceOf(const Result<T>& parsed)
{
    if (!parsed)
        return parsed.error();
    return normalised(parseAdvice(parsed.value().content));
}

/// The stream read with the body cut at `cuts` (ascending offsets).
Result<QJsonObject> readStream(OllamaEndpoint endpoint, const QByteArray& body, const QList<qsizetype>& cuts)
{
    OllamaStream stream(endpoint);
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        stream.feed(QByteArrayView(body).sliced(from, cut - from));
        from = cut;
    }
    stream.feed(QByteArrayView(body).sliced(from));
    return normalised(stream.finish());
}

Result<QJsonObject> parseWith(const QString& parser, const QByteArray& body, int status, const QString& model)
{
    if (parser == u"ollama_chat")
        return normalised(parseOllamaReply(OllamaEndpoint::Chat, body));
    if (parser == u"ollama_generate")
        return normalised(parseOllamaReply(OllamaEndpoint::Generate, body));
    if (parser == u"ollama_chat_chunk")
        return normalised(parseOllamaChunk(OllamaEndpoint::Chat, body));
    if (parser == u"ollama_generate_chunk")
        return normalised(parseOllamaChunk(OllamaEndpoint::Generate, body));
    if (parser == u"ollama_stream_chat")
        return readStream(OllamaEndpoint::Chat, body, {});
    if (parser == u"ollama_stream_generate")
        return readStream(OllamaEndpoint::Generate, body, {});
    if (parser == u"ollama_chat_advice")
        return adviceOf(parseOllamaReply(OllamaEndpoint::Chat, body));
    if (parser == u"openai_chat_advice")
        return adviceOf(parseOpenAiChatCompletion(body));
    if (parser == u"ollama_tags")
        return normalised(parseOllamaTags(body));
    if (parser == u"ollama_ps")
        return normalised(parseOllamaPs(body));
    if (parser == u"ollama_version")
        return normalised(parseOllamaVersion(body));
    if (parser == u"openai_chat")
        return normalised(parseOpenAiChatCompletion(body));
    if (parser == u"openai_models")
        return normalised(parseOpenAiModels(body));
    if (parser == u"advice")
        return normalised(parseAdvice(QByteArrayView(body)));
    if (parser == u"ollama_error")
        return parseErrorAnswer(ProviderKind::Ollama, status, body, model);
    if (parser == u"openai_error")
        return parseErrorAnswer(ProviderKind::OpenAiCompatible, status, body, model);
    return Error{QStringLiteral("test"), QStringLiteral("unknown parser ") + parser};
}

/// An outcome as one value, so two readings of a stream can be compared whole.
QJsonObject outcome(const Result<QJsonObject>& result)
{
    if (result)
        return {{QStringLiteral("output"), result.value()}};
    return {{QStringLiteral("kind"), result.error().kind},
            {QStringLiteral("message"), result.error().message},
            {QStringLiteral("remedy"), result.error().remedy}};
}

void check(const Result<QJsonObject>& actual, const QJsonObject& expected)
{
    if (expected.contains(QStringLiteral("error_kind"))) {
        QVERIFY2(!actual.ok(), "expected an error, the parser accepted it");
        QCOMPARE(actual.error().kind, expected.value(QStringLiteral("error_kind")).toString());
        QVERIFY(!actual.error().remedy.isEmpty());
        const QString needle = expected.value(QStringLiteral("message_contains")).toString();
        QVERIFY2(actual.error().message.contains(needle),
                 qPrintable(u'\'' + actual.error().message + QStringLiteral("' does not name '") + needle + u'\''));
        const QString remedy = expected.value(QStringLiteral("remedy_contains")).toString();
        QVERIFY2(actual.error().remedy.contains(remedy),
                 qPrintable(u'\'' + actual.error().remedy + QStringLiteral("' does not say '") + remedy + u'\''));
        return;
    }
    QVERIFY2(actual.ok(), qPrintable(actual.ok() ? QString() : actual.error().kind + u": " + actual.error().message));
    const QJsonObject output = expected.value(QStringLiteral("output")).toObject();
    if (actual.value() != output) {
        qWarning().noquote() << "actual:" << QJsonDocument(actual.value()).toJson();
        qWarning().noquote() << "expected:" << QJsonDocument(output).toJson();
    }
    QCOMPARE(actual.value(), output);
}

} // namespace

void TestAdvisorGolden::goldenCase_data()
{
    test::addGoldenCaseRows(QStringLiteral("ollama/golden"), 66);
}

void TestAdvisorGolden::goldenCase()
{
    QFETCH(QString, folder);
    QJsonParseError jsonError{};
    const QJsonObject expected = QJsonDocument::fromJson(test::readFile(folder + u"/expected.json"), &jsonError).object();
    QCOMPARE(jsonError.error, QJsonParseError::NoError);
    const QString parser = expected.value(QStringLiteral("parser")).toString();
    const bool stream = parser.startsWith(u"ollama_stream");
    const QString inputPath = folder + (stream ? u"/input.ndjson" : u"/input.json");
    QVERIFY(QFile::exists(inputPath));
    const QByteArray body = test::readFile(inputPath);
    const auto model = ModelName::parse(expected.value(QStringLiteral("model")).toString());
    QVERIFY(model.ok());
    const auto parsed = parseWith(parser, body, expected.value(QStringLiteral("http_status")).toInt(), model.value().full());
    check(parsed, expected);
    if (!stream || QTest::currentTestFailed())
        return;

    const OllamaEndpoint endpoint = parser.endsWith(u"chat") ? OllamaEndpoint::Chat : OllamaEndpoint::Generate;
    const QJsonObject whole = outcome(parsed);
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < body.size(); ++i)
        everyByte.append(i);
    QCOMPARE(outcome(readStream(endpoint, body, everyByte)), whole);
    QRandomGenerator random(20250301); // fixed: a failure must reproduce
    for (int round = 0; round < 200; ++round) {
        QList<qsizetype> cuts;
        for (qsizetype at = 0; body.size() > 1;) {
            at += 1 + qsizetype(random.bounded(quint32(std::max<qsizetype>(1, body.size() / 3))));
            if (at >= body.size())
                break;
            cuts.append(at);
        }
        const QJsonObject split = outcome(readStream(endpoint, body, cuts));
        if (split != whole)
            qWarning() << "round" << round << "cuts" << cuts;
        QCOMPARE(split, whole);
    }
}

void TestAdvisorGolden::everyRecordedBodyHasAGoldenCase()
{
    // Every response body recorded in tests/data/ollama/SOURCES.md is read by at least one case.
    const QString sources = QString::fromUtf8(test::readFile(test::dataPath(QStringLiteral("ollama/SOURCES.md"))));
    const QStringList recorded{
        QStringLiteral("chat_nonstream_response"), QStringLiteral("chat_stream_chunk_with_a_local_offset"),
        QStringLiteral("chat_stream_final"), QStringLiteral("chat_structured_output_response"),
        QStringLiteral("generate_nonstream_response"), QStringLiteral("generate_stream_chunk"),
        QStringLiteral("generate_stream_final"), QStringLiteral("generate_structured_output_response"),
        QStringLiteral("generate_stream"), QStringLiteral("tags"), QStringLiteral("ps"), QStringLiteral("version"),
        QStringLiteral("error_404_model_not_found"), QStringLiteral("error_429_rate_limit_exceeded"),
        QStringLiteral("error_503_model_overloaded"), QStringLiteral("error_body_with_500_is_a_server_error"),
        QStringLiteral("openai_compat_error_400_model_not_found")};
    const QDir golden(test::dataPath(QStringLiteral("ollama/golden")));
    for (const QString& name : recorded) {
        QVERIFY2(golden.exists(u"recorded_" + name), qPrintable(name));
        QVERIFY2(sources.contains(u"golden/recorded_" + name + u"/input."), qPrintable(name));
    }
    // The shared folder's response files, all of them accounted for above (the two requests are
    // read by tst_adviceschema).
    const QStringList shared = QDir(test::dataPath(QStringLiteral("ollama/golden"))).entryList({QStringLiteral("recorded_*")}, QDir::Dirs);
    QCOMPARE(shared.size(), recorded.size() + 1); // + the structured output read as advice
}

QTEST_GUILESS_MAIN(TestAdvisorGolden)
#include "tst_advisorgolden.moc"
