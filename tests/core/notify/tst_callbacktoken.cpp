// SPDX-License-Identifier: GPL-3.0-or-later
// CallbackTokenCodec (ADR 0119): what a button carries, and every way a press is refused.
#include "notify/CallbackToken.h"

#include <QTest>
#include <QUuid>

using namespace sentinel;

class TestCallbackToken final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theLongestProposalIdFitsSixtyFourBytes();
    void encodedDataDecodesToItsActionAndSubject_data();
    void encodedDataDecodesToItsActionAndSubject();
    void verdicts_data();
    void verdicts();
    void malformedData_data();
    void malformedData();
    void shortKeysAndBadSubjectsAreRefusedWhenBuilding();
    void freshKeysDiffer();
};

namespace {

const QByteArray deskKey = QByteArray("0123456789abcdef0123456789abcdef");
const QString proposal = QStringLiteral("0f8e2c1a-7d3b-4e5f-9a6b-1c2d3e4f5a6b");
constexpr qint64 chat = -1001234567890;
constexpr qint64 message = 4711;

QString data(CallbackAction action = CallbackAction::Approve, const QString& subject = proposal, qint64 forChat = chat,
             const QByteArray& key = deskKey)
{
    const auto encoded = CallbackTokenCodec::encode(key, action, subject, forChat);
    return encoded.ok() ? encoded.value() : QString();
}

CallbackTokenCodec::MessageLookup recorded(std::optional<qint64> id)
{
    return [id](const CallbackToken& token) -> std::optional<qint64> {
        return token.subjectId == proposal ? id : std::nullopt;
    };
}

} // namespace

void TestCallbackToken::theLongestProposalIdFitsSixtyFourBytes()
{
    // TradeProposal::create makes QUuid::toString(WithoutBraces): 36 characters.
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(uuid.size(), CallbackTokenCodec::maxSubjectIdLength);
    for (const auto action : {CallbackAction::Approve, CallbackAction::Reject, CallbackAction::FlattenConfirm, CallbackAction::FlattenCancel}) {
        const QString encoded = data(action, uuid);
        QVERIFY(!encoded.isEmpty());
        QVERIFY2(encoded.toUtf8().size() <= 64, qPrintable(encoded));
        QCOMPARE(encoded.toUtf8().size(), 61);
    }
}

void TestCallbackToken::encodedDataDecodesToItsActionAndSubject_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("letter");
    QTest::newRow("approve is a") << int(CallbackAction::Approve) << QStringLiteral("a");
    QTest::newRow("reject is r") << int(CallbackAction::Reject) << QStringLiteral("r");
    QTest::newRow("flatten confirm is f") << int(CallbackAction::FlattenConfirm) << QStringLiteral("f");
    QTest::newRow("flatten cancel is c") << int(CallbackAction::FlattenCancel) << QStringLiteral("c");
}

void TestCallbackToken::encodedDataDecodesToItsActionAndSubject()
{
    QFETCH(int, action);
    QFETCH(QString, letter);
    const QString encoded = data(CallbackAction(action));
    QVERIFY(encoded.startsWith(letter + u':' + proposal + u':'));
    const auto token = CallbackTokenCodec::decode(encoded);
    QVERIFY(token);
    QCOMPARE(token->action, CallbackAction(action));
    QCOMPARE(token->subjectId, proposal);
    // The data names the proposal and nothing else: no key material, no chat id in clear.
    QVERIFY(!encoded.contains(QString::number(chat)));
    QVERIFY(!encoded.toLatin1().contains(deskKey));
}

void TestCallbackToken::verdicts_data()
{
    QTest::addColumn<QString>("pressed");
    QTest::addColumn<qint64>("pressChat");
    QTest::addColumn<qint64>("pressMessage");
    QTest::addColumn<std::optional<qint64>>("recordedMessage");
    QTest::addColumn<CallbackVerdict>("verdict");

    const QString good = data();
    QTest::newRow("our press on the recorded message is ok") << good << chat << message << std::optional<qint64>(message) << CallbackVerdict::Ok;
    QTest::newRow("the same data on another message is a replay") << good << chat << message + 1 << std::optional<qint64>(message) << CallbackVerdict::WrongMessage;
    QTest::newRow("a press after the proposal left the record is refused") << good << chat << message << std::optional<qint64>() << CallbackVerdict::WrongMessage;
    QTest::newRow("our data pressed in another chat is wrong chat") << good << qint64(42) << message << std::optional<qint64>(message) << CallbackVerdict::WrongChat;
    QTest::newRow("data made for another chat is forged here") << data(CallbackAction::Approve, proposal, 42) << chat << message << std::optional<qint64>(message) << CallbackVerdict::Forged;
    QTest::newRow("data made with another key is forged") << data(CallbackAction::Approve, proposal, chat, QByteArray(32, 'k')) << chat << message << std::optional<qint64>(message) << CallbackVerdict::Forged;
    QString flipped = good;
    flipped[0] = u'r'; // an approve button's data with its letter changed to reject
    QTest::newRow("an approve edited into a reject is forged") << flipped << chat << message << std::optional<qint64>(message) << CallbackVerdict::Forged;
    QString otherProposal = good;
    otherProposal[2] = otherProposal[2] == u'0' ? u'1' : u'0';
    QTest::newRow("a tag moved to another proposal is forged") << otherProposal << chat << message << std::optional<qint64>(message) << CallbackVerdict::Forged;
    QString lastChar = good;
    lastChar[lastChar.size() - 1] = lastChar.back() == u'A' ? u'B' : u'A';
    QTest::newRow("one changed tag character is forged") << lastChar << chat << message << std::optional<qint64>(message) << CallbackVerdict::Forged;
    QTest::newRow("garbage is malformed") << QStringLiteral("IntValue;fontSize;Font Size;-1") << chat << message << std::optional<qint64>(message) << CallbackVerdict::Malformed;
}

void TestCallbackToken::verdicts()
{
    QFETCH(QString, pressed);
    QFETCH(qint64, pressChat);
    QFETCH(qint64, pressMessage);
    QFETCH(std::optional<qint64>, recordedMessage);
    QFETCH(CallbackVerdict, verdict);
    const CallbackCheck check = CallbackTokenCodec::verify(deskKey, pressed, chat, pressChat, pressMessage, recorded(recordedMessage));
    QCOMPARE(CallbackTokenCodec::verdictName(check.verdict), CallbackTokenCodec::verdictName(verdict));
    if (verdict != CallbackVerdict::Malformed)
        QVERIFY(!check.token.subjectId.isEmpty());
}

void TestCallbackToken::malformedData_data()
{
    QTest::addColumn<QString>("pressed");
    const QString good = data();
    QTest::newRow("empty") << QString();
    QTest::newRow("the recorded sample's star") << QStringLiteral("*");
    QTest::newRow("unknown action letter") << QString(u'x' + good.mid(1));
    QTest::newRow("upper-case action letter") << QString(u'A' + good.mid(1));
    QTest::newRow("missing tag") << good.left(good.lastIndexOf(u':'));
    QTest::newRow("tag one character short") << good.chopped(1);
    QTest::newRow("tag one character long") << QString(good + u'A');
    QTest::newRow("tag with padding") << QString(good.chopped(1) + u'=');
    QTest::newRow("subject with a colon") << QString(QStringLiteral("a:ab:cd:") + good.right(22));
    QTest::newRow("subject with a space") << QString(QStringLiteral("a:ab cd:") + good.right(22));
    QTest::newRow("subject of 37 characters") << QString(QStringLiteral("a:") + QString(37, u'a') + u':' + good.right(22));
    QTest::newRow("empty subject") << QString(QStringLiteral("a::") + good.right(22));
    QTest::newRow("non-ascii subject") << QString(QStringLiteral("a:\u00e9:") + good.right(22));
    QTest::newRow("over 64 characters") << QString(good + QString(10, u'a'));
}

void TestCallbackToken::malformedData()
{
    QFETCH(QString, pressed);
    QVERIFY(!CallbackTokenCodec::decode(pressed));
    const CallbackCheck check = CallbackTokenCodec::verify(deskKey, pressed, chat, chat, message, recorded(message));
    QCOMPARE(check.verdict, CallbackVerdict::Malformed);
}

void TestCallbackToken::shortKeysAndBadSubjectsAreRefusedWhenBuilding()
{
    const auto shortKey = CallbackTokenCodec::encode(QByteArray(15, 'k'), CallbackAction::Approve, proposal, chat);
    QVERIFY(!shortKey.ok());
    QCOMPARE(shortKey.error().kind, QStringLiteral("invalid_key"));
    QVERIFY(!CallbackTokenCodec::encode(deskKey, CallbackAction::Approve, QString(37, u'a'), chat).ok());
    QVERIFY(!CallbackTokenCodec::encode(deskKey, CallbackAction::Approve, QStringLiteral("a:b"), chat).ok());
    QVERIFY(!CallbackTokenCodec::encode(deskKey, CallbackAction::Approve, QString(), chat).ok());
    // A short key is not accepted when checking either: every press is malformed then.
    QCOMPARE(CallbackTokenCodec::verify(QByteArray(4, 'k'), data(), chat, chat, message, recorded(message)).verdict,
             CallbackVerdict::Malformed);
}

void TestCallbackToken::freshKeysDiffer()
{
    const QByteArray a = CallbackTokenCodec::newKey();
    const QByteArray b = CallbackTokenCodec::newKey();
    QCOMPARE(a.size(), CallbackTokenCodec::keyBytes);
    QVERIFY(a != b);
    QVERIFY(data(CallbackAction::Approve, proposal, chat, a) != data(CallbackAction::Approve, proposal, chat, b));
}

QTEST_GUILESS_MAIN(TestCallbackToken)
#include "tst_callbacktoken.moc"
