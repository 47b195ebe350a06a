// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeHttpServer.h"
#include "MarkdownV2Check.h"
#include "NotifyTestSupport.h"
#include "common/ManualClock.h"
#include "notify/TelegramChannel.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace sentinel;
using namespace sentinel::test;
using Outcome = DeliveryOutcome::Status;

namespace {
const QString token = QStringLiteral("123456789:AAH-test_token_abcdefghijklmnopqrstu");
const QByteArray sendPath = "/bot" + token.toUtf8() + "/sendMessage";

} // namespace

class TestTelegramChannel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void reservedCharactersArriveEscaped();
    void unparsableEntitiesAreResentOnceAsPlainText_data();
    void unparsableEntitiesAreResentOnceAsPlainText();
    void errorsAreClassifiedFromTheBody_data();
    void errorsAreClassifiedFromTheBody();
    void rateLimitHonoursRetryAfter_data();
    void rateLimitHonoursRetryAfter();
    void chatMigrationIsFollowedAndReported();
    void networkFailureIsTransient();
    void tenThousandCharacterMessageArrivesAsValidPacedParts();
    void resumesAfterThePartsAlreadyConfirmed();
    void verifyChecksTokenAndChat_data();
    void verifyChecksTokenAndChat();
    void staticValidationNamesTheKeyToFix_data();
    void staticValidationNamesTheKeyToFix();
    void anErrorDescriptionEchoingTheTokenNeverReachesTheOutcome_data();
    void anErrorDescriptionEchoingTheTokenNeverReachesTheOutcome();
    void aTricklingApiIsCutOffAtTheDeadline();
    void anOversizedAnswerIsAbortedUnread();

private:
    TelegramSettings settings() const;
    SignalMessage signal(const QString& text = QStringLiteral("cross up")) const;
    /// Delivers and drives clock and event loop until the channel reports; empty on timeout.
    std::optional<DeliveryOutcome> deliver(TelegramChannel& channel, const SignalMessage& message, int partsDone = 0);
    void drive(const std::function<bool()>& finished);
    QJsonObject sentBody(qsizetype index) const
    {
        return QJsonDocument::fromJson(m_server->requests().at(index).body).object();
    }

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
    QList<CannedResponse> m_script; ///< answers for sendMessage, in order; 200 ok when empty
};

void TestTelegramChannel::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC));
    m_script.clear();
    m_server->route(sendPath, [this](const RecordedRequest&) {
        return m_script.isEmpty() ? telegramFixture(QStringLiteral("ok_sendmessage.json")) : m_script.takeFirst();
    });
}

void TestTelegramChannel::cleanup()
{
    m_server.reset();
    m_clock.reset();
}

TelegramSettings TestTelegramChannel::settings() const
{
    return telegramSettingsFor(token, m_server->baseUrl());
}

SignalMessage TestTelegramChannel::signal(const QString& text) const
{
    return SignalMessage{QStringLiteral("sig-1"), QStringLiteral("FX:EUR_USD"), QStringLiteral("BUY"), 1.085, text,
                         m_clock->now(), {}};
}

void TestTelegramChannel::drive(const std::function<bool()>& finished)
{
    driveUntil(*m_clock, finished, 50);
}

std::optional<DeliveryOutcome> TestTelegramChannel::deliver(TelegramChannel& channel, const SignalMessage& message,
                                                            int partsDone)
{
    std::optional<DeliveryOutcome> result;
    channel.deliver(DeliveryAttempt{message, partsDone}, {}, [&result](const DeliveryOutcome& o) { result = o; });
    drive([&result] { return result.has_value(); });
    return result;
}

void TestTelegramChannel::reservedCharactersArriveEscaped()
{
    TelegramChannel channel(settings(), *m_clock);
    const QString text = QStringLiteral("EUR_USD *strong* (SMA 20 > 50) at 1.0850 - ok! [x] ~y~ `z` #1 +2 =3 |4| {5} \\6");
    const auto outcome = deliver(channel, signal(text));
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::Delivered);
    QCOMPARE(m_server->requestCount(sendPath), 1);
    const QJsonObject body = sentBody(0);
    QCOMPARE(body.value(u"parse_mode").toString(), QStringLiteral("MarkdownV2"));
    QCOMPARE(body.value(u"chat_id").toString(), QStringLiteral("-100777"));
    const auto visible = parseMarkdownV2(body.value(u"text").toString());
    QVERIFY2(visible, qPrintable(body.value(u"text").toString()));
    QVERIFY(visible->contains(text));
    QVERIFY(body.value(u"text").toString().contains(u"EUR\\_USD \\*strong\\* \\(SMA 20 \\> 50\\) at 1\\.0850"));
}

void TestTelegramChannel::unparsableEntitiesAreResentOnceAsPlainText_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::addColumn<bool>("secondAlsoFails");
    QTest::addRow("reserved character refused then plain text delivered") << QStringLiteral("error_400_markdownv2_reserved_char.json") << false;
    QTest::addRow("unclosed entity refused then plain text delivered") << QStringLiteral("error_400_markdown_entity_unclosed.json") << false;
    QTest::addRow("plain text refused as well is rejected, not resent again") << QStringLiteral("error_400_markdownv2_reserved_char.json") << true;
}

void TestTelegramChannel::unparsableEntitiesAreResentOnceAsPlainText()
{
    QFETCH(QString, fixtureName);
    QFETCH(bool, secondAlsoFails);
    m_script = {telegramFixture(fixtureName)};
    if (secondAlsoFails)
        m_script.append(telegramFixture(fixtureName));
    TelegramChannel channel(settings(), *m_clock);
    const auto outcome = deliver(channel, signal(QStringLiteral("1.5 (x)")));
    QVERIFY(outcome);
    QCOMPARE(outcome->status, secondAlsoFails ? Outcome::Rejected : Outcome::Delivered);
    QCOMPARE(m_server->requestCount(sendPath), 2);
    QVERIFY(sentBody(0).contains(u"parse_mode"));
    QVERIFY(!sentBody(1).contains(u"parse_mode"));
    QVERIFY(sentBody(1).value(u"text").toString().contains(u"1.5 (x)"));
}

void TestTelegramChannel::errorsAreClassifiedFromTheBody_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("configKey");
    QTest::addColumn<bool>("hasRetryAt");
    QTest::addRow("401 is a token configuration error") << QStringLiteral("error_401_unauthorized.json")
                                                         << int(Outcome::ChannelUnavailable) << QStringLiteral("telegram.bot_token") << false;
    QTest::addRow("chat not found is permanent for the chat") << QStringLiteral("error_400_chat_not_found.json")
                                                               << int(Outcome::ChannelUnavailable) << QStringLiteral("telegram.chat_id") << false;
    QTest::addRow("blocked bot is permanent for the chat") << QStringLiteral("error_403_bot_blocked.json")
                                                            << int(Outcome::ChannelUnavailable) << QStringLiteral("telegram.chat_id") << false;
    QTest::addRow("message too long is rejected") << QStringLiteral("error_400_message_too_long.json")
                                                  << int(Outcome::Rejected) << QString() << false;
    QTest::addRow("500 is transient with back-off") << QStringLiteral("error_500_internal.json")
                                                    << int(Outcome::RetryLater) << QString() << false;
    QTest::addRow("429 is transient at retry_after") << QStringLiteral("error_429_retry_after.json")
                                                     << int(Outcome::RetryLater) << QString() << true;
}

void TestTelegramChannel::errorsAreClassifiedFromTheBody()
{
    QFETCH(QString, fixtureName);
    QFETCH(int, status);
    QFETCH(QString, configKey);
    QFETCH(bool, hasRetryAt);
    m_script = {telegramFixture(fixtureName)};
    TelegramChannel channel(settings(), *m_clock);
    const auto outcome = deliver(channel, signal());
    QVERIFY(outcome);
    QCOMPARE(int(outcome->status), status);
    QCOMPARE(outcome->configKey, configKey);
    QCOMPARE(outcome->retryAt.isValid(), hasRetryAt);
    QVERIFY(!outcome->error.message.isEmpty());
    QVERIFY(!outcome->error.remedy.isEmpty());
    QVERIFY(!outcome->error.message.contains(token));
    QCOMPARE(m_server->requestCount(sendPath), 1); // none of these is retried inside the channel
}

void TestTelegramChannel::rateLimitHonoursRetryAfter_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::addColumn<int>("seconds");
    QTest::addRow("retry_after from parameters") << QStringLiteral("error_429_retry_after.json") << 34;
    QTest::addRow("retry time from the description when parameters is absent") << QStringLiteral("error_429_description_only.json") << 7;
}

void TestTelegramChannel::rateLimitHonoursRetryAfter()
{
    QFETCH(QString, fixtureName);
    QFETCH(int, seconds);
    m_script = {telegramFixture(fixtureName)};
    TelegramChannel channel(settings(), *m_clock);
    const QDateTime start = m_clock->now();
    const auto outcome = deliver(channel, signal());
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::RetryLater);
    QCOMPARE(outcome->retryAt, start.addSecs(seconds));

    // Even a new delivery through the same channel waits until retry_after has passed.
    QSignalSpy started(&channel, &DeliveryChannel::requestStarted);
    std::optional<DeliveryOutcome> second;
    channel.deliver(DeliveryAttempt{signal(), 0}, {}, [&second](const DeliveryOutcome& o) { second = o; });
    QCOMPARE(started.count(), 0);
    m_clock->advanceTo(start.addSecs(seconds).addMSecs(-1));
    QCOMPARE(started.count(), 0);
    m_clock->advanceTo(start.addSecs(seconds));
    QCOMPARE(started.count(), 1);
    QTRY_VERIFY(second.has_value());
    QCOMPARE(second->status, Outcome::Delivered);
    QCOMPARE(m_server->requestCount(sendPath), 2);
}

void TestTelegramChannel::chatMigrationIsFollowedAndReported()
{
    m_script = {telegramFixture(QStringLiteral("error_400_migrate_to_supergroup.json"))};
    TelegramChannel channel(settings(), *m_clock);
    QSignalSpy migrated(&channel, &TelegramChannel::chatMigrated);
    const auto outcome = deliver(channel, signal());
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::Delivered);
    QCOMPARE(migrated.count(), 1);
    QCOMPARE(migrated.at(0).at(0).toString(), QStringLiteral("-100777"));
    QCOMPARE(migrated.at(0).at(1).toString(), QStringLiteral("-1001234567890"));
    QCOMPARE(m_server->requestCount(sendPath), 2);
    QCOMPARE(sentBody(1).value(u"chat_id").toString(), QStringLiteral("-1001234567890"));
    QCOMPARE(channel.chatId(), QStringLiteral("-1001234567890"));
}

void TestTelegramChannel::networkFailureIsTransient()
{
    // A port nobody listens on any more: connection refused.
    QUrl refused;
    {
        FakeHttpServer gone;
        QVERIFY(gone.start());
        refused = gone.baseUrl();
    }
    TelegramSettings unreachable = settings();
    unreachable.apiBaseUrl = refused;
    TelegramChannel channel(unreachable, *m_clock);
    const auto outcome = deliver(channel, signal());
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::RetryLater);
    QCOMPARE(outcome->error.kind, QStringLiteral("network_error"));
    QVERIFY(!outcome->retryAt.isValid());
    QVERIFY(!outcome->error.message.contains(token));
}

void TestTelegramChannel::tenThousandCharacterMessageArrivesAsValidPacedParts()
{
    QStringList lines;
    while (lines.join(u'\n').size() < 10000)
        lines.append(QStringLiteral("line %1: price 1.%2 (up) - ok!").arg(lines.size()).arg(lines.size() * 7));
    const QString text = lines.join(u'\n');
    TelegramChannel channel(settings(), *m_clock);
    QList<qint64> sentAtMs;
    connect(&channel, &DeliveryChannel::requestStarted, this, [&] { sentAtMs.append(m_clock->nowMs()); });
    QList<int> progress;
    std::optional<DeliveryOutcome> outcome;
    channel.deliver(DeliveryAttempt{signal(text), 0}, [&](int done) { progress.append(done); },
                    [&](const DeliveryOutcome& o) { outcome = o; });
    drive([&outcome] { return outcome.has_value(); });
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::Delivered);
    const int parts = m_server->requestCount(sendPath);
    QCOMPARE(parts, 3);
    QCOMPARE(outcome->partsDone, parts);
    QCOMPARE(progress, (QList<int>{1, 2, 3}));
    QStringList received;
    for (int i = 0; i < parts; ++i) {
        const auto visible = parseMarkdownV2(sentBody(i).value(u"text").toString());
        QVERIFY(visible);
        QVERIFY(visible->size() <= 4096);
        QVERIFY(visible->startsWith(QStringLiteral("(%1/%2)\n").arg(i + 1).arg(parts)));
        received.append(visible->section(u'\n', 1));
    }
    QVERIFY(received.join(u'\n').contains(text));
    // About one message a second per chat.
    QCOMPARE(sentAtMs.size(), 3);
    QVERIFY(sentAtMs.at(1) - sentAtMs.at(0) >= 1000);
    QVERIFY(sentAtMs.at(2) - sentAtMs.at(1) >= 1000);
}

void TestTelegramChannel::resumesAfterThePartsAlreadyConfirmed()
{
    const QString text = QString(9000, u'a').replace(4000, 1, u'\n');
    TelegramChannel channel(settings(), *m_clock);
    const auto outcome = deliver(channel, signal(text), 2);
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::Delivered);
    QCOMPARE(m_server->requestCount(sendPath), 1);
    QVERIFY(sentBody(0).value(u"text").toString().startsWith(u"\\(3/3\\)"));
}

void TestTelegramChannel::verifyChecksTokenAndChat_data()
{
    QTest::addColumn<QString>("getMe");
    QTest::addColumn<QString>("getChat");
    QTest::addColumn<QString>("problemKey");
    QTest::addRow("both answer: no problem") << QStringLiteral("ok_getme.json") << QStringLiteral("ok_getchat.json") << QString();
    QTest::addRow("a revoked token names telegram.bot_token") << QStringLiteral("error_401_unauthorized.json") << QStringLiteral("ok_getchat.json") << QStringLiteral("telegram.bot_token");
    QTest::addRow("an unknown chat names telegram.chat_id") << QStringLiteral("ok_getme.json") << QStringLiteral("error_400_chat_not_found.json") << QStringLiteral("telegram.chat_id");
    QTest::addRow("a migrated group names telegram.chat_id") << QStringLiteral("ok_getme.json") << QStringLiteral("error_400_migrate_to_supergroup.json") << QStringLiteral("telegram.chat_id");
}

void TestTelegramChannel::verifyChecksTokenAndChat()
{
    QFETCH(QString, getMe);
    QFETCH(QString, getChat);
    QFETCH(QString, problemKey);
    m_server->route("/bot" + token.toUtf8() + "/getMe", telegramFixture(getMe));
    m_server->route("/bot" + token.toUtf8() + "/getChat", telegramFixture(getChat));
    TelegramChannel channel(settings(), *m_clock);
    std::optional<Issues> issues;
    channel.verify([&issues](const Issues& found) { issues = found; });
    QTRY_VERIFY(issues.has_value());
    if (problemKey.isEmpty()) {
        QVERIFY(issues->isEmpty());
        QCOMPARE(QUrlQuery(m_server->requests().last().url).queryItemValue(QStringLiteral("chat_id")), QStringLiteral("-100777"));
    } else {
        QCOMPARE(issues->size(), 1);
        QCOMPARE(issues->first().location, problemKey);
        QVERIFY(!issues->first().remedy.isEmpty());
        QVERIFY(!issues->first().toString().contains(token));
    }
}

void TestTelegramChannel::staticValidationNamesTheKeyToFix_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("botToken");
    QTest::addColumn<QString>("chatId");
    QTest::addColumn<QStringList>("keys");
    const QString good = token;
    QTest::addRow("well-formed settings pass") << true << good << QStringLiteral("-1001234567890") << QStringList{};
    QTest::addRow("an @channel chat passes") << true << good << QStringLiteral("@sentinel_signals") << QStringList{};
    QTest::addRow("disabled telegram names telegram.enabled") << false << good << QStringLiteral("42") << QStringList{QStringLiteral("telegram.enabled")};
    QTest::addRow("an empty token names telegram.bot_token") << true << QString() << QStringLiteral("42") << QStringList{QStringLiteral("telegram.bot_token")};
    QTest::addRow("a token without the colon names telegram.bot_token") << true << QStringLiteral("123456789AAHtest_token_abcdefghijklmnopqrstu") << QStringLiteral("42") << QStringList{QStringLiteral("telegram.bot_token")};
    QTest::addRow("a short token secret names telegram.bot_token") << true << QStringLiteral("123:abc") << QStringLiteral("42") << QStringList{QStringLiteral("telegram.bot_token")};
    QTest::addRow("an empty chat names telegram.chat_id") << true << good << QString() << QStringList{QStringLiteral("telegram.chat_id")};
    QTest::addRow("a chat name without @ names telegram.chat_id") << true << good << QStringLiteral("my group") << QStringList{QStringLiteral("telegram.chat_id")};
}

void TestTelegramChannel::staticValidationNamesTheKeyToFix()
{
    QFETCH(bool, enabled);
    QFETCH(QString, botToken);
    QFETCH(QString, chatId);
    QFETCH(QStringList, keys);
    TelegramSettings s;
    s.enabled = enabled;
    s.botToken = Secret(botToken);
    s.chatId = chatId;
    const Issues issues = validateTelegramForSignalOnly(s);
    QStringList found;
    for (const Issue& issue : issues) {
        found.append(issue.location);
        QVERIFY(!issue.remedy.isEmpty());
        if (!botToken.isEmpty())
            QVERIFY(!issue.toString().contains(botToken));
    }
    QCOMPARE(found, keys);
}

void TestTelegramChannel::anErrorDescriptionEchoingTheTokenNeverReachesTheOutcome_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("echoed");
    const QString stranger = QStringLiteral("5551234567:AAE-never_registered_token_0123456789");
    QTest::addRow("400 echoing our token in the path") << 400 << token;
    QTest::addRow("401 echoing our token percent-encoded") << 401 << QString::fromUtf8(QUrl::toPercentEncoding(token));
    QTest::addRow("403 echoing a token never registered") << 403 << stranger;
    QTest::addRow("500 echoing the secret half alone") << 500 << token.section(u':', 1);
}

void TestTelegramChannel::anErrorDescriptionEchoingTheTokenNeverReachesTheOutcome()
{
    QFETCH(int, status);
    QFETCH(QString, echoed);
    const QByteArray body = QByteArrayLiteral(R"({"ok":false,"error_code":)") + QByteArray::number(status)
        + R"(,"description":"Bad Request: no such method /bot)" + echoed.toUtf8() + R"(/sendMessage"})";
    m_script = {CannedResponse::json(body, status)};
    TelegramChannel channel(settings(), *m_clock);
    const auto outcome = deliver(channel, signal());
    QVERIFY(outcome);
    QVERIFY(outcome->status != Outcome::Delivered);
    const QString shown = outcome->error.toString() + outcome->configKey;
    QVERIFY2(!shown.contains(echoed), qPrintable(shown));
    QVERIFY2(!shown.contains(token.section(u':', 1)), qPrintable(shown));
    QVERIFY2(shown.contains(u"***"), qPrintable(shown));
}

void TestTelegramChannel::aTricklingApiIsCutOffAtTheDeadline()
{
    CannedResponse trickle = telegramFixture(QStringLiteral("ok_sendmessage.json"));
    trickle.behaviour = CannedResponse::Behaviour::Trickle;
    trickle.trickleIntervalMs = 2000;
    m_script = {trickle};
    TelegramChannel::Options options;
    options.request.deadline = std::chrono::milliseconds(300);
    TelegramChannel channel(settings(), *m_clock, options);
    QElapsedTimer elapsed;
    elapsed.start();
    const auto outcome = deliver(channel, signal());
    QVERIFY(outcome);
    QVERIFY2(elapsed.elapsed() < 2000, QByteArray::number(elapsed.elapsed()).constData());
    QCOMPARE(outcome->status, Outcome::RetryLater);
    QCOMPARE(outcome->error.kind, QStringLiteral("deadline_exceeded"));
    QVERIFY(!outcome->error.message.contains(token.section(u':', 1)));
}

void TestTelegramChannel::anOversizedAnswerIsAbortedUnread()
{
    CannedResponse flood;
    flood.behaviour = CannedResponse::Behaviour::Flood;
    flood.announcedLength = qint64(400) * 1024 * 1024;
    flood.floodBytes = 4 * 1024 * 1024;
    m_script = {flood};
    TelegramChannel channel(settings(), *m_clock);
    const auto outcome = deliver(channel, signal());
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::RetryLater);
    QCOMPARE(outcome->error.kind, QStringLiteral("body_too_large"));
}

QTEST_GUILESS_MAIN(TestTelegramChannel)
#include "tst_telegramchannel.moc"
