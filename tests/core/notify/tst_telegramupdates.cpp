// SPDX-License-Identifier: GPL-3.0-or-later
// The getUpdates parser (ADR 0119) over every recorded two-way body and the bad-input cases:
// each folder under tests/data/telegram/two-way/golden is one answer and what it must parse to
// (see its README.md). A new folder is a new test.
#include "TestData.h"
#include "notify/TelegramReply.h"
#include "notify/TelegramUpdates.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sentinel;

class TestTelegramUpdates final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goldenCase_data();
    void goldenCase();
    void everyRecordedBodyIsInAGoldenCase();
    void recordedCallbackUpdateParsesOnItsOwn();
    void bodyOverTheCapIsRefusedUnread();
    void offsetNeverMovesBackwards();
    void aBotTokenEchoedInARefusalIsMasked();
    void refusalsKeepTheReplyForThePoller();
};

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString goldenPath()
{
    return test::dataPath(QStringLiteral("telegram/two-way/golden"));
}

QJsonObject toJson(const TelegramUpdate& update)
{
    if (const auto* press = std::get_if<CallbackPress>(&update))
        return {{QStringLiteral("type"), QStringLiteral("callback_press")},
                {QStringLiteral("update_id"), press->updateId},
                {QStringLiteral("query_id"), press->queryId},
                {QStringLiteral("from_user_id"), press->fromUserId},
                {QStringLiteral("from_username"), press->fromUsername},
                {QStringLiteral("chat_id"), press->chatId},
                {QStringLiteral("message_id"), press->messageId},
                {QStringLiteral("data"), press->data}};
    if (const auto* command = std::get_if<CommandMessage>(&update))
        return {{QStringLiteral("type"), QStringLiteral("command")},
                {QStringLiteral("update_id"), command->updateId},
                {QStringLiteral("from_user_id"), command->fromUserId},
                {QStringLiteral("from_username"), command->fromUsername},
                {QStringLiteral("chat_id"), command->chatId},
                {QStringLiteral("message_id"), command->messageId},
                {QStringLiteral("command"), command->command},
                {QStringLiteral("bot_suffix"), command->botSuffix},
                {QStringLiteral("args"), command->args}};
    return {{QStringLiteral("type"), QStringLiteral("other")}, {QStringLiteral("update_id"), updateIdOf(update)}};
}

} // namespace

void TestTelegramUpdates::goldenCase_data()
{
    QTest::addColumn<QString>("folder");
    const QDir dir(goldenPath());
    const QStringList cases = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 40, qPrintable(QStringLiteral("only %1 golden cases in %2").arg(cases.size()).arg(dir.path())));
    for (const QString& name : cases)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestTelegramUpdates::goldenCase()
{
    QFETCH(QString, folder);
    const QByteArray input = readAll(folder + u"/input.json");
    const QJsonObject expected = QJsonDocument::fromJson(readAll(folder + u"/expected.json")).object();
    QVERIFY(!expected.isEmpty());
    const int status = expected.value(u"http_status").toInt();
    const qint64 offset = expected.value(u"requested_offset").toInteger();
    const auto parsed = TelegramUpdates::parse(status, input, offset);

    if (expected.contains(u"error_kind")) {
        QVERIFY2(!parsed.ok(), "expected the answer to be refused as a whole");
        QCOMPARE(parsed.error().kind, expected.value(u"error_kind").toString());
        QVERIFY(!parsed.error().remedy.isEmpty());
        const QString needle = expected.value(u"message_contains").toString();
        QVERIFY2(parsed.error().message.contains(needle),
                 qPrintable(u'\'' + parsed.error().message + u"' does not name '" + needle + u'\''));
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().kind + u": " + parsed.error().message));
    const UpdateBatch& batch = parsed.value();

    QJsonArray updates;
    for (const TelegramUpdate& update : batch.updates)
        updates.append(toJson(update));
    if (updates != expected.value(u"updates").toArray()) {
        qWarning().noquote() << "actual:" << QJsonDocument(updates).toJson();
        QFAIL("updates differ from expected.json");
    }

    const QJsonArray skipped = expected.value(u"skipped").toArray();
    QCOMPARE(batch.skipped.size(), skipped.size());
    for (qsizetype i = 0; i < skipped.size(); ++i) {
        const QJsonObject want = skipped.at(i).toObject();
        const SkippedUpdate& got = batch.skipped.at(i);
        QCOMPARE(got.index, want.value(u"index").toInt());
        QCOMPARE(got.updateId, want.value(u"update_id").toInteger());
        QCOMPARE(got.error.kind, want.value(u"error_kind").toString());
        QVERIFY(!got.error.remedy.isEmpty());
        const QString needle = want.value(u"message_contains").toString();
        QVERIFY2(got.error.message.contains(needle),
                 qPrintable(u'\'' + got.error.message + u"' does not name '" + needle + u'\''));
        QCOMPARE(got.toIssue().severity, Issue::Severity::Warning);
    }
    QCOMPARE(batch.nextOffset(offset), expected.value(u"next_offset").toInteger());
}

void TestTelegramUpdates::everyRecordedBodyIsInAGoldenCase()
{
    // A recorded body copied in without a case that reads it would be a fixture nobody checks.
    const QDir recorded(test::dataPath(QStringLiteral("telegram/two-way")));
    const QDir golden(goldenPath());
    QList<QByteArray> inputs;
    for (const QString& name : golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        inputs.append(readAll(golden.filePath(name + u"/input.json")));
    const QStringList bodies = recorded.entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(bodies.size(), 3);
    for (const QString& body : bodies) {
        const QByteArray bytes = readAll(recorded.filePath(body));
        QVERIFY(!bytes.isEmpty());
        const bool used = std::any_of(inputs.cbegin(), inputs.cend(), [&](const QByteArray& input) { return input.contains(bytes); });
        QVERIFY2(used, qPrintable(body + u" is in no golden case"));
    }
}

void TestTelegramUpdates::recordedCallbackUpdateParsesOnItsOwn()
{
    const auto update = TelegramUpdates::parseUpdate(readAll(test::dataPath(QStringLiteral("telegram/two-way/update_callback_query_with_message.json"))));
    QVERIFY2(update.ok(), qPrintable(update.ok() ? QString() : update.error().message));
    const auto* press = std::get_if<CallbackPress>(&update.value());
    QVERIFY(press);
    QCOMPARE(press->updateId, 10000);
    QCOMPARE(press->queryId, QStringLiteral("4382bfdwdsb323b2d9"));
    QCOMPARE(press->chatId, 2);
    QCOMPARE(press->messageId, 3572);
    QCOMPARE(press->data, QStringLiteral("*"));

    const auto bad = TelegramUpdates::parseUpdate(R"({"update_id":3,"callback_query":{"id":"1","from":{"id":"x"}}})");
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.startsWith(u"update.callback_query.from.id"), qPrintable(bad.error().message));
}

void TestTelegramUpdates::bodyOverTheCapIsRefusedUnread()
{
    QByteArray body = R"({"ok":true,"result":[]})";
    body.append(QByteArray(TelegramUpdates::maxBodyBytes, ' '));
    const auto parsed = TelegramUpdates::parse(200, body);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, QStringLiteral("body_too_large"));
}

void TestTelegramUpdates::offsetNeverMovesBackwards()
{
    UpdateBatch batch;
    QCOMPARE(batch.nextOffset(0), 0);
    QCOMPARE(batch.nextOffset(42), 42);
    batch.lastUpdateId = 41;
    QCOMPARE(batch.nextOffset(42), 42);
    QCOMPARE(batch.nextOffset(10), 42);
    batch.lastUpdateId = 42;
    QCOMPARE(batch.nextOffset(42), 43);
    // The largest update_id accepted leaves room for the offset after it.
    const auto parsed = TelegramUpdates::parse(200, R"({"ok":true,"result":[{"update_id":9223372036854775806}]})");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->nextOffset(0), std::numeric_limits<qint64>::max());
    const auto tooBig = TelegramUpdates::parse(200, R"({"ok":true,"result":[{"update_id":9223372036854775807}]})");
    QVERIFY(tooBig.ok());
    QCOMPARE(tooBig->skipped.size(), 1);
    QCOMPARE(tooBig->nextOffset(0), 0);
}

void TestTelegramUpdates::aBotTokenEchoedInARefusalIsMasked()
{
    const QByteArray token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";
    const QByteArray body = R"({"ok":false,"error_code":409,"description":"Conflict: /bot)" + token + R"(/getUpdates"})";
    const auto parsed = TelegramUpdates::parse(409, body);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, QStringLiteral("telegram_conflict"));
    QVERIFY(!parsed.error().toString().contains(QString::fromLatin1(token)));
    QVERIFY(!parsed.error().toString().contains(u"AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"));
}

void TestTelegramUpdates::refusalsKeepTheReplyForThePoller()
{
    // The poller acts on the classified reply (wait, conflict); fromReply only types the error.
    const TelegramReply reply = TelegramReply::classify(429, R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 9","parameters":{"retry_after":9}})");
    QCOMPARE(reply.kind, TelegramReply::Kind::RetryAfter);
    QCOMPARE(reply.retryAfterSeconds, 9);
    const auto parsed = TelegramUpdates::fromReply(reply);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, QStringLiteral("rate_limited"));
    QVERIFY(parsed.error().remedy.contains(u"9 s"));
    QCOMPARE(TelegramReply::classify(409, R"({"ok":false,"error_code":409,"description":"Conflict"})").kind,
             TelegramReply::Kind::Conflict);
    // No envelope at all still says who refused.
    QCOMPARE(TelegramReply::classify(409, "<html>").kind, TelegramReply::Kind::Conflict);
}

QTEST_GUILESS_MAIN(TestTelegramUpdates)
#include "tst_telegramupdates.moc"
