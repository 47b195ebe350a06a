// SPDX-License-Identifier: GPL-3.0-or-later
// TelegramKeyboard (ADR 0119): the bodies of the two-way flow, checked against the Bot API's
// field tables (tests/data/telegram/two-way/spec) and the MarkdownV2 rules.
#include "MarkdownV2Check.h"
#include "TestData.h"
#include "notify/CallbackToken.h"
#include "notify/TelegramKeyboard.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sentinel;

class TestTelegramKeyboard final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void proposalKeyboardHasApproveAndRejectBoundToTheProposal();
    void flattenKeyboardHasConfirmAndCancel();
    void everyBodyUsesOnlyFieldsTheSpecNames();
    void outcomeText_data();
    void outcomeText();
    void outcomeEditKeepsTheMessageParsesAndRemovesTheButtons();
    void anOutcomeThatDoesNotFitReplacesTheText();
    void answerTextIsCutToTwoHundredCharacters();
    void aBadProposalIdIsAnErrorNotABrokenButton();
};

namespace {

const QByteArray key = QByteArray(32, 'k');
const QString proposal = QStringLiteral("0f8e2c1a-7d3b-4e5f-9a6b-1c2d3e4f5a6b");
constexpr qint64 chat = -1001234567890;

QJsonArray buttons(const QJsonObject& markup)
{
    const QJsonArray rows = markup.value(u"inline_keyboard").toArray();
    return rows.size() == 1 ? rows.at(0).toArray() : QJsonArray();
}

QStringList specFields(const QString& file)
{
    QFile spec(test::dataPath(QStringLiteral("telegram/two-way/spec/") + file));
    if (!spec.open(QIODevice::ReadOnly))
        return {};
    QStringList names;
    for (const QJsonValue field : QJsonDocument::fromJson(spec.readAll()).object().value(u"fields").toArray())
        names.append(field.toObject().value(u"name").toString());
    return names;
}

void onlySpecFields(const QJsonObject& body, const QString& file, const QStringList& extra = {})
{
    const QStringList allowed = specFields(file) + extra;
    QVERIFY2(!allowed.isEmpty(), qPrintable(file));
    for (const QString& name : body.keys())
        QVERIFY2(allowed.contains(name), qPrintable(name + u" is not a field of " + file));
}

} // namespace

void TestTelegramKeyboard::proposalKeyboardHasApproveAndRejectBoundToTheProposal()
{
    const auto markup = TelegramKeyboard::proposalMarkup(key, proposal, chat);
    QVERIFY(markup.ok());
    const QJsonArray row = buttons(markup.value());
    QCOMPARE(row.size(), 2);
    QVERIFY(row.at(0).toObject().value(u"text").toString().contains(u"Approve"));
    QVERIFY(row.at(1).toObject().value(u"text").toString().contains(u"Reject"));
    const QString approve = row.at(0).toObject().value(u"callback_data").toString();
    const QString reject = row.at(1).toObject().value(u"callback_data").toString();
    QVERIFY(approve.toUtf8().size() <= 64 && reject.toUtf8().size() <= 64);
    const auto lookup = [](const CallbackToken&) -> std::optional<qint64> { return 12; };
    const CallbackCheck approveCheck = CallbackTokenCodec::verify(key, approve, chat, chat, 12, lookup);
    QCOMPARE(approveCheck.verdict, CallbackVerdict::Ok);
    QCOMPARE(approveCheck.token, (CallbackToken{CallbackAction::Approve, proposal}));
    QCOMPARE(CallbackTokenCodec::verify(key, reject, chat, chat, 12, lookup).token.action, CallbackAction::Reject);
}

void TestTelegramKeyboard::flattenKeyboardHasConfirmAndCancel()
{
    const auto markup = TelegramKeyboard::flattenMarkup(key, QStringLiteral("flatten-1"), chat);
    QVERIFY(markup.ok());
    const QJsonArray row = buttons(markup.value());
    QCOMPARE(row.size(), 2);
    QCOMPARE(CallbackTokenCodec::decode(row.at(0).toObject().value(u"callback_data").toString())->action, CallbackAction::FlattenConfirm);
    QCOMPARE(CallbackTokenCodec::decode(row.at(1).toObject().value(u"callback_data").toString())->action, CallbackAction::FlattenCancel);
}

void TestTelegramKeyboard::everyBodyUsesOnlyFieldsTheSpecNames()
{
    const TelegramPart part{QStringLiteral("*BUY* ETH\\-USD"), QStringLiteral("BUY ETH-USD")};
    const QJsonObject markup = TelegramKeyboard::proposalMarkup(key, proposal, chat).value();
    const QJsonObject send = TelegramKeyboard::sendMessageBody(chat, part, markup);
    onlySpecFields(send, QStringLiteral("spec_method_sendMessage.json"));
    QCOMPARE(send.value(u"parse_mode").toString(), QStringLiteral("MarkdownV2"));
    QCOMPARE(send.value(u"chat_id").toInteger(), chat);
    QVERIFY(!TelegramKeyboard::sendMessageBody(chat, part, markup, true).contains(u"parse_mode"));
    for (const QJsonValue button : buttons(markup))
        onlySpecFields(button.toObject(), QStringLiteral("spec_type_InlineKeyboardButton.json"));
    onlySpecFields(markup, QStringLiteral("spec_type_InlineKeyboardMarkup.json"));
    onlySpecFields(TelegramKeyboard::removeButtonsBody(chat, 5), QStringLiteral("spec_method_editMessageReplyMarkup.json"));
    onlySpecFields(TelegramKeyboard::answerCallbackBody(QStringLiteral("q"), u"done", true),
                   QStringLiteral("spec_method_answerCallbackQuery.json"));
    // editMessageText is not among the recorded tables; its fields are sendMessage's plus message_id.
    const QJsonObject edit = TelegramKeyboard::editOutcomeBody(chat, 5, part, DecisionNote{});
    onlySpecFields(edit, QStringLiteral("spec_method_sendMessage.json"), {QStringLiteral("message_id")});
    QCOMPARE(edit.value(u"reply_markup").toObject().value(u"inline_keyboard").toArray().size(), 0);
}

void TestTelegramKeyboard::outcomeText_data()
{
    QTest::addColumn<DecisionNote>("note");
    QTest::addColumn<QString>("text");
    const QDateTime at(QDate(2026, 12, 1), QTime(14, 2, 11, 900), Qt::UTC);
    QTest::newRow("an approval that filled")
        << DecisionNote{DecisionNote::Kind::Approved, QStringLiteral("user"), 1, at, DecisionNote::Fill{2.0, 2474.1}}
        << QStringLiteral("approved by @user at 14:02:11 UTC — filled 2.0 @ 2,474.1");
    QTest::newRow("a rejection by someone without a username")
        << DecisionNote{DecisionNote::Kind::Rejected, {}, 4503599627370496, at, {}}
        << QStringLiteral("rejected by user 4503599627370496 at 14:02:11 UTC");
    QTest::newRow("an expiry") << DecisionNote{DecisionNote::Kind::Expired, {}, 0, at, {}} << QStringLiteral("expired at 14:02:11 UTC");
    QTest::newRow("decided on the desktop first") << DecisionNote{DecisionNote::Kind::DecidedOnDesktop, {}, 0, {}, {}}
                                                  << QStringLiteral("already decided on the desktop");
    QTest::newRow("a fill at a small price keeps its digits")
        << DecisionNote{DecisionNote::Kind::Approved, QStringLiteral("a_b"), 1, at, DecisionNote::Fill{1000, 1.08455}}
        << QStringLiteral("approved by @a_b at 14:02:11 UTC — filled 1,000.0 @ 1.08455");
    QTest::newRow("a fill price with slippage is cut to eight significant digits")
        << DecisionNote{DecisionNote::Kind::Approved, QStringLiteral("alice"), 1, at, DecisionNote::Fill{0.0585, 85474.24243878726}}
        << QStringLiteral("approved by @alice at 14:02:11 UTC — filled 0.0585 @ 85,474.242");
    QTest::newRow("decided on the desktop, shown under the proposal")
        << DecisionNote{DecisionNote::Kind::Rejected, {}, 0, at, {}, QStringLiteral("on the desktop (bob)"), {}}
        << QStringLiteral("rejected on the desktop (bob) at 14:02:11 UTC");
    QTest::newRow("an approval the re-check refused says why")
        << DecisionNote{DecisionNote::Kind::Refused, {}, 0, at, {}, {}, QStringLiteral("data is stale now")}
        << QStringLiteral("refused at 14:02:11 UTC: data is stale now");
    QTest::newRow("a time in another zone is shown in UTC")
        << DecisionNote{DecisionNote::Kind::FlattenConfirmed, QStringLiteral("op"), 1, at.toOffsetFromUtc(3600), {}}
        << QStringLiteral("flatten confirmed by @op at 14:02:11 UTC");
}

void TestTelegramKeyboard::outcomeText()
{
    QFETCH(DecisionNote, note);
    QTEST(TelegramKeyboard::outcomeText(note), "text");
}

void TestTelegramKeyboard::outcomeEditKeepsTheMessageParsesAndRemovesTheButtons()
{
    const TelegramPart part{QStringLiteral("*BUY* ETH\\-USD 2\\.0"), QStringLiteral("BUY ETH-USD 2.0")};
    const DecisionNote note{DecisionNote::Kind::Approved, QStringLiteral("desk_op"), 1,
                            QDateTime(QDate(2026, 12, 1), QTime(14, 2, 11), Qt::UTC), DecisionNote::Fill{2.0, 2474.1}};
    const QJsonObject edit = TelegramKeyboard::editOutcomeBody(chat, 99, part, note);
    QCOMPARE(edit.value(u"message_id").toInteger(), 99);
    const QString text = edit.value(u"text").toString();
    const auto visible = test::parseMarkdownV2(text);
    QVERIFY2(visible, qPrintable(text)); // '_', '.', '-' and '@' in the outcome are escaped
    QCOMPARE(*visible, part.plainText + u"\n\n" + TelegramKeyboard::outcomeText(note));
    const QJsonObject plain = TelegramKeyboard::editOutcomeBody(chat, 99, part, note, true);
    QVERIFY(!plain.contains(u"parse_mode"));
    QCOMPARE(plain.value(u"text").toString(), *visible);
}

void TestTelegramKeyboard::anOutcomeThatDoesNotFitReplacesTheText()
{
    const QString long4096(4096, u'a');
    const TelegramPart part{long4096, long4096};
    const QJsonObject edit = TelegramKeyboard::editOutcomeBody(chat, 1, part, DecisionNote{});
    QCOMPARE(edit.value(u"text").toString(), QStringLiteral("expired"));
}

void TestTelegramKeyboard::answerTextIsCutToTwoHundredCharacters()
{
    const QString emoji = QStringLiteral("\U0001F600");
    QString text;
    for (int i = 0; i < 150; ++i)
        text += emoji; // 300 UTF-16 units
    const QJsonObject body = TelegramKeyboard::answerCallbackBody(QStringLiteral("q"), text);
    const QString sent = body.value(u"text").toString();
    QVERIFY(sent.size() <= TelegramKeyboard::maxAnswerLength);
    QVERIFY(!sent.at(sent.size() - 2).isHighSurrogate()); // no half of a pair before the ellipsis
    QCOMPARE(TelegramKeyboard::answerCallbackBody(QStringLiteral("q"), u"not authorised").value(u"text").toString(),
             QStringLiteral("not authorised"));
    QVERIFY(!TelegramKeyboard::answerCallbackBody(QStringLiteral("q"), u"").contains(u"text"));
}

void TestTelegramKeyboard::aBadProposalIdIsAnErrorNotABrokenButton()
{
    QVERIFY(!TelegramKeyboard::proposalMarkup(key, QString(40, u'a'), chat).ok());
    QVERIFY(!TelegramKeyboard::proposalMarkup(QByteArray(3, 'k'), proposal, chat).ok());
}

QTEST_GUILESS_MAIN(TestTelegramKeyboard)
#include "tst_telegramkeyboard.moc"
