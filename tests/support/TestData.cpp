// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"

#include <QFile>

namespace sentinel::test {

QString dataPath(const QString& relative)
{
    return QStringLiteral(SENTINEL_TEST_DATA_DIR "/") + relative;
}

bool writeTextFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace sentinel::test
