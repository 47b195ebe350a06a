// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Config.h"

#include <optional>

namespace sentinel {

/// A broker account whose orders move real money.
struct LiveAccount {
    QString broker;  ///< "OANDA"
    QString account; ///< the account id, as the broker names it (Coinbase: "of this API key", never the key)
    [[nodiscard]] QString describe() const { return QStringLiteral("%1 account %2").arg(broker, account); }
};

/// The live account this configuration's orders would reach, or nullopt when they go to a
/// practice account or the paper account. `config check` has already required the first yes
/// (`allow_live: true`); the desktop asks the second once per start and shows a LIVE badge.
[[nodiscard]] std::optional<LiveAccount> liveTradingAccount(const Config& config);

/// The same configuration with its orders sent to the paper account instead (the operator
/// declined live trading for this start). Feeds are untouched.
[[nodiscard]] Config withPaperTrading(Config config);

} // namespace sentinel
