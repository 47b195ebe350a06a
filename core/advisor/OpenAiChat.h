// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace sentinel::advisor {

/// Token counts of one completion.
struct OpenAiUsage {
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 totalTokens = 0;
    friend bool operator==(const OpenAiUsage&, const OpenAiUsage&) = default;
};

/// A POST /v1/chat/completions answer (not streamed): the first choice's text and the figures.
struct OpenAiChatCompletion {
    QString id;           ///< "chatcmpl-123"; empty when absent
    QString model;        ///< the model that answered, as the server names it
    qint64 created = 0;   ///< UNIX seconds; 0 when absent
    QString content;      ///< choices[0].message.content
    QString finishReason; ///< "stop", "length", ...; empty when null or absent
    QString systemFingerprint;
    std::optional<OpenAiUsage> usage;
    friend bool operator==(const OpenAiChatCompletion&, const OpenAiChatCompletion&) = default;
};

/// Parses the answer. `object`, when given, must be "chat.completion"; `choices` must hold at
/// least one choice whose message's `content` is a string. A null content (the model called a
/// tool) is advisor_unexpected_shape; a `refusal` is advisor_invalid_output (the model refused
/// to advise, which counts as hold); an `{"error": ...}` body with a 200 is the error it names.
[[nodiscard]] Result<OpenAiChatCompletion> parseOpenAiChatCompletion(QByteArrayView body);

} // namespace sentinel::advisor
