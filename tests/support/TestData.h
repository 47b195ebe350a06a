// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sentinel::test {

/// Absolute path of a fixture under tests/data/.
QString dataPath(const QString& relative);

/// Writes `text` to `path` (a file a test builds in its temporary folder); false when it cannot.
bool writeTextFile(const QString& path, const QByteArray& text);

} // namespace sentinel::test
