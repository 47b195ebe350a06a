// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonParseError>

#include <optional>

// How the Alpha Vantage parser (providers/AlphaVantageParser.h) recognises a body that is an
// error rather than data; not part of the public provider API. The kinds are those of
// providers/ProviderError.h.

namespace sentinel {
namespace alphaVantage {

/// Alpha Vantage answers HTTP 200 with "Error Message", "Note" or "Information" when it refuses;
/// the error that member describes, or nullopt when the body has none of them. An API key the
/// text echoes is masked.
[[nodiscard]] std::optional<Error> errorInBody(const QJsonObject& root);

/// What a body that is not JSON is: empty, an HTML page, cut-off JSON or just malformed.
[[nodiscard]] Error classifyNonJson(const QByteArray& body, const QJsonParseError& parseError);

} // namespace alphaVantage
} // namespace sentinel
