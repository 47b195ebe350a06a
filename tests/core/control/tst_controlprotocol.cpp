// SPDX-License-Identifier: GPL-3.0-or-later
// ControlProtocol (ADR 0133): one line of JSON each way, read strictly, every refusal typed.
#include "control/ControlProtocol.h"

#include <QJsonArray>
#include <QTest>

using namespace sentinel;

class TestControlProtocol final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commandNames();
    void onlyFlattenAndKillNeedConfirmation();
    void requestRoundTrip_data();
    void requestRoundTrip();
    void aMinimalRequestReadsConfirmAsFalse();
    void aRequestOfExactlyFourKibIsRead();
    void badRequests_data();
    void badRequests();
    void replyRoundTrip();
    void aReplyKeepsItsOwnFieldsOverFreeOnes();
    void aFailureCarriesItsKind();
    void badReplies_data();
    void badReplies();
    void aCompleteStatusPasses();
    void incompleteStatuses_data();
    void incompleteStatuses();
};

namespace {

QByteArray statusLine()
{
    return QByteArrayLiteral(R"j({"ok":true,"refused":false,"state":"running","paused":false,"mode":"approval",)j"
                             R"j("pending":2,"positions":[{"instrument":"FX:EUR/USD","quantity":1000}]})j"
                             "\n");
}

} // namespace

void TestControlProtocol::commandNames()
{
    const QStringList words{QStringLiteral("status"), QStringLiteral("pause"), QStringLiteral("resume"),
                            QStringLiteral("flatten"), QStringLiteral("kill")};
    QStringList names;
    for (const ControlCommand command : allControlCommands()) {
        names.append(controlCommandName(command));
        const auto named = controlCommandFromName(controlCommandName(command));
        QVERIFY(named);
        QCOMPARE(*named, command);
    }
    QCOMPARE(names, words);
    QVERIFY(!controlCommandFromName(u"Status"));
    QVERIFY(!controlCommandFromName(u""));
}

void TestControlProtocol::onlyFlattenAndKillNeedConfirmation()
{
    QVERIFY(controlCommandNeedsConfirmation(ControlCommand::Flatten));
    QVERIFY(controlCommandNeedsConfirmation(ControlCommand::Kill));
    QVERIFY(!controlCommandNeedsConfirmation(ControlCommand::Status));
    QVERIFY(!controlCommandNeedsConfirmation(ControlCommand::Pause));
    QVERIFY(!controlCommandNeedsConfirmation(ControlCommand::Resume));
}

void TestControlProtocol::requestRoundTrip_data()
{
    QTest::addColumn<ControlRequest>("request");
    for (const ControlCommand command : allControlCommands()) {
        QTest::addRow("%s, not confirmed", qPrintable(controlCommandName(command)))
            << ControlRequest{command, QStringLiteral("cli (alice)"), false};
        QTest::addRow("%s, confirmed", qPrintable(controlCommandName(command)))
            << ControlRequest{command, QStringLiteral("cli (alice)"), true};
    }
    QTest::newRow("a who outside ASCII") << ControlRequest{ControlCommand::Pause, QStringLiteral("cli (jürgen 山田)"),
                                                           false};
}

void TestControlProtocol::requestRoundTrip()
{
    QFETCH(ControlRequest, request);
    const QByteArray line = request.toLine();
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1);
    const auto read = ControlRequest::fromLine(line);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
    QCOMPARE(read.value(), request);
}

void TestControlProtocol::aMinimalRequestReadsConfirmAsFalse()
{
    const auto read = ControlRequest::fromLine(R"j({"v":1,"command":"flatten","who":"cli (bob)"})j"
                                               "\r\n");
    QVERIFY(read.ok());
    QCOMPARE(read->command, ControlCommand::Flatten);
    QCOMPARE(read->who, QStringLiteral("cli (bob)"));
    QCOMPARE(read->confirm, false);
}

void TestControlProtocol::aRequestOfExactlyFourKibIsRead()
{
    QByteArray line = ControlRequest{ControlCommand::Status, QStringLiteral("cli (alice)"), false}.toLine();
    line.insert(1, QByteArray(ControlRequest::maxBytes - line.size(), ' ')); // JSON white space
    QCOMPARE(line.size(), ControlRequest::maxBytes);
    QVERIFY(ControlRequest::fromLine(line).ok());
    line.insert(1, ' ');
    const auto over = ControlRequest::fromLine(line);
    QVERIFY(!over.ok());
    QCOMPARE(over.error().kind, QStringLiteral("control_too_long"));
}

void TestControlProtocol::badRequests_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("saying");
    const auto row = [](const char* name, const QByteArray& line, const char* kind, const char* saying) {
        QTest::newRow(name) << line << QString::fromLatin1(kind) << QString::fromUtf8(saying);
    };
    row("a line over 4 KiB", "{\"v\":1,\"command\":\"status\",\"who\":\"" + QByteArray(5000, 'a') + "\"}\n",
        "control_too_long", "over 4096 bytes");
    row("4 KiB and more without a newline", QByteArray(5000, '{'), "control_too_long", "over 4096 bytes");
    row("a line without its newline", R"j({"v":1,"command":"status","who":"cli (alice)"})j", "control_no_newline",
        "does not end with a newline");
    row("two lines",
        R"j({"v":1,"command":"status","who":"a"})j"
        "\n{}\n",
        "control_trailing_data", "one line is one request");
    row("an empty line", "\n", "control_not_json", "not valid JSON");
    row("not JSON", "pause please\n", "control_not_json", "not valid JSON");
    row("cut-off JSON", "{\"v\":1,\"command\":\n", "control_not_json", "not valid JSON");
    static constexpr char withNul[] = "{\"v\":1,\0\"command\":\"status\"}\n";
    row("NUL bytes", QByteArray(withNul, sizeof(withNul) - 1), "control_not_json", "not valid JSON");
    row("an array",
        R"j([{"v":1,"command":"status","who":"a"}])j"
        "\n",
        "control_not_object", "an array, not a JSON object");
    row("no version",
        R"j({"command":"status","who":"a"})j"
        "\n",
        "control_missing_field", "no \"v\"");
    row("version 2",
        R"j({"v":2,"command":"status","who":"a"})j"
        "\n",
        "control_wrong_version", "version 2");
    row("version 2 with keys of its own is still a version problem",
        R"j({"v":2,"command":"status","who":"a","scope":"all"})j"
        "\n",
        "control_wrong_version", "version 2");
    row("a version as a string",
        R"j({"v":"1","command":"status","who":"a"})j"
        "\n",
        "control_bad_field", "\"v\" is a string, not a whole number");
    row("a fractional version",
        R"j({"v":1.5,"command":"status","who":"a"})j"
        "\n",
        "control_bad_field", "not a whole number");
    row("an unknown command",
        R"j({"v":1,"command":"reboot","who":"a"})j"
        "\n",
        "control_unknown_command", "unknown command 'reboot'");
    row("a command in capitals",
        R"j({"v":1,"command":"PAUSE","who":"a"})j"
        "\n",
        "control_unknown_command", "unknown command 'PAUSE'");
    row("a command that is not a string",
        R"j({"v":1,"command":3,"who":"a"})j"
        "\n",
        "control_bad_field", "\"command\" is a number, not a string");
    row("no command",
        R"j({"v":1,"who":"a"})j"
        "\n",
        "control_missing_field", "no \"command\"");
    row("no who",
        R"j({"v":1,"command":"pause"})j"
        "\n",
        "control_missing_field", "no \"who\"");
    row("a who that is not a string",
        R"j({"v":1,"command":"pause","who":null})j"
        "\n",
        "control_bad_field", "\"who\" is null, not a string");
    row("an empty who",
        R"j({"v":1,"command":"pause","who":"  "})j"
        "\n",
        "control_bad_field", "is empty");
    row("a who over 128 characters", "{\"v\":1,\"command\":\"pause\",\"who\":\"" + QByteArray(129, 'w') + "\"}\n",
        "control_bad_field", "129 characters long");
    // JSON's \n escape: a newline inside the label, which would forge a log line.
    row("a who with a newline",
        R"j({"v":1,"command":"pause","who":"alice\nERROR engine: fake"})j"
        "\n",
        "control_bad_field", "control character");
    row("confirm as a string",
        R"j({"v":1,"command":"flatten","who":"a","confirm":"yes"})j"
        "\n",
        "control_bad_field", "\"confirm\" is a string, not a boolean");
    row("a misspelt key",
        R"j({"v":1,"command":"flatten","who":"a","confrim":true})j"
        "\n",
        "control_unknown_field", "\"confrim\"");
}

void TestControlProtocol::badRequests()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, kind);
    QFETCH(QString, saying);
    const auto read = ControlRequest::fromLine(line);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, kind);
    QVERIFY2(read.error().message.contains(saying), qPrintable(read.error().message));
    QVERIFY2(!read.error().remedy.isEmpty(), "every refusal says what to send instead");
    QVERIFY(read.error().message.size() < 400); // never echoes a whole line
}

void TestControlProtocol::replyRoundTrip()
{
    const QJsonObject fields{{QStringLiteral("state"), QStringLiteral("running")}, {QStringLiteral("pending"), 3}};
    for (const ControlReply& reply :
         {ControlReply::done(fields), ControlReply::done(),
          ControlReply::refusal(QStringLiteral("already paused by desktop (bob)"), fields)}) {
        const QByteArray line = reply.toLine();
        QCOMPARE(line.count('\n'), 1);
        const auto read = ControlReply::fromLine(line);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
        QCOMPARE(read.value(), reply);
    }
    const QJsonObject done = ControlReply::done(fields).toJson();
    QCOMPARE(done.value(u"ok"), QJsonValue(true));
    QCOMPARE(done.value(u"refused"), QJsonValue(false));
    QVERIFY(!done.contains(u"error"));
    const QJsonObject refused = ControlReply::refusal(QStringLiteral("no"), fields).toJson();
    QCOMPARE(refused.value(u"ok"), QJsonValue(false));
    QCOMPARE(refused.value(u"refused"), QJsonValue(true));
    QCOMPARE(refused.value(u"error"), QJsonValue(QStringLiteral("no")));
}

void TestControlProtocol::aReplyKeepsItsOwnFieldsOverFreeOnes()
{
    const QJsonObject forged{{QStringLiteral("ok"), true},
                             {QStringLiteral("refused"), false},
                             {QStringLiteral("error"), QStringLiteral("x")}};
    const QJsonObject json = ControlReply::refusal(QStringLiteral("declined"), forged).toJson();
    QCOMPARE(json.value(u"ok"), QJsonValue(false));
    QCOMPARE(json.value(u"refused"), QJsonValue(true));
    QCOMPARE(json.value(u"error"), QJsonValue(QStringLiteral("declined")));
    QVERIFY(!ControlReply::done(forged).toJson().contains(u"error"));
}

void TestControlProtocol::aFailureCarriesItsKind()
{
    const ControlReply reply = ControlReply::failure(Error(
        QStringLiteral("broker_down"), QStringLiteral("the broker is unreachable"), QStringLiteral("retry later")));
    QVERIFY(!reply.ok);
    QVERIFY(!reply.refused);
    QCOMPARE(reply.error, QStringLiteral("the broker is unreachable (retry later)"));
    QCOMPARE(reply.toJson().value(u"error_kind"), QJsonValue(QStringLiteral("broker_down")));
}

void TestControlProtocol::badReplies_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("kind");
    QTest::newRow("no ok") << QByteArray("{\"state\":\"running\"}\n") << "control_missing_field";
    QTest::newRow("ok as a string") << QByteArray("{\"ok\":\"true\"}\n") << "control_bad_field";
    QTest::newRow("refused as a number") << QByteArray("{\"ok\":false,\"refused\":1,\"error\":\"x\"}\n")
                                         << "control_bad_field";
    QTest::newRow("error as an object") << QByteArray("{\"ok\":false,\"error\":{}}\n") << "control_bad_field";
    QTest::newRow("a failure that does not say why") << QByteArray("{\"ok\":false}\n") << "control_malformed_reply";
    QTest::newRow("ok and refused together")
        << QByteArray("{\"ok\":true,\"refused\":true}\n") << "control_malformed_reply";
    QTest::newRow("not an object") << QByteArray("[true]\n") << "control_not_object";
    QTest::newRow("not JSON") << QByteArray("OK\n") << "control_not_json";
    QTest::newRow("cut off before its newline") << QByteArray("{\"ok\":true") << "control_no_newline";
    QTest::newRow("two replies") << QByteArray("{\"ok\":true}\n{\"ok\":true}\n") << "control_trailing_data";
    QByteArray huge = "{\"ok\":true,\"x\":\"" + QByteArray(ControlReply::maxBytes, 'x') + "\"}\n";
    QTest::newRow("over 1 MiB") << huge << "control_too_long";
}

void TestControlProtocol::badReplies()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, kind);
    const auto read = ControlReply::fromLine(line);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, kind);
}

void TestControlProtocol::aCompleteStatusPasses()
{
    const auto reply = ControlReply::fromLine(statusLine());
    QVERIFY(reply.ok());
    const Status complete = checkStatusReply(reply.value());
    QVERIFY2(complete.ok(), complete.ok() ? "" : qPrintable(complete.error().toString()));
}

void TestControlProtocol::incompleteStatuses_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value"); // undefined: the key is removed
    QTest::addColumn<QString>("saying");
    for (const char* key : {"state", "paused", "mode", "pending", "positions"})
        QTest::addRow("without %s", key) << QString::fromLatin1(key) << QJsonValue(QJsonValue::Undefined)
                                         << QStringLiteral("has no \"%1\"").arg(QString::fromLatin1(key));
    QTest::newRow("state as a number") << "state" << QJsonValue(1) << "\"state\" is a number, not a string";
    QTest::newRow("paused as a string") << "paused" << QJsonValue(QStringLiteral("no")) << "\"paused\" is a string";
    QTest::newRow("mode as null") << "mode" << QJsonValue(QJsonValue::Null) << "\"mode\" is null";
    QTest::newRow("pending below zero") << "pending" << QJsonValue(-1) << "not a whole number of at least 0";
    QTest::newRow("pending as a fraction") << "pending" << QJsonValue(1.5) << "not a whole number of at least 0";
    QTest::newRow("positions as an object") << "positions" << QJsonValue(QJsonObject{}) << "\"positions\" is an object";
}

void TestControlProtocol::incompleteStatuses()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, saying);
    ControlReply reply = ControlReply::fromLine(statusLine()).value();
    if (value.isUndefined())
        reply.fields.remove(key);
    else
        reply.fields.insert(key, value);
    const Status complete = checkStatusReply(reply);
    QVERIFY(!complete.ok());
    QCOMPARE(complete.error().kind, QStringLiteral("control_malformed_reply"));
    QVERIFY2(complete.error().message.contains(saying), qPrintable(complete.error().message));
    QVERIFY(!checkStatusReply(ControlReply::refusal(QStringLiteral("starting"))).ok());
}

QTEST_GUILESS_MAIN(TestControlProtocol)
#include "tst_controlprotocol.moc"
