// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/SimulationRun.h"

#include "common/ManualClock.h"
#include "config/LiveTrading.h"
#include "engine/Engine.h"
#include "engine/SimulationDriver.h"
#include "engine/SimulationRequestCheck.h"
#include "journal/JournalFills.h"

#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

namespace sentinel {

namespace {

constexpr int kProgressIntervalMs = 100;

/// The configuration a simulation runs on: the chosen instruments and strategy, the paper
/// account, no delivery channel, no Telegram control and a cache of its own, whatever the
/// operator's file says.
Config simulationConfig(Config config, const SimulationRequest& request)
{
    config = withPaperTrading(std::move(config));
    config.watchlist.erase(std::remove_if(config.watchlist.begin(), config.watchlist.end(),
                                          [&request](const Instrument& instrument) {
                                              return !request.instrumentKeys.contains(instrument.key());
                                          }),
                           config.watchlist.end());
    config.strategyName = request.strategy;
    // The run approves its own proposals (EngineOptions::autoApprove); signal_only would ask for
    // the Telegram channel switched off below.
    config.mode = TradingMode::Approval;
    config.autonomousEnabled = false;
    config.telegram.enabled = false;
    config.webhook.enabled = false;
    // A shared Redis would hand the live engine the simulation's past quotes and portfolio.
    config.cache.backend = CacheBackend::Memory;
    config.journalPath.clear(); // EngineOptions names the scratch journal
    return config;
}

} // namespace

SimulationRun::SimulationRun(Config config, quint64 seed, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_seed(seed), m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &SimulationRun::reportProgress);
}

SimulationRun::~SimulationRun()
{
    if (m_engine)
        m_engine->stop();
    release();
}

void SimulationRun::start(const SimulationRequest& request)
{
    if (m_engine || m_ending) {
        SimulationOutcome busy;
        busy.error = QStringLiteral("a simulation is already running: wait for it or cancel it first");
        Q_EMIT finished(busy);
        return;
    }
    QStringList keys;
    for (const Instrument& instrument : m_config.watchlist)
        keys << instrument.key();
    m_request = request;
    QStringList problems = simulationRequestProblems(request, keys);
    // A feed with a quota would spend the live desk's keys as fast as simulated time moves.
    for (ProviderKind kind : providersInUse(simulationConfig(m_config, request)))
        if (kind != ProviderKind::Simulated && kind != ProviderKind::Replay)
            problems << QStringLiteral("The %1 feed is not simulated on the desk: a simulation would spend the live "
                                       "desk's quota at machine speed. Use the simulated or replay feed, or "
                                       "'sentinel run --simulate' with a key of its own.")
                            .arg(providerKindName(kind));
    if (!problems.isEmpty()) {
        SimulationOutcome refused;
        refused.error = problems.join(u' ');
        Q_EMIT finished(refused);
        return;
    }
    m_scratch = std::make_unique<QTemporaryDir>();
    if (!m_scratch->isValid()) {
        const QString why = m_scratch->errorString();
        m_scratch.reset();
        SimulationOutcome failed;
        failed.error = QStringLiteral("cannot create a scratch journal for the simulation: %1 (free some space in the temporary folder)")
                           .arg(why);
        Q_EMIT finished(failed);
        return;
    }
    EngineOptions options;
    options.offline = true;
    options.autoApprove = true;
    options.journalPath = m_scratch->filePath(QStringLiteral("simulation.sqlite"));
    options.seed = m_seed;
    m_clock = std::make_unique<ManualClock>(request.from);
    m_engine = std::make_unique<Engine>(simulationConfig(m_config, request), m_clock.get(), options);
    m_driver = std::make_unique<SimulationDriver>(*m_clock, request.to, [this] { return m_engine->busy(); });
    connect(m_engine.get(), &Engine::idle, m_driver.get(), &SimulationDriver::notifyIdle);
    connect(m_engine.get(), &Engine::startFailed, this,
            [this](const QStringList& problems) { fail(QStringLiteral("the engine could not start: %1").arg(problems.join(u"; "))); });
    connect(m_driver.get(), &SimulationDriver::finished, this, &SimulationRun::complete);
    m_engine->start();
    if (!m_engine || m_ending)
        return; // start failed at once
    m_driver->start();
    m_progressTimer->start();
    reportProgress();
}

void SimulationRun::cancel()
{
    if (!m_engine || m_ending)
        return;
    m_driver->cancel();
    SimulationOutcome cancelled;
    cancelled.end = SimulationOutcome::End::Cancelled;
    cancelled.performance.source = PerformanceView::Source::Simulation;
    cancelled.performance.description = description();
    end(cancelled);
}

void SimulationRun::reportProgress()
{
    if (!m_clock)
        return;
    const double span = double(m_request.from.msecsTo(m_request.to));
    const double done = double(m_request.from.msecsTo(m_clock->now()));
    Q_EMIT progressed({span > 0 ? std::clamp(done / span, 0.0, 1.0) : 1.0, m_clock->now()});
}

void SimulationRun::complete()
{
    if (m_ending)
        return;
    m_engine->stop();
    reportProgress();
    // Read back as `sentinel report` would, from the scratch journal (a connection of its own).
    auto fills = journalfills::readFile(m_scratch->filePath(QStringLiteral("simulation.sqlite")), m_request.to);
    if (!fills) {
        fail(QStringLiteral("cannot read the simulation's journal: %1").arg(fills.error().toString()));
        return;
    }
    const ReportWindow window{m_request.from, m_request.to, m_config.paper.startingBalance};
    SimulationOutcome outcome;
    outcome.end = SimulationOutcome::End::Finished;
    outcome.performance = performanceView(PerformanceReport::build(fills.value(), window),
                                          PerformanceView::Source::Simulation, description());
    outcome.performance.currency = m_config.paper.currency;
    end(outcome);
}

void SimulationRun::fail(const QString& why)
{
    if (m_ending)
        return;
    SimulationOutcome failed;
    failed.error = why;
    failed.performance.source = PerformanceView::Source::Simulation;
    failed.performance.description = description();
    failed.performance.error = why;
    end(failed);
}

void SimulationRun::end(const SimulationOutcome& outcome)
{
    m_ending = true;
    m_progressTimer->stop();
    if (m_engine)
        m_engine->stop();
    // The driver or the engine may be on the stack (their signal brought us here): they are
    // destroyed once control is back in the event loop.
    QMetaObject::invokeMethod(this, &SimulationRun::release, Qt::QueuedConnection);
    Q_EMIT finished(outcome);
}

void SimulationRun::release()
{
    m_driver.reset();
    m_engine.reset();
    m_clock.reset();
    m_scratch.reset();
    m_ending = false;
}

QString SimulationRun::description() const
{
    QStringList symbols;
    for (const Instrument& instrument : m_config.watchlist)
        if (m_request.instrumentKeys.contains(instrument.key()))
            symbols << instrument.symbol;
    return describeSimulation(m_request, symbols);
}

} // namespace sentinel
