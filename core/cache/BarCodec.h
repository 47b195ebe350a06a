// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "market/Bar.h"

#include <QByteArray>

namespace sentinel {

/// Compact binary form of a bar list for the shared (Redis) cache: a version byte, a count,
/// then per bar the opening instant in ms and five doubles. decodeBars() rejects anything it
/// did not write (other version, truncation, non-finite or inverted prices) with an Error, so
/// a desk running another release never reads garbage.
[[nodiscard]] QByteArray encodeBars(const Bars& bars);
[[nodiscard]] Result<Bars> decodeBars(const QByteArray& bytes);

/// Whether a bar is plausible: finite, non-negative, low <= open/close <= high. Shared by the
/// codec and the bar store, which both read bytes written outside this process.
[[nodiscard]] bool isPlausibleBar(const Bar& bar);

} // namespace sentinel
