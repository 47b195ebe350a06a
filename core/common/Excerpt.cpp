// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Excerpt.h"

#include <algorithm>

namespace sentinel {

QString excerpt(QStringView text, qsizetype maxChars)
{
    if (maxChars < 1)
        maxChars = 1;
    if (text.size() <= maxChars)
        return text.toString();
    qsizetype cut = maxChars;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.first(cut).toString() + QChar(0x2026);
}

QString excerpt(const QByteArray& bytes, qsizetype maxChars)
{
    // UTF-8 needs at most four bytes a character; decoding more than that would be wasted work.
    const qsizetype head = std::min<qsizetype>(bytes.size(), (maxChars + 1) * 4);
    const QString decoded = QString::fromUtf8(bytes.first(head));
    if (head < bytes.size() && decoded.size() <= maxChars)
        return decoded + QChar(0x2026);
    return excerpt(QStringView(decoded), maxChars);
}

} // namespace sentinel
