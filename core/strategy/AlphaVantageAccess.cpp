// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AlphaVantageAccess.h"

#include "providers/AlphaVantageProvider.h"
#include "strategy/AdvisorContext.h"

namespace sentinel {

std::optional<Error> alphaVantageNotConfigured(const AlphaVantageProvider* provider)
{
    if (provider && provider->hasApiKey())
        return std::nullopt;
    return Error(QString::fromUtf16(contextError::NoApiKey), QStringLiteral("no Alpha Vantage key configured"),
                 QStringLiteral("set providers.alpha_vantage.api_key to add news sentiment and macro data"));
}

std::optional<Error> alphaVantageQuotaUsedUp(const AlphaVantageProvider& provider)
{
    const ProviderQuota quota = provider.quota();
    if (quota.dailyLimit <= 0 || quota.usedToday < quota.dailyLimit)
        return std::nullopt;
    return Error(QString::fromUtf16(contextError::QuotaUsedUp),
                 QStringLiteral("Alpha Vantage daily quota used up (resets at %1)")
                     .arg(quota.resetsAt.toString(Qt::ISODate)));
}

} // namespace sentinel
