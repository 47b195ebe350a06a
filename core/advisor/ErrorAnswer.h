// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/ProviderKind.h"
#include "common/Error.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace sentinel::advisor {

/// The server's text when `object` is an error answer: Ollama's `{"error": "text"}` or the
/// OpenAI envelope `{"error": {"message", "type", "param", "code"}}` (either shape from either
/// kind of server: Ollama's /v1 speaks the second, llama.cpp and others mix them). None when
/// `object` has no `error` member; an `error` of another type is still an error ("").
[[nodiscard]] std::optional<QString> errorAnswerText(const QJsonObject& object);

/// The typed error of an answer with a non-2xx status (AdvisorError.h, fromServerError). A
/// body that is neither error shape (an HTML page from a proxy, Go's plain "404 page not
/// found") still gives the status's kind and quotes the start of its text. `model` is the
/// configured model the remedy names.
[[nodiscard]] Error parseErrorAnswer(ProviderKind provider, int httpStatus, QByteArrayView body, const QString& model);

} // namespace sentinel::advisor
