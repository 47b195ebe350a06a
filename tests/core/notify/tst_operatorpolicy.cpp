// SPDX-License-Identifier: GPL-3.0-or-later
// OperatorPolicy (ADR 0119): who may act, who is refused, what is ignored without a word.
#include "notify/OperatorPolicy.h"

#include <QTest>

using namespace sentinel;

class TestOperatorPolicy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data();
    void classify();
    void noOperatorsMeansNobodyActs();
    void aChannelNameMatchesNoChat();
};

namespace {

constexpr qint64 desk = -1001234567890;
constexpr qint64 alice = 111;
constexpr qint64 bob = 4503599627370496; // 2^52: user ids need 64 bits
constexpr qint64 stranger = 999;

TelegramUpdate press(qint64 chat, qint64 user)
{
    CallbackPress value;
    value.updateId = 1;
    value.chatId = chat;
    value.fromUserId = user;
    value.data = QStringLiteral("x");
    return value;
}

TelegramUpdate command(qint64 chat, qint64 user, const QString& suffix = {})
{
    CommandMessage value;
    value.updateId = 1;
    value.chatId = chat;
    value.fromUserId = user;
    value.command = QStringLiteral("status");
    value.botSuffix = suffix;
    return value;
}

OperatorPolicy policy()
{
    return OperatorPolicy(desk, {alice, bob}, QStringLiteral("SentinelBot"));
}

} // namespace

void TestOperatorPolicy::classify_data()
{
    QTest::addColumn<TelegramUpdate>("update");
    QTest::addColumn<OperatorDecision>("decision");
    QTest::newRow("an operator's press in the desk chat is acted on") << press(desk, alice) << OperatorDecision::Act;
    QTest::newRow("an operator with a 53-bit id is acted on") << command(desk, bob) << OperatorDecision::Act;
    QTest::newRow("a stranger's press in the desk chat is refused") << press(desk, stranger) << OperatorDecision::RefuseNotAuthorised;
    QTest::newRow("a stranger's command in the desk chat is refused") << command(desk, stranger) << OperatorDecision::RefuseNotAuthorised;
    QTest::newRow("an operator's press in another chat is ignored") << press(-100999, alice) << OperatorDecision::IgnoreOtherChat;
    QTest::newRow("an operator's private chat with the bot is another chat") << command(alice, alice) << OperatorDecision::IgnoreOtherChat;
    QTest::newRow("a stranger in another chat gets no reply") << command(-5, stranger) << OperatorDecision::IgnoreOtherChat;
    QTest::newRow("a command for another bot is not ours") << command(desk, alice, QStringLiteral("OtherBot")) << OperatorDecision::IgnoreNotOurs;
    QTest::newRow("a stranger's command for another bot is not refused") << command(desk, stranger, QStringLiteral("OtherBot")) << OperatorDecision::IgnoreNotOurs;
    QTest::newRow("a command for us by name is acted on") << command(desk, alice, QStringLiteral("sentinelbot")) << OperatorDecision::Act;
    QTest::newRow("a command for another bot in another chat is another chat") << command(-5, alice, QStringLiteral("OtherBot")) << OperatorDecision::IgnoreOtherChat;
    QTest::newRow("any other update is not ours") << TelegramUpdate(OtherUpdate{7}) << OperatorDecision::IgnoreNotOurs;
}

void TestOperatorPolicy::classify()
{
    QFETCH(TelegramUpdate, update);
    QFETCH(OperatorDecision, decision);
    QCOMPARE(OperatorPolicy::decisionName(policy().classify(update)), OperatorPolicy::decisionName(decision));
}

void TestOperatorPolicy::noOperatorsMeansNobodyActs()
{
    const OperatorPolicy empty(desk, {}, QStringLiteral("SentinelBot"));
    QCOMPARE(empty.classify(press(desk, alice)), OperatorDecision::RefuseNotAuthorised);
    // Ids that cannot be users are dropped, not matched.
    const OperatorPolicy odd(desk, {0, -111}, QStringLiteral("SentinelBot"));
    QCOMPARE(odd.classify(desk, 0), OperatorDecision::RefuseNotAuthorised);
    QCOMPARE(odd.classify(desk, -111), OperatorDecision::RefuseNotAuthorised);
}

void TestOperatorPolicy::aChannelNameMatchesNoChat()
{
    const OperatorPolicy channel(0, {alice}, QStringLiteral("SentinelBot"));
    QCOMPARE(channel.classify(press(0, alice)), OperatorDecision::IgnoreOtherChat);
    QCOMPARE(channel.classify(command(desk, alice)), OperatorDecision::IgnoreOtherChat);
}

QTEST_GUILESS_MAIN(TestOperatorPolicy)
#include "tst_operatorpolicy.moc"
