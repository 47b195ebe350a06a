// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/JsonBody.h"

#include <QByteArray>
#include <QJsonObject>

// The kinds of error the OANDA v20 parsers return (ADR 0112). Stable: tests, the CLI's JSON
// and the engine's retry policy depend on them. A body that is not JSON at all has the kinds of
// common/JsonBody.h.

namespace sentinel::oandaError {

inline constexpr char16_t MissingField[] = u"missing_field";        ///< a required member is absent
inline constexpr char16_t InvalidField[] = u"invalid_field";        ///< present, but of the wrong type or value
inline constexpr char16_t InvalidBar[] = u"invalid_bar";            ///< a candle breaks a bar rule (high below low, ...)
inline constexpr char16_t OutOfOrder[] = u"out_of_order";           ///< candles not strictly oldest first
inline constexpr char16_t UnsupportedGranularity[] = u"unsupported_granularity";
inline constexpr char16_t UnexpectedShape[] = u"unexpected_shape"; ///< JSON, but not the answer expected
inline constexpr char16_t UnknownMessage[] = u"unknown_message";    ///< a stream line that is neither PRICE nor HEARTBEAT
inline constexpr char16_t LineTooLong[] = u"line_too_long";         ///< a stream line over its cap
// Error answers (HTTP status with {"errorMessage", "errorCode"}).
inline constexpr char16_t InvalidRequest[] = u"invalid_request";    ///< 400, 405: fix the request, do not retry
inline constexpr char16_t Unauthorized[] = u"unauthorized";         ///< 401: token wrong, expired or for the other environment
inline constexpr char16_t Forbidden[] = u"forbidden";               ///< 403: the token may not use this account
inline constexpr char16_t NotFound[] = u"not_found";                ///< 404: account, instrument or order unknown
inline constexpr char16_t RateLimited[] = u"rate_limited";          ///< 429
inline constexpr char16_t ServerError[] = u"server_error";          ///< 5xx: retry later
inline constexpr char16_t BrokerError[] = u"broker_error";          ///< an error answer with no status we know

[[nodiscard]] inline Error make(const char16_t* kind, const QString& message, const QString& remedy = {})
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

/// The error an OANDA error answer describes: its kind from the HTTP status (0: unknown), its
/// message from `errorMessage` (and `errorCode`), cut to an excerpt.
[[nodiscard]] Error fromErrorAnswer(int httpStatus, const QJsonObject& root);

/// The same for a raw body: a body that is not a JSON object still gives the status's kind.
[[nodiscard]] Error parseErrorBody(int httpStatus, const QByteArray& body);

} // namespace sentinel::oandaError
