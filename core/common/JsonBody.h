// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

namespace sentinel {

// What a service's body that should have been JSON turned out to be. Shared by every wire parser
// (Alpha Vantage, OANDA, ...); the kinds are also providerError's (providers/ProviderError.h).
namespace jsonBody {
inline constexpr char16_t HtmlBody[] = u"html_body";           ///< an HTML page instead of JSON
inline constexpr char16_t TruncatedBody[] = u"truncated_body"; ///< JSON cut off
inline constexpr char16_t BinaryBody[] = u"binary_body";       ///< NUL bytes: not text at all
inline constexpr char16_t MalformedBody[] = u"malformed_body"; ///< not JSON at all
inline constexpr char16_t EmptyBody[] = u"empty_body";
} // namespace jsonBody

/// What a body that failed to parse as JSON is: binary, empty, an HTML page, cut-off JSON or just
/// malformed. `service` names the sender in the remedy ("check the base URL points at OANDA").
[[nodiscard]] Error classifyNonJsonBody(const QByteArray& body, const QJsonParseError& parseError,
                                        const QString& service);

/// A JSON value's type as an error names it: "candles[2].complete is a string, not a boolean".
[[nodiscard]] QString jsonTypeName(const QJsonValue& value);

} // namespace sentinel
