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
#include "engine/PositionOrigins.h"
#include "engine/TradeDesk.h"
#include "journal/Journal.h"
#include "providers/MarketDataProvider.h"
#include "strategy/Strategy.h"
#include "trading/PaperPlatform.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <numbers>

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

/// Proposes an entry on `side` at every bar, with the stop distance it is given.
class Entering final : public Strategy
{
public:
    Entering(Side side, std::optional<double> stopDistance) : m_side(side), m_stopDistance(stopDistance) {}
    [[nodiscard]] QString name() const override { return QStringLiteral("entering"); }
    [[nodiscard]] int minimumBars() const override { return 1; }
    [[nodiscard]] std::optional<Signal> evaluate(const Instrument& instrument, const Bars& bars,
                                                 const PositionState&) const override
    {
        Signal signal;
        signal.instrument = instrument;
        signal.side = m_side;
        signal.confidence = 0.9;
        signal.reason = QStringLiteral("entering");
        signal.referencePrice = bars.constLast().close;
        signal.barOpenTime = bars.constLast().openTime;
        signal.stopDistance = m_stopDistance;
        return signal;
    }

private:
    Side m_side;
    std::optional<double> m_stopDistance;
};

/// Never has anything to say; counts how often it was asked, so a test knows a bar's decision ran.
class Silent final : public Strategy
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("silent"); }
    [[nodiscard]] int minimumBars() const override { return 1; }
    [[nodiscard]] std::optional<Signal> evaluate(const Instrument&, const Bars&, const PositionState&) const override
    {
        ++*asked;
        return std::nullopt;
    }
    std::shared_ptr<int> asked = std::make_shared<int>(0);
};

/// EUR/USD 5-minute bars of a replay file, from Monday 00:00 UTC to `lastOpen`: closes wander a
/// little around 1.1000, except the bars `closes` names.
void writeReplay(const QString& directory, const QDateTime& lastOpen, const QMap<QDateTime, double>& closes = {})
{
    QByteArray csv = "open_time_utc,open,high,low,close,volume\n";
    double previous = 1.1;
    int i = 0;
    for (QDateTime open = utc("2026-11-23T00:00:00Z"); open <= lastOpen; open = open.addSecs(300), ++i) {
        const double close = closes.value(open, 1.1 + 0.0005 * std::sin(2 * std::numbers::pi * i / 40.0));
        csv += open.toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(previous, 'f', 5) + ','
            + QByteArray::number(std::max(previous, close) + 0.0002, 'f', 5) + ','
            + QByteArray::number(std::min(previous, close) - 0.0002, 'f', 5) + ',' + QByteArray::number(close, 'f', 5) + ",100\n";
        previous = close;
    }
    QFile file(directory + QStringLiteral("/EUR_USD_5min.csv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
}

/// Every step of one engine, built the way Engine::build() does, without the façade. With a
/// replay directory the bars come from its files instead of the simulated feed.
struct Rig {
    explicit Rig(const QDateTime& start, const QString& replay = {})
        : clock(start), config(demoWith(eurUsd, replay)), options(scratch(dir)), context(config, options, clock),
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
        origins = std::make_unique<PositionOrigins>(*services.journal);
        cycle = std::make_unique<DecisionCycle>(context, steps, *desk);
        cycle->watchStops(*origins);
        context.running = true;
    }

    static Config demoWith(const Instrument& instrument, const QString& replay)
    {
        Config config = ConfigLoader().loadDemoProfile().config;
        config.watchlist = {instrument};
        if (!replay.isEmpty()) {
            config.provider = ProviderKind::Replay;
            config.replay.directory = replay;
        }
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

    /// Holds `units` of EUR/USD on the paper account, journalled as an approved entry at `price`
    /// guarded by `stop`, as the desk records one (whatever the data's freshness now).
    /// Installs a strategy that never signals; how many bars it was asked about.
    std::shared_ptr<int> silenceStrategy()
    {
        auto strategy = std::make_unique<Silent>();
        std::shared_ptr<int> asked = strategy->asked;
        services.strategy = std::move(strategy);
        return asked;
    }

    void holdLong(double units, double price, double stop)
    {
        const QDateTime now = clock.now();
        TradeProposal entry = TradeProposal::create(eurUsd, Side::Buy, units, price, now, now.addSecs(300));
        entry.stopPrice = stop;
        Journal& journal = *services.journal;
        QVERIFY(journal.recordProposal(entry).ok());
        QVERIFY(journal.recordDecision(entry.id, Decision::Approve, QStringLiteral("go"), QStringLiteral("alice"), now).ok());
        auto* paper = qobject_cast<PaperPlatform*>(services.platform.get());
        QVERIFY(paper);
        const Result<Fill> fill = paper->execute(OrderRequest{entry.clientOrderId, eurUsd.key(), Side::Buy, units, price});
        QVERIFY(fill.ok());
        QVERIFY(journal.recordExecution(entry.id, fill.value()).value());
        ++context.stats.executions;
        portfolio->invalidate();
    }
    [[nodiscard]] double heldUnits() const
    {
        return qobject_cast<PaperPlatform*>(services.platform.get())->snapshot().positions.value(eurUsd.key()).quantity;
    }

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
    std::unique_ptr<PositionOrigins> origins;
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
    void anEntryIsJournalledWithTheStopItWasSizedFor_data();
    void anEntryIsJournalledWithTheStopItWasSizedFor();
    void aCrossedStopIsProposedOnceAndWaitsForTheOperator();
    void aStopCrossedOnStaleDataProposesNothing();
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

void TestDecisionCycle::anEntryIsJournalledWithTheStopItWasSizedFor_data()
{
    QTest::addColumn<Side>("side");
    QTest::addColumn<std::optional<double>>("distance");
    QTest::addColumn<double>("expectedDistance"); ///< signed: stop minus price, as a fraction of the price when relative
    QTest::addColumn<bool>("relative");
    QTest::newRow("a buy is stopped the suggested distance below its price")
        << Side::Buy << std::optional<double>(0.004) << -0.004 << false;
    QTest::newRow("a sell is stopped the suggested distance above its price")
        << Side::Sell << std::optional<double>(0.004) << 0.004 << false;
    QTest::newRow("a buy with no suggestion is stopped 2 % below its price, the distance it was sized for")
        << Side::Buy << std::optional<double>() << -0.02 << true;
}

void TestDecisionCycle::anEntryIsJournalledWithTheStopItWasSizedFor()
{
    QFETCH(Side, side);
    QFETCH(std::optional<double>, distance);
    QFETCH(double, expectedDistance);
    QFETCH(bool, relative);
    Rig rig(utc("2026-11-24T15:02:30Z"));
    QVERIFY2(rig.problems.isEmpty(), qPrintable(rig.problems.join(u"; ")));
    rig.services.strategy = std::make_unique<Entering>(side, distance);
    rig.cycle->start();
    QTRY_COMPARE(rig.desk->pendingProposals().size(), 1);
    const TradeProposal proposal = rig.desk->pendingProposals().first();
    QCOMPARE(proposal.side, side);
    const double expected = proposal.price + (relative ? expectedDistance * proposal.price : expectedDistance);
    QVERIFY(proposal.stopPrice);
    QVERIFY2(qFuzzyCompare(*proposal.stopPrice, expected),
             qPrintable(QStringLiteral("stop %1, expected %2").arg(*proposal.stopPrice).arg(expected)));
    const auto journalled = rig.services.journal->proposal(proposal.id);
    QVERIFY(journalled.ok() && journalled.value());
    QCOMPARE(journalled.value()->stopPrice, proposal.stopPrice);
}

void TestDecisionCycle::aCrossedStopIsProposedOnceAndWaitsForTheOperator()
{
    QTemporaryDir replay;
    // The close falls through the stop (1.08) on the bars of 15:05 to 15:15, comes back at 15:20
    // and falls through again at 15:25.
    writeReplay(replay.path(), utc("2026-11-24T15:30:00Z"),
                {{utc("2026-11-24T15:05:00Z"), 1.07}, {utc("2026-11-24T15:10:00Z"), 1.07}, {utc("2026-11-24T15:15:00Z"), 1.07},
                 {utc("2026-11-24T15:20:00Z"), 1.10}, {utc("2026-11-24T15:25:00Z"), 1.07}});
    Rig rig(utc("2026-11-24T15:02:30Z"), replay.path());
    QVERIFY2(rig.problems.isEmpty(), qPrintable(rig.problems.join(u"; ")));
    const std::shared_ptr<int> asked = rig.silenceStrategy();
    rig.holdLong(1000, 1.10, 1.08);
    QVERIFY(!QTest::currentTestFailed());

    rig.cycle->start();
    QTRY_COMPARE(*asked, 1); // 14:55 closed above the stop: the strategy decides the bar
    rig.clock.advanceTo(utc("2026-11-24T15:05:00Z"));
    QTRY_COMPARE(*asked, 2);
    QCOMPARE(rig.context.stats.proposals, 0);

    // 15:05 closes at 1.07: the exit of the whole position is put to the operator, not traded.
    rig.clock.advanceTo(utc("2026-11-24T15:10:00Z"));
    QTRY_COMPARE(rig.desk->pendingProposals().size(), 1);
    const TradeProposal exit = rig.desk->pendingProposals().first();
    QVERIFY(exit.isExit);
    QCOMPARE(exit.side, Side::Sell);
    QCOMPARE(exit.quantity, 1000.0);
    QCOMPARE(exit.strategyReason, QStringLiteral("protective stop 1.08 crossed (last 1.07)"));
    QCOMPARE(exit.strategy, QStringLiteral("silent")); // the stop is the running strategy's
    QCOMPARE(exit.stopPrice, std::optional<double>());
    QCOMPARE(exit.state, ProposalState::Pending);
    QCOMPARE(rig.services.journal->proposal(exit.id).value()->state, ProposalState::Pending);
    QCOMPARE(*asked, 2); // the stop answered the bar
    QCOMPARE(rig.heldUnits(), 1000.0);

    // The operator holds on; the close stays beyond the stop: the same crossing is not asked again.
    bool rejected = false;
    rig.desk->reject(exit.id, QStringLiteral("holding through the news"), OperatorOrigin::desktop(),
                     [&rejected](const DecisionResult& result) { rejected = result.kind == DecisionResult::Kind::Rejected; });
    QVERIFY(rejected);
    for (const char* at : {"2026-11-24T15:15:00Z", "2026-11-24T15:20:00Z", "2026-11-24T15:25:00Z"}) {
        const int before = *asked;
        rig.clock.advanceTo(utc(at));
        QTRY_COMPARE(*asked, before + 1);
    }
    QCOMPARE(rig.context.stats.proposals, 1);
    QVERIFY(rig.desk->pendingProposals().isEmpty());

    // Back above the stop at 15:20, through it again at 15:25: a new crossing, a new question.
    rig.clock.advanceTo(utc("2026-11-24T15:30:00Z"));
    QTRY_COMPARE(rig.desk->pendingProposals().size(), 1);
    QCOMPARE(rig.context.stats.proposals, 2);
    QVERIFY(rig.desk->pendingProposals().first().isExit);
    QCOMPARE(rig.heldUnits(), 1000.0);
}

void TestDecisionCycle::aStopCrossedOnStaleDataProposesNothing()
{
    QTemporaryDir replay;
    // The feed stopped three hours ago, on a close below the stop: stale data lets exits through,
    // but must not make one.
    writeReplay(replay.path(), utc("2026-11-24T11:55:00Z"), {{utc("2026-11-24T11:55:00Z"), 1.07}});
    Rig rig(utc("2026-11-24T15:02:30Z"), replay.path());
    QVERIFY2(rig.problems.isEmpty(), qPrintable(rig.problems.join(u"; ")));
    const std::shared_ptr<int> asked = rig.silenceStrategy();
    rig.holdLong(1000, 1.10, 1.08);
    QVERIFY(!QTest::currentTestFailed());

    rig.cycle->start();
    QTRY_COMPARE(*asked, 1);
    QCOMPARE(rig.runtime().snapshot.freshness, Freshness::Stale);
    QCOMPARE(rig.runtime().history.newest().close, 1.07);
    QVERIFY(rig.desk->pendingProposals().isEmpty());
    QCOMPARE(rig.context.stats.proposals, 0);
    QCOMPARE(rig.heldUnits(), 1000.0);
}

QTEST_GUILESS_MAIN(TestDecisionCycle)
#include "tst_decisioncycle.moc"
