// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"

namespace sentinel::test {

QString dataPath(const QString& relative)
{
    return QStringLiteral(SENTINEL_TEST_DATA_DIR "/") + relative;
}

} // namespace sentinel::test
