// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Config.h"
#include "engine/EngineInterface.h"
#include "engine/EngineOptions.h"

#include <QPointer>

class QThread;

namespace sentinel {

class SimulationRun;

/// Owns the simulation's worker thread ("sentinel-simulation") and its SimulationRun, as
/// EngineHost owns the engine's. Lives in the caller's thread: the window's requests are passed
/// on as queued calls and the run's progress and outcome come back as this object's signals, so
/// a long simulation never holds the window or the live engine.
class SimulationHost final : public SimulationInterface
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationHost)
public:
    /// `seed`: the simulated feed's, the live engine's (EngineOptions::seed).
    explicit SimulationHost(Config config, quint64 seed = EngineOptions{}.seed, QObject* parent = nullptr);
    ~SimulationHost() override;

    /// Valid until shutdown(); only for connecting signals and queued invocations.
    [[nodiscard]] SimulationRun* run() const;
    /// Cancels a running simulation, then stops the thread and waits for it.
    void shutdown();

public Q_SLOTS:
    void startSimulation(const sentinel::SimulationRequest& request) override;
    void cancelSimulation() override;

private:
    QThread* m_thread;
    QPointer<SimulationRun> m_run;
};

} // namespace sentinel
