// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/AdvisorServices.h"

#include "advisor/ProviderFactory.h"
#include "advisor/ProviderPool.h"
#include "common/AlertKinds.h"
#include "common/Log.h"
#include "engine/AlertSink.h"
#include "strategy/AdvisorEnsemble.h"
#include "strategy/StrategyRegistry.h"

#include <algorithm>

namespace sentinel {

namespace {

/// Each health check's own deadline: well inside the shortest interval the config allows (10 s).
constexpr std::chrono::seconds kHealthTimeout{5};

} // namespace

AdvisorServices::AdvisorServices(const Config& config, Clock& clock, AlertSink& alerts)
    : m_config(config), m_clock(clock), m_alerts(alerts)
{
}

AdvisorServices::~AdvisorServices() = default;

Result<std::unique_ptr<Strategy>> AdvisorServices::build(ContextGatherer context)
{
    const AdvisorSettings& settings = m_config.advisor;
    auto fallback = StrategyRegistry::create(settings.fallback);
    if (!fallback)
        return Error{fallback.error().kind, QStringLiteral("advisor.fallback: %1").arg(fallback.error().message),
                     fallback.error().remedy};
    advisor::PoolSettings poolSettings;
    poolSettings.healthInterval = settings.healthInterval;
    poolSettings.healthTimeout = std::min<std::chrono::milliseconds>(kHealthTimeout, settings.healthInterval / 2);
    m_pool = std::make_unique<advisor::ProviderPool>(m_clock, poolSettings);
    QList<EnsembleMember> members;
    std::chrono::milliseconds deadline{0};
    for (qsizetype i = 0; i < settings.providers.size(); ++i) {
        const ModelServerSettings& server = settings.providers[i];
        auto index = m_pool->addProvider(advisor::providerSettings(server));
        if (!index)
            return Error{index.error().kind,
                         QStringLiteral("advisor.providers[%1]: %2").arg(i).arg(index.error().message),
                         index.error().remedy};
        members << EnsembleMember{index.value(), server.weight};
        deadline = std::max<std::chrono::milliseconds>(deadline, server.timeout);
    }
    m_ensemble = std::make_unique<AdvisorEnsemble>(*m_pool, m_clock, members, settings.maxConcurrent, deadline);

    AdvisorHooks hooks;
    hooks.modelsUnavailable = [this](const QString& why) {
        m_alerts.raise(Alert::Severity::Warning, alertkind::advisorUnavailable, QString(),
                       QStringLiteral("no advisor model answered; %1 decides until one does: %2")
                           .arg(m_config.advisor.fallback, why));
    };
    hooks.modelsBack = [] { log::engine()->info("an advisor model answers again"); };
    LlmAdvisorSettings strategySettings;
    strategySettings.historyBars = settings.historyBars;
    strategySettings.fallbackWeight = settings.fallbackWeight;
    strategySettings.limits = PromptLimits{m_config.risk.maxPositionPct, m_config.risk.maxVarPct};
    auto strategy = std::make_unique<LlmAdvisorStrategy>(*m_ensemble, std::move(context), std::move(fallback).value(),
                                                         strategySettings, std::move(hooks));
    m_pool->start();
    return std::unique_ptr<Strategy>(std::move(strategy));
}

} // namespace sentinel
