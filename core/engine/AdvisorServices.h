// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "config/Config.h"
#include "strategy/LlmAdvisorStrategy.h"

#include <QStringList>

#include <memory>

namespace sentinel {

class AdvisorEnsemble;
class AlertSink;
class Clock;
namespace advisor {
class ProviderPool;
}

/// The LLM advisor's parts for one engine (issue 15), built from `advisor:` when `strategy.name`
/// is llm_advisor: the provider pool (one connection per model server, health-checked), the
/// ensemble that asks it, and the strategy that turns its vote into signals. When no model
/// answers, `advisor_unavailable` is raised once per outage, not once per bar.
class AdvisorServices final
{
public:
    AdvisorServices(const Config& config, Clock& clock, AlertSink& alerts);
    ~AdvisorServices();
    AdvisorServices(const AdvisorServices&) = delete;
    AdvisorServices& operator=(const AdvisorServices&) = delete;

    /// The strategy, or what to fix (a provider's base_url or model refused, an unknown fallback).
    /// The pool starts its health checks at once. `context` gathers the prompt's context; none:
    /// bars, position and limits only.
    [[nodiscard]] Result<std::unique_ptr<Strategy>> build(ContextGatherer context = {});

    [[nodiscard]] advisor::ProviderPool* pool() const { return m_pool.get(); }

private:
    const Config& m_config;
    Clock& m_clock;
    AlertSink& m_alerts;
    std::unique_ptr<advisor::ProviderPool> m_pool;
    std::unique_ptr<AdvisorEnsemble> m_ensemble;
};

} // namespace sentinel
