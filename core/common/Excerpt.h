// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace sentinel {

/// How much of an input value an error message may quote: enough to recognise it, never a
/// whole body or a megabyte-long line.
inline constexpr qsizetype kExcerptChars = 80;

/// `text` as an error quotes it: at most `maxChars` characters, then "…" when it was longer.
/// Never cuts a surrogate pair in half. Every message that echoes an input value goes through
/// this, so no input can make a message (and the log, journal or UI line it lands in) unbounded.
[[nodiscard]] QString excerpt(QStringView text, qsizetype maxChars = kExcerptChars);
/// The same for raw bytes, decoded as UTF-8 (only the head is decoded).
[[nodiscard]] QString excerpt(const QByteArray& bytes, qsizetype maxChars = kExcerptChars);

} // namespace sentinel
