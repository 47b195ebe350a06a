// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/Advice.h"
#include "common/Error.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QStringList>

// The one definition of what a model must answer (issue 15, ADR 0114): exactly
//   {"action": "buy"|"sell"|"hold", "confidence": 0..1, "horizon": text, "stop": price|null,
//    "reason": text}
// The JSON schema sent as Ollama's `format` and OpenAI's `response_format`, and the validator
// that checks what comes back, are both made from the key list here. Servers that honour the
// schema make a valid answer likely; the validator makes anything else harmless.

namespace sentinel::advisor {

/// The longest horizon and reason accepted, in characters.
inline constexpr qsizetype kMaxHorizonChars = 64;
inline constexpr qsizetype kMaxReasonChars = 2000;

/// The answer's keys, in the order the schema lists them; no other key is allowed.
[[nodiscard]] const QStringList& adviceKeys();

/// The JSON schema of the answer, for Ollama's `format`.
[[nodiscard]] QJsonObject adviceJsonSchema();
/// The same schema as OpenAI's `response_format` ({"type": "json_schema", ...}, strict).
[[nodiscard]] QJsonObject openAiResponseFormat();

/// Validates the model's answer text (Ollama's message.content or response, OpenAI's
/// choices[0].message.content), UTF-8. Anything but exactly the advice object (prose around
/// it, code fences, a missing, extra, repeated or mistyped key, a number that is not finite or
/// out of range, an empty reason, control characters, more than kMaxAdviceBytes) is
/// advisor_invalid_output naming the offending key; the caller counts it as hold. Nothing in
/// the text is ever interpreted beyond these five fields.
[[nodiscard]] Result<Advice> parseAdvice(QByteArrayView content);
[[nodiscard]] Result<Advice> parseAdvice(const QString& content);

} // namespace sentinel::advisor
