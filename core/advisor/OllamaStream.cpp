// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/OllamaStream.h"

#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"

namespace sentinel::advisor {

namespace ae = advisorError;

OllamaStream::OllamaStream(OllamaEndpoint endpoint) : m_endpoint(endpoint), m_splitter(kMaxStreamLineBytes) {}

void OllamaStream::fail(const Error& error)
{
    if (!m_failure)
        m_failure = error;
}

bool OllamaStream::feed(QByteArrayView bytes)
{
    if (m_failure)
        return false;
    // Only the bytes up to the cap are read, so the lines before it count the same however the
    // body was cut.
    const qsizetype room = kMaxStreamBytes - m_bytes;
    const bool over = bytes.size() > room;
    const QByteArrayView taken = over ? bytes.first(room) : bytes;
    m_bytes += taken.size();
    for (const QByteArray& line : m_splitter.feed(taken)) {
        takeLine(line);
        if (m_failure)
            return false;
    }
    if (m_splitter.failure())
        fail(*m_splitter.failure());
    if (over)
        fail(ae::make(ae::ResponseTooLarge,
                      QStringLiteral("the streamed answer has more than %1 bytes").arg(kMaxStreamBytes),
                      QStringLiteral("ask for a shorter answer; a real one is far smaller")));
    return !m_failure;
}

void OllamaStream::takeLine(const QByteArray& line)
{
    ++m_lines;
    const QString where = QStringLiteral("line %1 of the stream").arg(m_lines);
    if (m_final) {
        fail(ae::make(ae::UnexpectedShape, where + QStringLiteral(" follows the final object (done: true)"),
                      QStringLiteral("the server is not sending Ollama's stream; check base_url")));
        return;
    }
    auto chunk = parseOllamaChunk(m_endpoint, line);
    if (!chunk) {
        const Error& error = chunk.error();
        // An error the server sent says so itself; a line we could not read is named by its number.
        fail(error.kind == QString::fromUtf16(ae::StreamError) ? error : Error(error.kind, where + u": " + error.message, error.remedy));
        return;
    }
    ++m_chunks;
    m_content += chunk.value().content;
    if (chunk.value().done)
        m_final = std::move(chunk).value();
}

Result<OllamaReply> OllamaStream::finish()
{
    if (!m_failure) {
        if (const auto last = m_splitter.finish())
            takeLine(*last);
    }
    if (m_failure)
        return *m_failure;
    if (!m_final)
        return ae::make(ae::StreamError,
                        QStringLiteral("the stream ended after %1 chunks without its final object (done: true)").arg(m_chunks),
                        QStringLiteral("the connection was cut or the server stopped; retry"));
    OllamaReply reply = *m_final;
    reply.content = m_content;
    return reply;
}

} // namespace sentinel::advisor
