// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace sentinel {

/// Parses configuration durations: a number followed by a unit, `500ms`, `30s`, `5m`, `2h`, `1d`.
/// Returns nullopt for anything else (no unit, negative, unknown unit, overflow).
[[nodiscard]] std::optional<std::chrono::milliseconds> parseDuration(QStringView text);

/// The shortest exact form: 7200000 ms → "2h", 90 s → "90s".
[[nodiscard]] QString formatDuration(std::chrono::milliseconds duration);

} // namespace sentinel
