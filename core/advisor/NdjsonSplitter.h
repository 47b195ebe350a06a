// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace sentinel::advisor {

/// Cuts a newline-delimited stream (NDJSON) into lines as its bytes arrive, in chunks of any
/// size cut anywhere: the lines come out the same however the bytes were split. A line ends at
/// "\n" (a "\r" before it is dropped); blank lines are skipped. A line longer than the cap
/// (advisor_response_too_large) fails the splitter as soon as more than the cap has arrived
/// without a newline, so a stream that never sends one cannot fill memory; the lines completed
/// before it are still returned, and after it nothing more is.
class NdjsonSplitter
{
public:
    explicit NdjsonSplitter(qsizetype maxLineBytes);

    /// Takes the next bytes; returns the lines they complete, oldest first. Check failure() after.
    [[nodiscard]] QList<QByteArray> feed(QByteArrayView bytes);
    /// The end of the stream: its last line when that had no newline, else none (and none once failed).
    [[nodiscard]] std::optional<QByteArray> finish();
    /// Why the splitter stopped: a line over the cap.
    [[nodiscard]] const std::optional<Error>& failure() const { return m_failure; }

    /// Bytes held of a line not yet complete.
    [[nodiscard]] qsizetype pendingBytes() const { return m_partial.size(); }

private:
    [[nodiscard]] Error tooLong() const;
    /// `line` without its "\r", or none when it is blank.
    [[nodiscard]] static std::optional<QByteArray> cleaned(QByteArray line);

    qsizetype m_maxLineBytes;
    QByteArray m_partial;
    std::optional<Error> m_failure;
};

} // namespace sentinel::advisor
