// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AdvisorContextFactory.h"

#include "cache/CacheRegistry.h"
#include "strategy/IndicatorContext.h"
#include "strategy/MacroContext.h"
#include "strategy/RegimeContext.h"
#include "strategy/SentimentContext.h"

namespace sentinel {

namespace {

/// The named text cache, made once: a second context (a restart of the advisor) shares it.
ContextTextCache& textCache(CacheRegistry& caches, QStringView name)
{
    if (auto* existing = dynamic_cast<ContextTextCache*>(caches.find(name)))
        return *existing;
    return caches.create<QString, QString>(name);
}

} // namespace

std::unique_ptr<AdvisorContext> makeAdvisorContext(CacheRegistry& caches, Clock& clock,
                                                   AlphaVantageProvider* alphaVantage,
                                                   std::chrono::milliseconds deadline)
{
    AdvisorContext::Sources sources;
    sources.push_back(std::make_unique<IndicatorContext>(textCache(caches, cachenames::indicators)));
    sources.push_back(std::make_unique<RegimeContext>(textCache(caches, cachenames::regime)));
    sources.push_back(std::make_unique<SentimentContext>(textCache(caches, cachenames::sentiment), alphaVantage));
    sources.push_back(std::make_unique<MacroContext>(textCache(caches, cachenames::macro), alphaVantage));
    return std::make_unique<AdvisorContext>(clock, std::move(sources), deadline);
}

} // namespace sentinel
