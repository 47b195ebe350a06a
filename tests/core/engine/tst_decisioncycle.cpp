// SPDX-License-Identifier: GPL-3.0-or-later
// The decision cycle on its own: no Engine, no thread, a ManualClock (docs/adr/0091).
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/AlertSink.h"
#include "engine/DecisionCycle.h"
#include "engine/EngineContext.h"
#include "engine/EngineServices.h"
#include "engine/FreshnessMonitor.h"
#include "engine/InstrumentBook.h"
#include "engine/PortfolioRisk.h"
#include "engine/PortfolioSource.h"
#include "engine/TradeDesk.h"
#include "providers/MarketDataProvider.h"
#include "strategy/Strategy.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

const Instrument eurUsd{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};

/// Wants to buy on every bar, and answers only from the event loop, as an advisor awaiting a
/// model would. Records whether evaluateLater() returned before it answered.
class LateBuyer final : public Strategy
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("late_buyer"); }
    [[nodiscard]] int minimumBars() const override { return 1; }
    [[nodiscard]] std::optional<Signal> evaluate(const Instrument& instrument, const Bars& bars,
                                                 const PositionState&) const override
    {
        Signal signal;
        signal.instrument = instrument;
        signal.side = Side::Buy;
        signal.confidence = 0.9;
        signal.reason = QStringLiteral("late buyer");
        signal.referencePrice = bars.constLast().close;
        signal.barOpenTime = bars.constLast().openTime;
        return signal;
    }
    void evaluateLater(const Instrument& instrument, const Bars& bars, const PositionState& position,
                       SignalCallback done) const override
    {
        const std::optional<Signal> answer = evaluate(instrument, bars, position);
        ++*asked;
        QTimer::singleShot(0, [answer, done, returned = returned] {
            *answeredAfterReturn = *returned;
            done(answer);
        });
        *returned = true;
    }
    std::shared_ptr<int> asked = std::make_shared<int>(0);
    std::shared_ptr<bool> returned = std::make_shared<bool>(false);
    inline static std::shared_ptr<bool> answeredAfterReturn = std::make_shared<bool>(false);
};

/// Every step of one engine, built the way Engine::build() does, without the façade.
struct Rig {
    explicit Rig(const QDateTime& start)
        : clock(start), config(demoWith(eurUsd)), options(scratch(dir)), context(config, options, clock),
          alerts(context), services(config, options, clock, book, alerts)
    {
        problems = services.build();
        if (!problems.isEmpty())
            return;
        alerts.setJournal(services.journal.get());
        freshness = std::make_unique<FreshnessMonitor>(clock, *services.gate, alerts);
        portfolio = std::make_unique<PortfolioSource>(context, *services.platform, *services.portfolioCache);
        risk = std::make_unique<PortfolioRisk>(config.risk, book);
        const EngineSteps steps{services, book, *freshness, *portfolio, *risk, alerts};
        desk = std::make_unique<TradeDesk>(context, steps);
        cycle = std::make_unique<DecisionCycle>(context, steps, *desk);
        context.running = true;
    }

    static Config demoWith(const Instrument& instrument)
    {
        Config config = ConfigLoader().loadDemoProfile().config;
        config.watchlist = {instrument};
        return config;
    }
    static EngineOptions scratch(const QTemporaryDir& dir)
    {
        EngineOptions options;
        options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
        return options;
    }
    [[nodiscard]] const InstrumentRuntime& runtime() const { return *book.find(eurUsd.key()); }
    [[nodiscard]] qint64 upstreamRequests() const { return services.upstream->requestCount(); }

    QTemporaryDir dir;
    ManualClock clock;
    Config config;
    EngineOptions options;
    EngineContext context;
    AlertSink alerts;
    InstrumentBook book;
    EngineServices services;
    QStringList problems;
    std::unique_ptr<FreshnessMonitor> freshness;
    std::unique_ptr<PortfolioSource> portfolio;
    std::unique_ptr<PortfolioRisk> risk;
    std::unique_ptr<TradeDesk> desk;
    std::unique_ptr<DecisionCycle> cycle;
};

} // namespace

class TestDecisionCycle final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startLoadsHistoryThenRunsOnEachBarClose();
    void noRequestGoesOutWhileTheMarketIsClosed();
    void aStrategyThatAnswersLaterStillReachesTheOperator();
    void anInstrumentHasOneOpenQuestionAtATime();
    void stopCancelsTheScheduledCycle();
};

void TestDecisionCycle::startLoadsHistoryThenRunsOnEachBarClose()
{
    Rig rig(utc("2026-11-24T15:02:30Z"));
    QVERIFY2(rig.problems.isEmpty(), qPrintable(rig.problems.join(u"; ")));
    QSignalSpy appended(rig.cycle.get(), &DecisionCycle::barsAppended);
    rig.cycle->start();
    QTRY_VERIFY(rig.runtime().loaded);
    QCOMPARE(rig.context.stats.cycles, 1);
    QCOMPARE(rig.runtime().snapshot.lastBarOpen, utc("2026-11-24T14:55:00Z"));
    QVERIFY(appended.first().first().value<BarUpdate>().replace);

    rig.clock.advanceTo(utc("2026-11-24T15:05:00Z"));
    QTRY_COMPARE(rig.runtime().snapshot.lastBarOpen, utc("2026-11-24T15:00:00Z"));
    QCOMPARE(rig.context.stats.cycles, 2);
    QCOMPARE(rig.cycle->cyclesInLastMinute(rig.clock.nowMs()), 1);
    QCOMPARE(rig.cycle->lastCycleAtMs(), std::optional<qint64>(rig.clock.nowMs()));
    QVERIFY(!appended.last().first().value<BarUpdate>().replace);
}

void TestDecisionCycle::noRequestGoesOutWhileTheMarketIsClosed()
{
    // Saturday: FX reopens on Sunday at 17:00 New York time (22:00 UTC in November).
    Rig rig(utc("2026-11-28T12:00:00Z"));
    QVERIFY2(rig.problems.isEmpty(), qPrintable(rig.problems.join(u"; ")));
    rig.cycle->start();
    QTRY_VERIFY(rig.runtime().loaded);
    QCOMPARE(rig.upstreamRequests(), 1); // the start-up history load
    for (const char* at : {"2026-11-28T18:00:00Z", "2026-11-29T06:00:00Z", "2026-11-29T21:59:59Z"}) {
        rig.clock.advanceTo(utc(at));
        rig.cycle->watchdogTick();
        QCoreApplication::processEvents();
        QCOMPARE(rig.upstreamRequests(), 1);
    }
    // The first bar of the week closes at 22:05.
    rig.clock.advanceTo(utc("2026-11-29T22:05:00Z"));
    QTRY_COMPARE(rig.upstreamRequests(), 2);
    QTRY_COMPARE(rig.runtime().snapshot.lastBarOpen, utc("2026-11-29T22:00:00Z"));
}

void TestDecisionCycle::aStrategyThatAnswersLaterStillReachesTheOperator()
{
    Rig rig(utc("2026-11-24T15:02:30Z"));
    QVERIFY2(rig.problems.isEmpty(), qPrintable(rig.problems.join(u"; ")));
    auto strategy = std::make_unique<LateBuyer>();
    const std::shared_ptr<int> asked = strategy->asked;
    rig.services.strategy = std::move(strategy);
    *LateBuyer::answeredAfterReturn = false;
    QSignalSpy proposals(rig.desk.get(), &TradeDesk::proposalChanged);
    rig.cycle->start();
    QTRY_COMPARE(*asked, 1);
    QTRY_COMPARE(proposals.size(), 1);
    QVERIFY2(*LateBuyer::answeredAfterReturn, "the answer came inside evaluateLater(): the cycle waited for it");
    const auto view = proposals.first().first().value<ProposalView>();
    QCOMPARE(view.strategyReason, QStringLiteral("late buyer"));
    QCOMPARE(view.state, ProposalView::State::Pending);
    QCOMPARE(rig.desk->pendingProposals().size(), 1);
    // The gate's VaR with the trade rests on a few days of bars: the cold-start bootstrap, which
    // sentinel_var_method_info reports.
    QCOMPARE(rig.context.stats.varMethod, std::optional<VarMethod>(VarMethod::Bootstrap));
}

void TestDecisionCycle::anInstrumentHasOneOpenQuestionAtATime()
{
    Rig rig(utc("2026-11-24T15:02:30Z"));
    QVERIFY2(rig.problems.isEmpty(), qPrintable(rig.problems.join(u"; ")));
    auto strategy = std::make_unique<LateBuyer>();
    const std::shared_ptr<int> asked = strategy->asked;
    rig.services.strategy = std::move(strategy);
    rig.cycle->start();
    QTRY_COMPARE(rig.desk->pendingProposals().size(), 1);
    rig.clock.advanceTo(utc("2026-11-24T15:05:00Z"));
    QTRY_COMPARE(*asked, 2);
    QTest::qWait(0);
    QCOMPARE(rig.desk->pendingProposals().size(), 1);
    QCOMPARE(rig.context.stats.proposals, 1);
}

void TestDecisionCycle::stopCancelsTheScheduledCycle()
{
    Rig rig(utc("2026-11-24T15:02:30Z"));
    QVERIFY2(rig.problems.isEmpty(), qPrintable(rig.problems.join(u"; ")));
    rig.cycle->start();
    QTRY_VERIFY(rig.runtime().loaded);
    rig.cycle->stop();
    rig.context.running = false;
    rig.clock.advanceTo(utc("2026-11-24T16:00:00Z"));
    QCoreApplication::processEvents();
    QCOMPARE(rig.context.stats.cycles, 1);
    QCOMPARE(rig.upstreamRequests(), 1);
}

QTEST_GUILESS_MAIN(TestDecisionCycle)
#include "tst_decisioncycle.moc"
