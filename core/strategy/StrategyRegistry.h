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
    /// Every known name, sorted ("rsi_reversion", "sma_cross"); config validation uses it.
    [[nodiscard]] static QStringList names();
    [[nodiscard]] static bool contains(QStringView name);
    /// A new strategy with its default parameters, or an `unknown_strategy` error that lists the
    /// known names.
    [[nodiscard]] static Result<std::unique_ptr<Strategy>> create(QStringView name);
};

} // namespace sentinel
