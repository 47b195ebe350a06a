// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace sentinel {

/// The `${NAME}` form in which a configuration file refers to a secret kept elsewhere (the
/// environment or the OS keychain), so the file itself never holds it.

/// NAME when `text` (surrounding spaces aside) is exactly one `${NAME}` reference; nullopt for a
/// value written in clear, an empty one, or anything else.
[[nodiscard]] std::optional<QString> secretReferenceName(const QString& text);

/// `${NAME}`.
[[nodiscard]] QString secretReference(const QString& name);

/// Every NAME written as `${NAME}` anywhere in a configuration's text, each once, in the order of
/// first appearance. The text is not parsed: a reference in a comment counts too, which costs at
/// most one keychain read that nothing uses.
[[nodiscard]] QStringList secretReferenceNames(const QByteArray& yaml);

} // namespace sentinel
