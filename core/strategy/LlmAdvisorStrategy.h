// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/AdvisorContext.h"
#include "strategy/AdvisorPrompt.h"
#include "strategy/Strategy.h"

#include <functional>
#include <memory>

namespace sentinel {

class AdvisorEnsemble;

/// How the engine hears about the advisor beyond its signals.
struct AdvisorHooks {
    /// No model voted on a decision, the first time since one last did: the fallback decides.
    std::function<void(const QString& why)> modelsUnavailable;
    /// A model voted again after such an outage.
    std::function<void()> modelsBack;
};

/// Gathers the prompt's context sections for one question, answering once (AdvisorContext).
using ContextGatherer = std::function<void(const ContextQuestion&, std::function<void(QList<ContextSection>)>)>;

struct LlmAdvisorSettings {
    int historyBars = 30;
    double fallbackWeight = 0; ///< the rule strategy's vote; 0: it only decides when no model does
    PromptLimits limits;
};

/// The `llm_advisor` strategy (issue 15): for a closed bar it gathers the context, sends one
/// deterministic prompt to the ensemble of model servers and turns their weighted vote into a
/// signal that carries the reason, every vote and the prompt's hash. It only proposes: its
/// signals pass the freshness gate, the risk gate and the operator like any other. When no model
/// answers in time the rule strategy `fallback` decides, and the signal says so.
/// Synchronous evaluate() (backtests, which ask no model) is the fallback's.
class LlmAdvisorStrategy final : public Strategy
{
public:
    LlmAdvisorStrategy(AdvisorEnsemble& ensemble, ContextGatherer context, std::unique_ptr<Strategy> fallback,
                       LlmAdvisorSettings settings, AdvisorHooks hooks = {});
    ~LlmAdvisorStrategy() override;
    LlmAdvisorStrategy(const LlmAdvisorStrategy&) = delete;
    LlmAdvisorStrategy& operator=(const LlmAdvisorStrategy&) = delete;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] int minimumBars() const override;
    [[nodiscard]] std::optional<Signal> evaluate(const Instrument& instrument, const Bars& closedBars,
                                                 const PositionState& position) const override;
    void evaluateLater(const Instrument& instrument, const Bars& closedBars, const PositionState& position,
                       SignalCallback done) const override;

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared; ///< outlives this object in callbacks still on their way
};

} // namespace sentinel
