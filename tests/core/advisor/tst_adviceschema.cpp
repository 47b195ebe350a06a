// SPDX-License-Identifier: GPL-3.0-or-later
// The answer schema: what a model must answer, the JSON schema sent for it, and the validator
// that refuses everything else as advisor_invalid_output (which counts as hold).
#include "advisor/AdviceSchema.h"
#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/JsonDuplicateKeys.h"

#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sentinel;
using namespace sentinel::advisor;

class TestAdviceSchema final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validAnswer_data();
    void validAnswer();
    void invalidAnswer_data();
    void invalidAnswer();
    void invalidAnswerCountsAsHold();
    void messageQuotesOnlyAnExcerptOfALongAnswer();
    void schemaListsExactlyTheKeysTheValidatorAccepts();
    void schemaHasTheShapeOfTheRecordedFormatRequests();
    void openAiResponseFormatCarriesTheSameSchema();
    void duplicateKey_data();
    void duplicateKey();
};

namespace {

QByteArray answer(const QJsonObject& replace = {}, const QStringList& remove = {})
{
    QJsonObject object{{QStringLiteral("action"), QStringLiteral("buy")},
                       {QStringLiteral("confidence"), 0.72},
                       {QStringLiteral("horizon"), QStringLiteral("1d")},
                       {QStringLiteral("stop"), 1.0712},
                       {QStringLiteral("reason"), QStringLiteral("EUR/USD broke above its 20-day high.")}};
    for (auto it = replace.begin(); it != replace.end(); ++it)
        object.insert(it.key(), it.value());
    for (const QString& key : remove)
        object.remove(key);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

void TestAdviceSchema::validAnswer_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("action");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<QString>("horizon");
    QTest::addColumn<double>("stop"); // 0: none
    QTest::addColumn<QString>("reason");

    QTest::newRow("a buy with a stop is read as written") << answer() << int(AdviceAction::Buy) << 0.72 << u"1d"_qs << 1.0712
                                                          << u"EUR/USD broke above its 20-day high."_qs;
    QTest::newRow("a hold with a null stop has no stop")
        << answer({{QStringLiteral("action"), QStringLiteral("hold")}, {QStringLiteral("stop"), QJsonValue::Null}})
        << int(AdviceAction::Hold) << 0.72 << u"1d"_qs << 0.0 << u"EUR/USD broke above its 20-day high."_qs;
    QTest::newRow("confidence 0 is inside the range") << answer({{QStringLiteral("confidence"), 0}}) << int(AdviceAction::Buy) << 0.0
                                                      << u"1d"_qs << 1.0712 << u"EUR/USD broke above its 20-day high."_qs;
    QTest::newRow("confidence 1 written as an integer is inside the range")
        << QByteArray(R"({"action":"sell","confidence":1,"horizon":"4h","stop":null,"reason":"r"})") << int(AdviceAction::Sell)
        << 1.0 << u"4h"_qs << 0.0 << u"r"_qs;
    QTest::newRow("keys in another order with newlines and spaces around are one answer")
        << QByteArray("\n  {\n \"reason\": \"  Momentum fades.\\nVolume is thin. \",\n \"stop\": 0.5, \"horizon\": \" 1w \", "
                      "\"confidence\": 0.25, \"action\": \"sell\"}\n\n")
        << int(AdviceAction::Sell) << 0.25 << u"1w"_qs << 0.5 << u"Momentum fades.\nVolume is thin."_qs;
    QTest::newRow("escaped unicode in the reason is read")
        << QByteArray(R"({"action":"hold","confidence":0.5,"horizon":"1d","stop":null,"reason":"Caf\u00e9 \u20ac pair"})")
        << int(AdviceAction::Hold) << 0.5 << u"1d"_qs << 0.0 << QStringLiteral("Caf\u00e9 \u20ac pair");
}

void TestAdviceSchema::validAnswer()
{
    QFETCH(QByteArray, content);
    QFETCH(int, action);
    QFETCH(double, confidence);
    QFETCH(QString, horizon);
    QFETCH(double, stop);
    QFETCH(QString, reason);
    const auto parsed = parseAdvice(QByteArrayView(content));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(int(parsed.value().action), action);
    QCOMPARE(parsed.value().confidence, confidence);
    QCOMPARE(parsed.value().horizon, horizon);
    QCOMPARE(parsed.value().stop.has_value(), stop != 0);
    if (stop != 0)
        QCOMPARE(*parsed.value().stop, stop);
    QCOMPARE(parsed.value().reason, reason);
    // The QString overload reads the same.
    QCOMPARE(parseAdvice(QString::fromUtf8(content)).value(), parsed.value());
}

void TestAdviceSchema::invalidAnswer_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("named");

    const QString longReason(kMaxReasonChars + 1, u'x');
    QTest::newRow("prose is not an answer") << QByteArray("I think you should buy EUR/USD.") << u"not a JSON object but text"_qs;
    QTest::newRow("prose after the object is not an answer") << answer() + " Hope this helps!" << u"not valid JSON"_qs;
    QTest::newRow("an answer in a code fence is not an answer") << "```json\n" + answer() + "\n```" << u"not a JSON object but text"_qs;
    QTest::newRow("an array is not an answer") << "[" + answer() + "]" << u"JSON but not an object"_qs;
    QTest::newRow("an empty answer is not an answer") << QByteArray() << u"is empty"_qs;
    QTest::newRow("whitespace is not an answer") << QByteArray(" \n\t ") << u"is empty"_qs;
    QTest::newRow("a truncated object is not an answer") << answer().left(30) << u"not valid JSON"_qs;
    QTest::newRow("invalid utf-8 is not an answer") << QByteArray("{\"action\":\"buy\xff\xfe\"}") << u"not valid JSON"_qs;
    QTest::newRow("an extra key is refused by name") << answer({{QStringLiteral("size"), 100}}) << u"'size'"_qs;
    QTest::newRow("an answer wrapped in another object is refused by its key")
        << "{\"advice\":" + answer() + "}" << u"'advice'"_qs;
    QTest::newRow("a key given twice is refused")
        << QByteArray(R"({"action":"hold","action":"buy","confidence":0.5,"horizon":"1d","stop":null,"reason":"r"})")
        << u"gives the key 'action' twice"_qs;
    QTest::newRow("a key given twice under an escaped spelling is refused")
        << QByteArray(R"({"action":"hold","\u0061ction":"buy","confidence":0.5,"horizon":"1d","stop":null,"reason":"r"})")
        << u"gives the key 'action' twice"_qs;
    QTest::newRow("confidence 1.5 is out of range") << answer({{QStringLiteral("confidence"), 1.5}}) << u"confidence 1.5, outside 0 to 1"_qs;
    QTest::newRow("a negative confidence is out of range") << answer({{QStringLiteral("confidence"), -0.1}}) << u"confidence -0.1, outside"_qs;
    QTest::newRow("NaN is not JSON") << QByteArray(R"({"action":"buy","confidence":NaN,"horizon":"1d","stop":null,"reason":"r"})")
                                     << u"not valid JSON"_qs;
    QTest::newRow("Infinity is not JSON")
        << QByteArray(R"({"action":"buy","confidence":0.5,"horizon":"1d","stop":Infinity,"reason":"r"})") << u"not valid JSON"_qs;
    QTest::newRow("1e999 is never a confidence")
        << QByteArray(R"({"action":"buy","confidence":1e999,"horizon":"1d","stop":null,"reason":"r"})") << u"illegal number"_qs;
    QTest::newRow("1e999 is never a stop")
        << QByteArray(R"({"action":"buy","confidence":0.5,"horizon":"1d","stop":1e999,"reason":"r"})") << u"illegal number"_qs;
    QTest::newRow("confidence as a string is refused") << answer({{QStringLiteral("confidence"), QStringLiteral("0.8")}})
                                                       << u"confidence as a string, not a number"_qs;
    QTest::newRow("confidence as a boolean is refused") << answer({{QStringLiteral("confidence"), true}}) << u"confidence as a boolean"_qs;
    QTest::newRow("a missing reason is refused") << answer({}, {QStringLiteral("reason")}) << u"has no reason"_qs;
    QTest::newRow("a missing stop is refused, null is how to say none") << answer({}, {QStringLiteral("stop")})
                                                                        << u"has no stop (null when there is none)"_qs;
    QTest::newRow("an empty reason is refused") << answer({{QStringLiteral("reason"), QString()}}) << u"has an empty reason"_qs;
    QTest::newRow("a blank reason is refused") << answer({{QStringLiteral("reason"), QStringLiteral(" \n ")}}) << u"has an empty reason"_qs;
    QTest::newRow("a reason as a number is refused") << answer({{QStringLiteral("reason"), 42}}) << u"reason as a number"_qs;
    QTest::newRow("a reason over the cap is refused") << answer({{QStringLiteral("reason"), longReason}}) << u"reason of 2001 characters"_qs;
    QTest::newRow("a terminal escape in the reason is refused") << answer({{QStringLiteral("reason"), QStringLiteral("ok\x1b[2Jgone")}})
                                                                << u"control character (U+001b) in reason"_qs;
    QTest::newRow("a line break in the horizon is refused") << answer({{QStringLiteral("horizon"), QStringLiteral("1d\nrm")}})
                                                            << u"control character (U+000a) in horizon"_qs;
    QTest::newRow("an empty horizon is refused") << answer({{QStringLiteral("horizon"), QString()}}) << u"has an empty horizon"_qs;
    QTest::newRow("a horizon over the cap is refused") << answer({{QStringLiteral("horizon"), QString(65, u'd')}})
                                                       << u"horizon of 65 characters"_qs;
    QTest::newRow("a stop as a string is refused") << answer({{QStringLiteral("stop"), QStringLiteral("1.07")}})
                                                   << u"stop as the string '1.07'"_qs;
    QTest::newRow("a stop of zero is refused") << answer({{QStringLiteral("stop"), 0}}) << u"stop 0; a stop is a positive price"_qs;
    QTest::newRow("a negative stop is refused") << answer({{QStringLiteral("stop"), -1.2}}) << u"stop -1.2"_qs;
    QTest::newRow("a stop as an object is refused") << answer({{QStringLiteral("stop"), QJsonObject()}}) << u"stop as an object"_qs;
    QTest::newRow("an action in capitals is refused") << answer({{QStringLiteral("action"), QStringLiteral("BUY")}})
                                                      << u"action 'BUY'"_qs;
    QTest::newRow("an action outside the three words is refused") << answer({{QStringLiteral("action"), QStringLiteral("short")}})
                                                                  << u"action 'short'"_qs;
    QTest::newRow("a null action is refused") << answer({{QStringLiteral("action"), QJsonValue::Null}}) << u"action null"_qs;
    QTest::newRow("an answer over 16 KiB is refused unread")
        << answer({{QStringLiteral("reason"), QString(kMaxAdviceBytes, u'x')}}) << u"more than the 16384"_qs;
}

void TestAdviceSchema::invalidAnswer()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, named);
    const auto parsed = parseAdvice(QByteArrayView(content));
    QVERIFY2(!parsed.ok(), "the validator accepted it");
    QCOMPARE(parsed.error().kind, QString::fromUtf16(advisorError::InvalidOutput));
    QVERIFY2(parsed.error().message.contains(named), qPrintable(parsed.error().message));
    QVERIFY(parsed.error().remedy.contains(u"hold"));
}

void TestAdviceSchema::invalidAnswerCountsAsHold()
{
    const auto bad = parseAdvice(QByteArrayView(answer({{QStringLiteral("confidence"), 2}})));
    QVERIFY(!bad.ok());
    QCOMPARE(effectiveAction(bad), AdviceAction::Hold);
    const auto sell = parseAdvice(QByteArrayView(answer({{QStringLiteral("action"), QStringLiteral("sell")}})));
    QCOMPARE(effectiveAction(sell), AdviceAction::Sell);
    QCOMPARE(sideOf(AdviceAction::Sell), std::optional<Side>(Side::Sell));
    QCOMPARE(sideOf(AdviceAction::Hold), std::optional<Side>());
}

void TestAdviceSchema::messageQuotesOnlyAnExcerptOfALongAnswer()
{
    const QByteArray prose = QByteArray("Let me think. ").repeated(1000).left(kMaxAdviceBytes);
    const auto parsed = parseAdvice(QByteArrayView(prose));
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.size() < 200, qPrintable(parsed.error().message));
}

void TestAdviceSchema::schemaListsExactlyTheKeysTheValidatorAccepts()
{
    const QJsonObject schema = adviceJsonSchema();
    QCOMPARE(schema.value(u"type"_qs).toString(), u"object"_qs);
    QCOMPARE(schema.value(u"additionalProperties"_qs), QJsonValue(false));
    QStringList properties = schema.value(u"properties"_qs).toObject().keys();
    QStringList keys = adviceKeys();
    properties.sort();
    keys.sort();
    QCOMPARE(properties, keys);
    QStringList required;
    for (const QJsonValue& key : schema.value(u"required"_qs).toArray())
        required.append(key.toString());
    QCOMPARE(required, adviceKeys());
    const QJsonObject action = schema.value(u"properties"_qs).toObject().value(u"action"_qs).toObject();
    QCOMPARE(action.value(u"enum"_qs).toArray(), (QJsonArray{u"buy"_qs, u"sell"_qs, u"hold"_qs}));
    // Every enum word is an action the validator accepts, and only those.
    for (const QJsonValue& word : action.value(u"enum"_qs).toArray())
        QVERIFY(parseAdvice(QByteArrayView(answer({{QStringLiteral("action"), word}}))).ok());
    const QJsonObject confidence = schema.value(u"properties"_qs).toObject().value(u"confidence"_qs).toObject();
    QCOMPARE(confidence.value(u"minimum"_qs).toDouble(), 0.0);
    QCOMPARE(confidence.value(u"maximum"_qs).toDouble(), 1.0);
}

void TestAdviceSchema::schemaHasTheShapeOfTheRecordedFormatRequests()
{
    // Ollama's documented structured-output requests send `format` as a JSON schema object with
    // type, properties and required; ours is that, plus additionalProperties.
    for (const QString& name : {u"chat_structured_output_request.json"_qs, u"generate_structured_output_request.json"_qs}) {
        const QJsonObject request = QJsonDocument::fromJson(test::readFile(test::dataPath(u"ollama/requests/"_qs + name))).object();
        const QJsonObject format = request.value(u"format"_qs).toObject();
        QVERIFY2(!format.isEmpty(), qPrintable(name));
        for (const QString& key : format.keys())
            QVERIFY2(adviceJsonSchema().contains(key), qPrintable(name + u": " + key));
        QCOMPARE(format.value(u"type"_qs), adviceJsonSchema().value(u"type"_qs));
    }
}

void TestAdviceSchema::openAiResponseFormatCarriesTheSameSchema()
{
    const QJsonObject format = openAiResponseFormat();
    QCOMPARE(format.value(u"type"_qs).toString(), u"json_schema"_qs);
    const QJsonObject wrapper = format.value(u"json_schema"_qs).toObject();
    QCOMPARE(wrapper.value(u"strict"_qs), QJsonValue(true));
    QVERIFY(!wrapper.value(u"name"_qs).toString().isEmpty());
    QCOMPARE(wrapper.value(u"schema"_qs).toObject(), adviceJsonSchema());
}

void TestAdviceSchema::duplicateKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path"); // empty: none

    QTest::newRow("no key twice") << QByteArray(R"({"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]})") << QString();
    QTest::newRow("the same key in sibling objects is fine") << QByteArray(R"({"x":{"k":1},"y":{"k":2}})") << QString();
    QTest::newRow("a key-like text inside a string is not a key") << QByteArray(R"({"a":"\"a\":1, \"a\"","b":"{,\"a\""})") << QString();
    QTest::newRow("a top-level key twice") << QByteArray(R"({"a":1,"a":2})") << u"a"_qs;
    QTest::newRow("a nested key twice names its path") << QByteArray(R"({"message":{"role":"x","content":"a","content":"b"}})")
                                                       << u"message.content"_qs;
    QTest::newRow("a key twice in an array element names its index")
        << QByteArray(R"({"models":[{"name":"a"},{"name":"b","size":1,"name":"c"}]})") << u"models[1].name"_qs;
    QTest::newRow("escaped and plain spellings of one key are the same key") << QByteArray(R"({"k\u0065y":1,"key":2})") << u"key"_qs;
}

void TestAdviceSchema::duplicateKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QVERIFY(!QJsonDocument::fromJson(json).isNull());
    const auto found = firstDuplicateKey(json);
    QCOMPARE(found.value_or(QString()), path);
}

QTEST_GUILESS_MAIN(TestAdviceSchema)
#include "tst_adviceschema.moc"
