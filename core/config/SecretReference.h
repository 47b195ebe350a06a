// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace sentinel {

/// The `${NAME}` form in which a configuration file refers to a secret kept elsewhere (the
/// environment or the OS keychain), so the file itself never holds it.

/// NAME when `text` (surrounding spaces aside) is exactly one `${NAME}` reference; nullopt for a
/// value written in clear, an empty one, or anything else.
[[nodiscard]] std::optional<QString> secretReferenceName(const QString& text);

/// `${NAME}`.
[[nodiscard]] QString secretReference(const QString& name);

} // namespace sentinel
