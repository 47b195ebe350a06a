// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Cells of the CSV files the reports write (RFC 4180, UTF-8): closed trades and the history.
namespace sentinel::csvcell {

/// Journal text reaches a spreadsheet through these files: it must stay text there. A cell a
/// spreadsheet would take for a formula (starting with = + - @, tab or CR) gets an apostrophe;
/// a cell with a comma, quote or line break is quoted.
[[nodiscard]] QString text(QString value);
/// The shortest text that reads back to the same double.
[[nodiscard]] QString number(double value);
/// UTC ISO 8601 with milliseconds.
[[nodiscard]] QString instant(qint64 msSinceEpoch);

} // namespace sentinel::csvcell
