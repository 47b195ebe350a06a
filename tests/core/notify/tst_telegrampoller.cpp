// SPDX-License-Identifier: GPL-3.0-or-later
// TelegramPoller (ADR 0119) against a Bot API stand-in on 127.0.0.1: long-polls getUpdates with
// the committed offset, hands batches over, and waits on the ManualClock after 409, 429, network
// loss and answers that come back empty at once, never spinning.
#include "NotifyTestSupport.h"
#include "common/ManualClock.h"
#include "notify/TelegramPoller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace sentinel;
using namespace sentinel::test;
using PollStatus = TelegramPollerState::Status;

namespace {
const QString token = QStringLiteral("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ");
const QByteArray updatesPath = "/bot" + token.toUtf8() + "/getUpdates";

QByteArray batchBody(std::initializer_list<qint64> ids)
{
    QJsonArray result;
    for (const qint64 id : ids)
        result.append(QJsonObject{
            {QStringLiteral("update_id"), id},
            {QStringLiteral("message"),
             QJsonObject{{QStringLiteral("message_id"), id},
                         {QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), 111}}},
                         {QStringLiteral("chat"), QJsonObject{{QStringLiteral("id"), -100777}}},
                         {QStringLiteral("text"), QStringLiteral("/status")}}}});
    return QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("result"), result}}).toJson();
}
} // namespace

class TestTelegramPoller final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void handsOverABatchAndConfirmsItOnlyAfterCommit();
    void anAnswerEmptyAtOnceIsFollowedByAPauseNotASpin();
    void aConflictWaitsAndIsShown();
    void retryAfterIsHonoured();
    void networkLossBacksOffExponentiallyAndRecovers();
    void aWrongTokenStopsPolling();
    void stopAbortsTheOpenPoll();

private:
    TelegramSettings settings() const;
    QJsonObject requestBody(qsizetype index) const
    {
        return QJsonDocument::fromJson(m_server->requests().at(index).body).object();
    }
    void waitForRequests(int count) { QTRY_COMPARE(m_server->requestCount(updatesPath), count); }
    void waitForStatus(const TelegramPoller& poller, PollStatus status)
    {
        QTRY_COMPARE(TelegramPollerState::statusName(poller.state().status), TelegramPollerState::statusName(status));
    }

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
    QList<CannedResponse> m_script; ///< answers, in order; a stalled long poll when empty
};

void TestTelegramPoller::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 12, 1), QTime(14, 0), Qt::UTC));
    m_script.clear();
    m_server->route(updatesPath, [this](const RecordedRequest&) {
        if (!m_script.isEmpty())
            return m_script.takeFirst();
        CannedResponse open; // a long poll with nothing to say yet
        open.behaviour = CannedResponse::Behaviour::Stall;
        return open;
    });
}

void TestTelegramPoller::cleanup()
{
    m_server.reset();
    m_clock.reset();
}

TelegramSettings TestTelegramPoller::settings() const
{
    return telegramSettingsFor(token, m_server->baseUrl());
}

void TestTelegramPoller::handsOverABatchAndConfirmsItOnlyAfterCommit()
{
    m_script = {CannedResponse::json(batchBody({10, 11}))};
    TelegramPoller poller(settings(), *m_clock);
    QSignalSpy batches(&poller, &TelegramPoller::batchReceived);
    poller.start(7);
    QTRY_COMPARE(batches.size(), 1);
    const auto batch = batches.at(0).at(0).value<UpdateBatch>();
    QCOMPARE(batch.updates.size(), 2);
    QCOMPARE(batches.at(0).at(1).toLongLong(), 12);
    QCOMPARE(poller.state().status, PollStatus::AwaitingCommit);
    QCOMPARE(poller.state().updates, 2);
    QCOMPARE(m_clock->pendingTimers(), 0); // nothing will poll until the caller commits
    QCOMPARE(m_server->requestCount(updatesPath), 1);

    const QJsonObject first = requestBody(0);
    QCOMPARE(first.value(u"offset").toInteger(), 7);
    QCOMPARE(first.value(u"timeout").toInt(), 30);
    QCOMPARE(first.value(u"limit").toInt(), 100);
    QCOMPARE(first.value(u"allowed_updates").toArray(),
             (QJsonArray{QStringLiteral("message"), QStringLiteral("callback_query")}));

    poller.commit(12);
    waitForRequests(2);
    QCOMPARE(requestBody(1).value(u"offset").toInteger(), 12);
    QCOMPARE(poller.state().status, PollStatus::Polling);
    // A commit never moves the offset back.
    poller.commit(3);
    QCOMPARE(poller.state().offset, 12);
}

void TestTelegramPoller::anAnswerEmptyAtOnceIsFollowedByAPauseNotASpin()
{
    m_script = {CannedResponse::json(batchBody({})), CannedResponse::json(batchBody({}))};
    TelegramPoller poller(settings(), *m_clock);
    QSignalSpy batches(&poller, &TelegramPoller::batchReceived);
    poller.start(0);
    waitForStatus(poller, PollStatus::BackingOff);
    QCOMPARE(m_server->requestCount(updatesPath), 1);
    QCOMPARE(poller.state().nextAttemptAt, m_clock->now().addSecs(1));
    QVERIFY(m_clock->advanceToNextTimer());
    waitForRequests(2);
    waitForStatus(poller, PollStatus::BackingOff);
    QCOMPARE(m_server->requestCount(updatesPath), 2);
    QCOMPARE(batches.size(), 0); // nothing to hand over
}

void TestTelegramPoller::aConflictWaitsAndIsShown()
{
    m_script = {CannedResponse::json(R"({"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"})",
                                     409)};
    TelegramPoller poller(settings(), *m_clock);
    poller.start(0);
    waitForStatus(poller, PollStatus::Conflict);
    QCOMPARE(poller.state().nextAttemptAt, m_clock->now().addSecs(30));
    QVERIFY(poller.state().lastError.contains(u"terminated by other getUpdates request"));
    QVERIFY(!poller.state().lastError.contains(token));
    m_clock->advanceBy(std::chrono::seconds(29));
    QCOMPARE(m_server->requestCount(updatesPath), 1);
    QVERIFY(m_clock->advanceToNextTimer());
    waitForRequests(2);
    QCOMPARE(poller.state().status, PollStatus::Polling);
}

void TestTelegramPoller::retryAfterIsHonoured()
{
    m_script = {CannedResponse::json(R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}})", 429),
                CannedResponse::json(R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 99999999","parameters":{"retry_after":99999999}})", 429)};
    TelegramPoller poller(settings(), *m_clock);
    poller.start(0);
    waitForStatus(poller, PollStatus::RateLimited);
    QCOMPARE(poller.state().nextAttemptAt, m_clock->now().addSecs(7));
    QVERIFY(m_clock->advanceToNextTimer());
    waitForRequests(2);
    QTRY_COMPARE(poller.state().consecutiveFailures, 2);
    // A server-given wait is clamped to an hour.
    QCOMPARE(poller.state().nextAttemptAt, m_clock->now().addSecs(3600));
}

void TestTelegramPoller::networkLossBacksOffExponentiallyAndRecovers()
{
    // Qt may resend a request once on a connection closed under it, so the stand-in stays down
    // for as long as the test says, not for a number of requests.
    bool down = true;
    m_server->route(updatesPath, [&down](const RecordedRequest&) {
        if (!down)
            return CannedResponse::json(batchBody({5}));
        CannedResponse cut;
        cut.behaviour = CannedResponse::Behaviour::CloseAbruptly;
        return cut;
    });
    TelegramPoller poller(settings(), *m_clock);
    QSignalSpy batches(&poller, &TelegramPoller::batchReceived);
    poller.start(0);
    for (const int seconds : {1, 2, 4}) {
        QTRY_COMPARE(poller.state().consecutiveFailures, seconds == 1 ? 1 : seconds == 2 ? 2 : 3);
        QCOMPARE(poller.state().status, PollStatus::BackingOff);
        QCOMPARE(poller.state().nextAttemptAt, m_clock->now().addSecs(seconds));
        QVERIFY(!poller.state().lastError.contains(token));
        down = seconds < 4;
        QVERIFY(m_clock->advanceToNextTimer());
    }
    QTRY_COMPARE(batches.size(), 1);
    QCOMPARE(poller.state().consecutiveFailures, 0);
    QVERIFY(poller.state().lastError.isEmpty());
    QCOMPARE(poller.state().lastAnswerAt, m_clock->now());
}

void TestTelegramPoller::aWrongTokenStopsPolling()
{
    m_script = {CannedResponse::json(R"({"ok":false,"error_code":401,"description":"Unauthorized"})", 401)};
    TelegramPoller poller(settings(), *m_clock);
    poller.start(0);
    waitForStatus(poller, PollStatus::Unauthorized);
    QCOMPARE(m_clock->pendingTimers(), 0);
    QVERIFY(poller.state().lastError.contains(u"telegram.bot_token"));
    QVERIFY(!poller.state().lastError.contains(token));
}

void TestTelegramPoller::stopAbortsTheOpenPoll()
{
    TelegramPoller poller(settings(), *m_clock);
    QSignalSpy states(&poller, &TelegramPoller::stateChanged);
    poller.start(0);
    waitForRequests(1); // held open by the stand-in, as Telegram holds a long poll
    QCOMPARE(poller.state().status, PollStatus::Polling);
    poller.stop();
    QCOMPARE(poller.state().status, PollStatus::Stopped);
    QCOMPARE(m_clock->pendingTimers(), 0);
    QCOMPARE(states.last().at(0).value<TelegramPollerState>().status, PollStatus::Stopped);
}

QTEST_GUILESS_MAIN(TestTelegramPoller)
#include "tst_telegrampoller.moc"
