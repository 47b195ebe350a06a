// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/ProviderKind.h"
#include "common/Error.h"

#include <QString>

// The kinds of error the advisor's parsers and providers return (ADR 0114). Stable: the CLI's
// JSON (`sentinel advisor test`), the journal and the provider pool's health and breaker logic
// depend on them. A body that is not JSON at all has the kinds of common/JsonBody.h. Every one of
// these, for an advice request, means the advice counts as hold.

namespace sentinel::advisor::advisorError {

/// The model's answer is not exactly the advice object (prose, an extra or missing key, a number
/// out of range, NaN, a duplicate key, a refusal, ...).
inline constexpr char16_t InvalidOutput[] = u"advisor_invalid_output";
inline constexpr char16_t InvalidModelName[] = u"advisor_invalid_model_name"; ///< a configured name we refuse to send
inline constexpr char16_t InvalidBaseUrl[] = u"advisor_invalid_base_url";     ///< not https, or http to a host not loopback
inline constexpr char16_t Unreachable[] = u"advisor_unreachable";             ///< no connection, TLS failure, a redirect
inline constexpr char16_t ModelNotFound[] = u"advisor_model_not_found";       ///< the server has no such model
inline constexpr char16_t Overloaded[] = u"advisor_overloaded";               ///< 503, or the server's queue is full
inline constexpr char16_t RateLimited[] = u"advisor_rate_limited";            ///< 429
inline constexpr char16_t ServerError[] = u"advisor_server_error";            ///< other 5xx, or an error in a 2xx answer
inline constexpr char16_t BadRequest[] = u"advisor_bad_request";              ///< 400 and other 4xx: the request is wrong
inline constexpr char16_t Unauthorized[] = u"advisor_unauthorized";           ///< 401, 403: the api_key
inline constexpr char16_t EndpointNotFound[] = u"advisor_endpoint_not_found"; ///< 404 that is not about a model: base_url
inline constexpr char16_t StreamError[] = u"advisor_stream_error";            ///< an error line in a 200 stream, or a cut stream
inline constexpr char16_t ResponseTooLarge[] = u"advisor_response_too_large"; ///< a body, stream line or content over its cap
inline constexpr char16_t UnexpectedShape[] = u"advisor_unexpected_shape";    ///< JSON, but not the answer expected
/// The provider pool holds this server back (down, unchecked, breaker open): nothing was sent.
inline constexpr char16_t ProviderUnavailable[] = u"advisor_provider_unavailable";

[[nodiscard]] inline Error make(const char16_t* kind, const QString& message, const QString& remedy = {})
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

/// The error a server's error answer describes. `httpStatus` 0 means the error arrived inside a
/// 200 stream: that is always advisor_stream_error. Otherwise the kind comes from what the text
/// says where it is unambiguous (a missing model, an overloaded queue, a rate limit: Ollama
/// answers a missing model with 404, its OpenAI layer with 400), else from the status. `model` is the configured (validated) model name the remedy names, never
/// one taken from the answer; the server's text is quoted as a short, printable excerpt.
[[nodiscard]] Error fromServerError(ProviderKind provider, int httpStatus, const QString& serverText, const QString& model);

/// `text` with every control character replaced by U+FFFD, so a server's or a model's text cannot
/// carry terminal escapes or line breaks into a message, a log line or the UI.
[[nodiscard]] QString printable(const QString& text);

} // namespace sentinel::advisor::advisorError
