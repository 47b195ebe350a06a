// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sentinel {

class AlertSink;
class EngineServices;
class FreshnessMonitor;
class InstrumentBook;
class PortfolioRisk;
class PortfolioSource;

/// The parts the decision cycle and the trade desk both work with, built once by the Engine.
struct EngineSteps {
    EngineServices& services;
    InstrumentBook& instruments;
    FreshnessMonitor& freshness;
    PortfolioSource& portfolio;
    const PortfolioRisk& risk;
    AlertSink& alerts;
};

} // namespace sentinel
