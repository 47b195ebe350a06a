// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/AdvisorContext.h"

#include <chrono>
#include <memory>

namespace sentinel {

class AlphaVantageProvider;
class CacheRegistry;

/// The advisor's context with its four sources (indicators, regime, sentiment, macro), each
/// reading through its named cache in `caches`, created with the TTL `cache.ttl` gives it (or
/// reused when an earlier call made it), so their hit rates show in the Caches panel.
/// `alphaVantage` is the provider of the configured key, whose limiter and quota the sentiment and
/// macro requests then share; null (no key) leaves those two sections out without a request.
/// `caches`, `clock` and the provider must outlive the context. Call in the engine thread.
[[nodiscard]] std::unique_ptr<AdvisorContext>
makeAdvisorContext(CacheRegistry& caches, Clock& clock, AlphaVantageProvider* alphaVantage,
                   std::chrono::milliseconds deadline = AdvisorContext::kDefaultDeadline);

} // namespace sentinel
