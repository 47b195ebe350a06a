// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"
#include "notify/TelegramReply.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace sentinel;
using Kind = TelegramReply::Kind;

class TestTelegramReply final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classifiesRecordedBodies_data();
    void classifiesRecordedBodies();
    void classifiesBodiesThatAreNotTheEnvelope_data();
    void classifiesBodiesThatAreNotTheEnvelope();
    void retryAfterIsClampedToAnHour_data();
    void retryAfterIsClampedToAnHour();
    void aDescriptionEchoingATokenIsMasked();
    void oddValuesNeverBecomeWrongWaitsOrChats_data();
    void oddValuesNeverBecomeWrongWaitsOrChats();
};

namespace {
struct Expected {
    Kind kind;
    int retryAfter;
    QString migrateTo;
};

// What each recorded body must mean. A fixture added without an entry fails the test.
const QHash<QString, Expected>& expectations()
{
    static const QHash<QString, Expected> table{
        {QStringLiteral("error_400_chat_not_found.json"), {Kind::ChatNotFound, 0, {}}},
        {QStringLiteral("error_400_markdown_entity_unclosed.json"), {Kind::ParseError, 0, {}}},
        {QStringLiteral("error_400_markdownv2_reserved_char.json"), {Kind::ParseError, 0, {}}},
        {QStringLiteral("error_400_message_too_long.json"), {Kind::TooLong, 0, {}}},
        {QStringLiteral("error_400_migrate_to_supergroup.json"), {Kind::ChatMigrated, 0, QStringLiteral("-1001234567890")}},
        {QStringLiteral("error_401_unauthorized.json"), {Kind::Unauthorized, 0, {}}},
        {QStringLiteral("error_403_bot_blocked.json"), {Kind::Forbidden, 0, {}}},
        {QStringLiteral("error_429_retry_after.json"), {Kind::RetryAfter, 34, {}}},
        {QStringLiteral("error_429_description_only.json"), {Kind::RetryAfter, 7, {}}},
        {QStringLiteral("error_500_internal.json"), {Kind::ServerError, 0, {}}},
        {QStringLiteral("ok_getchat.json"), {Kind::Ok, 0, {}}},
        {QStringLiteral("ok_getme.json"), {Kind::Ok, 0, {}}},
        {QStringLiteral("ok_sendmessage.json"), {Kind::Ok, 0, {}}},
    };
    return table;
}
} // namespace

void TestTelegramReply::classifiesRecordedBodies_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(test::dataPath(QStringLiteral("telegram")));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 13);
    for (const QString& file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestTelegramReply::classifiesRecordedBodies()
{
    QFETCH(QString, file);
    const QString name = QFileInfo(file).fileName();
    QVERIFY2(expectations().contains(name), qPrintable(u"no expectation for fixture " + name));
    const Expected expected = expectations().value(name);
    QFile input(file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const QByteArray body = input.readAll();
    // The HTTP status equals error_code (SOURCES.md); 200 for the ok bodies.
    const int status = name.startsWith(u"ok_") ? 200 : name.mid(6, 3).toInt();
    const TelegramReply reply = TelegramReply::classify(status, body);
    QCOMPARE(int(reply.kind), int(expected.kind));
    QCOMPARE(reply.retryAfterSeconds, expected.retryAfter);
    QCOMPARE(reply.migrateToChatId, expected.migrateTo);
}

void TestTelegramReply::classifiesBodiesThatAreNotTheEnvelope_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addRow("a 200 html page from a proxy is not a confirmation") << 200 << QByteArray("<html>ok</html>") << int(Kind::Malformed);
    QTest::addRow("a 200 with ok false is not a confirmation") << 200 << QByteArray(R"({"ok":false})") << int(Kind::BadRequest);
    QTest::addRow("a 502 from a gateway is a server error") << 502 << QByteArray("Bad Gateway") << int(Kind::ServerError);
    QTest::addRow("an empty 401 is a token problem") << 401 << QByteArray() << int(Kind::Unauthorized);
    QTest::addRow("a 404 means no such bot") << 404 << QByteArray(R"({"ok":false,"error_code":404,"description":"Not Found"})") << int(Kind::Unauthorized);
    QTest::addRow("a 403 kicked from the group is permanent for the chat") << 403
        << QByteArray(R"({"ok":false,"error_code":403,"description":"Forbidden: bot was kicked from the group chat"})") << int(Kind::Forbidden);
}

void TestTelegramReply::classifiesBodiesThatAreNotTheEnvelope()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QCOMPARE(int(TelegramReply::classify(status, body).kind), kind);
}

void TestTelegramReply::retryAfterIsClampedToAnHour_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("seconds");
    QTest::addRow("int max in parameters (a 68-year back-off) becomes an hour")
        << QByteArray(R"({"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":2147483647}})")
        << 3600;
    QTest::addRow("1e300 in parameters becomes an hour")
        << QByteArray(R"({"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":1e300}})")
        << 3600;
    QTest::addRow("a negative retry_after is no wait at all")
        << QByteArray(R"({"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":-5}})")
        << 0;
    QTest::addRow("an overflowing number in the description becomes an hour")
        << QByteArray(R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 99999999999999999999999"})")
        << 3600;
    QTest::addRow("a negative wait too long for a 64-bit integer is no wait (found by fuzz_telegram_reply)")
        << QByteArray(R"({"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":-5555555555555555555555555}})")
        << 0;
    QTest::addRow("a wait within the hour is kept")
        << QByteArray(R"({"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":3599}})")
        << 3599;
}

void TestTelegramReply::retryAfterIsClampedToAnHour()
{
    QFETCH(QByteArray, body);
    QFETCH(int, seconds);
    const TelegramReply reply = TelegramReply::classify(429, body);
    QCOMPARE(int(reply.kind), int(Kind::RetryAfter));
    QCOMPARE(reply.retryAfterSeconds, seconds);
}

void TestTelegramReply::aDescriptionEchoingATokenIsMasked()
{
    // A token this process never registered: masked by its shape alone.
    const QByteArray body = R"({"ok":false,"error_code":400,"description":"Bad Request: wrong path /bot5551234567:AAE-never_registered_token_0123456789/sendMessage"})";
    const TelegramReply reply = TelegramReply::classify(400, body);
    QVERIFY2(!reply.description.contains(u"never_registered_token"), qPrintable(reply.description));
    QVERIFY(reply.description.contains(u"/bot***/sendMessage"));
}

// Found by fuzz_telegram_reply: error_code overrode the HTTP status even when the body said ok,
// a negative retry_after was passed on, and any migrate_to_chat_id (a string, a fraction) read as chat 0.
void TestTelegramReply::oddValuesNeverBecomeWrongWaitsOrChats_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("migrateTo");
    QTest::addRow("a 500 whose body says ok with error_code 200 is a server error, not a delivery")
        << 500 << QByteArray(R"({"ok":true,"error_code":200,"result":{}})") << int(Kind::ServerError) << 0 << QString();
    QTest::addRow("a 200 that says ok is a delivery whatever its error_code")
        << 200 << QByteArray(R"({"ok":true,"error_code":429,"result":{}})") << int(Kind::Ok) << 0 << QString();
    QTest::addRow("a negative retry_after is no wait")
        << 429 << QByteArray(R"({"ok":false,"error_code":429,"parameters":{"retry_after":-5}})") << int(Kind::RetryAfter) << 0
        << QString();
    QTest::addRow("a migration to a chat id written as text is a bad request")
        << 400 << QByteArray(R"({"ok":false,"error_code":400,"description":"Bad Request","parameters":{"migrate_to_chat_id":"abc"}})")
        << int(Kind::BadRequest) << 0 << QString();
    QTest::addRow("a migration to a fractional chat id is a bad request")
        << 400 << QByteArray(R"({"ok":false,"error_code":400,"parameters":{"migrate_to_chat_id":-100.5}})")
        << int(Kind::BadRequest) << 0 << QString();
    QTest::addRow("a migration to chat zero is a bad request")
        << 400 << QByteArray(R"({"ok":false,"error_code":400,"parameters":{"migrate_to_chat_id":0}})") << int(Kind::BadRequest)
        << 0 << QString();
}

void TestTelegramReply::oddValuesNeverBecomeWrongWaitsOrChats()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(int, retryAfter);
    QFETCH(QString, migrateTo);
    const TelegramReply reply = TelegramReply::classify(status, body);
    QCOMPARE(int(reply.kind), kind);
    QCOMPARE(reply.retryAfterSeconds, retryAfter);
    QCOMPARE(reply.migrateToChatId, migrateTo);
}

QTEST_GUILESS_MAIN(TestTelegramReply)
#include "tst_telegramreply.moc"
