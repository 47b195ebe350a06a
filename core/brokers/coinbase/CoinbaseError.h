// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"


namespace sentinel::coinbaseError {

// Stable kinds of the errors the Coinbase parsers return (ADR 0113). A body that is not JSON gets
// the kinds of common/JsonBody.h (html_body, truncated_body, ...); where a kind below means the same
// as one of providers/ProviderError.h, it has the same spelling, so the engine's retry policy
// reads both alike.
inline constexpr char16_t BodyTooLarge[] = u"body_too_large";
inline constexpr char16_t UnexpectedShape[] = u"unexpected_shape";   ///< JSON, but not the expected answer
inline constexpr char16_t MissingField[] = u"missing_field";
inline constexpr char16_t WrongType[] = u"wrong_type";               ///< e.g. a number where a string belongs
inline constexpr char16_t InvalidNumber[] = u"invalid_number";       ///< not an exact, finite decimal
inline constexpr char16_t InvalidTimestamp[] = u"invalid_timestamp";
inline constexpr char16_t InvalidBar[] = u"invalid_bar";             ///< OHLC inconsistent, price not positive
// candles
inline constexpr char16_t UnsortedCandles[] = u"unsorted_candles";
inline constexpr char16_t DuplicateCandle[] = u"duplicate_candle";
inline constexpr char16_t InconsistentSpacing[] = u"inconsistent_spacing";
inline constexpr char16_t MisalignedCandle[] = u"misaligned_candle";
inline constexpr char16_t UnknownGranularity[] = u"unknown_granularity";
inline constexpr char16_t FutureCandle[] = u"future_candle";
inline constexpr char16_t NoClock[] = u"no_clock";                   ///< the caller gave no "now"
// WebSocket
inline constexpr char16_t UnknownChannel[] = u"unknown_channel";
inline constexpr char16_t MessageTooLarge[] = u"message_too_large";
inline constexpr char16_t WsError[] = u"ws_error";                   ///< {"type":"error"} from the feed
// HTTP answers that are errors
inline constexpr char16_t Unauthorized[] = u"unauthorized";          ///< 401: bad key, or throttling in disguise
inline constexpr char16_t PermissionDenied[] = u"permission_denied"; ///< 403: key lacks a scope
inline constexpr char16_t RateLimited[] = u"rate_limited";           ///< 429, JSON or HTML
inline constexpr char16_t ApiError[] = u"api_error";                 ///< {"error", "message", "error_details"}
inline constexpr char16_t HttpError[] = u"http_error";               ///< any other status
inline constexpr char16_t ServerError[] = u"server_error";           ///< 5xx: Coinbase is failing (CoinbaseRest)
// Request signing (CoinbaseJwt)
inline constexpr char16_t InvalidKey[] = u"invalid_key";             ///< coinbase.private_key is not an EC P-256 PEM
inline constexpr char16_t SigningFailed[] = u"signing_failed";       ///< OpenSSL failed on an accepted key

[[nodiscard]] Error make(const char16_t* kind, const QString& message, const QString& remedy = {});

} // namespace sentinel::coinbaseError
