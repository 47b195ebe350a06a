// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/OwnerOnlyFile.h"

#include <QFile>
#include <QFileInfo>

namespace sentinel {

Status ensureOwnerOnlyFile(const QString& path)
{
    constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile file(path);
    if (!QFileInfo::exists(path)) {
        // NewOnly creates with the mode given, atomically: never a moment with looser rights.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly) && !QFileInfo::exists(path)) {
            return Error{QStringLiteral("file_permissions"),
                         QStringLiteral("cannot create %1: %2").arg(path, file.errorString()),
                         QStringLiteral("check that the folder exists and is writable")};
        }
        file.close();
    }
    if (!QFileInfo(path).isFile())
        return okStatus(); // a device or pipe (e.g. /dev/null) is not ours to change
    constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (QFileInfo(path).permissions().testAnyFlags(others) && !file.setPermissions(ownerOnly)) {
        return Error{QStringLiteral("file_permissions"),
                     QStringLiteral("cannot make %1 readable by its owner only: %2").arg(path, file.errorString()),
                     QStringLiteral("run chmod 600 on it, or choose a file you own")};
    }
    return okStatus();
}

} // namespace sentinel
