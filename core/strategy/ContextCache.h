// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/TtlCache.h"
#include "strategy/AdvisorContext.h"

#include <QString>

#include <functional>

namespace sentinel {

/// What an advisor context source keeps in its named cache (CacheRegistry: indicators, regime,
/// sentiment, macro): the text of its section, or of one part of it.
using ContextTextCache = TtlCache<QString, QString>;

/// Works out a text and answers with it or with the reason there is none, once.
using ContextLoad = std::function<void(AdvisorContextSource::Done answer)>;

/// Answers `done` from `cache` under `key`, or runs `load` (once, however many ask meanwhile) and
/// keeps its text for the cache's time to live; an error is passed on and never kept, so the next
/// question loads again. A hit answers before this returns.
void gatherThrough(ContextTextCache& cache, const QString& key, ContextLoad load, AdvisorContextSource::Done done);

} // namespace sentinel
