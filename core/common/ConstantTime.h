// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace sentinel {

/// Compares every byte whatever the first difference, so the answer time says nothing about how
/// much of a guessed secret (a bearer token, a callback tag) was right. Only the lengths, which
/// are public, end the comparison early.
[[nodiscard]] inline bool equalInConstantTime(const QByteArray& given, const QByteArray& expected)
{
    if (given.size() != expected.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < given.size(); ++i)
        difference |= static_cast<unsigned char>(given.at(i) ^ expected.at(i));
    return difference == 0;
}

} // namespace sentinel
