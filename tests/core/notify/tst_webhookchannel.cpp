// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeHttpServer.h"
#include "common/ManualClock.h"
#include "notify/WebhookChannel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;
using Outcome = DeliveryOutcome::Status;

class TestWebhookChannel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void postsSignedJsonWithIdempotencyKeyAndTimestamp();
    void idempotencyKeyIsStableAcrossAttempts();
    void statusDecidesWhetherToRetry_data();
    void statusDecidesWhetherToRetry();
    void networkErrorIsRetried();
    void retryAfterIsClampedToAnHour_data();
    void retryAfterIsClampedToAnHour();
    void aTricklingReceiverIsCutOffAtTheDeadline();
    void anOversizedAnswerIsAbortedUnread_data();
    void anOversizedAnswerIsAbortedUnread();

private:
    std::optional<DeliveryOutcome> deliverOnce(const SignalMessage& signal,
                                               const net::Limits& limits = WebhookChannel::defaultLimits);

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ManualClock> m_clock;
    WebhookSettings m_settings;
    CannedResponse m_answer;
};

namespace {
const QString secretValue = QStringLiteral("whsec_unit_test_secret_0123456789");

SignalMessage sampleSignal()
{
    return SignalMessage{QStringLiteral("sig-42"), QStringLiteral("CRYPTO:BTC/USD"), QStringLiteral("SELL"), 64123.5,
                         QStringLiteral("RSI > 70"), QDateTime(QDate(2026, 3, 2), QTime(13, 59), Qt::UTC), {}};
}
} // namespace

void TestWebhookChannel::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC));
    m_settings = WebhookSettings{true, QUrl(m_server->baseUrl().toString() + u"/hooks/signal"), Secret(secretValue)};
    m_answer = CannedResponse::json(R"({"received":true})", 200);
    m_server->route("/hooks/signal", [this](const RecordedRequest&) { return m_answer; });
}

std::optional<DeliveryOutcome> TestWebhookChannel::deliverOnce(const SignalMessage& signal, const net::Limits& limits)
{
    WebhookChannel channel(m_settings, *m_clock);
    channel.setRequestLimits(limits);
    std::optional<DeliveryOutcome> outcome;
    channel.deliver(DeliveryAttempt{signal, 0}, {}, [&outcome](const DeliveryOutcome& o) { outcome = o; });
    [&] { QTRY_VERIFY(outcome.has_value()); }();
    return outcome;
}

void TestWebhookChannel::postsSignedJsonWithIdempotencyKeyAndTimestamp()
{
    const auto outcome = deliverOnce(sampleSignal());
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::Delivered);
    QCOMPARE(m_server->requestCount("/hooks/signal"), 1);
    const RecordedRequest& request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(request.headers.value("idempotency-key"), sampleSignal().idempotencyKey().toLatin1());
    QCOMPARE(request.headers.value("x-sentinel-timestamp"), QByteArray::number(m_clock->now().toSecsSinceEpoch()));
    // The receiver's check, written independently: HMAC-SHA256 over the raw body with the secret.
    const QByteArray expected = "sha256="
        + QMessageAuthenticationCode::hash(request.body, secretValue.toUtf8(), QCryptographicHash::Sha256).toHex();
    QCOMPARE(request.headers.value("x-sentinel-signature"), expected);
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(u"id").toString(), QStringLiteral("sig-42"));
    QCOMPARE(body.value(u"idempotency_key").toString(), sampleSignal().idempotencyKey());
    QCOMPARE(body.value(u"price").toDouble(), 64123.5);
    QCOMPARE(body.value(u"sent_at").toString(), QStringLiteral("2026-03-02T14:00:00.000Z"));
    QVERIFY(!request.body.contains(secretValue.toUtf8()));
}

void TestWebhookChannel::idempotencyKeyIsStableAcrossAttempts()
{
    QVERIFY(deliverOnce(sampleSignal()));
    m_clock->advanceBy(std::chrono::minutes(5));
    QVERIFY(deliverOnce(sampleSignal()));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->requests().at(0).headers.value("idempotency-key"),
             m_server->requests().at(1).headers.value("idempotency-key"));
    QVERIFY(m_server->requests().at(0).headers.value("x-sentinel-timestamp")
            != m_server->requests().at(1).headers.value("x-sentinel-timestamp"));
    SignalMessage other = sampleSignal();
    other.id = QStringLiteral("sig-43");
    QVERIFY(other.idempotencyKey() != sampleSignal().idempotencyKey());
}

void TestWebhookChannel::statusDecidesWhetherToRetry_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("configKey");
    QTest::addRow("204 is delivered") << 204 << int(Outcome::Delivered) << QString();
    QTest::addRow("500 is retried") << 500 << int(Outcome::RetryLater) << QString();
    QTest::addRow("503 is retried") << 503 << int(Outcome::RetryLater) << QString();
    QTest::addRow("429 is retried later") << 429 << int(Outcome::RetryLater) << QString();
    QTest::addRow("400 is never retried") << 400 << int(Outcome::Rejected) << QString();
    QTest::addRow("422 is never retried") << 422 << int(Outcome::Rejected) << QString();
    QTest::addRow("401 names the secret") << 401 << int(Outcome::ChannelUnavailable) << QStringLiteral("webhook.secret");
    QTest::addRow("404 names the url") << 404 << int(Outcome::ChannelUnavailable) << QStringLiteral("webhook.url");
}

void TestWebhookChannel::statusDecidesWhetherToRetry()
{
    QFETCH(int, status);
    QFETCH(int, outcome);
    QFETCH(QString, configKey);
    m_answer = CannedResponse::json("{}", status);
    const auto result = deliverOnce(sampleSignal());
    QVERIFY(result);
    QCOMPARE(int(result->status), outcome);
    QCOMPARE(result->configKey, configKey);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestWebhookChannel::networkErrorIsRetried()
{
    {
        FakeHttpServer gone;
        QVERIFY(gone.start());
        m_settings.url = QUrl(gone.baseUrl().toString() + u"/hooks/signal");
    }
    const auto result = deliverOnce(sampleSignal());
    QVERIFY(result);
    QCOMPARE(result->status, Outcome::RetryLater);
    QCOMPARE(result->error.kind, QStringLiteral("network_error"));
}

void TestWebhookChannel::retryAfterIsClampedToAnHour_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("expectedSeconds");
    QTest::addRow("a modest wait is honoured") << QByteArray("120") << qint64(120);
    QTest::addRow("int max (a 68-year back-off) becomes an hour") << QByteArray("2147483647") << qint64(3600);
    QTest::addRow("more digits than a 64-bit number becomes an hour")
        << QByteArray("99999999999999999999999999") << qint64(3600);
    QTest::addRow("an http-date a year ahead becomes an hour") << QByteArray("Tue, 02 Mar 2027 14:00:00 GMT") << qint64(3600);
    QTest::addRow("an http-date ten minutes ahead is honoured") << QByteArray("Mon, 02 Mar 2026 14:10:00 GMT") << qint64(600);
}

void TestWebhookChannel::retryAfterIsClampedToAnHour()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, expectedSeconds);
    m_answer = CannedResponse::json("{}", 429);
    m_answer.headers.insert("Retry-After", retryAfter);
    const auto outcome = deliverOnce(sampleSignal());
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::RetryLater);
    QCOMPARE(m_clock->now().secsTo(outcome->retryAt), expectedSeconds);
}

void TestWebhookChannel::aTricklingReceiverIsCutOffAtTheDeadline()
{
    // One byte every 2 s never trips Qt's transfer (inactivity) timeout; the total deadline does.
    m_answer = CannedResponse::json(R"({"received":true,"padding":"......"})", 200);
    m_answer.behaviour = CannedResponse::Behaviour::Trickle;
    m_answer.trickleIntervalMs = 2000;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto outcome = deliverOnce(sampleSignal(), net::Limits{std::chrono::milliseconds(300), 64 * 1024});
    QVERIFY(outcome);
    QVERIFY2(elapsed.elapsed() < 2000, QByteArray::number(elapsed.elapsed()).constData());
    QCOMPARE(outcome->status, Outcome::RetryLater);
    QCOMPARE(outcome->error.kind, QStringLiteral("deadline_exceeded"));
}

void TestWebhookChannel::anOversizedAnswerIsAbortedUnread_data()
{
    QTest::addColumn<qint64>("announced");
    QTest::addColumn<qint64>("sent");
    QTest::addRow("a 400 MB content-length is refused before the body") << qint64(400) * 1024 * 1024 << qint64(1024 * 1024);
    QTest::addRow("a body without a length that grows past the cap") << qint64(-1) << qint64(8) * 1024 * 1024;
}

void TestWebhookChannel::anOversizedAnswerIsAbortedUnread()
{
    QFETCH(qint64, announced);
    QFETCH(qint64, sent);
    m_answer = CannedResponse::json({}, 200);
    m_answer.behaviour = CannedResponse::Behaviour::Flood;
    m_answer.announcedLength = announced;
    m_answer.floodBytes = sent;
    const auto outcome = deliverOnce(sampleSignal(), net::Limits{std::chrono::seconds(10), 64 * 1024});
    QVERIFY(outcome);
    QCOMPARE(outcome->status, Outcome::RetryLater);
    QCOMPARE(outcome->error.kind, QStringLiteral("body_too_large"));
}

QTEST_GUILESS_MAIN(TestWebhookChannel)
#include "tst_webhookchannel.moc"
