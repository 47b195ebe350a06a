// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>

namespace sentinel {

/// What a file is read for; each kind has its own size cap (fileSizeCap()). Every file the
/// program reads from a user-given path goes through readBoundedFile(), so a device, a FIFO, a
/// directory or a runaway file is refused with a message instead of exhausting memory or
/// blocking for ever (DESIGN.md: "every file read is a regular file under a size cap").
enum class FileKind {
    Config,     ///< the YAML configuration
    Calendars,  ///< a calendar JSON file (built-in or override)
    ParseInput, ///< a saved provider body given to `sentinel parse`
    ReplayData, ///< one replay CSV
    Returns,    ///< `sentinel var`'s file of returns
};

/// The caps, in one place. Generous against real files (a config is a few KiB, a calendar file
/// a few hundred KiB) and small enough that reading one whole is never a memory problem. The
/// configuration's is 16 MiB, not 4: a 120,000-row watchlist, which must load, is about 6 MiB.
inline constexpr qint64 kMiB = qint64{1024} * 1024;
[[nodiscard]] constexpr qint64 fileSizeCap(FileKind kind)
{
    switch (kind) {
    case FileKind::Config:
    case FileKind::Calendars: return 16 * kMiB;
    case FileKind::ParseInput:
    case FileKind::ReplayData:
    case FileKind::Returns: return 64 * kMiB;
    }
    return 0;
}

/// "configuration file", "calendar file", …: how a message names the file.
[[nodiscard]] QString fileKindName(FileKind kind);

/// The whole content of `path`, or an Error of kind "bad_file" that names the path, what is wrong
/// (missing, not a regular file, unreadable, larger than the cap) and how to fix it. Embedded Qt
/// resources (":/…") are regular files too. Reads at most cap + 1 bytes, so a file that grows
/// while it is read is refused as well.
[[nodiscard]] Result<QByteArray> readBoundedFile(const QString& path, FileKind kind);

/// The cap overridden, for tests that cannot afford a 4 MiB file per case.
[[nodiscard]] Result<QByteArray> readBoundedFile(const QString& path, FileKind kind, qint64 cap);

} // namespace sentinel
