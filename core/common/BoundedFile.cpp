// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/BoundedFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace sentinel {

namespace {

QString sizeText(qint64 bytes)
{
    if (bytes >= kMiB)
        return QStringLiteral("%1 MiB").arg(double(bytes) / double(kMiB), 0, 'f', bytes % kMiB == 0 ? 0 : 1);
    return QStringLiteral("%1 bytes").arg(bytes);
}

Error badFile(const QString& path, FileKind kind, const QString& what, const QString& remedy)
{
    return Error{QStringLiteral("bad_file"),
                 QStringLiteral("%1 %2 %3").arg(fileKindName(kind), QDir::toNativeSeparators(path), what), remedy};
}

/// What the file should be, for remedies: "give the path of <this>".
QString expectedFile(FileKind kind)
{
    switch (kind) {
    case FileKind::Config: return QStringLiteral("a YAML configuration file");
    case FileKind::Calendars: return QStringLiteral("a calendar JSON file");
    case FileKind::ParseInput: return QStringLiteral("a saved response body");
    case FileKind::ReplayData: return QStringLiteral("a replay CSV file");
    case FileKind::Returns: return QStringLiteral("a text file of returns, one a line");
    }
    return QStringLiteral("a regular file");
}

/// What a path that is not a regular file is instead, in the words `ls -l` users know.
QString notRegularWhat(const QFileInfo& info)
{
    if (info.isDir())
        return QStringLiteral("is a directory, not a file");
    return QStringLiteral("is not a regular file (a device, pipe or socket)");
}

} // namespace

QString fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Config: return QStringLiteral("configuration file");
    case FileKind::Calendars: return QStringLiteral("calendar file");
    case FileKind::ParseInput: return QStringLiteral("input file");
    case FileKind::ReplayData: return QStringLiteral("replay file");
    case FileKind::Returns: return QStringLiteral("returns file");
    }
    return QStringLiteral("file");
}

Result<QByteArray> readBoundedFile(const QString& path, FileKind kind)
{
    return readBoundedFile(path, kind, fileSizeCap(kind));
}

Result<QByteArray> readBoundedFile(const QString& path, FileKind kind, qint64 cap)
{
    const QFileInfo info(path);
    if (!info.exists())
        return badFile(path, kind, QStringLiteral("does not exist"),
                       QStringLiteral("check the path; it should name %1").arg(expectedFile(kind)));
    if (!info.isFile())
        return badFile(path, kind, notRegularWhat(info),
                       QStringLiteral("give the path of %1 (a regular file)").arg(expectedFile(kind)));
    if (info.size() > cap)
        return badFile(path, kind, QStringLiteral("is %1, more than the %2 a %3 may have").arg(sizeText(info.size()), sizeText(cap), fileKindName(kind)),
                       QStringLiteral("check that this is the intended file; a genuine one this large must be split"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badFile(path, kind, QStringLiteral("cannot be read: %1").arg(file.errorString()),
                       QStringLiteral("check the file's permissions"));
    // Asks for what the file holds now plus one byte (to see it grow), not for the cap: QIODevice
    // sizes its buffer to the request, and the cap is 32 MiB for a 2 KB configuration.
    QByteArray content = file.read(std::min(cap, info.size()) + 1);
    if (content.size() > info.size() && content.size() <= cap) // it grew, or its size says nothing (/proc)
        content += file.read(cap + 1 - content.size());
    if (file.error() != QFileDevice::NoError)
        return badFile(path, kind, QStringLiteral("cannot be read: %1").arg(file.errorString()),
                       QStringLiteral("check the file and the disk"));
    if (content.size() > cap)
        return badFile(path, kind, QStringLiteral("grew beyond the %1 cap while it was read").arg(sizeText(cap)),
                       QStringLiteral("read it once it is no longer being written"));
    return content;
}

} // namespace sentinel
