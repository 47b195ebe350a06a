// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/ContextCache.h"

namespace sentinel {

void gatherThrough(ContextTextCache& cache, const QString& key, ContextLoad load, AdvisorContextSource::Done done)
{
    cache.getOrFetch(
        key,
        [load = std::move(load)](const ContextTextCache::Resolve& resolve) {
            // No validity of its own: the cache's configured time to live applies.
            load([resolve](Result<QString> text) { resolve(std::move(text), QDateTime()); });
        },
        [done = std::move(done)](const Result<QString>& text) { done(text); });
}

} // namespace sentinel
