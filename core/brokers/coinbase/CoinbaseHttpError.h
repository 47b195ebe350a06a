// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace sentinel::coinbase {

/// What an HTTP error answer from Coinbase means.
struct HttpErrorAnswer {
    Error error;
    /// The server's Retry-After, clamped to [0, net::maxServerWait]; nullopt when absent or
    /// unreadable (the caller's own back-off applies then).
    std::optional<std::chrono::seconds> retryAfter;
};

/// Classifies an answer with HTTP status >= 400 by status and body (ADR 0113): 401 (the plain
/// text "Unauthorized", also sent to clients that poll too hard) is `unauthorized`; 403 is
/// `permission_denied`; 429 is `rate_limited` whether its body is JSON ({"errors":[{"id":
/// "rate_limit_exceeded"}]}) or an HTML page; other JSON bodies ({"error","message",
/// "error_details"}) are `api_error`; anything else is `http_error`. Coinbase's own words are
/// quoted as an excerpt, never the whole body.
[[nodiscard]] HttpErrorAnswer classifyHttpError(int status, const QByteArray& body, const QByteArray& retryAfterHeader,
                                                const QDateTime& now);

} // namespace sentinel::coinbase
