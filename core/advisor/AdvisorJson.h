// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/Advice.h"
#include "advisor/OllamaModels.h"
#include "advisor/OllamaReply.h"
#include "advisor/OllamaVersion.h"
#include "advisor/OpenAiChat.h"
#include "advisor/OpenAiModels.h"

#include <QJsonObject>

// The normalised JSON of what the advisor read: the form `sentinel advisor test`, the journal
// and the golden tests (tests/data/ollama/golden) use. Instants are UTC with milliseconds and
// a `Z`; absent optional values are JSON null.

namespace sentinel::advisor {

/// {"action", "confidence", "horizon", "stop", "reason"}
[[nodiscard]] QJsonObject toJson(const Advice& advice);
/// {"model", "created_at", "content", "done", "done_reason", "timings": {...}}
[[nodiscard]] QJsonObject toJson(const OllamaReply& reply);
/// {"models": [{"name", "model", "size", "digest", "modified_at", "expires_at", "size_vram", "details"}]}
[[nodiscard]] QJsonObject toJson(const QList<OllamaModel>& models);
/// {"version", "major", "minor", "patch"}
[[nodiscard]] QJsonObject toJson(const OllamaVersion& version);
/// {"id", "model", "created", "content", "finish_reason", "system_fingerprint", "usage"}
[[nodiscard]] QJsonObject toJson(const OpenAiChatCompletion& completion);
/// {"models": [{"id", "owned_by", "created"}]}
[[nodiscard]] QJsonObject toJson(const QList<OpenAiModel>& models);

} // namespace sentinel::advisor
