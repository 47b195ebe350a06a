// SPDX-License-Identifier: GPL-3.0-or-later
// The llm_advisor strategy end to end against two Ollama stand-ins on 127.0.0.1 (recorded
// bodies), with the pool's and the ensemble's timing on a ManualClock: the models' weighted vote
// becomes a signal carrying every vote, the reason and the prompt's hash; an invalid answer
// counts as hold; a slow model is cut at the deadline; with every model down the rule fallback
// decides and the outage is reported once, not once per bar.
#include "advisor/AdvisorError.h"
#include "advisor/ProviderPool.h"
#include "common/ManualClock.h"
#include "strategy/AdvisorEnsemble.h"
#include "strategy/LlmAdvisorStrategy.h"
#include "strategy/SmaCrossStrategy.h"

#include "AwaitCallback.h"
#include "BarSeries.h"
#include "FakeOllama.h"

#include <QTest>

#include <memory>

using namespace sentinel;
using namespace std::chrono_literals;
using sentinel::test::CannedResponse;
using sentinel::test::FakeOllama;

namespace {

const QDateTime kStart = QDateTime::fromString(u"2026-03-02T14:00:00Z"_qs, Qt::ISODate);
const Instrument kInstrument{QStringLiteral("AAPL"), QStringLiteral("XNAS"), Interval::Min5};
constexpr std::chrono::seconds kDeadline{30};

/// 30 closes of 100, then 110: SMA(10) crosses above SMA(30) on the last bar, so the sma_cross
/// fallback says buy.
Bars crossingBars()
{
    QList<double> closes(30, 100.0);
    closes << 110.0;
    return test::barsFromCloses(closes);
}

QByteArray advice(const char* action, double confidence, const char* stop, const char* reason)
{
    return QStringLiteral(R"({"action": "%1", "confidence": %2, "horizon": "1d", "stop": %3, "reason": "%4"})")
        .arg(QLatin1String(action))
        .arg(confidence)
        .arg(QLatin1String(stop), QLatin1String(reason))
        .toUtf8();
}

} // namespace

class TestLlmAdvisorStrategy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void modelsThatAgreeGiveASignalWithEveryVoteAndThePromptHash();
    void invalidAnswerVotesHold();
    void sellClosesALongAndOpensNoShort();
    void slowModelIsCutAtTheDeadline();
    void queuedRequestsWaitForMaxConcurrent();
    void everyModelDownFallbackDecidesAndTheOutageIsReportedOnce();
    void ruleStrategyVotesWhenWeighted();

private:
    void build(int maxConcurrent = 2, double fallbackWeight = 0, QList<double> weights = {1, 1});
    std::optional<std::optional<Signal>> decide(const PositionState& position = {});

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeOllama> m_a;
    std::unique_ptr<FakeOllama> m_b;
    std::unique_ptr<advisor::ProviderPool> m_pool;
    std::unique_ptr<AdvisorEnsemble> m_ensemble;
    std::unique_ptr<LlmAdvisorStrategy> m_strategy;
    int m_outages = 0;
    int m_recoveries = 0;
    QString m_outageWhy;
};

void TestLlmAdvisorStrategy::init()
{
    m_clock = std::make_unique<ManualClock>(kStart);
    m_a = std::make_unique<FakeOllama>();
    m_b = std::make_unique<FakeOllama>();
    QVERIFY(m_a->server.start());
    QVERIFY(m_b->server.start());
    m_outages = 0;
    m_recoveries = 0;
}

void TestLlmAdvisorStrategy::cleanup()
{
    m_strategy.reset();
    m_ensemble.reset();
    m_pool.reset(); // before the servers, so no request is left to a closed port
    m_a.reset();
    m_b.reset();
    m_clock.reset();
}

void TestLlmAdvisorStrategy::build(int maxConcurrent, double fallbackWeight, QList<double> weights)
{
    m_pool = std::make_unique<advisor::ProviderPool>(*m_clock, advisor::PoolSettings{});
    QList<EnsembleMember> members;
    const QList<FakeOllama*> servers{m_a.get(), m_b.get()};
    for (qsizetype i = 0; i < weights.size(); ++i) {
        advisor::ProviderSettings settings;
        settings.baseUrl = servers[i]->server.baseUrl();
        settings.model = u"llama3.2"_qs;
        settings.timeout = 60s; // beyond the test: only the ensemble's Clock deadline may cut a stall
        const auto index = m_pool->addProvider(settings);
        QVERIFY(index.ok());
        members << EnsembleMember{index.value(), weights[i]};
    }
    m_ensemble = std::make_unique<AdvisorEnsemble>(*m_pool, *m_clock, members, maxConcurrent, kDeadline);
    AdvisorHooks hooks;
    hooks.modelsUnavailable = [this](const QString& why) {
        ++m_outages;
        m_outageWhy = why;
    };
    hooks.modelsBack = [this] { ++m_recoveries; };
    m_strategy = std::make_unique<LlmAdvisorStrategy>(*m_ensemble, ContextGatherer{}, std::make_unique<SmaCrossStrategy>(),
                                                      LlmAdvisorSettings{30, fallbackWeight, PromptLimits{0.1, 0.02}},
                                                      std::move(hooks));
    m_pool->start();
}

std::optional<std::optional<Signal>> TestLlmAdvisorStrategy::decide(const PositionState& position)
{
    return test::awaitCallback<std::optional<Signal>>(
        [&](auto done) { m_strategy->evaluateLater(kInstrument, crossingBars(), position, done); });
}

void TestLlmAdvisorStrategy::modelsThatAgreeGiveASignalWithEveryVoteAndThePromptHash()
{
    m_a->advise(advice("buy", 0.8, "105", "Broke out of a month-long range on volume."));
    m_b->advise(advice("buy", 0.6, "null", "Momentum is up."));
    build();
    QTRY_COMPARE(m_pool->availableProviders().size(), 2);

    const auto decided = decide();
    QVERIFY(decided && *decided);
    const Signal& signal = **decided;
    QCOMPARE(signal.side, Side::Buy);
    QVERIFY(!signal.isExit);
    QCOMPARE(signal.confidence, 0.7); // (0.8 + 0.6) / 2, all the weight agreeing
    QCOMPARE(signal.referencePrice, 110.0);
    QCOMPARE(signal.stopDistance, std::optional<double>(5.0)); // the heavier voter's stop, 110 - 105
    QCOMPARE(signal.reason, QStringLiteral("Advisor (2 of 2 voters): Broke out of a month-long range on volume."));
    QVERIFY(signal.advice);
    const AdviceRecord& record = *signal.advice;
    QCOMPARE(record.action, QStringLiteral("buy"));
    QVERIFY(!record.fallbackDecided);
    QCOMPARE(record.fallback, QStringLiteral("sma_cross"));
    QCOMPARE(record.promptSha256.size(), 64);
    QCOMPARE(record.votes.size(), 2);
    QCOMPARE(record.votes[0].action, QStringLiteral("buy"));
    QCOMPARE(record.votes[0].confidence, 0.8);
    QCOMPARE(record.votes[0].model, QStringLiteral("llama3.2:latest"));
    QVERIFY(record.votes[0].provider.contains(m_a->server.baseUrl().authority()));
    QVERIFY(record.votes[0].answer.contains(u"month-long range"));
    QVERIFY(record.votes[0].error.isEmpty());
    QCOMPARE(record.votes[1].action, QStringLiteral("buy"));
    QCOMPARE(m_a->server.requestCount("/api/chat"), 1);
    QCOMPARE(m_b->server.requestCount("/api/chat"), 1);
    QCOMPARE(m_outages, 0);
}

void TestLlmAdvisorStrategy::invalidAnswerVotesHold()
{
    m_a->serve("/api/chat", CannedResponse::json(test::recordedOllama(u"ollama_chat_answer_with_prose_around_the_json_is_invalid_output"_qs)));
    m_b->advise(advice("buy", 0.9, "null", "Up."));
    build(2, 0, {1, 1});
    QTRY_COMPARE(m_pool->availableProviders().size(), 2);
    const auto tie = decide(); // hold 1 against buy 1: no trade
    QVERIFY(tie && !*tie);

    cleanup();
    init();
    m_a->serve("/api/chat", CannedResponse::json(test::recordedOllama(u"ollama_chat_answer_with_prose_around_the_json_is_invalid_output"_qs)));
    m_b->advise(advice("buy", 0.9, "null", "Up."));
    build(2, 0, {1, 2});
    QTRY_COMPARE(m_pool->availableProviders().size(), 2);
    const auto outweighed = decide();
    QVERIFY(outweighed && *outweighed);
    const AdvisorVote& refused = (*outweighed)->advice->votes[0];
    QCOMPARE(refused.action, QStringLiteral("hold"));
    QCOMPARE(refused.error, QString::fromUtf16(advisor::advisorError::InvalidOutput));
    QCOMPARE((*outweighed)->confidence, 0.6); // 0.9 from 2 of 3 units of weight
}

void TestLlmAdvisorStrategy::sellClosesALongAndOpensNoShort()
{
    m_a->advise(advice("sell", 0.7, "null", "Overbought."));
    build(2, 0, {1});
    QTRY_COMPARE(m_pool->availableProviders().size(), 1);
    const auto exit = decide(PositionState{10, 100});
    QVERIFY(exit && *exit);
    QCOMPARE((*exit)->side, Side::Sell);
    QVERIFY((*exit)->isExit);
    const auto flat = decide(PositionState{});
    QVERIFY(flat && !*flat);
}

void TestLlmAdvisorStrategy::slowModelIsCutAtTheDeadline()
{
    m_a->advise(advice("sell", 0.9, "null", "Down."));
    m_b->advise(advice("buy", 0.8, "null", "Up."));
    build();
    QTRY_COMPARE(m_pool->availableProviders().size(), 2);
    CannedResponse stall;
    stall.behaviour = CannedResponse::Behaviour::Stall;
    m_a->serve("/api/chat", stall);

    std::optional<std::optional<Signal>> decided;
    m_strategy->evaluateLater(kInstrument, crossingBars(), {}, [&decided](const std::optional<Signal>& signal) { decided.emplace(signal); });
    QTRY_COMPARE(m_a->server.requestCount("/api/chat"), 1);
    QTRY_COMPARE(m_b->server.requestCount("/api/chat"), 1);
    QTest::qWait(50); // B's answer arrives; the decision still waits for A
    QVERIFY(!decided);
    m_clock->advanceBy(kDeadline);
    QVERIFY(decided && *decided);
    QCOMPARE((*decided)->side, Side::Buy);
    const AdvisorVote& slow = (*decided)->advice->votes[0];
    QVERIFY(!slow.voted());
    QCOMPARE(slow.error, QStringLiteral("deadline_exceeded"));
}

void TestLlmAdvisorStrategy::queuedRequestsWaitForMaxConcurrent()
{
    build(1);
    QTRY_COMPARE(m_pool->availableProviders().size(), 2);
    CannedResponse stall;
    stall.behaviour = CannedResponse::Behaviour::Stall;
    m_a->serve("/api/chat", stall);

    std::optional<std::optional<Signal>> decided;
    m_strategy->evaluateLater(kInstrument, crossingBars(), {}, [&decided](const std::optional<Signal>& signal) { decided.emplace(signal); });
    QTRY_COMPARE(m_a->server.requestCount("/api/chat"), 1);
    m_clock->advanceBy(kDeadline);
    QVERIFY(decided);
    // B was never asked: one request in flight at a time, and A's held the only seat.
    QCOMPARE(m_b->server.requestCount("/api/chat"), 0);
    QVERIFY(decided->has_value()); // no model voted: sma_cross decided
    QVERIFY((**decided).advice->fallbackDecided);
}

void TestLlmAdvisorStrategy::everyModelDownFallbackDecidesAndTheOutageIsReportedOnce()
{
    m_a->down = true;
    m_b->down = true;
    build();
    const QString unreachable = QString::fromUtf16(advisor::advisorError::Unreachable);
    QTRY_COMPARE(m_pool->status(0).reason->kind, unreachable); // the first checks have failed
    QTRY_COMPARE(m_pool->status(1).reason->kind, unreachable);
    for (int bar = 0; bar < 3; ++bar) {
        const auto decided = decide();
        QVERIFY(decided && *decided);
        QCOMPARE((*decided)->side, Side::Buy); // sma_cross's own signal
        QVERIFY((*decided)->advice->fallbackDecided);
        QVERIFY((*decided)->reason.startsWith(u"Fallback sma_cross (no model answered): SMA(10) crossed above"));
        for (const AdvisorVote& vote : (*decided)->advice->votes)
            QVERIFY(!vote.voted());
    }
    QCOMPARE(m_outages, 1);
    QVERIFY(m_outageWhy.contains(m_a->server.baseUrl().authority()));
    QCOMPARE(m_a->server.requestCount("/api/chat") + m_b->server.requestCount("/api/chat"), 0); // nothing waited on them

    m_a->down = false;
    m_clock->advanceBy(advisor::PoolSettings{}.checkPeriod());
    QTRY_VERIFY(m_pool->status(0).available);
    const auto back = decide();
    QVERIFY(back && *back);
    QVERIFY(!(*back)->advice->fallbackDecided);
    QCOMPARE(m_recoveries, 1);

    m_a->down = true; // a second outage is a second report
    m_b->down = true;
    m_clock->advanceBy(advisor::PoolSettings{}.checkPeriod());
    QTRY_VERIFY(!m_pool->status(0).available);
    QVERIFY(decide());
    QCOMPARE(m_outages, 2);
}

void TestLlmAdvisorStrategy::ruleStrategyVotesWhenWeighted()
{
    m_a->advise(advice("hold", 0.5, "null", "Nothing clear."));
    build(2, 2, {1});
    QTRY_COMPARE(m_pool->availableProviders().size(), 1);
    const auto decided = decide();
    QVERIFY(decided && *decided); // sma_cross's buy (weight 2) outweighs the model's hold (1)
    QCOMPARE((*decided)->side, Side::Buy);
    QVERIFY(!(*decided)->advice->fallbackDecided);
    QVERIFY((*decided)->advice->reason.startsWith(u"SMA(10) crossed above SMA(30)"));
}

QTEST_GUILESS_MAIN(TestLlmAdvisorStrategy)
#include "tst_llmadvisorstrategy.moc"
