// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sentinel::test {

/// Absolute path of a fixture under tests/data/.
QString dataPath(const QString& relative);

} // namespace sentinel::test
