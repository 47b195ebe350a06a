// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <optional>

// When the advisor's context sources that read Alpha Vantage (sentiment, macro) may ask it. They
// ask through the one AlphaVantageProvider of the key, so its rate limiter and daily quota count
// their requests with the bars' (ADR 0129).

namespace sentinel {

class AlphaVantageProvider;

/// Why nothing can be asked at all: no provider, or no key configured; nullopt when it can.
[[nodiscard]] std::optional<Error> alphaVantageNotConfigured(const AlphaVantageProvider* provider);

/// Why nothing may be asked today: the key's daily quota is used up (by our count or because the
/// service said so); nullopt while requests remain. A section already cached is still served.
[[nodiscard]] std::optional<Error> alphaVantageQuotaUsedUp(const AlphaVantageProvider& provider);

} // namespace sentinel
