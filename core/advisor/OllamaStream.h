// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/NdjsonSplitter.h"
#include "advisor/OllamaReply.h"
#include "common/Error.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace sentinel::advisor {

/// Reads a streamed /api/chat or /api/generate answer (NDJSON, one object a line, the last
/// with `done: true`) as its bytes arrive, cut anywhere: the outcome is the same however the
/// body was split. The text of the chunks is put together; the final object gives the model,
/// the done reason and the timings. Ends in an error, and reads nothing more, on the first of:
/// an `{"error": ...}` line (advisor_stream_error, though the status was 200), a line that is
/// not a chunk (named by its number), a line over kMaxStreamLineBytes or a body over
/// kMaxStreamBytes (advisor_response_too_large), a line after the final object; and at the end,
/// a stream without its final object (advisor_stream_error: the connection was cut).
class OllamaStream
{
public:
    explicit OllamaStream(OllamaEndpoint endpoint);

    /// Takes the next bytes of the body. False once the stream has failed (failure() says why).
    bool feed(QByteArrayView bytes);
    /// The end of the body: the whole answer, or why there is none.
    [[nodiscard]] Result<OllamaReply> finish();

    /// The text so far, for showing progress; never the answer before finish().
    [[nodiscard]] const QString& content() const { return m_content; }
    [[nodiscard]] qsizetype chunks() const { return m_chunks; }
    [[nodiscard]] const std::optional<Error>& failure() const { return m_failure; }

private:
    void takeLine(const QByteArray& line);
    void fail(const Error& error);

    OllamaEndpoint m_endpoint;
    NdjsonSplitter m_splitter;
    qsizetype m_bytes = 0;
    qsizetype m_lines = 0;
    qsizetype m_chunks = 0;
    QString m_content;
    std::optional<OllamaReply> m_final;
    std::optional<Error> m_failure;
};

} // namespace sentinel::advisor
