// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/NdjsonSplitter.h"

#include "advisor/AdvisorError.h"

#include <utility>

namespace sentinel::advisor {

namespace ae = advisorError;

NdjsonSplitter::NdjsonSplitter(qsizetype maxLineBytes) : m_maxLineBytes(maxLineBytes) {}

Error NdjsonSplitter::tooLong() const
{
    // The message must not depend on where the chunks were cut: no count of the bytes so far.
    return ae::make(ae::ResponseTooLarge, QStringLiteral("a stream line has more than %1 bytes").arg(m_maxLineBytes),
                    QStringLiteral("the server is not sending the line-by-line stream expected; check base_url and retry"));
}

std::optional<QByteArray> NdjsonSplitter::cleaned(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return std::nullopt;
    return line;
}

QList<QByteArray> NdjsonSplitter::feed(QByteArrayView bytes)
{
    QList<QByteArray> lines;
    while (!m_failure && !bytes.isEmpty()) {
        const qsizetype newline = bytes.indexOf('\n');
        const QByteArrayView piece = newline < 0 ? bytes : bytes.first(newline);
        // A "\r" at the end may be half of a "\r\n" and does not count towards the cap; were it
        // counted only when the "\n" is in the same chunk, the cap would depend on the cuts.
        const bool trailingCr = piece.isEmpty() ? m_partial.endsWith('\r') : piece.endsWith('\r');
        const qsizetype length = m_partial.size() + piece.size() - (trailingCr ? 1 : 0);
        if (length > m_maxLineBytes) {
            m_failure = tooLong();
            m_partial.clear();
            break;
        }
        m_partial.append(piece);
        if (newline < 0)
            break;
        if (auto line = cleaned(std::exchange(m_partial, QByteArray())))
            lines.append(std::move(*line));
        bytes = bytes.sliced(newline + 1);
    }
    return lines;
}

std::optional<QByteArray> NdjsonSplitter::finish()
{
    if (m_failure)
        return std::nullopt;
    return cleaned(std::exchange(m_partial, QByteArray()));
}

} // namespace sentinel::advisor
