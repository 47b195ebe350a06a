// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Config.h"
#include "engine/Snapshots.h"

#include <QObject>

#include <memory>

class QTemporaryDir;
class QTimer;

namespace sentinel {

class Engine;
class ManualClock;
class SimulationDriver;

/// One simulation at a time for the desktop's File ▸ Simulate… (ADR 0137): the same Engine and
/// SimulationDriver as `sentinel run --simulate --auto-approve`, on a copy of the configuration
/// that trades the paper account, delivers nothing (Telegram and the webhook off) and journals to
/// a scratch file, so the live journal, outbox and account are never touched. Lives in its own
/// thread (SimulationHost); reports progress about ten times a second and ends with finished().
class SimulationRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationRun)
public:
    /// `seed`: the simulated feed's, as the live engine uses it (the demo's chart and its
    /// simulations then show one market).
    SimulationRun(Config config, quint64 seed, QObject* parent = nullptr);
    ~SimulationRun() override;

    [[nodiscard]] bool isRunning() const { return m_engine != nullptr; }

public Q_SLOTS:
    /// Refused with a Failed outcome while another run is going, or when the request has problems.
    void start(const sentinel::SimulationRequest& request);
    /// Stops a running simulation; it ends with a Cancelled outcome. Nothing when none runs.
    void cancel();

Q_SIGNALS:
    void progressed(const sentinel::SimulationProgress& progress);
    void finished(const sentinel::SimulationOutcome& outcome);

private:
    void reportProgress();
    void complete();
    void fail(const QString& why);
    void end(const SimulationOutcome& outcome);
    void release();
    [[nodiscard]] QString description() const;

    Config m_config;
    quint64 m_seed;
    SimulationRequest m_request;
    std::unique_ptr<QTemporaryDir> m_scratch;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<SimulationDriver> m_driver;
    QTimer* m_progressTimer;
    bool m_ending = false;
};

} // namespace sentinel
