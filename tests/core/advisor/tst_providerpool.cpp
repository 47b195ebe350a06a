// SPDX-License-Identifier: GPL-3.0-or-later
// ProviderPool against real HTTP servers on 127.0.0.1 serving the recorded Ollama bodies, with
// all of the pool's timing on a ManualClock: a server is checked before first use, one that goes
// down is held back by the next health check and no decision asks it, and its breaker opens
// after repeated outages, is probed once per cool-down (doubling) and closes when it is back.
#include "advisor/AdvisorError.h"
#include "advisor/ProviderPool.h"
#include "common/ManualClock.h"

#include "AwaitCallback.h"
#include "FakeHttpServer.h"
#include "FakeOllama.h"
#include "TestData.h"

#include <QTest>

#include <memory>

using namespace sentinel;
using namespace sentinel::advisor;
using namespace std::chrono_literals;
using sentinel::test::CannedResponse;
using sentinel::test::FakeHttpServer;
using sentinel::test::FakeOllama;
using sentinel::test::RecordedRequest;

namespace {

const QDateTime kStart = QDateTime::fromString(u"2026-03-02T14:00:00Z"_qs, Qt::ISODate);
const AdviceRequest kRequest{QStringLiteral("You advise on one FX pair. Answer with the schema."),
                             QStringLiteral("EUR/USD 1.0750, 20-day high 1.0748, volume rising.")};

QByteArray recorded(const QString& folder)
{
    return test::recordedOllama(folder);
}

} // namespace

class TestProviderPool final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void providerIsCheckedBeforeFirstUse();
    void stalledProviderIsHeldBackWithinOneIntervalAndNoDecisionWaitsOnIt();
    void refusedProviderIsUnavailableAndReturnsAtTheNextCheck();
    void breakerOpensAfterOutagesProbesOncePerDoublingCooldownAndClosesWhenBack();
    void answersThatAreNotOutagesDoNotOpenTheBreaker();
    void serverWithoutTheModelIsUnavailableButItsBreakerStaysClosed();
    void openAiCompatibleServerIsCheckedThroughItsModelList();

private:
    void makePool(int providers, const QString& model = u"llama3.2"_qs);
    void startAndAwaitAvailable();
    std::optional<AdviceOutcome> adviseOnce(int index);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeOllama> m_a;
    std::unique_ptr<FakeOllama> m_b;
    std::unique_ptr<ProviderPool> m_pool;
    PoolSettings m_settings;
};

void TestProviderPool::init()
{
    m_clock = std::make_unique<ManualClock>(kStart);
    m_a = std::make_unique<FakeOllama>();
    m_b = std::make_unique<FakeOllama>();
    QVERIFY(m_a->server.start());
    QVERIFY(m_b->server.start());
    m_settings = PoolSettings{30s, 5s, BreakerSettings{2, 60s, 10min}};
}

void TestProviderPool::cleanup()
{
    m_pool.reset(); // before the servers, so no request is left to a closed port
    m_a.reset();
    m_b.reset();
    m_clock.reset();
}

void TestProviderPool::makePool(int providers, const QString& model)
{
    m_pool = std::make_unique<ProviderPool>(*m_clock, m_settings);
    for (FakeOllama* fake : {m_a.get(), m_b.get()}) {
        if (m_pool->size() == providers)
            break;
        ProviderSettings settings;
        settings.baseUrl = fake->server.baseUrl();
        settings.model = model;
        settings.timeout = 60s; // far beyond the test: only the pool's Clock deadline may cut a stall
        const auto index = m_pool->addProvider(settings);
        QVERIFY2(index.ok(), qPrintable(index.ok() ? QString() : index.error().message));
    }
}

void TestProviderPool::startAndAwaitAvailable()
{
    m_pool->start();
    QTRY_COMPARE(m_pool->availableProviders().size(), m_pool->size());
}

std::optional<AdviceOutcome> TestProviderPool::adviseOnce(int index)
{
    return test::awaitCallback<AdviceOutcome>([&](auto done) { m_pool->advise(index, kRequest, done); });
}

void TestProviderPool::providerIsCheckedBeforeFirstUse()
{
    makePool(1);
    QVERIFY(m_pool->availableProviders().isEmpty());
    const auto early = adviseOnce(0);
    QVERIFY(early);
    QVERIFY(!early->advice.ok());
    QCOMPARE(early->advice.error().kind, QString::fromUtf16(advisorError::ProviderUnavailable));
    QCOMPARE(m_a->server.requestCount("/api/chat"), 0);

    startAndAwaitAvailable();
    QCOMPARE(m_a->server.requestCount("/api/version"), 1);
    QVERIFY(!m_pool->status(0).reason);
    QCOMPARE(m_pool->status(0).checkedAt, kStart);
    QVERIFY(adviseOnce(0)->advice.ok());
    QCOMPARE(m_a->server.requestCount("/api/chat"), 1);
    QCOMPARE(m_a->server.connectionCount(), 1); // one connection, reused for checks and advice
}

void TestProviderPool::stalledProviderIsHeldBackWithinOneIntervalAndNoDecisionWaitsOnIt()
{
    makePool(2);
    startAndAwaitAvailable();
    m_a->downBehaviour = CannedResponse::Behaviour::Stall;
    m_a->down = true;

    const QDateTime downAt = m_clock->now(); // just after a check: the worst case

    m_clock->advanceBy(m_settings.checkPeriod()); // the next check goes out to both
    const QDateTime checkedAt = m_clock->now();
    QTRY_COMPARE(m_pool->status(1).checkedAt, checkedAt);
    QTRY_COMPARE(m_a->server.requestCount("/api/version"), 2); // A has the check and sits on it
    QVERIFY(m_pool->status(0).available);

    m_clock->advanceBy(m_settings.healthTimeout); // no wall time passes: the pool's own deadline
    QVERIFY(!m_pool->status(0).available);
    QCOMPARE(m_pool->status(0).reason->kind, QString::fromUtf16(advisorError::Unreachable));
    QCOMPARE(m_clock->now(), downAt.addMSecs(m_settings.healthInterval.count())); // within one interval
    QCOMPARE(m_pool->availableProviders(), QList<int>{1});

    // A decision asks only the available providers, so it is answered by B alone.
    std::optional<AdviceOutcome> fromB;
    for (const int index : m_pool->availableProviders())
        m_pool->advise(index, kRequest, [&fromB](AdviceOutcome outcome) { fromB.emplace(std::move(outcome)); });
    QTRY_VERIFY(fromB.has_value());
    QVERIFY(fromB->advice.ok());
    QCOMPARE(m_a->server.requestCount("/api/chat"), 0);
    QCOMPARE(m_b->server.requestCount("/api/chat"), 1);
}

void TestProviderPool::refusedProviderIsUnavailableAndReturnsAtTheNextCheck()
{
    makePool(1);
    startAndAwaitAvailable();
    m_a->down = true;
    m_clock->advanceBy(m_settings.checkPeriod());
    QTRY_VERIFY(!m_pool->status(0).available);
    QCOMPARE(m_pool->status(0).reason->kind, QString::fromUtf16(advisorError::Unreachable));
    QCOMPARE(m_pool->status(0).breaker, BreakerState::Closed); // one outage of two

    m_a->down = false;
    m_clock->advanceBy(m_settings.checkPeriod());
    QTRY_VERIFY(m_pool->status(0).available);
    QVERIFY(!m_pool->status(0).reason);
    QCOMPARE(m_pool->status(0).checkedAt, m_clock->now());
}

void TestProviderPool::breakerOpensAfterOutagesProbesOncePerDoublingCooldownAndClosesWhenBack()
{
    makePool(1);
    startAndAwaitAvailable();
    m_a->down = true;

    // A failed decision is an outage: the provider is held back at once, and the next health
    // check's failure is the second outage, which opens the breaker.
    QCOMPARE(adviseOnce(0)->advice.error().kind, QString::fromUtf16(advisorError::Unreachable));
    QCOMPARE(m_pool->status(0).breaker, BreakerState::Closed);
    QVERIFY(!m_pool->status(0).available);
    m_clock->advanceBy(m_settings.checkPeriod());
    QTRY_COMPARE(m_pool->status(0).breaker, BreakerState::Open);
    const QDateTime openedAt = m_clock->now();
    QVERIFY(!m_pool->status(0).available);
    QCOMPARE(m_pool->status(0).retryAt, openedAt.addSecs(60));
    const int chatsSent = m_a->server.requestCount("/api/chat"); // Qt retries a closed keep-alive once
    QCOMPARE(adviseOnce(0)->advice.error().kind, QString::fromUtf16(advisorError::ProviderUnavailable));
    QCOMPARE(m_a->server.requestCount("/api/chat"), chatsSent);

    // While open, the interval's checks skip it; at the cool-down's end one probe goes out.
    const int versionsBefore = m_a->server.requestCount("/api/version");
    m_clock->advanceTo(openedAt.addSecs(60));
    QTRY_COMPARE(m_pool->status(0).breaker, BreakerState::Open); // the probe failed
    QCOMPARE(m_a->server.requestCount("/api/version"), versionsBefore + 1);
    QCOMPARE(m_pool->status(0).retryAt, openedAt.addSecs(60 + 120)); // cool-down doubled

    m_a->down = false;
    m_clock->advanceTo(m_pool->status(0).retryAt);
    QTRY_COMPARE(m_pool->status(0).breaker, BreakerState::Closed);
    QVERIFY(m_pool->status(0).available);
    QCOMPARE(m_a->server.requestCount("/api/version"), versionsBefore + 2);
    QVERIFY(adviseOnce(0)->advice.ok());
}

void TestProviderPool::answersThatAreNotOutagesDoNotOpenTheBreaker()
{
    makePool(1);
    startAndAwaitAvailable();
    m_a->serve("/api/chat",
               CannedResponse::json(recorded(u"recorded_chat_nonstream_response"_qs))); // prose, not advice
    for (int i = 0; i < 3; ++i)
        QCOMPARE(adviseOnce(0)->advice.error().kind, QString::fromUtf16(advisorError::InvalidOutput));
    QCOMPARE(m_pool->status(0).breaker, BreakerState::Closed);
    QVERIFY(m_pool->status(0).available);
}

void TestProviderPool::serverWithoutTheModelIsUnavailableButItsBreakerStaysClosed()
{
    makePool(1, u"mistral"_qs);
    m_pool->start();
    QTRY_VERIFY(m_pool->status(0).checkedAt.isValid());
    QVERIFY(!m_pool->status(0).available);
    QCOMPARE(m_pool->status(0).reason->kind, QString::fromUtf16(advisorError::ModelNotFound));
    for (int check = 2; check <= 4; ++check) { // twice the threshold: answers are not outages
        m_clock->advanceBy(m_settings.checkPeriod());
        QTRY_COMPARE(m_pool->status(0).checkedAt, m_clock->now());
        QCOMPARE(m_a->server.requestCount("/api/version"), check);
    }
    QCOMPARE(m_pool->status(0).breaker, BreakerState::Closed);
    QVERIFY(m_pool->availableProviders().isEmpty());
}

void TestProviderPool::openAiCompatibleServerIsCheckedThroughItsModelList()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    test::serveOpenAiCompatible(server);
    m_pool = std::make_unique<ProviderPool>(*m_clock, m_settings);
    ProviderSettings settings;
    settings.kind = ProviderKind::OpenAiCompatible;
    settings.baseUrl = server.baseUrl();
    settings.model = u"qwen2.5:7b"_qs;
    QVERIFY(m_pool->addProvider(settings).ok());

    startAndAwaitAvailable();
    QCOMPARE(server.requestCount("/v1/models"), 1);
    QVERIFY(adviseOnce(0)->advice.ok());
    QCOMPARE(server.connectionCount(), 1);
    m_pool.reset(); // before its server
}

QTEST_GUILESS_MAIN(TestProviderPool)
#include "tst_providerpool.moc"
