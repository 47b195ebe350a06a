// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/LiveTrading.h"

namespace sentinel {

std::optional<LiveAccount> liveTradingAccount(const Config& config)
{
    if (config.platform == QLatin1String("oanda") && config.oanda.environment == BrokerEnvironment::Live)
        return LiveAccount{QStringLiteral("OANDA"), config.oanda.accountId};
    return std::nullopt;
}

Config withPaperTrading(Config config)
{
    config.platform = QStringLiteral("paper");
    return config;
}

} // namespace sentinel
