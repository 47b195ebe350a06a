// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sentinel {

class EngineInterface;
class MainWindow;
class SimulationInterface;

/// Wires an engine to the operator's window in both directions: every engine signal to the
/// window slot that shows it, and the operator's decisions back to the engine's slots. The
/// engine normally lives in its own thread, so every connection is queued; the application and
/// the end-to-end UI tests share this one wiring.
void bindEngine(EngineInterface* engine, MainWindow* window);

/// Wires File ▸ Simulate… to a simulation runner (ADR 0137): the window's requests to it, its
/// progress and outcome back to the window, and enables the action.
void bindSimulation(SimulationInterface* simulations, MainWindow* window);

} // namespace sentinel
