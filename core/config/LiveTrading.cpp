// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/LiveTrading.h"

namespace sentinel {

std::optional<LiveAccount> liveTradingAccount(const Config& config)
{
    if (config.platform == QLatin1String("oanda") && config.oanda.environment == BrokerEnvironment::Live)
        return LiveAccount{QStringLiteral("OANDA"), config.oanda.accountId};
    // Coinbase has no practice account: a Coinbase platform is always live (allow_live is required).
    if (config.platform == QLatin1String("coinbase") && config.coinbase.allowLive)
        return LiveAccount{QStringLiteral("Coinbase"), QStringLiteral("of this API key")};
    return std::nullopt;
}

Config withPaperTrading(Config config)
{
    config.platform = QStringLiteral("paper");
    return config;
}

} // namespace sentinel
