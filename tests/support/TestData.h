// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sentinel::test {

/// Absolute path of a fixture under tests/data/.
QString dataPath(const QString& relative);

/// The whole of a fixture file, or empty when it cannot be read.
QByteArray readFile(const QString& path);

/// For a golden test's `_data()`: a `folder` column and one row a case folder under
/// tests/data/`relative`, named after the folder, in name order. Fails the test when fewer than
/// `atLeast` are found, so a lost folder cannot pass unnoticed.
void addGoldenCaseRows(const QString& relative, qsizetype atLeast);

/// Writes `text` to `path` (a file a test builds in its temporary folder); false when it cannot.
bool writeTextFile(const QString& path, const QByteArray& text);

/// SHA-256 of a file's bytes; empty when it cannot be read. Tests use it to show a file unchanged.
QByteArray fileSha256(const QString& path);

} // namespace sentinel::test
