// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "strategy/Strategy.h"

#include <QStringList>

#include <memory>

namespace sentinel {

/// The fixed, compiled-in set of strategies, chosen by name. Configuration names a strategy; it
/// never supplies code, so an unknown name is a configuration error and nothing else happens.
class StrategyRegistry final
{
public:
    /// Every known name, sorted ("llm_advisor", "rsi_reversion", "sma_cross"); config validation uses it.
    [[nodiscard]] static QStringList names();
    /// The rule strategies, which need nothing but their parameters: what `advisor.fallback` may name.
    [[nodiscard]] static QStringList ruleNames();
    /// "llm_advisor": built by the engine from the `advisor:` section (LlmAdvisorStrategy), not here.
    [[nodiscard]] static QString advisorName();
    [[nodiscard]] static bool contains(QStringView name);
    /// A new rule strategy with its default parameters, or an `unknown_strategy` error that lists
    /// the known names (llm_advisor included: it needs its model servers, see advisorName()).
    [[nodiscard]] static Result<std::unique_ptr<Strategy>> create(QStringView name);
};

} // namespace sentinel
