// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QString>

namespace sentinel {

// Error kinds of finding the control channel's address.
namespace controlEndpointError {
inline constexpr char16_t NoJournal[] = u"control_no_journal";                ///< no journal path to name the desk by
inline constexpr char16_t NoRuntimeDir[] = u"control_no_runtime_dir";         ///< no per-user runtime folder
inline constexpr char16_t RuntimeDirUnsafe[] = u"control_runtime_dir_unsafe"; ///< not ours, or open to others
inline constexpr char16_t PathTooLong[] = u"control_path_too_long";           ///< over what a Unix socket address holds
} // namespace controlEndpointError

/// Where the local control channel of the desk that uses a journal listens (ADR 0133).
///
/// The journal is the desk's identity: it is the one file a running engine holds for itself
/// (its proposals, approvals, executions, outbox and paper account), two engines must never
/// share one, and the app, `sentinel run` and `sentinel control` all arrive at it the same way
/// (`--journal`, else `journal.path`, else the platform's data folder). So the same
/// configuration finds the same engine, two desks on one machine with their own journals get
/// their own channels, and a second engine started on a journal that is already served is told
/// so instead of taking its channel over.
///
/// On Linux and other Unix systems the address is a socket file,
/// `<runtime dir>/trade-sentinel-<first 16 hex digits of SHA-256(canonical journal path)>.sock`,
/// in a folder only the user can enter: `$XDG_RUNTIME_DIR` (else Qt's 0700 fallback) on Linux,
/// the per-user `$TMPDIR` on macOS. Never the abstract namespace (any local user may connect
/// there), never a bare name in /tmp. On Windows it is a named pipe, a machine-wide name, so
/// it carries the user name: `trade-sentinel-<user>-<hash>`.
class ControlEndpoint final
{
public:
    /// Bytes a Unix socket address holds, NUL included: 108 on Linux, 104 on macOS and the BSDs.
#if defined(Q_OS_LINUX)
    static constexpr qsizetype maxSocketPathBytes = 108;
#else
    static constexpr qsizetype maxSocketPathBytes = 104;
#endif

    /// The address of the channel for `journalPath`, as QLocalServer::listen and
    /// QLocalSocket::connectToServer take it: the socket's full path, or the pipe's name.
    [[nodiscard]] static Result<QString> serverName(const QString& journalPath);

    /// The same inside a given folder (Unix), checked the same way: `runtimeDirectory()` is
    /// what serverName() passes. For tests and for callers that chose the folder themselves.
    [[nodiscard]] static Result<QString> serverNameIn(const QString& runtimeDirectory, const QString& journalPath);

    /// The per-user runtime folder (Unix); empty when the platform offers none.
    [[nodiscard]] static QString runtimeDirectory();

    /// The journal path that names the desk: absolute, `.` and `..` resolved, symbolic links
    /// followed (for the file when it exists, else for its folder); case folded on Windows,
    /// whose file names ignore case. Empty for an empty path.
    [[nodiscard]] static QString canonicalJournalPath(const QString& journalPath);

    /// "trade-sentinel-<hash>.sock" (Unix) or "trade-sentinel-<user>-<hash>" (Windows).
    [[nodiscard]] static QString fileName(const QString& canonicalJournalPath);
};

} // namespace sentinel
