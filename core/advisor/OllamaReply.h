// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace sentinel::advisor {

/// Which Ollama endpoint an answer came from: /api/chat carries the text in `message.content`,
/// /api/generate in `response`. Everything else is shared.
enum class OllamaEndpoint { Chat, Generate };

/// Ollama's figures for one answer (present on the final object only). Durations are nanoseconds.
struct OllamaTimings {
    std::optional<qint64> totalNs;
    std::optional<qint64> loadNs;
    std::optional<qint64> promptEvalCount;
    std::optional<qint64> promptEvalNs;
    std::optional<qint64> evalCount;
    std::optional<qint64> evalNs;
    friend bool operator==(const OllamaTimings&, const OllamaTimings&) = default;
};

/// One answer of /api/chat or /api/generate: a whole non-streamed answer, one stream chunk, or
/// a stream put together (OllamaStream.h).
struct OllamaReply {
    QString model;       ///< the model that answered, as the server names it
    QDateTime createdAt; ///< UTC; invalid when the server sent none
    QString content;     ///< the model's text: message.content (chat) or response (generate)
    bool done = false;
    QString doneReason;  ///< "stop", "length", "load", "unload", or empty when not given
    OllamaTimings timings;
    friend bool operator==(const OllamaReply&, const OllamaReply&) = default;
};

/// Parses a non-streamed answer (`"stream": false`): one object that must say `done: true`.
/// A body over kMaxReplyBodyBytes, a body that is an `{"error": ...}` answer (status unknown,
/// 200 assumed), and any member of the wrong type are typed errors.
[[nodiscard]] Result<OllamaReply> parseOllamaReply(OllamaEndpoint endpoint, QByteArrayView body);

/// Parses one line of a streamed answer (a chunk, or the final object with `done: true`). A
/// line over kMaxStreamLineBytes is advisor_response_too_large; an `{"error": ...}` line is
/// advisor_stream_error, though the answer's status was 200.
[[nodiscard]] Result<OllamaReply> parseOllamaChunk(OllamaEndpoint endpoint, QByteArrayView line);

/// Reads one object of either kind (a stream chunk or a whole answer) whose root is `object`;
/// the caller has checked it is not an error object (errorAnswerText, ErrorAnswer.h).
[[nodiscard]] Result<OllamaReply> readOllamaReplyObject(OllamaEndpoint endpoint, const QJsonObject& object);

} // namespace sentinel::advisor
