// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AwaitCallback.h"
#include "providers/MarketDataProvider.h"

namespace sentinel::test {

/// Asks `provider` for bars and waits for its answer (the event loop runs meanwhile, no sleep);
/// a `test_timeout` error when none came within `timeoutMs` (the test has failed then).
inline Result<BarSeries> fetchBarsOnce(MarketDataProvider& provider, const BarRequest& request, int timeoutMs = 5'000)
{
    const auto answer = awaitCallback<Result<BarSeries>>([&](auto done) { provider.fetchBars(request, done); }, timeoutMs);
    return answer ? *answer
                  : Result<BarSeries>(Error{QStringLiteral("test_timeout"), QStringLiteral("no answer within %1 ms").arg(timeoutMs)});
}

} // namespace sentinel::test
