// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/JsonBody.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace sentinel::providerError {

// Stable kinds of provider errors. Scripts, tests and the engine's retry policy depend on them.
inline constexpr char16_t InvalidCall[] = u"invalid_call";           ///< "Error Message": do not retry
inline constexpr char16_t InvalidApiKey[] = u"invalid_api_key";      ///< missing, invalid or demo key
inline constexpr char16_t RateLimited[] = u"rate_limited";           ///< "Note": per-minute limit
inline constexpr char16_t QuotaExhausted[] = u"quota_exhausted";     ///< daily quota used up
inline constexpr char16_t BurstLimited[] = u"burst_limited";         ///< too many requests per second
inline constexpr char16_t PremiumEndpoint[] = u"premium_endpoint";   ///< endpoint needs a paid plan
inline constexpr char16_t ProviderNotice[] = u"provider_notice";     ///< an "Information" we do not know
inline constexpr char16_t HttpError[] = u"http_error";
inline constexpr char16_t Timeout[] = u"timeout";
inline constexpr char16_t NetworkError[] = u"network_error";
inline constexpr char16_t TlsError[] = u"tls_error";
// The shapes of a body that is not JSON (common/JsonBody.h), shared with the broker parsers.
using jsonBody::HtmlBody;
using jsonBody::TruncatedBody;
inline constexpr char16_t BodyTooLarge[] = u"body_too_large";        ///< over the body cap (net::BodyTooLarge)
using jsonBody::BinaryBody;
using jsonBody::MalformedBody;
using jsonBody::EmptyBody;
inline constexpr char16_t UnexpectedShape[] = u"unexpected_shape";   ///< JSON, but not a known answer
inline constexpr char16_t NoUsableRows[] = u"no_usable_rows";        ///< every row failed sanitising
inline constexpr char16_t UnknownTimeZone[] = u"unknown_time_zone";
inline constexpr char16_t SymbolMismatch[] = u"symbol_mismatch";     ///< answer is for another symbol
inline constexpr char16_t CircuitOpen[] = u"circuit_open";           ///< too many failures: paused
inline constexpr char16_t Unsupported[] = u"unsupported";            ///< provider cannot answer this
inline constexpr char16_t ReplayDataMissing[] = u"replay_data_missing";
inline constexpr char16_t BadReplayFile[] = u"bad_replay_file";      ///< not a regular file, or over its size cap
inline constexpr char16_t Cancelled[] = u"cancelled";

/// Every kind above, e.g. to export each one's error counter at zero before it first happens.
[[nodiscard]] QStringList allKinds();

/// Whether asking again later can help. Invalid calls, keys and premium endpoints never heal.
[[nodiscard]] bool isRetryable(const QString& kind);

/// Whether the failure says the service (or the path to it) is unwell: these trip the circuit
/// breaker. Client mistakes and quota answers do not.
[[nodiscard]] bool indicatesOutage(const QString& kind);

/// `error` with the providers' `kind`; its message and remedy kept.
[[nodiscard]] Error retyped(const Error& error, const char16_t* kind);
/// A broker's error no rule of its own mapped: the transport and body kinds the providers share
/// pass as they are, anything else (a field the parser refused) becomes `unexpected_shape` with
/// its message, so the breaker counts it.
[[nodiscard]] Error sharedKindOrUnexpectedShape(const Error& error);

[[nodiscard]] inline Error make(const char16_t* kind, const QString& message, const QString& remedy = {})
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

} // namespace sentinel::providerError
