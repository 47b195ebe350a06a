// SPDX-License-Identifier: GPL-3.0-or-later
#include "control/ControlEndpoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace sentinel {

namespace {

Error make(const char16_t* kind, const QString& message, const QString& remedy)
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

QString journalHash(const QString& canonicalJournalPath)
{
    const QByteArray digest = QCryptographicHash::hash(canonicalJournalPath.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(16));
}

#if defined(Q_OS_WIN)
/// The account name as a pipe name may hold it. Only keeps two users' pipes apart: the pipe's
/// access list (QLocalServer::UserAccessOption) is what keeps others out.
QString pipeUserName()
{
    QString name = qEnvironmentVariable("USERNAME").left(64);
    for (QChar& c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != u'.' && c != u'_' && c != u'-')
            c = u'_';
    }
    return name.isEmpty() ? QStringLiteral("user") : name;
}
#endif

#if defined(Q_OS_UNIX)
QString runtimeRemedy()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("set TMPDIR to a folder that only your account can enter (mode 0700), as macOS does for "
                          "every login");
#else
    return QStringLiteral("set XDG_RUNTIME_DIR to a folder that only your account can enter (mode 0700), as "
                          "systemd-logind does for every login");
#endif
}

/// A folder the socket may be put in: ours, and closed to everyone else, so nobody else can
/// reach the socket or put one of their own in its place.
Status checkRuntimeDirectory(const QString& folder)
{
    if (folder.isEmpty())
        return make(controlEndpointError::NoRuntimeDir, QStringLiteral("there is no per-user runtime folder"),
                    runtimeRemedy());
    const QFileInfo info(folder);
    if (!info.isAbsolute() || !info.isDir())
        return make(controlEndpointError::NoRuntimeDir,
                    QStringLiteral("the runtime folder %1 is not an existing absolute folder").arg(folder),
                    runtimeRemedy());
    if (info.ownerId() != uint(::geteuid()))
        return make(controlEndpointError::RuntimeDirUnsafe,
                    QStringLiteral("the runtime folder %1 belongs to another account").arg(folder), runtimeRemedy());
    constexpr QFile::Permissions others =
        QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    if (const QFile::Permissions permissions = info.permissions(); permissions & others) {
        // QFile's flags hold the owner's bits at 0x7000 and the group's and others' at 0x0077:
        // as hexadecimal digits they read like the octal mode.
        const uint bits = permissions.toInt();
        return make(controlEndpointError::RuntimeDirUnsafe,
                    QStringLiteral("the runtime folder %1 is open to other accounts (mode %2)")
                        .arg(folder)
                        .arg(((bits & 0x7000U) >> 4U) | (bits & 0x0077U), 3, 16, QLatin1Char('0')),
                    runtimeRemedy());
    }
    return okStatus();
}
#endif

} // namespace

QString ControlEndpoint::canonicalJournalPath(const QString& journalPath)
{
    if (journalPath.isEmpty())
        return {};
    const QFileInfo info(QDir::cleanPath(QFileInfo(journalPath).absoluteFilePath()));
    QString path = info.exists() ? info.canonicalFilePath() : QString();
    if (path.isEmpty()) {
        // Not created yet (or a dangling link): the folder's real path and the name in it.
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        path = folder.isEmpty() ? info.absoluteFilePath() : QDir(folder).filePath(info.fileName());
    }
#if defined(Q_OS_WIN)
    path = path.toCaseFolded();
#endif
    return path;
}

QString ControlEndpoint::fileName(const QString& canonicalJournalPath)
{
#if defined(Q_OS_WIN)
    return QStringLiteral("trade-sentinel-%1-%2").arg(pipeUserName(), journalHash(canonicalJournalPath));
#else
    return QStringLiteral("trade-sentinel-%1.sock").arg(journalHash(canonicalJournalPath));
#endif
}

QString ControlEndpoint::runtimeDirectory()
{
#if defined(Q_OS_MACOS)
    // Qt's RuntimeLocation there is a folder under Library that may be readable by the group;
    // launchd gives every login a private TMPDIR (/var/folders/…/T), the usual place for sockets.
    return QDir::cleanPath(QDir::tempPath());
#elif defined(Q_OS_UNIX)
    // $XDG_RUNTIME_DIR, which Qt checks is ours and 0700; without it Qt makes /tmp/runtime-<user>, 0700.
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
#else
    return {};
#endif
}

Result<QString> ControlEndpoint::serverName(const QString& journalPath)
{
    return serverNameIn(runtimeDirectory(), journalPath);
}

Result<QString> ControlEndpoint::serverNameIn(const QString& runtimeDirectory, const QString& journalPath)
{
    const QString canonical = canonicalJournalPath(journalPath);
    if (canonical.isEmpty())
        return make(controlEndpointError::NoJournal, QStringLiteral("no journal path names the desk to control"),
                    QStringLiteral("give the journal the engine uses (journal.path, or --journal FILE)"));
#if defined(Q_OS_UNIX)
    if (const Status usable = checkRuntimeDirectory(runtimeDirectory); !usable)
        return usable.error();
    const QString path = QDir(QDir::cleanPath(runtimeDirectory)).filePath(fileName(canonical));
    if (path.toUtf8().size() + 1 > maxSocketPathBytes)
        return make(controlEndpointError::PathTooLong,
                    QStringLiteral("the control socket path %1 is %2 bytes long; a local socket address holds %3")
                        .arg(path)
                        .arg(path.toUtf8().size())
                        .arg(maxSocketPathBytes - 1),
                    runtimeRemedy());
    return path;
#else
    Q_UNUSED(runtimeDirectory)
    return fileName(canonical);
#endif
}

} // namespace sentinel
